"""Saved column mappings of an organisation (its own sheet layouts)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, select

from impact.errors import NotFoundError
from impact.store.models import ColumnMapping, Organisation


def save_mapping(
    *, session: Session, org: Organisation, name: str, mapping: dict[str, str]
) -> ColumnMapping:
    row = session.exec(
        select(ColumnMapping).where(
            ColumnMapping.organisation_id == org.id, ColumnMapping.name == name
        )
    ).first()
    if row is None:
        row = ColumnMapping(organisation_id=org.id or 0, name=name)
    row.mapping = dict(mapping)
    session.add(row)
    session.flush()
    return row


def get_mapping(*, session: Session, org: Organisation, name: str) -> dict[str, str]:
    row = session.exec(
        select(ColumnMapping).where(
            ColumnMapping.organisation_id == org.id, ColumnMapping.name == name
        )
    ).first()
    if row is None:
        known = ", ".join(list_mappings(session=session, org=org)) or "-"
        raise NotFoundError.of("store.mapping_not_found", name=name, known=known)
    return dict(row.mapping)


def list_mappings(*, session: Session, org: Organisation) -> Sequence[str]:
    return session.exec(
        select(ColumnMapping.name)
        .where(ColumnMapping.organisation_id == org.id)
        .order_by(ColumnMapping.name)
    ).all()
