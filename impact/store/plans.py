"""Analysis plans of one organisation: written down (and hashed) before results."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from impact.errors import NotFoundError
from impact.store.models import AnalysisPlan, Organisation, Programme, utcnow


def spec_sha256(spec: dict[str, Any]) -> str:
    text = json.dumps(spec, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def lock_plan(
    *,
    session: Session,
    org: Organisation,
    programme: Programme,
    name: str,
    spec: dict[str, Any],
    user_id: int | None,
) -> AnalysisPlan:
    """Store a locked plan (a locked plan is never changed; lock a new one)."""
    assert org.id is not None and programme.id is not None  # noqa: S101
    plan = AnalysisPlan(
        organisation_id=org.id,
        programme_id=programme.id,
        name=name[:200],
        spec=spec,
        spec_sha256=spec_sha256(spec),
        locked_at=utcnow(),
        locked_by=user_id,
    )
    session.add(plan)
    session.flush()
    return plan


def find_locked(
    *, session: Session, org: Organisation, programme: Programme, sha256: str
) -> AnalysisPlan | None:
    """The locked plan of this programme with exactly this specification."""
    return session.exec(
        select(AnalysisPlan)
        .where(
            AnalysisPlan.organisation_id == org.id,
            AnalysisPlan.programme_id == programme.id,
            AnalysisPlan.spec_sha256 == sha256,
            col(AnalysisPlan.locked_at).is_not(None),
        )
        .order_by(col(AnalysisPlan.id))
    ).first()


def list_plans(
    *, session: Session, org: Organisation, programme_id: int | None = None
) -> Sequence[AnalysisPlan]:
    stmt = select(AnalysisPlan).where(AnalysisPlan.organisation_id == org.id)
    if programme_id is not None:
        stmt = stmt.where(AnalysisPlan.programme_id == programme_id)
    return session.exec(stmt.order_by(col(AnalysisPlan.id).desc())).all()


def get_plan(*, session: Session, org: Organisation, plan_id: int) -> AnalysisPlan:
    plan = session.get(AnalysisPlan, plan_id)
    if plan is None or plan.organisation_id != org.id:
        raise NotFoundError.of("app.plan.not_found", plan=plan_id)
    return plan
