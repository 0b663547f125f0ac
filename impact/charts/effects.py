"""Event-study coefficients and reach by wijk."""

from __future__ import annotations

import altair as alt
import pandas as pd

from impact.charts._common import GROUP_COLOURS, layer, require_columns, titled
from impact.domain.suppression import is_disclosive
from impact.i18n import t


def event_study_chart(
    frame: pd.DataFrame,
    *,
    reference_period: int = -1,
    y_title: str | None = None,
    title: str | None = None,
    lang: str | None = None,
) -> alt.LayerChart:
    """Coefficients per period relative to the start, with 95% intervals.

    ``frame`` columns (or index) ``rel_period`` (int) and ``estimate``, ``ci_low``,
    ``ci_high`` — the estimate's ``coefficients`` frame works as it is. The
    reference period is drawn at 0 when missing; a line at 0 and a dashed line at
    the reference period mark what the effects are measured against.
    """
    data = frame.reset_index() if "rel_period" not in frame.columns else frame.copy()
    require_columns(
        data, ["rel_period", "estimate", "ci_low", "ci_high"], "event_study"
    )
    data = data[["rel_period", "estimate", "ci_low", "ci_high"]].copy()
    data["rel_period"] = data["rel_period"].astype(int)
    if reference_period not in set(data["rel_period"]):
        ref = pd.DataFrame(
            {
                "rel_period": [reference_period],
                "estimate": [0.0],
                "ci_low": [None],
                "ci_high": [None],
            }
        )
        data = pd.concat([data, ref], ignore_index=True)
    data = data.sort_values("rel_period").reset_index(drop=True)
    periods = data["rel_period"].tolist()
    x = alt.X(
        "rel_period:Q",
        title=t("charts.rel_period", lang=lang),
        axis=alt.Axis(values=periods, format="d"),
        scale=alt.Scale(domain=[min(periods) - 0.5, max(periods) + 0.5], nice=False),
    )
    y_label = y_title or t("charts.effect", lang=lang)
    y = alt.Y("estimate:Q", title=y_label)
    base = alt.Chart(data)
    colour = GROUP_COLOURS["treated"]
    zero = (
        alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="#444444").encode(y="y:Q")
    )
    ref_line = (
        alt.Chart(pd.DataFrame({"x": [reference_period]}))
        .mark_rule(color="#888888", strokeDash=[4, 4])
        .encode(x="x:Q")
    )
    bars = base.mark_rule(color=colour, strokeWidth=2).encode(
        x=x, y=alt.Y("ci_low:Q", title=y_label), y2="ci_high:Q"
    )
    points = base.mark_point(filled=True, size=60, color=colour).encode(
        x=x,
        y=y,
        tooltip=[
            "rel_period:Q",
            alt.Tooltip("estimate:Q", format=".2f"),
            alt.Tooltip("ci_low:Q", format=".2f"),
            alt.Tooltip("ci_high:Q", format=".2f"),
        ],
    )
    return titled(layer(zero, ref_line, bars, points), title)


def reach_chart(
    frame: pd.DataFrame,
    *,
    title: str | None = None,
    min_cell: int | None = None,
    lang: str | None = None,
) -> alt.LayerChart:
    """Number of participants per wijk, largest first.

    ``frame`` columns: ``area`` (wijk name or code) and ``n``. With ``min_cell``,
    wijken with fewer people (or ``n`` missing: already suppressed) are shown
    without a bar and labelled "< min_cell".
    """
    require_columns(frame, ["area", "n"], "reach")
    data = frame[["area", "n"]].copy()
    data["area"] = data["area"].astype(str)
    hidden = [n is None or pd.isna(n) for n in data["n"]]
    if min_cell is not None:
        hidden = [
            h or is_disclosive(int(n), min_cell)
            for h, n in zip(hidden, data["n"], strict=True)
        ]
    data["label"] = [
        f"< {min_cell}" if h else str(int(n))
        for h, n in zip(hidden, data["n"], strict=True)
    ]
    data.loc[hidden, "n"] = None
    data["pos"] = data["n"].fillna(0)
    data = data.sort_values("n", ascending=False, na_position="last")
    order = data["area"].tolist()
    y = alt.Y("area:N", sort=order, title=t("charts.area", lang=lang))
    x = alt.X("n:Q", title=t("charts.participants", lang=lang))
    bars = (
        alt.Chart(data)
        .mark_bar(color=GROUP_COLOURS["treated"])
        .encode(x=x, y=y, tooltip=["area:N", "label:N"])
    )
    text = (
        alt.Chart(data)
        .mark_text(align="left", dx=4, color="#333333")
        .encode(
            x=alt.X("pos:Q", title=t("charts.participants", lang=lang)),
            y=y,
            text="label:N",
        )
    )
    return titled(layer(bars, text), title, height=alt.Step(22))
