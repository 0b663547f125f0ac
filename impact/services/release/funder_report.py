"""A funder's evidence report on one programme it funds, built by the staff
report builder for the audience "funder" (which passes it through
:func:`impact.services.release.reports.released`). Kept apart from
``release.reports`` so that the report builder and the release do not import
each other."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from impact.errors import NotFoundError
from impact.i18n import t
from impact.report import render
from impact.services.reports import _audit_export, build_report
from impact.store import orgs
from impact.store.engine import session_scope


def funder_report(
    *,
    engine: Engine,
    funder_slug: str,
    programme_name: str,
    fmt: str = "pdf",
    lang: str = "nl",
    user_id: int | None = None,
    actor: str = "",
) -> bytes:
    """A funder's report on one programme it funds, through the release.

    A programme the funder's Funding rows do not name is "not found", exactly
    like one that does not exist.
    """
    with session_scope(engine) as session:
        funder = orgs.get_organisation(session=session, slug=funder_slug)
        funded = orgs.funded_programmes(session=session, funder=funder)
        match = [p for p in funded if p.name == programme_name]
        if not match:
            raise NotFoundError(
                t("errors.programme_not_found", name=programme_name, org=funder_slug)
            )
        owner = orgs.organisation_by_id(
            session=session, org_id=match[0].organisation_id
        )
        funder_name, owner_slug = funder.name, owner.slug
    report = build_report(
        engine=engine,
        org_slug=owner_slug,
        programme_names=(programme_name,),
        lang=lang,
        audience="funder",
        funder=funder_name,
    )
    content = render(report, fmt, lang)  # type: ignore[arg-type]
    _audit_export(
        engine, funder_slug, user_id, actor,
        format=fmt, programmes=[programme_name], audience="funder",
    )  # fmt: skip
    return content
