"""The forest plot of a sector pool: each organisation's estimate and the pooled one."""

from __future__ import annotations

import altair as alt
import pandas as pd

from impact.charts._common import GROUP_COLOURS, layer, require_columns, titled

POOLED_COLOUR = "#D55E00"


def forest_chart(
    frame: pd.DataFrame, *, x_title: str, title: str | None = None
) -> alt.LayerChart:
    """A forest plot; labels arrive translated (the chart holds no words).

    ``frame``: one row per line, in display order, with ``label``, ``estimate``,
    ``ci_low``, ``ci_high``, ``weight`` (percent; None for the pooled rows) and
    ``kind``: ``study``, ``pooled`` (drawn as a diamond) or ``prediction`` (the
    prediction interval, a dashed line without a point).
    """
    require_columns(
        frame, ["label", "estimate", "ci_low", "ci_high", "weight", "kind"], "forest"
    )
    data = frame[["label", "estimate", "ci_low", "ci_high", "weight", "kind"]].copy()
    order = data["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None)
    x = alt.X("ci_low:Q", title=x_title)
    colour = alt.condition(
        alt.datum.kind == "study",
        alt.value(GROUP_COLOURS["treated"]),
        alt.value(POOLED_COLOUR),
    )
    base = alt.Chart(data)
    zero = (
        alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="#444444").encode(x="x:Q")
    )
    lines = (
        base.transform_filter(alt.datum.kind != "prediction")
        .mark_rule(strokeWidth=2)
        .encode(y=y, x=x, x2="ci_high:Q", color=colour)
    )
    prediction = (
        base.transform_filter(alt.datum.kind == "prediction")
        .mark_rule(strokeWidth=2, strokeDash=[4, 3], color=POOLED_COLOUR)
        .encode(y=y, x=x, x2="ci_high:Q")
    )
    tooltip = [
        "label:N",
        alt.Tooltip("estimate:Q", format=".2f"),
        alt.Tooltip("ci_low:Q", format=".2f"),
        alt.Tooltip("ci_high:Q", format=".2f"),
        alt.Tooltip("weight:Q", format=".1f"),
    ]
    studies = (
        base.transform_filter(alt.datum.kind == "study")
        .mark_square(color=GROUP_COLOURS["treated"])
        .encode(
            y=y,
            x=alt.X("estimate:Q", title=x_title),
            size=alt.Size("weight:Q", legend=None, scale=alt.Scale(range=[30, 300])),
            tooltip=tooltip,
        )
    )
    pooled = (
        base.transform_filter(alt.datum.kind == "pooled")
        .mark_point(shape="diamond", filled=True, size=250, color=POOLED_COLOUR)
        .encode(y=y, x=alt.X("estimate:Q", title=x_title), tooltip=tooltip)
    )
    chart = layer(zero, lines, prediction, studies, pooled)
    return titled(chart, title, height=max(120, 28 * len(order)))
