"""Dashboard charts (Altair) over the frames of ``impact.services.dashboard``.

Every function takes one of the ``DashboardView`` frames, leaves out suppressed
cells (``None``), labels groups and moments in the current language and returns
an Altair chart. Colours: Okabe-Ito (readable with colour-vision deficiency).
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from impact.i18n import t

GROUP_COLOURS = {"treated": "#0072B2", "comparison": "#E69F00"}
ARM_COLOURS = {"with": "#009E73", "without": "#999999"}
FACET_WIDTH = 300
FACET_HEIGHT = 180
BAR_STEP = 22
#: legends of shape and dash: a visible grey symbol (not the group colour)
LEGEND_SYMBOL: dict[str, Any] = {
    "symbolStrokeColor": "#555555",
    "symbolFillColor": "#555555",
    "symbolStrokeWidth": 2,
    "symbolOpacity": 1,
}
#: trend points about fewer people than this are left out (noise, not a trend)
TREND_MIN_N = 10


def group_label(group: object) -> str:
    name = str(group)
    return t(f"app.group.{name}") if name in GROUP_COLOURS else name


def wave_label(wave: object) -> str:
    k = int(wave)  # type: ignore[call-overload]
    if k in (0, 1):
        return t(f"app.wave.{k}")
    return t("app.wave.n", n=k + 1)


def _group_colour(groups: list[str]) -> alt.Color:
    present = [g for g in GROUP_COLOURS if g in groups]
    return alt.Color(
        "group_label:N",
        title=t("app.chart.group"),
        scale=alt.Scale(
            domain=[group_label(g) for g in present],
            range=[GROUP_COLOURS[g] for g in present],
        ),
        legend=alt.Legend(orient="top", labelLimit=300),
    )


def _visible(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows whose ``column`` is shown (suppressed cells are ``None``)."""
    data = frame[frame[column].notna()].copy()
    data[column] = data[column].astype("float64")
    if "n" in data:
        data["n"] = data["n"].astype("float64")
    if "group" in data:
        data["group_label"] = [group_label(g) for g in data["group"]]
    return data


def reach_chart(reach: pd.DataFrame) -> alt.Chart:
    """Participants per wijk (bars), stacked by programme.

    ``reach`` columns: programme, wijk, group, n (``None``: suppressed; such a
    wijk is labelled ``"WK... *"`` because its bar leaves those people out).
    """
    hidden = set(reach.loc[reach["n"].isna(), "wijk"])
    data = _visible(reach, "n")
    data = data.groupby(["programme", "wijk"], as_index=False).agg(n=("n", "sum"))
    # a bar that lacks suppressed cells undercounts: mark its wijk with " *"
    data["wijk"] = [f"{w} *" if w in hidden else w for w in data["wijk"]]
    n_wijken = max(data["wijk"].nunique(), 1)
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("wijk:N", title=t("app.chart.wijk"), sort="-x"),
            x=alt.X("sum(n):Q", title=t("app.chart.participants")),
            color=alt.Color(
                "programme:N",
                title=t("app.chart.programme"),
                legend=alt.Legend(orient="top", columns=1, labelLimit=400),
            ),
            tooltip=[
                alt.Tooltip("programme:N", title=t("app.chart.programme")),
                alt.Tooltip("wijk:N", title=t("app.chart.wijk")),
                alt.Tooltip("n:Q", title=t("app.chart.participants")),
            ],
        )
        .properties(height=alt.Step(BAR_STEP) if n_wijken > 1 else 60)
    )


