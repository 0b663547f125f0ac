"""The report as format-neutral sections of blocks (see :mod:`.blocks`).

:func:`build_document` takes a *suppressed* report and a language; every renderer
lays out the same document, so the formats show the same numbers.
"""

from __future__ import annotations

import pandas as pd

from impact.charts import reach_chart
from impact.i18n import fmt_date, t
from impact.report.blocks import (
    Block,
    Cell,
    Document,
    Figure,
    Heading,
    Paragraph,
    Section,
    Table,
    count,
    number,
    text,
)
from impact.report.evidence import evidence_level
from impact.report.formatting import translated
from impact.report.model import EvidenceReport
from impact.report.outcome_blocks import (
    outcome_blocks,
    overview_table,
    spec,
)
from impact.report.summary import summary_sentences
from impact.report.value_blocks import value_blocks


def build_document(report: EvidenceReport, lang: str) -> Document:
    """Sections: summary, evidence level, outcomes, value, methods, reproducibility."""
    sections = (
        Section(
            "summary", t("report.section.summary", lang=lang), _summary(report, lang)
        ),
        Section(
            "evidence", t("report.section.evidence", lang=lang), _evidence(report, lang)
        ),
        Section(
            "outcomes", t("report.section.outcomes", lang=lang), _outcomes(report, lang)
        ),
        Section("value", t("report.section.value", lang=lang), _value(report, lang)),
        Section(
            "methods", t("report.section.methods", lang=lang), _methods(report, lang)
        ),
        Section(
            "reproducibility",
            t("report.section.reproducibility", lang=lang),
            _reproducibility(report, lang),
        ),
    )
    subtitle: tuple[str, ...] = (
        report.organisation,
        ", ".join(report.programmes),
        t(
            "report.period",
            lang=lang,
            start=fmt_date(report.period_start, lang=lang),
            end=fmt_date(report.period_end, lang=lang),
        ),
        t("report.created", lang=lang, when=fmt_date(report.created_at, lang=lang)),
    )
    if report.funder:
        subtitle += (t("report.funder", lang=lang, funder=report.funder),)
    return Document(report.title, subtitle, lang, report.min_cell, sections)


def _summary(report: EvidenceReport, lang: str) -> tuple[Block, ...]:
    out: list[Block] = [Paragraph(s, "bullet") for s in summary_sentences(report, lang)]
    reach = report.reach
    words = "areas" if reach.unit == "areas" else "reach"
    rows = [
        (
            text(t(f"report.{words}.participants", lang=lang)),
            count(reach.n_participants),
        )
    ]
    if reach.n_comparison is not None:
        rows.append(
            (
                text(t(f"report.{words}.comparison", lang=lang)),
                count(reach.n_comparison),
            )
        )
    if reach.n_measurements is not None:
        rows.append(
            (
                text(t(f"report.{words}.measurements", lang=lang)),
                count(reach.n_measurements),
            )
        )
    out.append(Heading(t("report.reach.title", lang=lang), 2))
    header = (t("report.col.item", lang=lang), t("report.col.n", lang=lang))
    out.append(Table("reach", header, tuple(rows), widths=(4, 1)))
    if reach.by_area:
        area_rows = tuple((text(r.area), count(r.n)) for r in reach.by_area)
        out.append(
            Table(
                "reach.by_area",
                (t("charts.area", lang=lang), t("report.col.n", lang=lang)),
                area_rows,
                widths=(4, 1),
            )
        )
        frame = pd.DataFrame(
            [{"area": r.area, "n": r.n} for r in reach.by_area],
            columns=["area", "n"],
        )
        chart = reach_chart(frame, min_cell=report.min_cell, lang=lang)
        out.append(Figure("reach", spec(chart), t("report.fig.reach", lang=lang)))
    return tuple(out)


def _evidence(report: EvidenceReport, lang: str) -> tuple[Block, ...]:
    m = report.methods
    level = evidence_level(m.design, m.n_studies, long_follow_up=m.long_follow_up)
    out: list[Block] = [Paragraph(t("report.evidence.ladder", lang=lang))]
    if level.strength is not None:
        out.append(
            Paragraph(
                t(
                    "report.evidence.could_support",
                    lang=lang,
                    level=t(f"report.evidence.level_{level.strength}", lang=lang),
                ),
                "lead",
            )
        )
    out += [Paragraph(t(r, lang=lang)) for r in level.reasons]
    if not level.verified:
        out.append(Paragraph(t("report.evidence.unverified", lang=lang), "note"))
    return tuple(out)


def _outcomes(report: EvidenceReport, lang: str) -> tuple[Block, ...]:
    if not report.outcomes:
        return (Paragraph(t("report.outcomes.none", lang=lang)),)
    out: list[Block] = [overview_table(report, lang)]
    if any(o.scale == "proportion" for o in report.outcomes):
        out.append(Paragraph(t("report.outcomes.proportion_note", lang=lang), "note"))
    for o in report.outcomes:
        out += outcome_blocks(o, report, lang)
    return tuple(out)


def _value(report: EvidenceReport, lang: str) -> tuple[Block, ...]:
    if report.value is None:
        key = (
            "report.value.suppressed"
            if "value" in report.suppressed
            else "report.value.none"
        )
        return (Paragraph(t(key, lang=lang, n=report.min_cell)),)
    return tuple(value_blocks(report.value, lang))


