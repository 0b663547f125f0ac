"""Translate analysis results into the report model's plain-number parts."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from sqlalchemy.engine import Engine
from sqlmodel import select

from impact.estimate import PrePostResult
from impact.i18n import t
from impact.report.convert import value_section
from impact.report.model import (
    AssumptionCheck,
    AttritionRow,
    BalanceRow,
    ChangeCounts,
    Design,
    EventPoint,
    GroupMeans,
    Methods,
    MixWeight,
    Outcome,
    TrendPoint,
    TwinPoint,
    ValueSection,
)
from impact.services.analysis import OutcomeAnalysis
from impact.store import orgs, programmes
from impact.store.engine import session_scope
from impact.store.models import ValueParameter as StoredParameter
from impact.value import ValueParameter, default_parameter, social_value, with_amount

ESTIMATORS = {
    "did": "did_2x2",
    "prepost": "prepost",
    "staggered": "callaway_santanna",
    "sdid": "synthdid",
}
DESIGNS: dict[str, Design] = {
    "did": "did",
    "prepost": "prepost",
    "staggered": "staggered",
    "sdid": "sdid",
}
AREA_DESIGNS = frozenset({"staggered", "sdid"})
#: which value parameter prices an avoided case of which outcome
VALUE_OF_OUTCOME: dict[str, tuple[str, ...]] = {
    "problematische_schulden": ("debt_case_avoided",),
    "eenzaamheid_ernstig_pct": ("loneliness_case_avoided",),
}
PARALLEL_TRENDS_ALPHA = 0.05


def num(value: Any) -> float | None:
    """A finite float, else None (the model refuses NaN)."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def whole(value: Any) -> int:
    return int(value)


def outcome_of(a: OutcomeAnalysis, p_holm: float | None) -> Outcome:
    est = a.estimate
    effect = num(est.estimate)
    low, high = num(est.ci_low), num(est.ci_high)
    binary = a.instrument.kind == "binary"
    return Outcome(
        key=a.key,
        label=a.label,
        instrument=a.instrument.code,
        direction=a.instrument.direction,
        estimator=ESTIMATORS[a.design],
        n_treated=a.n_treated,
        n_comparison=a.n_comparison if a.design != "prepost" else None,
        estimate=effect,
        std_error=num(est.std_error),
        ci_low=low,
        ci_high=high,
        p_value=num(est.p_value),
        p_holm=p_holm,
        effect_size=_effect_size(a),
        n_clusters=est.n_clusters or None,
        inference=str(est.vcov),
        inference_reason=str(est.vcov_reason)[:2000],
        pretrend_p=num(a.pretrend_p),
        scale="proportion" if binary else "score",
        unit="areas" if a.design in AREA_DESIGNS else "people",
        decimals=2 if binary else 1,
        groups=_groups(a.means),
        trend=_trend(a.means, a.design),
        event_study=_event(a),
        change=tuple(
            ChangeCounts(
                str(r.group),
                whole(r.improved),
                whole(r.unchanged),
                whole(r.deteriorated),
            )
            for r in a.change.itertuples()
        )
        if not binary
        else (),
        warnings=tuple(str(w)[:2000] for w in est.warnings),
        refused=str(est.vcov_reason)[:2000]
        if effect is not None and (low is None or high is None)
        else None,
        comparison_mix=tuple(MixWeight(k, w) for k, w in a.weights),
        synthetic=_synthetic(a),
        start_period=a.start_period,
    )


def _synthetic(a: OutcomeAnalysis) -> tuple[TwinPoint, ...]:
    if a.synthetic is None:
        return ()
    frame = a.synthetic
    return tuple(
        TwinPoint(int(p), float(tr), float(sy))
        for p, tr, sy in zip(
            frame["period"], frame["treated"], frame["synthetic"], strict=True
        )
    )


def _effect_size(a: OutcomeAnalysis) -> float | None:
    """Pre/post: Hedges' g_av (from the engine). DiD: the effect divided by the
    pooled baseline SD, times Hedges' correction J = 1 - 3 / (4 (n1 + n2) - 9).
    Area designs: none (a between-wijk SD is not a scale for people)."""
    if isinstance(a.estimate, PrePostResult):
        return num(a.estimate.hedges_g)
    base = a.means[a.means["period"] == a.means["period"].min()]
    if a.design != "did" or base.empty or base["sd"].isna().all():
        return None
    n = base["n"].sum()
    pooled = math.sqrt((base["sd"] ** 2 * (base["n"] - 1)).sum() / max(n - 2, 1))
    correction = 1 - 3 / (4 * n - 9)
    return num(correction * a.estimate.estimate / pooled) if pooled > 0 else None


