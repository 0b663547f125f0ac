"""The live dashboard of the organisation's staff, and the page body the funder
view (``views/funder.py``) fills from the release instead.

It re-runs itself every ``REFRESH_SECONDS`` (``st.fragment``): a cheap query
reads the data version, and the cached SQL aggregates are recomputed only when
an import or undo changed it. A funder's figures never pass through here as
cells: ``show_view`` only draws a view ``impact.services.release`` made.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
import ui
from cached import current_version, dashboard_cells, effects
from common import CurrentUser, language, tr
from plain import plain

from impact.charts import dashboard as charts
from impact.errors import ImpactError
from impact.i18n import use_language
from impact.services.dashboard import (
    DashboardCells,
    DashboardView,
    Filters,
    build_view,
    filter_options,
    min_cell_for,
    period_label,
)

REFRESH_SECONDS = 30


#: effect table of a view: (version, programme ids) -> frame
EffectLoader = Callable[[tuple[int, int], tuple[int, ...]], pd.DataFrame]


def render(user: CurrentUser) -> None:
    """The staff page body (every cell of the own organisation)."""
    min_cell = min_cell_for(user.role)
    st.caption(tr("app.dash.live", seconds=REFRESH_SECONDS))

    @st.fragment(run_every=REFRESH_SECONDS)
    def live() -> None:
        try:
            version = current_version(user.org_slug, user.role)
            with st.spinner(tr("app.dash.loading")):
                cells = dashboard_cells(user.org_slug, user.role, version)
            with use_language(language()):
                flt = _filters(cells)
                view = build_view(cells, flt, min_cell=min_cell)

                def staff_effects(
                    version: tuple[int, int], ids: tuple[int, ...]
                ) -> pd.DataFrame:
                    return effects(user.org_slug, user.role, version, ids, language())

                show_view(
                    view, min_cell, (version, flt.programme_ids), staff_effects, user
                )
        except ImpactError as exc:
            st.error(plain(str(exc)))

    live()


def _filters(cells: DashboardCells) -> Filters:
    options = filter_options(cells)
    names = dict(options.programmes)
    left, middle, right = st.columns([2, 2, 3])
    chosen = left.multiselect(
        tr("app.dash.filter.programme"),
        options=list(names),
        format_func=lambda i: names[i],
        placeholder=tr("app.dash.filter.all"),
        key="dash_programmes",
    )
    wijken = middle.multiselect(
        tr("app.dash.filter.wijk"),
        options=options.wijken,
        format_func=lambda w: options.wijk_labels.get(w, w),
        placeholder=tr("app.dash.filter.all"),
        key="dash_wijken",
    )
    low = high = None
    if len(options.periods) > 1:
        low, high = right.select_slider(
            tr("app.dash.filter.period"),
            options=options.periods,
            value=(options.periods[0], options.periods[-1]),
            format_func=period_label,
            key="dash_period",
            help=tr("app.dash.filter.period_help"),
        )
        if (low, high) == (options.periods[0], options.periods[-1]):
            low = high = None
    return Filters(tuple(chosen), tuple(wijken), low, high)


def show_view(
    view: DashboardView,
    min_cell: int | None,
    state: tuple[tuple[int, int], tuple[int, ...]],
    load_effects: EffectLoader,
    staff: CurrentUser | None = None,
) -> None:
    """Draw a dashboard view: KPIs, reach, outcomes, effects and trends;
    ``staff``: the organisation's own user (reach against targets too)."""
    first, second, third = st.columns(3)
    if view.reach.empty and view.areas is not None:
        # area programmes only: wijken and their residents, no participants
        first.metric(tr("release.col.areas"), view.areas)
    else:
        first.metric(
            tr("app.dash.kpi.participants"),
            ui.shown(view.participants, ui.count, min_cell),
        )
    second.metric(tr("app.dash.kpi.programmes"), view.programmes)
    if view.reach.empty and view.areas is not None:
        treated = view.area[view.area["arm"] == "with"]
        per_period = treated.groupby(["programme", "indicator", "period"])["n"].sum()
        with_it = int(per_period.groupby(level="programme").max().sum())
        third.metric(tr("report.areas.participants"), with_it)
    else:
        third.metric(tr("app.dash.kpi.wijken"), view.wijken)
    if min_cell is not None:
        st.info(tr("app.funder.suppression", min_cell=min_cell))
    reach, outcomes, trends = st.tabs(
        [
            tr("app.dash.tab.reach"),
            tr("app.dash.tab.outcomes"),
            tr("app.dash.tab.trends"),
        ]
    )
    with reach:
        _reach(view, min_cell)
        if staff is not None:
            _targets(staff)
    with outcomes:
        _outcomes(view, min_cell)
        _effects(load_effects, *state)
    with trends:
        _trends(view)


def _reach(view: DashboardView, min_cell: int | None) -> None:
    st.subheader(tr("app.dash.reach.title"))
    st.caption(tr("app.dash.reach.caption"))
    if view.reach.empty:
        st.info(tr("app.dash.empty"))
        return
    if view.reach["n"].notna().any():
        st.altair_chart(charts.reach_chart(view.reach), width="stretch")
    if view.reach["n"].isna().any():
        st.caption(tr("app.dash.reach.hidden", min_cell=min_cell))
    with st.expander(tr("app.dash.table")):
        st.dataframe(
            ui.table(
                view.reach,
                {
                    "programme": ("app.col.programme", None),
                    "wijk": ("app.chart.wijk", None),
                    "group": ("app.chart.group", None),
                    "n": ("app.chart.participants", ui.count),
                },
                min_cell,
            ),
            hide_index=True,
            width="stretch",
        )


