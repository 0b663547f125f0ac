"""A sector hub's trusted keys and imported evidence packages, scoped by hub."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from impact.store.models import EvidencePackage, EvidenceTrust, Organisation, utcnow


def trusted_key(*, session: Session, hub: Organisation, source: str) -> str | None:
    row = session.exec(
        select(EvidenceTrust).where(
            EvidenceTrust.hub_id == hub.id, EvidenceTrust.source_slug == source
        )
    ).first()
    return row.public_key if row else None


def set_trusted_key(
    *, session: Session, hub: Organisation, source: str, public_key: str
) -> bool:
    """Register (or replace) the key of ``source``; True when it changed."""
    row = session.exec(
        select(EvidenceTrust).where(
            EvidenceTrust.hub_id == hub.id, EvidenceTrust.source_slug == source
        )
    ).first()
    if row is not None and row.public_key == public_key:
        return False
    if row is None:
        row = EvidenceTrust(hub_id=hub.id or 0, source_slug=source, public_key="")
    row.public_key = public_key
    row.created_at = utcnow()
    session.add(row)
    session.flush()
    return True


def find_package(
    *, session: Session, hub: Organisation, digest: str
) -> EvidencePackage | None:
    return session.exec(
        select(EvidencePackage).where(
            EvidencePackage.hub_id == hub.id, EvidencePackage.digest == digest
        )
    ).first()


def current_package(
    *, session: Session, hub: Organisation, source: str, period: str
) -> EvidencePackage | None:
    """The package of ``source`` and ``period`` the hub pools now, if any."""
    return session.exec(
        select(EvidencePackage).where(
            EvidencePackage.hub_id == hub.id,
            EvidencePackage.source_slug == source,
            EvidencePackage.period == period,
            col(EvidencePackage.replaced_at).is_(None),
        )
    ).first()


def add_package(
    *,
    session: Session,
    hub: Organisation,
    source: str,
    period: str,
    signed_at: datetime,
    digest: str,
    payload: dict[str, Any],
    replaces: EvidencePackage | None = None,
) -> EvidencePackage:
    if replaces is not None:
        replaces.replaced_at = utcnow()
        session.add(replaces)
    row = EvidencePackage(
        hub_id=hub.id or 0,
        source_slug=source,
        period=period,
        signed_at=signed_at,
        digest=digest,
        payload=payload,
    )
    session.add(row)
    session.flush()
    return row


def current_packages(
    *, session: Session, hub: Organisation
) -> Sequence[EvidencePackage]:
    return session.exec(
        select(EvidencePackage)
        .where(
            EvidencePackage.hub_id == hub.id,
            col(EvidencePackage.replaced_at).is_(None),
        )
        .order_by(col(EvidencePackage.source_slug), col(EvidencePackage.period))
    ).all()