def _groups(means: pd.DataFrame) -> tuple[GroupMeans, ...]:
    out = []
    for group, part in means.sort_values("period").groupby("group", sort=True):
        first, last = part.iloc[0], part.iloc[-1]
        out.append(
            GroupMeans(
                str(group),
                int(last["n"]),
                num(first["mean"]),
                num(last["mean"]),
                num(first["ci_low"]),
                num(first["ci_high"]),
                num(last["ci_low"]),
                num(last["ci_high"]),
            )
        )
    return tuple(out)


def _trend(means: pd.DataFrame, design: str) -> tuple[TrendPoint, ...]:
    def label(period: Any) -> str:
        if design in AREA_DESIGNS:
            return str(int(period))
        return (
            t(f"reports.wave.{int(period)}") if int(period) <= 2 else f"T{int(period)}"
        )

    return tuple(
        TrendPoint(
            str(r.group),
            label(r.period),
            whole(r.n),
            num(r.mean),
            num(r.ci_low),
            num(r.ci_high),
        )
        for r in means.sort_values(["group", "period"]).itertuples()
    )


def _event(a: OutcomeAnalysis) -> tuple[EventPoint, ...]:
    if a.event is None:
        return ()
    return tuple(
        EventPoint(whole(r.rel_period), num(r.estimate), num(r.ci_low), num(r.ci_high))
        for r in a.event.itertuples()
    )


def methods_of(analyses: list[OutcomeAnalysis]) -> Methods:
    """Methods of the report: the design of its first (primary) outcome."""
    main = analyses[0]
    checks = []
    if main.pretrend_p is not None and math.isfinite(main.pretrend_p):
        checks.append(
            AssumptionCheck(
                "report.check.parallel_trends",
                p_value=main.pretrend_p,
                passed=main.pretrend_p > PARALLEL_TRENDS_ALPHA,
            )
        )
    return Methods(
        design=DESIGNS[main.design],
        estimator=ESTIMATORS[main.design],
        inference=str(main.estimate.vcov),
        inference_reason=str(main.estimate.vcov_reason)[:2000],
        checks=tuple(checks),
        attrition=_attrition(main),
        balance=_balance(analyses),
    )


def _attrition(a: OutcomeAnalysis) -> tuple[AttritionRow, ...]:
    if a.design in AREA_DESIGNS:
        return ()
    rows = []
    for group, part in a.means.groupby("group"):
        part = part.sort_values("period")
        rows.append(
            AttritionRow(str(group), int(part["n"].iloc[0]), int(part["n"].iloc[-1]))
        )
    return tuple(rows)


def _balance(analyses: list[OutcomeAnalysis]) -> tuple[BalanceRow, ...]:
    out = []
    for a in analyses:
        base = a.means[a.means["period"] == a.means["period"].min()].set_index("group")
        if a.design == "prepost" or not {"treated", "comparison"} <= set(base.index):
            continue
        tr, co = base.loc["treated"], base.loc["comparison"]
        pooled = (
            math.sqrt((tr["sd"] ** 2 + co["sd"] ** 2) / 2)
            if tr["sd"] == tr["sd"]
            else 0
        )
        out.append(
            BalanceRow(
                a.label,
                int(tr["n"]),
                int(co["n"]),
                num(tr["mean"]),
                num(co["mean"]),
                num((tr["mean"] - co["mean"]) / pooled) if pooled else None,
            )
        )
    return tuple(out)


def value_of(
    engine: Engine, org_slug: str, analyses: list[OutcomeAnalysis]
) -> ValueSection | None:
    """Social value of the first outcome the organisation has priced, if any."""
    for a in analyses:
        keys = VALUE_OF_OUTCOME.get(a.instrument.code)
        effect, se = num(a.estimate.estimate), num(a.estimate.std_error)
        if not keys or effect is None or se is None or a.design == "prepost":
            continue
        params, cost = _priced(engine, org_slug, a.programme, keys)
        if params and cost:
            benefit_sign = -1.0 if a.instrument.direction == "higher_worse" else 1.0
            scale = 0.01 if a.instrument.code.endswith("_pct") else 1.0
            result = social_value(
                benefit_sign * effect * scale,
                a.n_treated,
                params,
                cost,
                std_error=se * scale,
            )
            return value_section(result, a.key)
    return None


def _priced(
    engine: Engine, org_slug: str, programme: str, keys: tuple[str, ...]
) -> tuple[list[ValueParameter], float | None]:
    """The organisation's own amounts for ``keys`` (an unpriced default is no value)."""
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        cost = programmes.get_programme(
            session=session, org=org, name=programme
        ).yearly_cost
        stored = {
            p.key: p
            for p in session.exec(
                select(StoredParameter).where(StoredParameter.organisation_id == org.id)
            ).all()
        }
    params = []
    for key in keys:
        row = stored.get(key)
        if row is not None:
            params.append(
                with_amount(
                    default_parameter(key),
                    row.amount,
                    price_year=row.price_year,
                    source=row.source,
                )
            )
    return params, cost
