"""Analysis plans: lock what will be estimated (programme, outcome, design)
before any result is shown, then run exactly that plan."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.engine import Engine

from impact.errors import EstimationError, check_option
from impact.i18n import t
from impact.services.analysis import DESIGNS, OutcomeAnalysis, analyse_outcome
from impact.services.permissions import require
from impact.store import audit, orgs, plans, programmes, pseudonyms
from impact.store.engine import session_scope, write_scope

ALPHA = 0.05


@dataclass(frozen=True, slots=True)
class PlanInfo:
    id: int
    programme: str
    instrument: str
    domain: str
    design: str
    locked_at: datetime | None
    sha256: str
    #: True when an identical plan was locked before and is returned instead
    existing: bool = False


def lock_plan(
    *,
    engine: Engine,
    org_slug: str,
    role: str,
    programme: str,
    instrument: str,
    domain: str,
    design: str,
    user_id: int | None = None,
    actor: str = "",
) -> PlanInfo:
    """Write the plan down, hashed and locked; audited as ``plan_lock``."""
    require(role, "lock_plan")
    check_option("design", design, DESIGNS)
    spec = {
        "programme": programme,
        "instrument": instrument,
        "domain": domain,
        "design": design,
        "alpha": ALPHA,
        "interval": "95%",
    }
    with write_scope(engine) as session:
        # one writer per organisation: a double click cannot lock twice
        org = pseudonyms.lock_organisation(session=session, slug=org_slug)
        prog = programmes.get_programme(session=session, org=org, name=programme)
        same = plans.find_locked(
            session=session, org=org, programme=prog, sha256=plans.spec_sha256(spec)
        )
        if same is not None:
            info = _info(same.id or 0, same.spec, same.locked_at, same.spec_sha256)
            return replace(info, existing=True)
        plan = plans.lock_plan(
            session=session,
            org=org,
            programme=prog,
            user_id=user_id,
            name=f"{programme} · {instrument}/{domain} · {design}",
            spec=spec,
        )
        audit.record(
            session=session,
            action="plan_lock",
            org=org,
            user_id=user_id,
            actor=actor,
            plan=plan.id,
            sha256=plan.spec_sha256,
        )
        return _info(plan.id or 0, spec, plan.locked_at, plan.spec_sha256)


def _info(
    plan_id: int, spec: dict[str, object], locked: datetime | None, sha: str
) -> PlanInfo:
    return PlanInfo(
        plan_id,
        str(spec["programme"]),
        str(spec["instrument"]),
        str(spec["domain"]),
        str(spec["design"]),
        locked,
        sha,
    )


def locked_plans(*, engine: Engine, org_slug: str, role: str) -> list[PlanInfo]:
    require(role, "run_analysis")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        return [
            _info(p.id or 0, p.spec, p.locked_at, p.spec_sha256)
            for p in plans.list_plans(session=session, org=org)
            if p.locked_at is not None
        ]


def run_plan(
    *, engine: Engine, org_slug: str, role: str, plan_id: int
) -> OutcomeAnalysis:
    """The estimate the locked plan names (results exist only through a plan)."""
    require(role, "run_analysis")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        plan = plans.get_plan(session=session, org=org, plan_id=plan_id)
        spec, sha = dict(plan.spec), plan.spec_sha256
    if plans.spec_sha256(spec) != sha:
        raise EstimationError(t("app.plan.changed", plan=plan_id))
    return analyse_outcome(
        engine=engine,
        org_slug=org_slug,
        programme=str(spec["programme"]),
        instrument=str(spec["instrument"]),
        domain=str(spec["domain"]),
        design=spec["design"],
    )


@dataclass(frozen=True, slots=True)
class ResultSummary:
    """What the Analysis page shows of one planned estimate (numbers from
    ``impact.estimate`` via the report model's flat outcome block)."""

    label: str
    design: str
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    inference: str
    inference_reason: str
    n_treated: int
    n_comparison: int | None
    pretrend_p: float | None
    warnings: tuple[str, ...]
    refused: str | None
    interpretation: str
    evidence: str


def summarise(a: OutcomeAnalysis) -> ResultSummary:
    from impact.report.evidence import evidence_level
    from impact.services.report_parts import DESIGNS as REPORT_DESIGNS
    from impact.services.report_parts import outcome_of

    block = outcome_of(a, None)
    level = evidence_level(REPORT_DESIGNS[a.design])
    evidence = (
        t(
            "report.evidence.could_support",
            level=t(f"report.evidence.level_{level.strength}"),
        )
        if level.strength
        else ""
    )
    return ResultSummary(
        a.label,
        a.design,
        block.estimate,
        block.ci_low,
        block.ci_high,
        block.p_value,
        block.inference,
        block.inference_reason,
        a.n_treated,
        block.n_comparison,
        block.pretrend_p,
        block.warnings,
        block.refused,
        interpretation(
            a.design,
            block.estimate,
            block.ci_low,
            block.ci_high,
            a.instrument.direction == "higher_better",
        ),
        evidence,
    )


def interpretation(
    design: str,
    estimate: float | None,
    low: float | None,
    high: float | None,
    higher_better: bool,
) -> str:
    """One plain sentence about the estimate and its interval."""
    if estimate is None or low is None or high is None:
        return t("app.ana.interp.none")
    numbers = {
        "estimate": f"{estimate:+.2f}",
        "low": f"{low:.2f}",
        "high": f"{high:.2f}",
    }
    subject = t(f"app.ana.interp.{design}", **numbers)
    if low <= 0 <= high:
        return f"{subject} {t('app.ana.interp.unclear')}"
    better = (estimate > 0) == higher_better
    return (
        f"{subject} {t('app.ana.interp.better' if better else 'app.ana.interp.worse')}"
    )
