"""Analysis (analyst and up): choose programme, outcome and design, lock the
plan, then estimate: effect with interval, method and why, diagnostics and a
plain-language reading. Results exist only for a locked plan."""

from __future__ import annotations

import pandas as pd
import streamlit as st
import ui
from common import current_user, engine, language, tr
from plain import plain

from impact.charts import event_study_chart, synthetic_twin_chart, trend_chart
from impact.errors import ImpactError
from impact.i18n import fmt_number, use_language
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
from impact.services.verdict import Verdict, p_text, verdict

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
        # the plan just locked is the one selected below (this run and later)
        st.session_state["ana_plan"] = plan.id
        st.session_state["ana_plan_choice"] = plan.id
        if plan.existing:
            st.info(tr("app.ana.plan_exists", plan=plan.id))
        else:
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
        reading = verdict(analysis, summary)
        _show(summary, reading)
        _charts(analysis)
        _technical(summary, reading, analysis)


LIGHTS = {
    "green": ("🟢", st.success),
    "orange": ("🟠", st.warning),
    "red": ("🔴", st.error),
}


def _show(s: ResultSummary, v: Verdict) -> None:
    st.markdown(f"### {plain(s.label)}")
    st.caption(plain(v.scale))
    icon, box = LIGHTS[v.light]
    box(f"**{plain(v.title)}** — {plain(v.reason)}", icon=icon)
    st.markdown(f"**{plain(v.headline)}**")
    if v.shares:
        st.markdown(plain(v.shares))
    cols = st.columns(2)
    f = v.factor
    cols[0].metric(
        f"{tr('app.ana.effect')} ({v.unit})",
        "–" if s.estimate is None else _num(f * s.estimate, True),
    )
    interval = (
        "–"
        if s.ci_low is None or s.ci_high is None
        else f"{_num(f * s.ci_low)} … {_num(f * s.ci_high)}"
    )
    cols[1].metric(tr("app.ana.interval"), interval)
    if s.refused:
        st.warning(plain(s.refused))


def _num(value: float, signed: bool = False) -> str:
    text = fmt_number(abs(value) if signed else value, 1, lang=language())
    return ("+" if value >= 0 else "−") + text if signed else text


def _technical(s: ResultSummary, v: Verdict, analysis: object) -> None:
    with st.expander(tr("app.ana.technical")):
        st.markdown(f"**{tr('app.ana.method')}:** {plain(v.method)}")
        st.caption(plain(s.inference_reason))
        rows = {
            tr("app.ana.p"): v.p_value,
            tr("app.ana.n_treated"): ui.count(s.n_treated),
            tr("app.ana.n_comparison"): "–"
            if s.n_comparison is None
            else ui.count(s.n_comparison),
            tr("app.ana.pretrend"): p_text(s.pretrend_p),
        }
        st.dataframe(
            pd.DataFrame(
                {
                    tr("app.ana.check"): list(rows),
                    tr("app.ana.value"): list(rows.values()),
                }
            ),
            hide_index=True,
        )
        for warning in s.warnings:
            st.caption(f"⚠ {plain(warning)}")
        if s.evidence:
            st.caption(plain(s.evidence))
        event = analysis.event  # type: ignore[attr-defined]
        if event is not None and not event.empty:
            st.markdown(f"**{tr('app.ana.event')}**")
            st.altair_chart(event_study_chart(event))


def _charts(analysis: object) -> None:
    means = analysis.means  # type: ignore[attr-defined]
    frame = means.assign(period=[str(p) for p in means["period"]])
    st.altair_chart(trend_chart(frame, y_title=tr("app.chart.mean"), lang=language()))
    twin = getattr(analysis, "synthetic", None)
    if twin is not None:  # synthetic DiD: the wijk against its weighted mix
        mix = ", ".join(f"{w} {v:.0%}" for w, v in analysis.weights)  # type: ignore[attr-defined]
        st.caption(tr("report.sdid.mix", mix=mix))
        start = analysis.start_period  # type: ignore[attr-defined]
        st.altair_chart(synthetic_twin_chart(twin, start=start, lang=language()))


for section in (_plan_form,):
    try:
        section()
    except ImpactError as exc:
        st.error(plain(str(exc)))
try:
    chosen_plan = _plans()
    if chosen_plan is not None:
        _result(chosen_plan)
except ImpactError as exc:
    st.error(plain(str(exc)))
