"""Analysis plans: locked before results, audited, refused when tampered with."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from impact.errors import EstimationError, PermissionDenied
from impact.sample import generate as sample
from impact.services.plans import interpretation, lock_plan, locked_plans, run_plan
from impact.store import audit, orgs
from impact.store.engine import session_scope
from impact.store.models import AnalysisPlan
from tests.factories import add_org_with_data, migrated_engine

TRUE_EFFECT = sample.TRUE_EFFECTS[(sample.DEBT, "zrm/financien")]


def test_lock_run_and_tamper(sqlite_url: str) -> None:
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=8, n=150)
    common = {"engine": engine, "org_slug": "org-a"}
    with pytest.raises(PermissionDenied):
        lock_plan(
            **common,
            role="viewer",
            programme=sample.DEBT,
            instrument="zrm",
            domain="financien",
            design="did",
        )
    plan = lock_plan(
        **common,
        role="analyst",
        programme=sample.DEBT,
        instrument="zrm",
        domain="financien",
        design="did",
    )
    assert [p.id for p in locked_plans(**common, role="analyst")] == [plan.id]
    result = run_plan(**common, role="analyst", plan_id=plan.id)
    assert result.design == "did"
    assert result.estimate.ci_low < TRUE_EFFECT < result.estimate.ci_high
    with session_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug="org-a")
        assert "plan_lock" in {e.action for e in audit.events(session=s, org=org)}
        s.execute(
            update(AnalysisPlan)
            .where(AnalysisPlan.id == plan.id)
            .values(
                spec={
                    "programme": sample.DEBT,
                    "instrument": "zrm",
                    "domain": "financien",
                    "design": "prepost",
                }
            )
        )
    with pytest.raises(EstimationError, match="gewijzigd"):
        run_plan(**common, role="analyst", plan_id=plan.id)


def test_interpretation_reads_the_interval() -> None:
    assert "0" in interpretation("did", 0.1, -0.2, 0.4, True)
    assert "verbetering" in interpretation("did", -0.2, -0.3, -0.1, False)
    assert "verslechtering" in interpretation("did", -0.2, -0.3, -0.1, True)
    assert "geen" in interpretation("prepost", 0.5, 0.1, 0.9, True)  # not causal
    assert "geen betrouwbare" in interpretation("did", 0.5, None, None, True)


def test_locking_the_same_plan_twice_returns_the_first_lock(sqlite_url: str) -> None:
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", n=10)
    spec = {
        "engine": engine,
        "org_slug": "org-a",
        "role": "analyst",
        "programme": sample.DEBT,
        "instrument": "zrm",
        "domain": "financien",
        "design": "did",
    }
    first, again = lock_plan(**spec), lock_plan(**spec)  # type: ignore[arg-type]
    assert (again.id, again.existing, first.existing) == (first.id, True, False)
    other = lock_plan(**{**spec, "design": "prepost"})  # type: ignore[arg-type]
    assert other.id != first.id and not other.existing
    ids = [p.id for p in locked_plans(engine=engine, org_slug="org-a", role="analyst")]
    assert sorted(ids) == sorted([first.id, other.id])
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug="org-a")
        locks = [
            e for e in audit.events(session=session, org=org) if e.action == "plan_lock"
        ]
    assert len(locks) == 2