def _methods(report: EvidenceReport, lang: str) -> tuple[Block, ...]:
    m = report.methods
    rows = [
        (
            text(t("report.methods.design", lang=lang)),
            text(t(f"report.design.{m.design}", lang=lang)),
        ),
        (
            text(t("report.methods.estimator", lang=lang)),
            text(translated(f"report.estimator.{m.estimator}", lang)),
        ),
        (text(t("report.methods.inference", lang=lang)), text(m.inference or "–")),
        (
            text(t("report.methods.inference_reason", lang=lang)),
            text(m.inference_reason or "–"),
        ),
    ]
    header = (t("report.col.item", lang=lang), t("report.col.value", lang=lang))
    out: list[Block] = [Table("methods", header, tuple(rows), widths=(2, 5))]
    out.append(
        Paragraph(t(f"report.methods.explain_{_design_group(m.design)}", lang=lang))
    )
    if m.checks:
        out.append(Heading(t("report.methods.checks", lang=lang), 3))
        out.append(
            Table(
                "methods.checks",
                tuple(
                    t(f"report.col.{c}", lang=lang)
                    for c in ("check", "statistic", "p", "verdict", "note")
                ),
                tuple(
                    (
                        text(translated(c.name, lang)),
                        number(c.statistic, 2),
                        Cell(c.p_value, "pvalue"),
                        text(_verdict(c.passed, lang)),
                        text(translated(c.note, lang)),
                    )
                    for c in m.checks
                ),
                widths=(2.5, 1, 1, 1, 3),
            )
        )
    if m.attrition:
        out.append(Heading(t("report.methods.attrition", lang=lang), 3))
        out.append(
            Table(
                "methods.attrition",
                tuple(
                    t(f"report.col.{c}", lang=lang)
                    for c in ("group", "n_start", "n_end", "retained")
                ),
                tuple(_attrition_row(a, lang) for a in m.attrition),
                widths=(2, 1, 1, 1),
            )
        )
    if m.balance:
        out.append(Heading(t("report.methods.balance", lang=lang), 3))
        out.append(
            Table(
                "methods.balance",
                tuple(
                    t(f"report.col.{c}", lang=lang)
                    for c in ("variable", "mean_treated", "mean_comparison", "std_diff")
                ),
                tuple(
                    (
                        text(b.variable),
                        number(b.mean_treated, 2, b.n_treated is None),
                        number(b.mean_comparison, 2, b.n_comparison is None),
                        number(b.std_diff, 2, None in (b.n_treated, b.n_comparison)),
                    )
                    for b in m.balance
                ),
                widths=(2.5, 1, 1, 1),
            )
        )
    out.append(Heading(t("report.methods.limits", lang=lang), 3))
    out += [Paragraph(translated(x, lang), "bullet") for x in m.limitations]
    out.append(
        Paragraph(
            t("report.methods.suppression", lang=lang, n=report.min_cell), "bullet"
        )
    )
    if report.suppressed:
        out.append(
            Paragraph(
                t(
                    "report.methods.suppressed_items",
                    lang=lang,
                    items=_suppressed_list(report, lang),
                ),
                "bullet",
            )
        )
    return tuple(out)


def _design_group(design: str) -> str:
    return design if design in ("descriptive", "prepost") else "controlled"


def _verdict(passed: bool | None, lang: str) -> str:
    if passed is None:
        return "–"
    return t("report.check.passed" if passed else "report.check.failed", lang=lang)


def _attrition_row(a: object, lang: str) -> tuple[Cell, ...]:
    from impact.report.model import AttritionRow

    assert isinstance(a, AttritionRow)  # noqa: S101
    retained = None
    if a.n_start and a.n_end is not None:
        retained = a.n_end / a.n_start
    hide = a.n_start is None or a.n_end is None
    return (
        text(translated(f"charts.group.{a.group}", lang)),
        count(a.n_start),
        count(a.n_end),
        Cell(None, "suppressed") if hide else Cell(retained, "percent"),
    )


def _suppressed_list(report: EvidenceReport, lang: str) -> str:
    labels = {o.key: o.label for o in report.outcomes}
    names = []
    for item in report.suppressed:
        part = item.split(":")
        if part[0] == "outcome" and len(part) >= 2:
            key = (
                "report.suppressed.cells"
                if len(part) == 3
                else "report.suppressed.outcome"
            )
            names.append(t(key, lang=lang, label=labels.get(part[1], part[1])))
        else:
            names.append(translated(f"report.suppressed.{item}", lang))
    return "; ".join(names)


def _reproducibility(report: EvidenceReport, lang: str) -> tuple[Block, ...]:
    r = report.reproducibility
    locked = t(
        "report.repro.locked" if r.plan_locked else "report.repro.not_locked", lang=lang
    )
    if r.plan_locked and r.plan_locked_at is not None:
        locked += " (" + fmt_date(r.plan_locked_at, lang=lang) + ")"
    items = [
        ("fingerprint", r.data_fingerprint),
        ("batches", ", ".join(r.import_batches) or "–"),
        ("plan_hash", r.plan_hash or "–"),
        ("plan_locked", locked),
        ("software", r.software_version),
        ("created", fmt_date(report.created_at, lang=lang)),
        ("min_cell", str(report.min_cell)),
    ]
    rows = tuple((text(t(f"report.repro.{k}", lang=lang)), text(v)) for k, v in items)
    header = (t("report.col.item", lang=lang), t("report.col.value", lang=lang))
    return (
        Paragraph(t("report.repro.intro", lang=lang)),
        Table("reproducibility", header, rows, widths=(2, 5)),
    )
