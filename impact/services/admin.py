"""Organisations, users and status: the administrative use cases."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from impact.services.auth import hash_password
from impact.store import audit, data, orgs
from impact.store.engine import session_scope, write_scope
from impact.store.models import Organisation, Programme


def create_organisation(
    *, engine: Engine, slug: str, name: str, kind: str = "provider", actor: str = "cli"
) -> Organisation:
    with write_scope(engine) as session:
        org = orgs.create_organisation(session=session, slug=slug, name=name, kind=kind)
        audit.record(
            session=session, action="org_create", org=org, actor=actor, slug=slug
        )
        return org


def add_user(
    *,
    engine: Engine,
    email: str,
    org_slug: str,
    role: str,
    password: str | None = None,
    display_name: str = "",
    actor: str = "cli",
    reset_password: bool = False,
) -> tuple[str, bool]:
    """Add ``email`` to an organisation with ``role`` (creating the account if new).

    ``password`` is only used for a new account. An existing account is global
    and may belong to other organisations: its password is never changed here,
    unless ``reset_password`` is set, which only the operator's shell
    (``impact user add --password-stdin``) does, never an organisation's admin.

    Returns the normalised e-mail and whether the account was created.
    """
    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        user = orgs.find_user(session=session, email=email)
        created = user is None
        if user is None:
            hashed = (
                hash_password(password, context=(email, org.slug, org.name))
                if password
                else None
            )
            user = orgs.create_user(
                session=session,
                email=email,
                password_hash=hashed,
                display_name=display_name,
            )
            audit.record(
                session=session,
                action="user_add",
                org=org,
                actor=actor,
                user=user.email,
            )
        elif password and reset_password:
            user.password_hash = hash_password(
                password, context=(email, org.slug, org.name)
            )
            session.add(user)
        before = orgs.role_in(session=session, org=org, user=user)
        orgs.set_membership(session=session, org=org, user=user, role=role)
        if before != role:
            audit.record(
                session=session,
                action="role_change",
                org=org,
                actor=actor,
                user=user.email,
                old=before,
                new=role,
            )
        return user.email, created


def status(*, engine: Engine, org_slug: str) -> dict[str, int]:
    """Counts for ``impact status``: participants, measurements, area
    observations and import batches of one organisation."""
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        return data.count_rows(session=session, org=org)


def programme_overview(
    *, engine: Engine, org_slug: str, role: str = "viewer"
) -> list[dict[str, object]]:
    """One row per programme with its counts (the app's programme list).

    A funder gets the list of :func:`impact.services.release.funder_programmes`
    (the programmes its Funding rows name, figures from the release).
    """
    if role == "funder":
        from impact.services.release import funder_programmes

        return funder_programmes(engine=engine, org_slug=org_slug, role=role)
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        rows = data.programme_counts(session=session, org=org)
        return [_overview_row(p, people, meas, area) for p, people, meas, area in rows]


def _overview_row(p: Programme, people: int, meas: int, area: int) -> dict[str, object]:
    return {
        "id": p.id,
        "name": p.name,
        "theme": p.theme,
        "design": p.design,
        "start_date": p.start_date,
        "yearly_cost": p.yearly_cost,
        "reach_target": p.reach_target,
        "participants": people,
        "measurements": meas,
        "area_observations": area,
    }