def improved_chart(outcomes: pd.DataFrame) -> alt.FacetChart:
    """Shares improved and deteriorated per outcome, one bar per group, with the
    share printed; two panels side by side (improved | deteriorated).

    ``outcomes`` columns: outcome, group, n, share_improved, share_deteriorated.
    Long data columns: outcome, group_label, n, measure, measure_label, share.
    """
    data = _visible(outcomes, "share_improved")
    parts = []
    for measure in ("improved", "deteriorated"):
        part = data[data[f"share_{measure}"].notna()]
        parts.append(
            part.assign(
                measure=measure,
                measure_label=t(f"app.chart.{measure}"),
                share=part[f"share_{measure}"].astype("float64"),
            )[
                [
                    "outcome",
                    "group",
                    "group_label",
                    "n",
                    "measure",
                    "measure_label",
                    "share",
                ]
            ]
        )
    long = pd.concat(parts, ignore_index=True)
    base = alt.Chart().encode(
        y=alt.Y("outcome:N", title=None, axis=alt.Axis(labelLimit=260)),
        yOffset=alt.YOffset("group_label:N"),
        x=alt.X(
            "share:Q",
            title=None,
            axis=alt.Axis(format="%"),
            scale=alt.Scale(domain=[0, 1]),
        ),
        tooltip=[
            alt.Tooltip("outcome:N", title=t("app.chart.outcome")),
            alt.Tooltip("group_label:N", title=t("app.chart.group")),
            alt.Tooltip("measure_label:N", title=" "),
            alt.Tooltip("share:Q", title=t("app.chart.share"), format=".0%"),
            alt.Tooltip("n:Q", title=t("app.chart.n_pairs")),
        ],
    )
    bars = base.mark_bar().encode(color=_group_colour(sorted(set(data["group"]))))
    text = base.mark_text(align="left", dx=3).encode(
        text=alt.Text("share:Q", format=".0%")
    )
    order = [t("app.chart.improved"), t("app.chart.deteriorated")]
    return (
        alt.layer(bars, text, data=long)
        .properties(width=260, height=alt.Step(BAR_STEP))
        .facet(column=alt.Column("measure_label:N", title=None, sort=order))
    )


def before_after_chart(outcomes: pd.DataFrame) -> alt.FacetChart:
    """Mean before and after per group, one panel per outcome (own scale).

    ``outcomes`` columns: outcome, group, n, mean_before, mean_after.
    """
    data = _visible(outcomes, "mean_before")
    data = data[data["mean_after"].notna()]
    before, after = t("app.chart.before"), t("app.chart.after")
    long = pd.concat(
        [
            data.assign(moment=before, mean=data["mean_before"].astype("float64")),
            data.assign(moment=after, mean=data["mean_after"].astype("float64")),
        ],
        ignore_index=True,
    )[["outcome", "group_label", "group", "moment", "mean", "n"]]
    colour = _group_colour(sorted(set(data["group"])))
    y = alt.Y("group_label:N", title=None)
    base = alt.Chart().encode(y=y)
    line = base.mark_rule(strokeWidth=2).encode(
        x=alt.X("min(mean):Q", title=t("app.chart.mean"), scale=alt.Scale(zero=False)),
        x2="max(mean):Q",
        color=colour,
    )
    point = alt.X("mean:Q")
    first = base.transform_filter(alt.datum.moment == before).mark_point(
        filled=False, shape="circle", size=110, strokeWidth=2, opacity=1
    )
    last = base.transform_filter(alt.datum.moment == after).mark_point(
        filled=True, shape="diamond", size=130, opacity=1
    )
    key = t("app.chart.moment_key", before=before, after=after)
    return (
        alt.layer(
            line,
            first.encode(x=point, color=colour, tooltip=_mean_tooltip()),
            last.encode(x=point, color=colour, tooltip=_mean_tooltip()),
            data=long,
        )
        .properties(width=FACET_WIDTH, height=70)
        .facet(facet=alt.Facet("outcome:N", title=None), columns=2)
        .resolve_scale(x="independent")
        .properties(
            title=alt.Title(key, anchor="start", fontSize=12, fontWeight="normal")
        )
    )


def _mean_tooltip() -> list[alt.Tooltip]:
    return [
        alt.Tooltip("outcome:N", title=t("app.chart.outcome")),
        alt.Tooltip("group_label:N", title=t("app.chart.group")),
        alt.Tooltip("moment:N", title=t("app.chart.moment")),
        alt.Tooltip("mean:Q", title=t("app.chart.mean"), format=".2f"),
        alt.Tooltip("n:Q", title=t("app.chart.n_pairs")),
    ]


