"""Outcome charts: before/after means, trend per group, share improved."""

from __future__ import annotations

import altair as alt
import pandas as pd

from impact.charts._common import (
    CHANGE_COLOURS,
    group_label,
    group_scale,
    layer,
    require_columns,
    suppress_rows,
    titled,
)
from impact.domain.suppression import suppress_counts
from impact.i18n import t

MOMENTS = ("before", "after")
CATEGORIES = ("improved", "unchanged", "deteriorated")


def _labelled(frame: pd.DataFrame, lang: str | None) -> pd.DataFrame:
    out = frame.copy()
    out["group_label"] = [group_label(g, lang) for g in out["group"]]
    return out


def _interval_layers(
    base: alt.Chart, x: alt.X, colour: alt.Color, offset: bool
) -> list[alt.Chart]:
    extra = {"xOffset": alt.XOffset("group_label:N")} if offset else {}
    points = base.mark_point(filled=True, size=70).encode(x=x, color=colour, **extra)
    bars = base.mark_rule(strokeWidth=2).encode(
        x=x, y="ci_low:Q", y2="ci_high:Q", color=colour, **extra
    )
    return [bars, points]


def before_after_chart(
    frame: pd.DataFrame,
    *,
    y_title: str,
    title: str | None = None,
    min_cell: int | None = None,
    lang: str | None = None,
) -> alt.LayerChart:
    """Mean before and after per group, with intervals.

    ``frame`` columns: ``group`` (``treated``/``comparison`` or a name), ``moment``
    (``before``/``after``), ``mean``, ``ci_low``, ``ci_high`` and, when ``min_cell``
    is given, ``n`` (rows with fewer people are left out).
    """
    require_columns(
        frame, ["group", "moment", "mean", "ci_low", "ci_high"], "before_after"
    )
    data = _labelled(suppress_rows(frame, min_cell), lang)
    data["moment_label"] = [t(f"charts.moment.{m}", lang=lang) for m in data["moment"]]
    data = data[["group_label", "moment_label", "mean", "ci_low", "ci_high"]]
    order = [t(f"charts.moment.{m}", lang=lang) for m in MOMENTS]
    groups = list(dict.fromkeys(frame["group"]))
    colour = alt.Color(
        "group_label:N",
        scale=group_scale(groups, lang),
        title=t("charts.group", lang=lang),
    )
    x = alt.X("moment_label:N", sort=order, title=None, axis=alt.Axis(labelAngle=0))
    base = alt.Chart(data).encode(
        y=alt.Y("mean:Q", title=y_title, scale=alt.Scale(zero=False)),
        tooltip=[
            "group_label:N",
            "moment_label:N",
            alt.Tooltip("mean:Q", format=".2f"),
        ],
    )
    return titled(layer(*_interval_layers(base, x, colour, True)), title)


def trend_chart(
    frame: pd.DataFrame,
    *,
    y_title: str,
    x_title: str | None = None,
    title: str | None = None,
    min_cell: int | None = None,
    lang: str | None = None,
) -> alt.LayerChart:
    """Mean per group over waves or periods, with an interval band when given.

    ``frame`` columns: ``group``, ``period`` (label; shown in data order), ``mean``,
    optional ``ci_low``/``ci_high``, and ``n`` when ``min_cell`` is given.
    """
    require_columns(frame, ["group", "period", "mean"], "trend")
    data = _labelled(suppress_rows(frame, min_cell), lang)
    data["period"] = data["period"].astype(str)
    keep = ["group_label", "period", "mean"]
    has_ci = {"ci_low", "ci_high"} <= set(data.columns)
    keep += ["ci_low", "ci_high"] if has_ci else []
    data = data[keep]
    order = list(dict.fromkeys(frame["period"].astype(str)))
    colour = alt.Color(
        "group_label:N",
        scale=group_scale(list(dict.fromkeys(frame["group"])), lang),
        title=t("charts.group", lang=lang),
        legend=alt.Legend(symbolOpacity=1),
    )
    x = alt.X(
        "period:N",
        sort=order,
        title=x_title or t("charts.period", lang=lang),
        axis=alt.Axis(labelAngle=0),
    )
    base = alt.Chart(data).encode(
        x=x, y=alt.Y("mean:Q", title=y_title, scale=alt.Scale(zero=False)), color=colour
    )
    layers: list[alt.Chart] = []
    if has_ci:
        layers.append(base.mark_area(opacity=0.15).encode(y="ci_low:Q", y2="ci_high:Q"))
    layers.append(base.mark_line(point=True, strokeWidth=2))
    return titled(layer(*layers), title)


def change_shares_chart(
    frame: pd.DataFrame,
    *,
    title: str | None = None,
    min_cell: int | None = None,
    lang: str | None = None,
) -> alt.Chart:
    """Stacked bar of the share improved / unchanged / deteriorated per group.

    ``frame`` columns: ``group``, ``category`` (``improved``, ``unchanged``,
    ``deteriorated``), ``n`` (number of people). Shares are computed per group;
    with ``min_cell`` small counts (and one more where a hidden one is derivable)
    are left out, and a group whose total is small is left out entirely.
    """
    require_columns(frame, ["group", "category", "n"], "change_shares")
    rows: list[dict[str, object]] = []
    for group, part in frame.groupby("group", sort=False):
        counts = [int(part.loc[part["category"] == c, "n"].sum()) for c in CATEGORIES]
        total = sum(counts)
        if total == 0 or (min_cell is not None and total < min_cell):
            continue
        shown = suppress_counts(counts, min_cell) if min_cell else list(counts)
        for order, (cat, count) in enumerate(zip(CATEGORIES, shown, strict=True)):
            if count is not None:
                rows.append(_share_row(group, cat, order, count / total, lang))
    data = pd.DataFrame(
        rows, columns=["group_label", "category_label", "order", "share"]
    )
    labels = [t(f"charts.change.{c}", lang=lang) for c in CATEGORIES]
    colour = alt.Color(
        "category_label:N",
        scale=alt.Scale(domain=labels, range=[CHANGE_COLOURS[c] for c in CATEGORIES]),
        title=None,
        legend=alt.Legend(orient="bottom"),
    )
    chart = (
        alt.Chart(data)
        .mark_bar(height=28)
        .encode(
            x=alt.X(
                "share:Q",
                stack="zero",
                title=t("charts.share", lang=lang),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y("group_label:N", title=None),
            color=colour,
            order=alt.Order("order:Q"),
            tooltip=[
                "group_label:N",
                "category_label:N",
                alt.Tooltip("share:Q", format=".0%"),
            ],
        )
    )
    out = chart.properties(width=440, height=alt.Step(40))
    return out.properties(title=alt.Title(title, anchor="start")) if title else out


def _share_row(
    group: object, category: str, order: int, share: float, lang: str | None
) -> dict[str, object]:
    return {
        "group_label": group_label(group, lang),
        "category_label": t(f"charts.change.{category}", lang=lang),
        "order": order,
        "share": share,
    }
