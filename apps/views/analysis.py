"""Analysis (analyst and up): choose programme, outcome and design, lock the
plan, then estimate: effect with interval, method and why, diagnostics and a
plain-language reading. Results exist only for a locked plan."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from common import current_user, engine, language, tr

from impact.charts import event_study_chart, trend_chart
from impact.errors import ImpactError
from impact.i18n import use_language
from impact.services.analysis import list_outcomes
from impact.services.plans import (
    PlanInfo,
    ResultSummary,
    lock_plan,
    locked_plans,
    run_plan,
    summarise,
)
from impact.services.report_downloads import reportable_programmes

user = current_user()
assert user is not None  # noqa: S101 - the router shows this page only when logged in
ORG, ROLE = user.org_slug, user.role
DESIGN_OPTIONS = ("auto", "prepost", "did", "staggered")

st.title(tr("app.ana.title"))
st.caption(tr("app.ana.caption"))


def _plan_form() -> None:
    st.subheader(tr("app.ana.step1"))
    names = [
        n for _i, n in reportable_programmes(engine=engine(), org_slug=ORG, role=ROLE)
    ]
    left, middle, right = st.columns(3)
    programme = left.selectbox(tr("app.col.programme"), names, key="ana_programme")
    with use_language(language()):
        outcomes = list_outcomes(engine=engine(), org_slug=ORG, programme=programme)
    if outcomes.empty:
        st.info(tr("app.dash.empty"))
        return
    labels = dict(zip(outcomes["key"], outcomes["label"], strict=True))
    key = middle.selectbox(
        tr("app.chart.outcome"),
        list(labels),
        format_func=labels.__getitem__,
        key="ana_outcome",
    )
    design = right.selectbox(
        tr("app.ana.design"),
        DESIGN_OPTIONS,
        format_func=lambda d: tr(f"app.ana.design.{d}"),
        key="ana_design",
    )
    st.caption(tr("app.ana.lock_help"))
    if st.button(tr("app.ana.lock"), key="ana_lock"):
        row = outcomes[outcomes["key"] == key].iloc[0]
        plan = lock_plan(
            engine=engine(),
            org_slug=ORG,
            role=ROLE,
            programme=programme,
            instrument=str(row["instrument"]),
            domain=str(row["domain"]),
            design=design,
            user_id=user.user_id,
            actor=user.email,
        )
        st.session_state["ana_plan"] = plan.id
        st.success(tr("app.ana.locked", plan=plan.id, sha=plan.sha256[:12]))


def _plans() -> PlanInfo | None:
    st.subheader(tr("app.ana.step2"))
    plans = locked_plans(engine=engine(), org_slug=ORG, role=ROLE)
    if not plans:
        st.info(tr("app.ana.no_plans"))
        return None
    by_id = {p.id: p for p in plans}
    default = st.session_state.get("ana_plan")
    chosen = st.selectbox(
        tr("app.ana.plan"),
        list(by_id),
        index=list(by_id).index(default) if default in by_id else 0,
        format_func=lambda i: tr(
            "app.ana.plan_label",
            plan=i,
            programme=by_id[i].programme,
            outcome=f"{by_id[i].instrument}/{by_id[i].domain}",
            design=tr(f"app.ana.design.{by_id[i].design}"),
        ),
        key="ana_plan_choice",
    )
    return by_id[chosen]


def _result(plan: PlanInfo) -> None:
    if not st.button(tr("app.ana.run"), type="primary", key="ana_run"):
        return
    with st.spinner(tr("app.dash.effects.running")), use_language(language()):
        analysis = run_plan(engine=engine(), org_slug=ORG, role=ROLE, plan_id=plan.id)
        summary = summarise(analysis)
        _show(summary)
        _charts(analysis)


def _show(s: ResultSummary) -> None:
    st.markdown(f"### {s.label}")
    st.info(s.interpretation)
    cols = st.columns(3)
    value = "–" if s.estimate is None else f"{s.estimate:+.2f}"
    interval = "–" if s.ci_low is None else f"[{s.ci_low:.2f}; {s.ci_high:.2f}]"
    cols[0].metric(tr("app.effects.col.estimate"), value)
    cols[1].metric(tr("app.effects.col.interval"), interval)
    cols[2].metric("p", "–" if s.p_value is None else f"{s.p_value:.3f}")
    st.markdown(f"**{tr('app.effects.col.inference')}:** {s.inference}")
    st.caption(s.inference_reason)
    if s.refused:
        st.warning(s.refused)
    st.markdown(f"**{tr('app.ana.diagnostics')}**")
    rows = {
        tr("app.ana.n_treated"): s.n_treated,
        tr("app.ana.n_comparison"): "–" if s.n_comparison is None else s.n_comparison,
        tr("app.ana.pretrend"): "–" if s.pretrend_p is None else f"{s.pretrend_p:.3f}",
    }
    st.dataframe(
        pd.DataFrame({"": list(rows), " ": [str(v) for v in rows.values()]}),
        hide_index=True,
    )
    for warning in s.warnings:
        st.caption(f"⚠ {warning}")
    st.caption(s.evidence)


def _charts(analysis: object) -> None:
    means = analysis.means  # type: ignore[attr-defined]
    frame = means.assign(period=[str(p) for p in means["period"]])
    st.altair_chart(trend_chart(frame, y_title=tr("app.chart.mean")))
    event = analysis.event  # type: ignore[attr-defined]
    if event is not None and not event.empty:
        st.markdown(f"**{tr('app.ana.event')}**")
        st.altair_chart(event_study_chart(event))


for section in (_plan_form,):
    try:
        section()
    except ImpactError as exc:
        st.error(str(exc))
try:
    chosen_plan = _plans()
    if chosen_plan is not None:
        _result(chosen_plan)
except ImpactError as exc:
    st.error(str(exc))
