"""Blocks of the Outcomes section: overview table, per-outcome tables and charts."""

from __future__ import annotations

import json
from typing import Any

import altair as alt
import pandas as pd

from impact.charts import (
    before_after_chart,
    change_shares_chart,
    event_study_chart,
    synthetic_twin_chart,
    trend_chart,
)
from impact.i18n import t
from impact.report.blocks import (
    Block,
    Cell,
    Figure,
    Heading,
    Paragraph,
    Table,
    count,
    number,
    text,
)
from impact.report.formatting import translated
from impact.report.model import EvidenceReport, Outcome

CHANGE_KEYS = ("improved", "unchanged", "deteriorated")


def spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """A JSON-clean Vega-Lite spec (NaN becomes null)."""
    return dict(json.loads(chart.to_json()))


def overview_table(report: EvidenceReport, lang: str) -> Table:
    """One row per outcome: n, estimate, interval, p, Holm p, effect size."""
    rows = []
    for o in report.outcomes:
        hide = o.suppressed
        scale = 100.0 if o.scale == "proportion" else 1.0
        rows.append(
            (
                text(o.label),
                count(o.n_treated),
                count(o.n_comparison) if o.n_comparison is not None else Cell(None),
                _scaled(o.estimate, scale, o.decimals, hide),
                _scaled(o.ci_low, scale, o.decimals, hide),
                _scaled(o.ci_high, scale, o.decimals, hide),
                Cell(None, "suppressed") if hide else Cell(o.p_value, "pvalue"),
                Cell(None, "suppressed") if hide else Cell(o.p_holm, "pvalue"),
                number(o.effect_size, 2, hide),
            )
        )
    header = tuple(
        t(f"report.col.{c}", lang=lang)
        for c in (
            "outcome",
            "n_treated",
            "n_comparison",
            "estimate",
            "ci_low",
            "ci_high",
            "p",
            "p_holm",
            "effect_size",
        )
    )
    return Table(
        "outcomes",
        header,
        tuple(rows),
        t("report.outcomes.caption", lang=lang),
        (2.2, 1.15, 1.3, 1.05, 1.05, 1.05, 0.9, 0.95, 1.0),
    )


def _scaled(value: float | None, scale: float, decimals: int, hide: bool) -> Cell:
    return number(None if value is None else value * scale, decimals, hide)


def outcome_blocks(o: Outcome, report: EvidenceReport, lang: str) -> list[Block]:
    out: list[Block] = [Heading(o.label, 2)]
    if o.suppressed:
        out.append(
            Paragraph(
                t(
                    "report.summary.suppressed",
                    lang=lang,
                    label=o.label,
                    n=report.min_cell,
                ),
                "note",
            )
        )
    if o.refused:
        out.append(
            Paragraph(t("report.outcome.refused", lang=lang, reason=o.refused), "note")
        )
    if o.groups:
        out.append(_group_table(o, lang))
    method = t(
        "report.outcome.method",
        lang=lang,
        estimator=translated(f"report.estimator.{o.estimator}", lang),
        inference=o.inference or "–",
    )
    out.append(
        Paragraph(
            method + (f" {o.inference_reason}" if o.inference_reason else ""), "note"
        )
    )
    if o.comparison_mix:
        out.append(Paragraph(_mix_text(o, lang), "note"))
    out += [Paragraph(w, "note") for w in o.warnings]
    out += _figures(o, report, lang)
    if o.change:
        out.append(_change_table(o, lang))
    return out


def _group_table(o: Outcome, lang: str) -> Table:
    rows = []
    for g in o.groups:
        hide = g.n is None
        change = None
        if g.mean_before is not None and g.mean_after is not None:
            change = g.mean_after - g.mean_before
        rows.append(
            (
                text(_group(g.group, lang)),
                count(g.n),
                number(g.mean_before, 2, hide),
                number(g.mean_after, 2, hide),
                number(change, 2, hide),
            )
        )
    header = tuple(
        t(f"report.col.{c}", lang=lang)
        for c in ("group", "n", "mean_before", "mean_after", "change")
    )
    return Table(f"{o.key}.groups", header, tuple(rows), widths=(2.5, 1, 1.2, 1.2, 1.2))


