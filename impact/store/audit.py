"""The append-only audit log: who did what, when.

Details never hold client references, pseudonyms or cell values; callers pass
counts, ids and names of things (a file name, a role).
"""

from __future__ import annotations

import re
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
    "redo",
    "purge",
    "direct_entry",
    "funding_add",
    "funding_remove",
    "export",
    "role_change",
    "user_add",
    "org_create",
    "plan_lock",
    "erase",
    "key_rotate",
    "settings_change",
    "backup",
    "restore",
    "evidence_export",
    "evidence_trust",
    "evidence_import",
    "evidence_refused",
)

#: detail keys that would carry a person's data; refused outright
FORBIDDEN_DETAIL_KEYS = frozenset(
    {"client_ref", "client", "reference", "pseudonym", "participant", "value", "values"}
)
#: a pseudonym as :func:`impact.domain.pseudonym.pseudonymise` writes it
_PSEUDONYM = re.compile(r"p_[0-9a-f]{32}")


def check_detail(detail: dict[str, Any]) -> None:
    """Refuse a detail that names a client field or contains a pseudonym.

    A programming error, not a user error: it raises ``ValueError``.
    """
    bad = FORBIDDEN_DETAIL_KEYS & set(detail)
    if bad:
        raise ValueError(f"audit detail may not hold {sorted(bad)}")
    if _PSEUDONYM.search(repr(detail)):
        raise ValueError("audit detail may not hold a pseudonym")


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
    check_detail(detail)
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