def _targets(user: CurrentUser) -> None:
    """Reach against each programme's target (the organisation's own staff)."""
    from common import engine

    from impact.services.targets import reach_targets

    frame = reach_targets(engine=engine(), org_slug=user.org_slug, role=user.role)
    st.subheader(tr("app.dash.target.title"))
    if frame["target"].isna().all():
        st.caption(tr("app.dash.target.none"))
        return
    shown = pd.DataFrame(
        {
            tr("app.col.programme"): frame["programme"],
            tr("app.dash.target.unit"): [
                tr(f"app.dash.target.unit.{d}") for d in frame["design"]
            ],
            tr("app.dash.target.reached"): [ui.count(v) for v in frame["reached"]],
            tr("app.dash.target.target"): [
                "–" if pd.isna(v) else ui.count(v) for v in frame["target"]
            ],
            tr("app.dash.target.share"): [
                None if pd.isna(v) else float(v) * 100 for v in frame["share"]
            ],
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            tr("app.dash.target.share"): st.column_config.ProgressColumn(
                format="%.0f%%", min_value=0, max_value=100
            )
        },
    )


def _outcomes(view: DashboardView, min_cell: int | None) -> None:
    st.subheader(tr("app.dash.outcomes.title"))
    st.caption(tr("app.dash.outcomes.caption"))
    if view.outcomes.empty:
        st.info(tr("app.dash.empty"))
        return
    for programme, frame in view.outcomes.groupby("programme", sort=True):
        st.subheader(plain(programme), anchor=False)  # no link to the heading
        st.markdown(f"**{tr('app.dash.improved.title')}**")
        if frame["share_improved"].notna().any():
            st.altair_chart(charts.improved_chart(frame))
        else:
            st.caption(tr("app.dash.nothing_shown"))
        st.markdown(f"**{tr('app.dash.before_after.title')}**")
        if frame["mean_before"].notna().any():
            st.altair_chart(charts.before_after_chart(frame))
        else:
            st.caption(tr("app.dash.nothing_shown"))
        rules = frame.drop_duplicates("outcome")[["outcome", "rule"]]
        st.caption(" · ".join(f"{plain(o)}: {plain(r)}" for o, r in rules.values))
        with st.expander(tr("app.dash.table")):
            st.dataframe(_outcome_table(frame, min_cell), hide_index=True)


def _outcome_table(frame: pd.DataFrame, min_cell: int | None) -> pd.DataFrame:
    return ui.table(
        frame,
        {
            "outcome": ("app.chart.outcome", None),
            "group": ("app.chart.group", None),
            "n": ("app.chart.n_pairs", ui.count),
            "mean_before": ("app.chart.mean_before", ui.mean),
            "mean_after": ("app.chart.mean_after", ui.mean),
            "share_improved": ("app.chart.share_improved", ui.percent),
            "share_deteriorated": ("app.chart.share_deteriorated", ui.percent),
        },
        min_cell,
    )


def _effects(
    load_effects: EffectLoader, version: tuple[int, int], ids: tuple[int, ...]
) -> None:
    # ---- current effect estimate per programme and outcome, with its interval
    # ---- and evidence label: services.dashboard.effect_summary (impact.estimate)
    st.subheader(tr("app.dash.effects.title"))
    st.caption(tr("app.dash.effects.caption"))
    if not st.toggle(tr("app.dash.effects.show"), key="dash_effects"):
        return
    with st.spinner(tr("app.dash.effects.running")):
        frame = load_effects(version, ids)
    if frame.empty:
        st.info(tr("app.dash.empty"))
        return
    st.dataframe(_effect_table(frame), hide_index=True, width="stretch")


def _effect_table(frame: pd.DataFrame) -> pd.DataFrame:
    def interval(low: object, high: object) -> str:
        if low is None or high is None or pd.isna(low) or pd.isna(high):
            return "–"
        return f"[{ui.mean(float(low))}; {ui.mean(float(high))}]"

    return pd.DataFrame(
        {
            tr("app.col.programme"): frame["programme"],
            tr("app.chart.outcome"): frame["outcome"],
            tr("app.effects.col.design"): frame["design"],
            tr("app.effects.col.estimate"): [
                ui.shown(v, ui.mean, None) for v in frame["estimate"]
            ],
            tr("app.effects.col.interval"): [
                interval(lo, hi)
                for lo, hi in zip(frame["ci_low"], frame["ci_high"], strict=True)
            ],
            tr("app.effects.col.inference"): frame["inference"],
            tr("app.effects.col.evidence"): frame["evidence"],
            tr("app.effects.col.note"): frame["note"],
        }
    )


def _trends(view: DashboardView) -> None:
    st.subheader(tr("app.dash.trend.title"))
    if view.waves.empty and view.area.empty:
        st.info(tr("app.dash.empty"))
    for programme, frame in view.waves.groupby("programme", sort=True):
        st.subheader(plain(programme), anchor=False)  # no link to the heading
        st.markdown(f"**{tr('app.dash.trend.waves')}**")
        if frame["mean"].notna().any():
            st.altair_chart(charts.wave_trend_chart(frame))
        periods = view.periods[view.periods["programme"] == programme]
        if periods["share_improved"].notna().any():
            st.markdown(f"**{tr('app.dash.trend.periods')}**")
            st.caption(tr("app.dash.trend.periods_caption", n=charts.TREND_MIN_N))
            st.altair_chart(charts.period_trend_chart(periods))
    for programme, frame in view.area.groupby("programme", sort=True):
        st.subheader(plain(programme), anchor=False)  # no link to the heading
        st.markdown(f"**{tr('app.dash.trend.area')}**")
        st.caption(tr("app.dash.trend.area_caption"))
        st.altair_chart(charts.area_trend_chart(frame))
