"""The append-only audit log: who did what, when.

Details never hold client references, pseudonyms or cell values; callers pass
counts, ids and names of things (a file name, a role).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from impact.store.models import AuditEvent, Organisation

ACTIONS: tuple[str, ...] = (
    "login",
    "login_failed",
    "lockout",
    "logout",
    "import",
    "import_refused",
    "undo",
    "export",
    "role_change",
    "user_add",
    "org_create",
    "plan_lock",
    "erase",
    "key_rotate",
    "settings_change",
)


def record(
    *,
    session: Session,
    action: str,
    org: Organisation | None = None,
    user_id: int | None = None,
    actor: str = "",
    **detail: Any,
) -> AuditEvent:
    from impact.errors import check_option

    check_option("action", action, ACTIONS)
    event = AuditEvent(
        organisation_id=org.id if org else None,
        user_id=user_id,
        actor=actor,
        action=action,
        detail=detail,
    )
    session.add(event)
    session.flush()
    return event


def events(
    *, session: Session, org: Organisation, limit: int = 500
) -> Sequence[AuditEvent]:
    return session.exec(
        select(AuditEvent)
        .where(AuditEvent.organisation_id == org.id)
        .order_by(col(AuditEvent.id).desc())
        .limit(limit)
    ).all()
