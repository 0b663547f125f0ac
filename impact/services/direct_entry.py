"""Direct entry: one client's measurement typed into a form (every domain of
an instrument at once), for teams without spreadsheets.

The form's values go through exactly the checks of an upload (the same
parser, on a small CSV built here), are pseudonymised with the organisation's
key and stored as their own small import batch, audited as ``direct_entry``.
Entering a score that is already stored for the same client, instrument,
domain and measurement moment *corrects* it: the old value is replaced in the
same transaction (and the audit event counts the corrections).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col

from impact.domain.instruments import Instrument
from impact.errors import ImportRefused
from impact.i18n import t, use_language
from impact.ingest import Problem
from impact.services.imports import check_groups
from impact.services.keys import organisation_key
from impact.services.permissions import require
from impact.services.uploads import check_upload
from impact.store import audit, batches, data, orgs, programmes, pseudonyms, summary
from impact.store.engine import session_scope, write_scope
from impact.store.models import ImportBatch, Measurement, Organisation, Participant

HEADER = (
    "cliëntnummer",
    "programma",
    "groep",
    "wijk",
    "instrument",
    "domein",
    "datum",
    "meetmoment",
    "score",
)
_PREFIX = re.compile(r"^[^:]{0,60}:\s*")


@dataclass(frozen=True)
class Entry:
    """One client's measurement as the form holds it (scores by domain code)."""

    programme: str
    client_ref: str
    group: str
    instrument: str
    when: dt.date
    wave: int
    scores: Mapping[str, float | None] = field(default_factory=dict)
    wijk: str = ""


@dataclass(frozen=True, slots=True)
class EntryResult:
    batch_id: int
    stored: int
    corrected: int


def entry_csv(entry: Entry) -> bytes:
    """The entry as a long-format CSV: one row per filled-in domain."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(HEADER)
    for domain, value in entry.scores.items():
        if value is None:
            continue
        writer.writerow(
            (
                entry.client_ref,
                entry.programme,
                entry.group,
                entry.wijk,
                entry.instrument,
                domain,
                entry.when.strftime("%d-%m-%Y"),
                str(entry.wave),
                f"{float(value):g}".replace(".", ","),
            )
        )
    return out.getvalue().encode("utf-8")


def form_problems(entry: Entry, problems: tuple[Problem, ...]) -> list[str]:
    """Problems as the form's user sees them: the domain instead of a CSV row."""
    domains = [d for d, v in entry.scores.items() if v is not None]
    out = []
    for p in problems:
        text = _PREFIX.sub("", p.message, count=1) if p.row is not None else p.message
        if p.row is not None and 2 <= p.row < 2 + len(domains):
            text = f"{domains[p.row - 2]}: {text}"
        out.append(text)
    return list(dict.fromkeys(out))


def enter_measurement(
    *,
    engine: Engine,
    org_slug: str,
    role: str,
    entry: Entry,
    user_id: int | None = None,
    actor: str = "",
    lang: str | None = None,
) -> EntryResult:
    """Check, pseudonymise and store the entry as its own batch (all or nothing);
    ``lang``: the language of the problems (the user's, passed by the page)."""
    require(role, "import_data")
    with use_language(lang):
        return _enter(engine, org_slug, entry, user_id, actor, lang)


def _enter(
    engine: Engine,
    org_slug: str,
    entry: Entry,
    user_id: int | None,
    actor: str,
    lang: str | None,
) -> EntryResult:
    content = entry_csv(entry)
    if content.count(b"\n") < 2:
        raise ImportRefused(t("entry.no_scores"))
    parsed = check_upload(
        engine=engine, org_slug=org_slug, data=content, filename="invoer.csv", lang=lang
    )
    if not parsed.ok:
        raise ImportRefused(
            t("entry.refused"),
            tuple(
                Problem("", None, None, p.code, text, "error")
                for p, text in zip(
                    parsed.errors, form_problems(entry, parsed.errors), strict=False
                )
            ),
        )
    frame = parsed.measurements.drop(columns=["sheet", "source_row"])
    with write_scope(engine) as session:
        org = pseudonyms.lock_organisation(session=session, slug=org_slug)
        frame = _pseudonymised(frame, org)
        ids = {
            p.name: p.id or 0
            for p in programmes.list_programmes(session=session, org=org)
        }
        check_groups(session, org, frame, ids)
        batch = batches.add_batch(
            session=session, batch=_batch(org, content, len(frame), user_id)
        )
        corrected = _replace(session, org, frame, ids)
        counts = data.write_measurements(
            session=session, org=org, batch=batch, frame=frame, programme_ids=ids
        )
        batch.n_inserted = counts.rows_new
        session.add(batch)
        audit.record(
            session=session,
            action="direct_entry",
            org=org,
            user_id=user_id,
            actor=actor,
            batch=batch.id,
            rows=len(frame),
            corrected=corrected,
        )
        return EntryResult(batch.id or 0, counts.rows_new, corrected)


def _pseudonymised(frame: pd.DataFrame, org: Organisation) -> pd.DataFrame:
    from impact.ingest.pseudonymise import pseudonymise_frame

    return pseudonymise_frame(frame, organisation_key(org))  # under the lock


def _batch(
    org: Organisation, content: bytes, n: int, user_id: int | None
) -> ImportBatch:
    stamp = dt.datetime.now(dt.UTC).isoformat()
    digest = hashlib.sha256(content + stamp.encode()).hexdigest()  # never "unchanged"
    return ImportBatch(
        organisation_id=org.id or 0,
        user_id=user_id,
        filename=t("entry.batch_name"),
        file_sha256=digest,
        kind="participant",
        n_rows=n,
    )


def _replace(
    session: Session, org: Organisation, frame: pd.DataFrame, ids: Mapping[str, int]
) -> int:
    """Delete stored scores the entry corrects; returns how many."""
    person = session.execute(
        sa.select(col(Participant.id)).where(
            col(Participant.organisation_id) == org.id,
            col(Participant.programme_id) == ids[str(frame["programme"].iloc[0])],
            col(Participant.pseudonym) == str(frame["participant"].iloc[0]),
        )
    ).scalar_one_or_none()
    if person is None:
        return 0
    pid = int(person)
    same = sa.and_(
        col(Measurement.organisation_id) == org.id,
        col(Measurement.participant_id) == pid,
        col(Measurement.instrument) == str(frame["instrument"].iloc[0]),
        col(Measurement.wave) == int(frame["wave"].iloc[0]),
        col(Measurement.domain).in_([str(d) for d in frame["domain"]]),
    )
    prog = ids[str(frame["programme"].iloc[0])]
    with summary.changing(
        session=session, org=org, participant_ids=[pid], programme_ids=[prog]
    ):
        done = session.execute(sa.delete(Measurement).where(same))
    return int(done.rowcount or 0)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class EntryOptions:
    """What the form offers: programmes (with their wijken) and instruments."""

    programmes: dict[str, tuple[str, ...]]
    instruments: dict[str, Instrument]


def entry_options(*, engine: Engine, org_slug: str, role: str) -> EntryOptions:
    require(role, "import_data")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        progs = {
            p.name: tuple(p.wijken or ())
            for p in programmes.list_programmes(session=session, org=org)
            if p.design == "participant"
        }
        registry = programmes.instrument_registry(session=session, org=org)
    usable = {c: i for c, i in registry.items() if not i.area_level}
    return EntryOptions(progs, usable)
