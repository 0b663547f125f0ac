"""The "sector evidence" report (PDF, XLSX) and the forest plot data, in NL or EN.

Built from :func:`impact.services.sector.sector_evidence` as format-neutral
blocks and rendered by the evidence report's renderers. The report says what the
pooled evidence shows and how strong it is, per intervention kind, outcome and
design family, and states that before/after results are never pooled with
comparison designs. Organisations are named only when their package agreed.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pandas as pd
from sqlalchemy.engine import Engine

from impact.charts.sector import forest_chart
from impact.errors import ReportError, check_option
from impact.i18n import fmt_number, t
from impact.report.blocks import Cell, Document, Figure, Heading, Paragraph, Section
from impact.report.blocks import Table as TableBlock
from impact.report.pdf import render_pdf
from impact.report.xlsx import render_xlsx
from impact.services.sector import Pool, SectorEvidence, sector_evidence
from impact.store import audit, orgs
from impact.store.engine import write_scope


def forest_frame(pool: Pool, lang: str) -> pd.DataFrame:
    """Forest plot rows: studies, the pooled estimate, the prediction interval."""
    rows: list[dict[str, Any]] = [
        {
            "label": s.label(lang),
            "estimate": s.g,
            "ci_low": s.g - 1.959964 * s.std_error,
            "ci_high": s.g + 1.959964 * s.std_error,
            "weight": s.weight,
            "kind": "study",
        }
        for s in pool.studies
    ]
    rows.append(
        {
            "label": t("sector.report.pooled", lang),
            "estimate": pool.estimate,
            "ci_low": pool.ci_low,
            "ci_high": pool.ci_high,
            "weight": None,
            "kind": "pooled",
        }
    )
    if pool.pi_low is not None and pool.pi_high is not None:
        rows.append(
            {
                "label": t("sector.report.prediction", lang),
                "estimate": pool.estimate,
                "ci_low": pool.pi_low,
                "ci_high": pool.pi_high,
                "weight": None,
                "kind": "prediction",
            }
        )
    return pd.DataFrame(rows)


def forest_spec(pool: Pool, lang: str) -> dict[str, Any]:
    chart = forest_chart(forest_frame(pool, lang), x_title=t("sector.report.g", lang))
    return chart.to_dict()


def pool_sentence(pool: Pool, lang: str) -> str:
    """One paragraph: the pooled effect, heterogeneity, conclusion and strength."""
    interval = (
        f"[{fmt_number(pool.ci_low, 2, lang)}; {fmt_number(pool.ci_high, 2, lang)}]"
        if pool.ci_low is not None and pool.ci_high is not None
        else "–"
    )
    i2 = "–" if pool.i2 is None else f"{fmt_number(pool.i2, 0, lang)}%"
    return " ".join(
        [
            t(
                "sector.report.pool_effect",
                lang,
                k=pool.k,
                g=fmt_number(pool.estimate, 2, lang),
                interval=interval,
            ),
            t(f"sector.heterogeneity.{pool.heterogeneity}", lang, i2=i2).capitalize()
            + ".",
            t(f"sector.conclusion.{pool.conclusion}", lang),
            t(
                "sector.report.strength",
                lang,
                strength=t(f"sector.strength.{pool.strength}", lang),
            ),
        ]
    )


def render_sector_report(
    *,
    engine: Engine,
    hub_slug: str,
    fmt: str = "pdf",
    lang: str = "nl",
    actor: str = "",
    user_id: int | None = None,
    role: str | None = None,
) -> bytes:
    """The sector evidence report as PDF or XLSX; the download is audited."""
    check_option("format", fmt, ("pdf", "xlsx"))
    check_option("lang", lang, ("nl", "en"))
    evidence = sector_evidence(engine=engine, hub_slug=hub_slug, role=role)
    if not evidence.pools:
        raise ReportError.of("sector.report.empty", hub=hub_slug)
    doc = _document(evidence, lang)
    metadata = json.dumps(dataclasses.asdict(evidence), ensure_ascii=False)
    content = (render_pdf if fmt == "pdf" else render_xlsx)(doc, metadata)
    with write_scope(engine) as session:
        hub = orgs.get_organisation(session=session, slug=hub_slug)
        audit.record(
            session=session,
            action="export",
            org=hub,
            user_id=user_id,
            actor=actor,
            format=fmt,
            audience="sector",
            pools=len(evidence.pools),
        )
    return content


def _document(e: SectorEvidence, lang: str) -> Document:
    sections = [_summary(e, lang), _overview(e, lang)]
    sections += [_pool_section(i, p, lang) for i, p in enumerate(e.pools)]
    sections.append(_methods(e, lang))
    return Document(
        title=t("sector.report.title", lang),
        subtitle=(
            e.hub_name,
            t(
                "sector.report.subtitle",
                lang,
                organisations=e.organisations,
                packages=e.packages,
            ),
        ),
        lang=lang,
        min_cell=0,
        sections=tuple(sections),
    )


def _pool_title(p: Pool, lang: str) -> str:
    kind = t(f"sector.kind.{p.kind}", lang)
    return f"{kind} · {p.label} · {t(f'sector.family.{p.family}', lang)}"


def _summary(e: SectorEvidence, lang: str) -> Section:
    blocks: list[Any] = [Paragraph(t("sector.report.lead", lang), "lead")]
    for p in e.pools:
        blocks.append(Heading(_pool_title(p, lang), 3))
        blocks.append(Paragraph(pool_sentence(p, lang)))
    for kind, outcome in e.mixed:
        text = t(
            "sector.mixed",
            lang,
            kind=t(f"sector.kind.{kind}", lang),
            outcome=_label_of(e, outcome),
        )
        blocks.append(Paragraph(text, "note"))
    blocks.append(Paragraph(t("sector.report.never_mixed", lang), "note"))
    return Section("summary", t("sector.report.summary", lang), tuple(blocks))


def _label_of(e: SectorEvidence, outcome: str) -> str:
    return next((p.label for p in e.pools if p.outcome == outcome), outcome)


def _overview(e: SectorEvidence, lang: str) -> Section:
    header = tuple(
        t(f"sector.report.col.{c}", lang)
        for c in (
            "kind",
            "outcome",
            "family",
            "k",
            "g",
            "ci_low",
            "ci_high",
            "pi_low",
            "pi_high",
            "i2",
            "strength",
        )
    )
    rows = tuple(
        (
            Cell(t(f"sector.kind.{p.kind}", lang)),
            Cell(p.label),
            Cell(t(f"sector.family.{p.family}", lang)),
            Cell(p.k, "count"),
            Cell(p.estimate, "number", 2),
            Cell(p.ci_low, "number", 2),
            Cell(p.ci_high, "number", 2),
            Cell(p.pi_low, "number", 2),
            Cell(p.pi_high, "number", 2),
            Cell(p.i2, "number", 0),
            Cell(t(f"sector.report.strength_short.{p.strength}", lang)),
        )
        for p in e.pools
    )
    blocks: list[Any] = [TableBlock("pools", header, rows)]
    if e.differences:
        blocks.append(Heading(t("sector.report.differences", lang), 3))
        head = tuple(
            t(f"sector.report.col.{c}", lang)
            for c in ("outcome", "family", "kinds", "q", "df", "p")
        )
        diff_rows = tuple(
            (
                Cell(d.outcome),
                Cell(t(f"sector.family.{d.family}", lang)),
                Cell(", ".join(t(f"sector.kind.{k}", lang) for k in d.kinds)),
                Cell(d.q_between, "number", 2),
                Cell(d.df, "count"),
                Cell(d.p_value, "pvalue"),
            )
            for d in e.differences
        )
        blocks.append(TableBlock("differences", head, diff_rows))
    if e.not_standardised:
        blocks.append(
            Paragraph(
                t("sector.report.not_standardised", lang, n=e.not_standardised), "note"
            )
        )
    return Section("overview", t("sector.report.overview", lang), tuple(blocks))


def _pool_section(index: int, p: Pool, lang: str) -> Section:
    header = tuple(
        t(f"sector.report.col.{c}", lang)
        for c in ("organisation", "design", "g", "se", "weight")
    )
    rows = tuple(
        (
            Cell(s.label(lang)),
            Cell(s.design),
            Cell(s.g, "number", 2),
            Cell(s.std_error, "number", 3),
            Cell(s.weight, "number", 1),
        )
        for s in p.studies
    )
    blocks = (
        Paragraph(pool_sentence(p, lang)),
        Figure(
            f"forest_{index}", forest_spec(p, lang), t("sector.report.forest", lang)
        ),
        TableBlock(f"studies_{index}", header, rows),
    )
    return Section(f"pool_{index}", _pool_title(p, lang), blocks)


def _methods(e: SectorEvidence, lang: str) -> Section:
    return Section(
        "methods",
        t("sector.report.methods", lang),
        tuple(
            Paragraph(t(f"sector.report.method.{k}", lang))
            for k in ("model", "g", "families", "privacy", "levels")
        ),
    )
