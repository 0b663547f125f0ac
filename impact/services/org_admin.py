"""The admin page's use cases: members and roles, custom instruments, value
parameters and the audit log of one organisation. Every call checks the role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine

from impact.domain.instruments import custom_instrument
from impact.errors import DataError
from impact.i18n import t
from impact.services import admin
from impact.services.permissions import require
from impact.store import audit, orgs, programmes, values
from impact.store.engine import session_scope, write_scope

VALUE_YEAR_RANGE = (1990, 2100)


@dataclass(frozen=True, slots=True)
class Member:
    email: str
    display_name: str
    role: str
    active: bool


def members(*, engine: Engine, org_slug: str, role: str) -> list[Member]:
    require(role, "manage_users")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        return [
            Member(u.email, u.display_name, r, u.is_active)
            for u, r in orgs.members(session=session, org=org)
        ]


def add_member(
    *,
    engine: Engine,
    org_slug: str,
    role: str,
    email: str,
    new_role: str,
    password: str | None = None,
    actor: str = "",
) -> bool:
    """Give ``email`` a role in this organisation (creating the account if new).

    An existing account belongs to its holder, not to this organisation: its
    password, name and other memberships are never touched, and the caller
    gets no sign of whether the address already had an account (the page
    shows one message for both). Refuses to take the last administrator's
    admin role away. Returns True when an account was created (for tests).
    """
    require(role, "manage_users")
    if new_role != "admin":
        _keep_an_admin(engine, org_slug, email)
    _email, created = admin.add_user(
        engine=engine,
        email=email,
        org_slug=org_slug,
        role=new_role,
        password=password or None,
        actor=actor,
    )
    return created


def _keep_an_admin(engine: Engine, org_slug: str, email: str) -> None:
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        admins = {
            u.email for u, r in orgs.members(session=session, org=org) if r == "admin"
        }
    if admins == {email.strip().lower()}:
        raise DataError(t("app.admin.error.last_admin"))


@dataclass(frozen=True, slots=True)
class InstrumentRow:
    code: str
    name: str
    kind: str
    scale_min: float
    scale_max: float
    direction: str


def instruments(*, engine: Engine, org_slug: str, role: str) -> list[InstrumentRow]:
    require(role, "manage_instruments")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        rows = programmes.custom_instruments(session=session, org=org)
        return [
            InstrumentRow(r.code, r.name, r.kind, r.scale_min, r.scale_max, r.direction)
            for r in rows
        ]


def add_instrument(
    *,
    engine: Engine,
    org_slug: str,
    role: str,
    row: InstrumentRow,
    actor: str = "",
) -> str:
    """Create or update a custom instrument; returns its normalised code."""
    require(role, "manage_instruments")
    if not row.code.strip() or not row.name.strip():
        raise DataError(t("app.admin.error.instrument_name"))
    if row.kind == "numeric" and row.scale_min >= row.scale_max:
        raise DataError(t("app.admin.error.range"))
    spec = custom_instrument(
        row.code,
        row.name.strip(),
        kind=row.kind,  # type: ignore[arg-type]
        scale_min=row.scale_min,
        scale_max=row.scale_max,
        direction=row.direction,  # type: ignore[arg-type]
    )
    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        programmes.save_instrument(session=session, org=org, spec=spec)
        audit.record(
            session=session,
            action="settings_change",
            org=org,
            actor=actor,
            what="instrument",
            code=spec.code,
        )
    return spec.code


@dataclass(frozen=True, slots=True)
class ValueRow:
    key: str
    label: str
    amount: float
    unit: str
    price_year: int
    beneficiary: str
    source: str
    is_default: bool = False


def value_parameters(*, engine: Engine, org_slug: str, role: str) -> list[ValueRow]:
    require(role, "manage_value_parameters")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        return [
            ValueRow(
                r.key,
                r.label,
                r.amount,
                r.unit,
                r.price_year,
                r.beneficiary,
                r.source,
                r.is_default,
            )
            for r in values.list_value_parameters(session=session, org=org)
        ]


def save_value_parameter(
    *, engine: Engine, org_slug: str, role: str, row: ValueRow, actor: str = ""
) -> None:
    """Create or edit one parameter; a saved parameter is no longer a default."""
    require(role, "manage_value_parameters")
    low, high = VALUE_YEAR_RANGE
    if not row.key.strip() or not row.label.strip():
        raise DataError(t("app.admin.error.value_key"))
    if not low <= row.price_year <= high:
        raise DataError(t("app.admin.error.value_year", low=low, high=high))
    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        values.save_value_parameter(
            session=session,
            org=org,
            key=row.key.strip(),
            label=row.label.strip(),
            amount=row.amount,
            price_year=row.price_year,
            unit=row.unit,
            beneficiary=row.beneficiary,
            source=row.source,
            is_default=False,
        )
        audit.record(
            session=session,
            action="settings_change",
            org=org,
            actor=actor,
            what="value_parameter",
            key=row.key.strip(),
        )


@dataclass(frozen=True, slots=True)
class AuditRow:
    when: datetime
    actor: str
    action: str
    detail: str


def audit_log(
    *, engine: Engine, org_slug: str, role: str, limit: int = 500
) -> list[AuditRow]:
    """The newest events first (read-only)."""
    require(role, "view_audit")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        return [
            AuditRow(
                e.created_at,
                e.actor,
                e.action,
                ", ".join(f"{k}={v}" for k, v in sorted(e.detail.items())),
            )
            for e in audit.events(session=session, org=org, limit=limit)
        ]
