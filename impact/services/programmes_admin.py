"""Creating and editing programmes (analyst and up), with validation messages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from impact.domain.areas import parse_area_code
from impact.errors import DataError, check_option
from impact.i18n import t
from impact.services.permissions import require
from impact.store import audit, orgs, programmes
from impact.store.engine import session_scope, write_scope
from impact.store.models import Programme

DESIGNS: tuple[str, ...] = ("participant", "area")
MAX_NAME = 200


@dataclass(frozen=True, slots=True)
class ProgrammeForm:
    """A programme as the edit form shows it (``id`` is ``None`` for a new one)."""

    name: str
    theme: str = ""
    target_group: str = ""
    design: str = "participant"
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    wijken: tuple[str, ...] = field(default=())
    yearly_cost: float | None = None
    id: int | None = None
    #: people (participant design) or wijken (area design) the programme aims at
    reach_target: int | None = None


def _form(p: Programme) -> ProgrammeForm:
    return ProgrammeForm(
        name=p.name,
        theme=p.theme,
        target_group=p.target_group,
        design=p.design,
        start_date=p.start_date,
        end_date=p.end_date,
        wijken=tuple(p.wijken or ()),
        yearly_cost=p.yearly_cost,
        id=p.id,
        reach_target=p.reach_target,
    )


def programme_forms(*, engine: Engine, org_slug: str, role: str) -> list[ProgrammeForm]:
    """The organisation's programmes, for editing."""
    require(role, "manage_programmes")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        return [_form(p) for p in programmes.list_programmes(session=session, org=org)]


def validate(form: ProgrammeForm) -> ProgrammeForm:
    """The form cleaned up; raises :class:`DataError` saying what to correct."""
    name = " ".join(form.name.split())
    if not name or len(name) > MAX_NAME:
        raise DataError(t("app.prog.error.name", maximum=MAX_NAME))
    check_option("design", form.design, DESIGNS)
    if form.start_date and form.end_date and form.end_date < form.start_date:
        raise DataError(t("app.prog.error.dates"))
    if form.yearly_cost is not None and form.yearly_cost < 0:
        raise DataError(t("app.prog.error.cost"))
    if form.reach_target is not None and form.reach_target < 0:
        raise DataError(t("app.prog.error.target"))
    wijken = []
    for text in form.wijken:
        if text.strip():
            code = parse_area_code(text)
            if code.level != "wijk":
                raise DataError(t("app.prog.error.wijk", code=text))
            wijken.append(code.code)
    return ProgrammeForm(
        name=name,
        theme=form.theme.strip(),
        target_group=form.target_group.strip(),
        design=form.design,
        start_date=form.start_date,
        end_date=form.end_date,
        wijken=tuple(dict.fromkeys(wijken)),
        yearly_cost=form.yearly_cost,
        id=form.id,
        reach_target=form.reach_target or None,
    )


def save_programme(
    *,
    engine: Engine,
    org_slug: str,
    role: str,
    form: ProgrammeForm,
    actor: str = "",
    user_id: int | None = None,
) -> int:
    """Create (``form.id`` None) or update a programme; returns its id."""
    require(role, "manage_programmes")
    clean = validate(form)
    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        same_name = programmes.find_programme(session=session, org=org, name=clean.name)
        if same_name is not None and same_name.id != clean.id:
            raise DataError(t("app.prog.error.duplicate", name=clean.name))
        if clean.id is not None:
            row = programmes.programme_by_id(
                session=session, org=org, programme_id=clean.id
            )
            row.name = clean.name
            session.add(row)
            session.flush()
        row = programmes.upsert_programme(
            session=session,
            org=org,
            name=clean.name,
            theme=clean.theme,
            target_group=clean.target_group,
            design=clean.design,
            start_date=clean.start_date,
            end_date=clean.end_date,
            yearly_cost=clean.yearly_cost,
            wijken=list(clean.wijken),
            reach_target=clean.reach_target,
        )
        audit.record(
            session=session,
            action="settings_change",
            org=org,
            user_id=user_id,
            actor=actor,
            what="programme",
            programme=row.id,
            created=clean.id is None,
        )
        return row.id or 0