def _change_table(o: Outcome, lang: str) -> Table:
    rows = []
    for c in o.change:
        counts = (c.improved, c.unchanged, c.deteriorated)
        total = sum(v or 0 for v in counts) if None not in counts[:2] else None
        cells: list[Cell] = [text(_group(c.group, lang))]
        for n in counts:
            cells.append(count(n))
            share = None if n is None or not total else n / total
            cells.append(
                Cell(None, "suppressed") if n is None else Cell(share, "percent")
            )
        rows.append(tuple(cells))
    header = [t("report.col.group", lang=lang)]
    for key in CHANGE_KEYS:
        header += [t(f"charts.change.{key}", lang=lang), "%"]
    return Table(
        f"{o.key}.change",
        tuple(header),
        tuple(rows),
        t("report.outcome.rci_caption", lang=lang),
        (2, 1, 0.7, 1, 0.7, 1, 0.7),
    )


def _mix_text(o: Outcome, lang: str) -> str:
    """'vergeleken met een gewogen mix van: Vogelwijk 42%, ...' (synthetic DiD)."""
    parts = ", ".join(f"{m.area} {m.weight:.0%}" for m in o.comparison_mix)
    return t("report.sdid.mix", lang=lang, mix=parts)


def _group(group: str, lang: str) -> str:
    return (
        t(f"charts.group.{group}", lang=lang)
        if group in ("treated", "comparison")
        else group
    )


def _figures(o: Outcome, report: EvidenceReport, lang: str) -> list[Block]:
    # an area indicator already aggregates a wijk: the people rule does not apply
    k = 1 if o.unit == "areas" else report.min_cell
    out: list[Block] = []
    before_after = _before_after_frame(o)
    if not before_after.empty:
        ba = before_after_chart(before_after, y_title=o.label, min_cell=k, lang=lang)
        out.append(_figure(o, "before_after", spec(ba), lang))
    trend = _trend_frame(o)
    if trend["period"].nunique() > 2:
        tr = trend_chart(trend, y_title=o.label, min_cell=k, lang=lang)
        out.append(_figure(o, "trend", spec(tr), lang))
    if o.synthetic and not o.suppressed:
        path = pd.DataFrame(
            [(p.period, p.treated, p.synthetic) for p in o.synthetic],
            columns=["period", "treated", "synthetic"],
        )
        twin = synthetic_twin_chart(
            path, start=o.start_period, y_title=o.label, lang=lang
        )
        out.append(_figure(o, "synthetic", spec(twin), lang))
    if o.event_study and not o.suppressed:
        coef = pd.DataFrame(
            [(e.rel_period, e.estimate, e.ci_low, e.ci_high) for e in o.event_study],
            columns=["rel_period", "estimate", "ci_low", "ci_high"],
        )
        es = event_study_chart(coef, reference_period=o.reference_period, lang=lang)
        out.append(_figure(o, "event_study", spec(es), lang))
    shares = [
        {"group": c.group, "category": key, "n": getattr(c, key)}
        for c in o.change
        for key in CHANGE_KEYS
        # a group with a hidden count is left out: its shares would be wrong
        if None not in (c.improved, c.unchanged, c.deteriorated)
    ]
    if shares:
        cs = change_shares_chart(pd.DataFrame(shares), min_cell=k, lang=lang)
        out.append(_figure(o, "change", spec(cs), lang))
    return out


def _figure(o: Outcome, kind: str, chart_spec: dict[str, Any], lang: str) -> Figure:
    caption = t(f"report.fig.{kind}", lang=lang, label=o.label)
    return Figure(f"{o.key}.{kind}", chart_spec, caption)


def _trend_frame(o: Outcome) -> pd.DataFrame:
    rows = [
        (p.group, p.period, p.n, p.mean, p.ci_low, p.ci_high)
        for p in o.trend
        if p.n is not None and p.mean is not None
    ]
    columns = ["group", "period", "n", "mean", "ci_low", "ci_high"]
    return pd.DataFrame(rows, columns=columns)


def _before_after_frame(o: Outcome) -> pd.DataFrame:
    rows = []
    for g in o.groups:
        if g.n is None or g.mean_before is None or g.mean_after is None:
            continue
        for moment, mean, lo, hi in (
            ("before", g.mean_before, g.ci_low_before, g.ci_high_before),
            ("after", g.mean_after, g.ci_low_after, g.ci_high_after),
        ):
            rows.append(
                {
                    "group": g.group,
                    "moment": moment,
                    "n": g.n,
                    "mean": mean,
                    "ci_low": mean if lo is None else lo,
                    "ci_high": mean if hi is None else hi,
                }
            )
    return pd.DataFrame(rows)
