"""Value parameters (euro figures for social cost-benefit) of one organisation."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, select

from impact.store import versions
from impact.store.models import Organisation, ValueParameter, utcnow


def list_value_parameters(
    *, session: Session, org: Organisation
) -> Sequence[ValueParameter]:
    return session.exec(
        select(ValueParameter)
        .where(ValueParameter.organisation_id == org.id)
        .order_by(ValueParameter.key)
    ).all()


def save_value_parameter(
    *,
    session: Session,
    org: Organisation,
    key: str,
    label: str,
    amount: float,
    price_year: int,
    unit: str = "",
    beneficiary: str = "gemeente",
    source: str = "",
    is_default: bool = False,
) -> ValueParameter:
    """Create or update the parameter ``key`` of ``org``."""
    row = session.exec(
        select(ValueParameter).where(
            ValueParameter.organisation_id == org.id, ValueParameter.key == key
        )
    ).first()
    if row is None:
        assert org.id is not None  # noqa: S101 - a flushed organisation
        row = ValueParameter(
            organisation_id=org.id,
            key=key,
            label=label,
            amount=amount,
            price_year=price_year,
        )
    row.label, row.amount, row.price_year = label, amount, price_year
    row.unit, row.beneficiary, row.source = unit, beneficiary, source
    row.is_default, row.updated_at = is_default, utcnow()
    session.add(row)
    versions.bump(session=session, org_ids=[org.id])
    session.flush()
    return row
