"""Which funder organisation may see which programme (aggregates only).

An organisation's admin links a funder (a gemeente, a fonds) to one of the
organisation's programmes, or unlinks it: on the Beheer page or with
``impact funding add|remove|list``. Every change is audited; what a funder
then sees goes through the release path for funders, never through here.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from impact.errors import DataError, NotFoundError
from impact.i18n import t
from impact.services.permissions import require
from impact.store import audit, orgs, programmes, versions
from impact.store.engine import session_scope, write_scope
from impact.store.models import Funding, Organisation, Programme


@dataclass(frozen=True, slots=True)
class FundingLink:
    funder_slug: str
    funder_name: str
    programme: str


def _funder(session: Session, slug: str) -> Organisation:
    funder = orgs.get_organisation(session=session, slug=slug)
    if funder.kind != "funder":
        raise DataError(t("funding.not_a_funder", slug=slug))
    return funder


def _programme(session: Session, org: Organisation, name: str) -> Programme:
    from impact.ingest.fields import canonical_programme, normalise_name

    known = {
        normalise_name(p.name): p.name
        for p in programmes.list_programmes(session=session, org=org)
    }
    exact = canonical_programme(name, known) or name
    return programmes.get_programme(session=session, org=org, name=exact)


def add_funding(
    *,
    engine: Engine,
    org_slug: str,
    funder_slug: str,
    programme: str,
    role: str | None = None,
    user_id: int | None = None,
    actor: str = "",
) -> FundingLink:
    """Let the funder see the programme's aggregates (idempotent; audited)."""
    if role is not None:
        require(role, "manage_funding")
    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        funder = _funder(session, funder_slug)
        prog = _programme(session, org, programme)
        orgs.grant_funding(session=session, funder=funder, programme=prog)
        audit.record(
            session=session,
            action="funding_add",
            org=org,
            user_id=user_id,
            actor=actor,
            funder=funder.slug,
            programme=prog.name,
        )
        return FundingLink(funder.slug, funder.name, prog.name)


def remove_funding(
    *,
    engine: Engine,
    org_slug: str,
    funder_slug: str,
    programme: str,
    role: str | None = None,
    user_id: int | None = None,
    actor: str = "",
) -> bool:
    """Take the funder's view of the programme away; False when there was none."""
    if role is not None:
        require(role, "manage_funding")
    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        funder = _funder(session, funder_slug)
        prog = _programme(session, org, programme)
        versions.bump(session=session, org_ids=[funder.id, org.id])
        done = session.execute(
            sa.delete(Funding).where(
                col(Funding.funder_id) == funder.id,
                col(Funding.programme_id) == prog.id,
            )
        )
        removed = bool(done.rowcount)  # type: ignore[attr-defined]
        if removed:
            audit.record(
                session=session,
                action="funding_remove",
                org=org,
                user_id=user_id,
                actor=actor,
                funder=funder.slug,
                programme=prog.name,
            )
        return removed


def list_funding(
    *, engine: Engine, org_slug: str, role: str | None = None
) -> list[FundingLink]:
    """Every funder link of the organisation's programmes, by programme."""
    if role is not None:
        require(role, "manage_funding")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        rows = session.execute(
            sa.select(
                col(Organisation.slug), col(Organisation.name), col(Programme.name)
            )
            .join(Funding, col(Funding.funder_id) == col(Organisation.id))
            .join(Programme, col(Programme.id) == col(Funding.programme_id))
            .where(col(Programme.organisation_id) == org.id)
            .order_by(col(Programme.name), col(Organisation.name))
        ).all()
    return [FundingLink(str(s), str(n), str(p)) for s, n, p in rows]


def funder_choices(*, engine: Engine, role: str | None = None) -> list[tuple[str, str]]:
    """(slug, name) of every funder organisation, to choose from on Beheer."""
    if role is not None:
        require(role, "manage_funding")
    with session_scope(engine) as session:
        rows = session.execute(
            sa.select(col(Organisation.slug), col(Organisation.name))
            .where(col(Organisation.kind) == "funder")
            .order_by(col(Organisation.name))
        ).all()
    return [(str(s), str(n)) for s, n in rows]


__all__ = [
    "FundingLink",
    "NotFoundError",
    "add_funding",
    "funder_choices",
    "list_funding",
    "remove_funding",
]
