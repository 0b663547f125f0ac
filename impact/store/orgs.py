"""Organisations, users, memberships and fundings."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from sqlmodel import Session, col, select

from impact.domain.roles import ROLES
from impact.errors import DataError, NotFoundError
from impact.store import versions
from impact.store.models import (
    Funding,
    Membership,
    Organisation,
    Programme,
    User,
)

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def create_organisation(
    *, session: Session, slug: str, name: str, kind: str = "provider"
) -> Organisation:
    if not _SLUG.match(slug):
        raise DataError.of("errors.bad_slug", slug=slug)
    if find_organisation(session=session, slug=slug) is not None:
        raise DataError.of("errors.org_exists", slug=slug)
    org = Organisation(slug=slug, name=name, kind=kind, key_id=uuid.uuid4().hex)
    session.add(org)
    session.flush()
    return org


def find_organisation(*, session: Session, slug: str) -> Organisation | None:
    return session.exec(select(Organisation).where(Organisation.slug == slug)).first()


def get_organisation(*, session: Session, slug: str) -> Organisation:
    org = find_organisation(session=session, slug=slug)
    if org is None:
        raise NotFoundError.of("errors.org_not_found", slug=slug)
    return org


def organisation_by_id(*, session: Session, org_id: int) -> Organisation:
    org = session.get(Organisation, org_id)
    if org is None:
        raise NotFoundError.of("errors.org_not_found", slug=str(org_id))
    return org


def check_email(email: str) -> str:
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise DataError.of("errors.bad_email", email=email)
    return email


def find_user(*, session: Session, email: str) -> User | None:
    return session.exec(select(User).where(User.email == email.strip().lower())).first()


def create_user(
    *,
    session: Session,
    email: str,
    password_hash: str | None = None,
    display_name: str = "",
) -> User:
    user = User(
        email=check_email(email), password_hash=password_hash, display_name=display_name
    )
    session.add(user)
    session.flush()
    return user


def set_membership(
    *, session: Session, org: Organisation, user: User, role: str
) -> Membership:
    """Give ``user`` the ``role`` in ``org`` (replacing any earlier role there)."""
    from impact.errors import check_option

    check_option("role", role, ROLES)
    membership = session.exec(
        select(Membership).where(
            Membership.organisation_id == org.id, Membership.user_id == user.id
        )
    ).first()
    if membership is None:
        assert org.id is not None and user.id is not None  # noqa: S101 - flushed rows
        membership = Membership(organisation_id=org.id, user_id=user.id, role=role)
    membership.role = role
    session.add(membership)
    session.flush()
    return membership


def memberships_of(*, session: Session, user: User) -> list[tuple[Organisation, str]]:
    """The organisations a user belongs to, with the role in each."""
    rows = session.exec(
        select(Organisation, Membership.role)
        .join(Membership, col(Membership.organisation_id) == col(Organisation.id))
        .where(Membership.user_id == user.id)
        .order_by(Organisation.slug)
    ).all()
    return [(org, role) for org, role in rows]


def members(*, session: Session, org: Organisation) -> list[tuple[User, str]]:
    rows = session.exec(
        select(User, Membership.role)
        .join(Membership, col(Membership.user_id) == col(User.id))
        .where(Membership.organisation_id == org.id)
        .order_by(User.email)
    ).all()
    return [(user, role) for user, role in rows]


def role_in(*, session: Session, org: Organisation, user: User) -> str | None:
    return session.exec(
        select(Membership.role).where(
            Membership.organisation_id == org.id, Membership.user_id == user.id
        )
    ).first()


def grant_funding(
    *, session: Session, funder: Organisation, programme: Programme
) -> Funding:
    existing = session.exec(
        select(Funding).where(
            Funding.funder_id == funder.id, Funding.programme_id == programme.id
        )
    ).first()
    if existing is not None:
        return existing
    assert funder.id is not None and programme.id is not None  # noqa: S101
    funding = Funding(funder_id=funder.id, programme_id=programme.id)
    session.add(funding)
    versions.bump(session=session, org_ids=[funder.id, programme.organisation_id])
    session.flush()
    return funding


def funded_programmes(*, session: Session, funder: Organisation) -> Sequence[Programme]:
    """The programmes a funder organisation may see (aggregates only)."""
    return session.exec(
        select(Programme)
        .join(Funding, col(Funding.programme_id) == col(Programme.id))
        .where(Funding.funder_id == funder.id)
        .order_by(Programme.name)
    ).all()
