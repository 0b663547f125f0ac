"""Report downloads from the app: the programmes a user may report on, and the
file. A funder gets ``release.funder_report.funder_report`` (aggregates only,
small cells hidden) of a programme its Funding rows name."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from impact.errors import check_option
from impact.report.render import FORMATS
from impact.services.permissions import require
from impact.services.release.funder_report import funder_report
from impact.services.reports import render_report
from impact.store import aggregates as agg
from impact.store import orgs
from impact.store.engine import session_scope

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def reportable_programmes(
    *, engine: Engine, org_slug: str, role: str
) -> list[tuple[int, str]]:
    """(id, name) of the programmes this user may download a report of."""
    require(role, "download_report")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        progs = agg.scoped_programmes(
            session=session, org=org, as_funder=role == "funder"
        )
        return [(p.id or 0, p.name) for p in progs]


def download_report(
    *,
    engine: Engine,
    org_slug: str,
    role: str,
    programme_id: int,
    fmt: str = "pdf",
    lang: str = "nl",
    user_id: int | None = None,
    actor: str = "",
) -> tuple[str, bytes, str]:
    """(file name, content, MIME type) of the evidence report of one programme."""
    require(role, "download_report")
    check_option("format", fmt, FORMATS)
    as_funder = role == "funder"
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        progs = agg.scoped_programmes(session=session, org=org, as_funder=as_funder)
        programme = next((p for p in progs if p.id == programme_id), None)
        if programme is None:
            from impact.errors import NotFoundError
            from impact.i18n import t

            raise NotFoundError(
                t("errors.programme_not_found", name=str(programme_id), org=org_slug)
            )
        owner = orgs.organisation_by_id(
            session=session, org_id=programme.organisation_id
        )
        owner_slug, name = owner.slug, programme.name
    if as_funder:
        content = funder_report(
            engine=engine,
            funder_slug=org_slug,
            programme_name=name,
            fmt=fmt,
            lang=lang,
            user_id=user_id,
            actor=actor,
        )
    else:
        content = render_report(
            engine=engine,
            org_slug=owner_slug,
            programme_names=(name,),
            fmt=fmt,
            lang=lang,
            user_id=user_id,
            actor=actor,
        )
    safe = "".join(c if c.isalnum() else "_" for c in name).strip("_")[:60]
    return f"rapport_{safe}.{fmt}", content, CONTENT_TYPES[fmt]