def _lines(
    data: pd.DataFrame,
    x: tuple[str, str],
    y: tuple[str, str, alt.Axis | None],
    dash: tuple[str, list[str]] | None = None,
) -> Any:
    """Lines with points per group; ``x``: (field, title); ``y``: (field,
    title, axis); ``dash``: (field, [solid value, dashed value])."""
    colour = _group_colour(sorted(set(data["group"])))
    y_enc = alt.Y(
        y[0],
        title=y[1],
        axis=y[2] if y[2] is not None else alt.Axis(),
        scale=alt.Scale(zero=False),
    )
    sort = list(dict.fromkeys(data[x[0].split(":")[0]]))
    x_enc = alt.X(x[0], title=x[1], sort=sort, axis=alt.Axis(labelAngle=0))
    base = alt.Chart().encode(x=x_enc, y=y_enc, color=colour)
    if dash is not None:
        base = base.encode(
            strokeDash=alt.StrokeDash(
                f"{dash[0]}:N",
                title=None,
                scale=alt.Scale(domain=dash[1], range=[[1, 0], [5, 4]]),
                legend=alt.Legend(orient="top", symbolType="stroke", **LEGEND_SYMBOL),
            )
        )
    tooltip = [
        alt.Tooltip(x[0], title=x[1]),
        alt.Tooltip("group_label:N", title=t("app.chart.group")),
        alt.Tooltip(y[0], title=y[1], format=".2f"),
        alt.Tooltip("n:Q", title=t("app.chart.n")),
    ]
    if dash is not None:
        tooltip.insert(2, alt.Tooltip(f"{dash[0]}:N", title=" "))
    return alt.layer(
        base.mark_line(),
        base.mark_point(filled=True).encode(tooltip=tooltip),
        data=data,
    ).properties(width=FACET_WIDTH, height=FACET_HEIGHT)


def wave_trend_chart(waves: pd.DataFrame) -> alt.FacetChart:
    """Mean per wave and group, one panel per outcome (own y scale).

    ``waves`` columns: outcome, group, wave, n, mean.
    """
    data = _visible(waves, "mean")
    data = data.sort_values("wave")
    data["wave_label"] = [wave_label(w) for w in data["wave"]]
    x = ("wave_label:O", t("app.chart.wave"))
    chart = _lines(data, x, ("mean:Q", t("app.chart.mean"), None))
    return chart.facet(
        facet=alt.Facet("outcome:N", title=None), columns=2
    ).resolve_scale(y="independent")


def period_trend_chart(
    periods: pd.DataFrame, min_n: int = TREND_MIN_N
) -> alt.FacetChart:
    """Shares improved (solid) and deteriorated (dashed) by intake quarter and
    group, one panel per outcome; quarters with fewer than ``min_n`` people with
    two measurements are left out (their shares jump about).

    ``periods`` columns: outcome, group, period_label, period, n, share_improved,
    share_deteriorated.
    """
    data = _visible(periods, "share_improved")
    data = data[data["n"] >= min_n].sort_values("period")
    parts = []
    for measure in ("improved", "deteriorated"):
        parts.append(
            data.assign(
                measure_label=t(f"app.chart.{measure}"),
                share=data[f"share_{measure}"].astype("float64"),
            )
        )
    long = pd.concat(parts, ignore_index=True)
    long = long[long["share"].notna()]
    x = ("period_label:O", t("app.chart.intake_quarter"))
    y = ("share:Q", t("app.chart.share"), alt.Axis(format="%"))
    order = [t("app.chart.improved"), t("app.chart.deteriorated")]
    chart = _lines(long, x, y, dash=("measure_label", order))
    return chart.facet(facet=alt.Facet("outcome:N", title=None), columns=2)


def area_trend_chart(area: pd.DataFrame) -> alt.FacetChart:
    """Mean indicator per period in wijken with and without the intervention.

    ``area`` columns: indicator_label, period, arm, n, mean.
    """
    data = area[area["mean"].notna()].copy()
    data["arm_label"] = [t(f"app.arm.{a}") for a in data["arm"]]
    present = [a for a in ARM_COLOURS if a in set(data["arm"])]
    colour = alt.Color(
        "arm_label:N",
        title=t("app.chart.areas"),
        scale=alt.Scale(
            domain=[t(f"app.arm.{a}") for a in present],
            range=[ARM_COLOURS[a] for a in present],
        ),
        legend=alt.Legend(orient="top"),
    )
    x = alt.X("period:O", title=t("app.chart.period"), axis=alt.Axis(labelAngle=0))
    y = alt.Y("mean:Q", title=t("app.chart.mean"), scale=alt.Scale(zero=False))
    base = alt.Chart().encode(x=x, y=y, color=colour)
    tooltip = [
        alt.Tooltip("period:O", title=t("app.chart.period")),
        alt.Tooltip("arm_label:N", title=t("app.chart.areas")),
        alt.Tooltip("mean:Q", title=t("app.chart.mean"), format=".2f"),
        alt.Tooltip("n:Q", title=t("app.chart.n_areas")),
    ]
    layered = alt.layer(
        base.mark_line(),
        base.mark_point(filled=True).encode(tooltip=tooltip),
        data=data,
    ).properties(width=FACET_WIDTH, height=FACET_HEIGHT)
    return layered.facet(
        facet=alt.Facet("indicator_label:N", title=None), columns=2
    ).resolve_scale(y="independent")
