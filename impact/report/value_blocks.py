"""Blocks of the Social value section: ratio, split, sensitivity, parameters."""

from __future__ import annotations

from typing import Any

from impact.i18n import fmt_number, fmt_percent, t
from impact.report.blocks import Block, Cell, CellKind, Heading, Paragraph, Table, text
from impact.report.formatting import translated
from impact.report.model import ValueSection


def value_blocks(v: ValueSection, lang: str) -> list[Block]:
    """Ratio with interval, split per beneficiary, sensitivity, parameters."""
    money: CellKind = "money"
    key_rows = (
        (
            t("report.value.cost", lang=lang),
            Cell(v.programme_cost, money, 0),
            Cell(None),
            Cell(None),
        ),
        (
            t("report.value.benefit", lang=lang),
            Cell(v.benefit, money, 0),
            Cell(v.benefit_ci_low, money, 0),
            Cell(v.benefit_ci_high, money, 0),
        ),
        (
            t("report.value.net", lang=lang),
            Cell(v.net_value, money, 0),
            Cell(v.net_value_ci_low, money, 0),
            Cell(v.net_value_ci_high, money, 0),
        ),
        (
            t("report.value.ratio", lang=lang),
            Cell(v.ratio, "ratio"),
            Cell(v.ratio_ci_low, "ratio"),
            Cell(v.ratio_ci_high, "ratio"),
        ),
    )
    header = tuple(
        t(f"report.col.{c}", lang=lang)
        for c in ("item", "estimate", "ci_low", "ci_high")
    )
    rows = tuple((text(r[0]), *r[1:]) for r in key_rows)
    out: list[Block] = [
        Paragraph(
            t(
                "report.value.intro",
                lang=lang,
                draws=fmt_number(v.n_draws, 0, lang=lang),
                years=fmt_number(v.duration_years, 1, lang=lang),
                rate=fmt_percent(v.discount_rate, 1, lang=lang),
            ),
            "body",
        ),
        Table("value", header, rows, widths=(3, 1.5, 1.5, 1.5)),
    ]
    if not v.indexed:
        out.append(Paragraph(t("report.value.not_indexed", lang=lang), "note"))
    if v.per_beneficiary:
        out.append(
            Table(
                "value.beneficiaries",
                (
                    t("report.col.beneficiary", lang=lang),
                    t("report.col.benefit", lang=lang),
                    t("report.col.share", lang=lang),
                ),
                tuple(
                    (
                        text(_beneficiary(b.beneficiary, lang)),
                        Cell(b.benefit, money, 0),
                        Cell(b.share, "percent"),
                    )
                    for b in v.per_beneficiary
                ),
                widths=(3, 1.5, 1),
            )
        )
    out.append(Heading(t("report.value.sensitivity", lang=lang), 3))
    out.append(_sensitivity_table(v, lang))
    out.append(Heading(t("report.value.parameters", lang=lang), 3))
    out.append(_parameter_table((*v.parameters, *v.benchmarks), lang))
    out += [
        Paragraph(
            f"{translated(p.label, lang)}: {translated(p.derivation, lang)}", "note"
        )
        for p in v.parameters
        if p.derivation
    ]
    return out


def _beneficiary(name: str, lang: str) -> str:
    return translated(f"value.beneficiary.{name}", lang) if "." not in name else name


def _sensitivity_table(v: ValueSection, lang: str) -> Table:
    labels = {p.key: translated(p.label, lang) for p in v.parameters}
    labels["effect"] = t("report.value.effect", lang=lang)
    labels["duration_years"] = t("report.value.duration", lang=lang)
    rows = []
    for s in v.sensitivity:
        change = (
            t(f"report.col.{s.bound}", lang=lang)
            if s.bound
            else f"{(s.variation or 0):+.0%}".replace(".", ",")
        )
        rows.append(
            (
                text(labels.get(s.key, s.key)),
                text(change),
                Cell(s.benefit, "money", 0),
                Cell(s.net_value, "money", 0),
                Cell(s.ratio, "ratio"),
            )
        )
    header = tuple(
        t(f"report.col.{c}", lang=lang)
        for c in ("input", "variation", "benefit", "net", "ratio")
    )
    return Table(
        "value.sensitivity", header, tuple(rows), widths=(3.0, 1.1, 1.3, 1.3, 1.0)
    )


def _parameter_table(params: tuple[Any, ...], lang: str) -> Table:
    rows = []
    for p in params:
        kind: CellKind = "ratio" if p.kind == "return_ratio" else "money"
        status = t(
            "report.value.default" if p.is_default else "report.value.user", lang=lang
        )
        if p.is_assumption:
            status += ", " + t("report.value.assumption", lang=lang)
        rows.append(
            (
                text(translated(p.label, lang)),
                Cell(p.amount, kind, 0 if kind == "money" else 2),
                text(translated(p.unit, lang)),
                Cell(p.price_year, "year"),
                text(_beneficiary(p.beneficiary, lang)),
                text(p.source),
                text(status),
            )
        )
    header = tuple(
        t(f"report.col.{c}", lang=lang)
        for c in (
            "parameter",
            "amount",
            "unit",
            "price_year",
            "beneficiary",
            "source",
            "status",
        )
    )
    return Table(
        "value.parameters",
        header,
        tuple(rows),
        widths=(2.6, 1.0, 1.6, 1.0, 1.4, 2.2, 1.4),
    )
