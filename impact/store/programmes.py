"""Programmes of one organisation, and its custom instruments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, select

from impact.domain.instruments import SHIPPED
from impact.domain.instruments import Instrument as InstrumentSpec
from impact.errors import NotFoundError
from impact.store import versions
from impact.store.models import Instrument, Organisation, Programme

PROGRAMME_FIELDS = (
    "theme",
    "target_group",
    "design",
    "start_date",
    "end_date",
    "yearly_cost",
    "wijken",
    "reach_target",
)


def list_programmes(*, session: Session, org: Organisation) -> Sequence[Programme]:
    return session.exec(
        select(Programme)
        .where(Programme.organisation_id == org.id)
        .order_by(Programme.name)
    ).all()


def find_programme(
    *, session: Session, org: Organisation, name: str
) -> Programme | None:
    return session.exec(
        select(Programme).where(
            Programme.organisation_id == org.id, Programme.name == name
        )
    ).first()


def get_programme(*, session: Session, org: Organisation, name: str) -> Programme:
    programme = find_programme(session=session, org=org, name=name)
    if programme is None:
        raise NotFoundError.of("errors.programme_not_found", name=name, org=org.slug)
    return programme


def programme_by_id(
    *, session: Session, org: Organisation, programme_id: int
) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None or programme.organisation_id != org.id:
        raise NotFoundError.of(
            "errors.programme_not_found", name=str(programme_id), org=org.slug
        )
    return programme


def upsert_programme(
    *, session: Session, org: Organisation, name: str, **fields: Any
) -> Programme:
    """Create the programme, or update the given fields of an existing one."""
    unknown = set(fields) - set(PROGRAMME_FIELDS)
    if unknown:
        raise TypeError(f"unknown programme fields: {sorted(unknown)}")
    programme = find_programme(session=session, org=org, name=name)
    if programme is None:
        assert org.id is not None  # noqa: S101 - a flushed organisation
        programme = Programme(organisation_id=org.id, name=name)
    for key, value in fields.items():
        setattr(programme, key, value)
    session.add(programme)
    versions.bump(session=session, org_ids=[org.id])
    session.flush()
    return programme


def programme_dates(
    *, session: Session, org: Organisation
) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    return {
        p.name: (p.start_date, p.end_date)
        for p in list_programmes(session=session, org=org)
    }


def custom_instruments(*, session: Session, org: Organisation) -> Sequence[Instrument]:
    return session.exec(
        select(Instrument)
        .where(Instrument.organisation_id == org.id)
        .order_by(Instrument.code)
    ).all()


def save_instrument(
    *, session: Session, org: Organisation, spec: InstrumentSpec
) -> Instrument:
    row = session.exec(
        select(Instrument).where(
            Instrument.organisation_id == org.id, Instrument.code == spec.code
        )
    ).first()
    if row is None:
        assert org.id is not None  # noqa: S101
        row = Instrument(organisation_id=org.id, code=spec.code, name=spec.name)
    row.name = spec.name
    row.version = spec.version
    row.kind = spec.kind
    row.domains = list(spec.domains)
    row.scale_min = spec.scale_min
    row.scale_max = spec.scale_max
    row.direction = spec.direction
    row.reliability = spec.reliability
    row.area_level = spec.area_level
    session.add(row)
    versions.bump(session=session, org_ids=[org.id])
    session.flush()
    return row


def instrument_registry(
    *, session: Session, org: Organisation
) -> dict[str, InstrumentSpec]:
    """Shipped instruments plus this organisation's own, by code."""
    registry = dict(SHIPPED)
    for row in custom_instruments(session=session, org=org):
        registry[row.code] = InstrumentSpec(
            code=row.code,
            name=row.name,
            domains=tuple(row.domains),
            scale_min=row.scale_min,
            scale_max=row.scale_max,
            direction="higher_worse"
            if row.direction == "higher_worse"
            else "higher_better",
            kind="binary" if row.kind == "binary" else "numeric",
            version=row.version,
            reliability=row.reliability,
            integer_scores=row.kind == "binary",
            area_level=row.area_level,
        )
    return registry
