"""The pseudonyms of one organisation: lock, read, re-key and erase.

Key rotation, erasure and imports all take the organisation's row lock first
(:func:`lock_organisation`), so they run one after the other per organisation:
an import can never write pseudonyms of a key generation a concurrent rotation
has just retired.
"""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa
from sqlmodel import Session, col, select

from impact.errors import NotFoundError
from impact.store import summary, versions
from impact.store.models import Measurement, Organisation, Participant


def lock_organisation(*, session: Session, slug: str) -> Organisation:
    """The organisation, locked for this transaction against other writers,
    with its data version bumped in the same transaction (every write to its
    data takes this lock: import, undo, redo, erasure, key rotation, direct
    entry; see :mod:`impact.store.versions`).

    PostgreSQL: ``SELECT ... FOR NO KEY UPDATE`` (reads and logins that only
    reference the row are not blocked). SQLite: the write transaction's
    ``BEGIN IMMEDIATE`` already serialises all writers.
    """
    org = session.exec(
        select(Organisation)
        .where(Organisation.slug == slug)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    ).first()
    if org is None:
        raise NotFoundError.of("errors.org_not_found", slug=slug)
    versions.bump(session=session, org_ids=[org.id])
    return org


def participant_pseudonyms(*, session: Session, org: Organisation) -> dict[int, str]:
    """Participant id -> pseudonym, for every participant of the organisation."""
    rows = session.execute(
        sa.select(col(Participant.id), col(Participant.pseudonym)).where(
            col(Participant.organisation_id) == org.id
        )
    ).all()
    return {int(i): str(p) for i, p in rows}


def replace_pseudonyms(
    *, session: Session, org: Organisation, new: Mapping[int, str]
) -> int:
    """Set the pseudonym of each participant id in ``new``; returns rows changed."""
    if not new:
        return 0
    table = Participant.__table__  # type: ignore[attr-defined]
    stmt = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("pid"))
        .where(table.c.organisation_id == org.id)
        .values(pseudonym=sa.bindparam("new_pseudonym"))
    )
    rows = [{"pid": pid, "new_pseudonym": p} for pid, p in new.items()]
    session.connection().execute(stmt, rows)
    return len(rows)


def erase_participants(
    *, session: Session, org: Organisation, pseudonym: str
) -> tuple[int, int]:
    """Delete every participant of the organisation with this pseudonym (in any
    programme) and their measurements; returns (participants, measurements)."""
    ids = select(Participant.id).where(
        col(Participant.organisation_id) == org.id,
        col(Participant.pseudonym) == pseudonym,
    )
    person_ids = session.connection().execute(ids).scalars().all()
    progs = select(Participant.programme_id).where(col(Participant.id).in_(ids))
    with summary.changing(
        session=session,
        org=org,
        participant_ids=person_ids,
        programme_ids=session.connection().execute(progs).scalars().all(),
    ):
        measurements = session.execute(
            sa.delete(Measurement).where(
                col(Measurement.organisation_id) == org.id,
                col(Measurement.participant_id).in_(ids),
            )
        )
    people = session.execute(
        sa.delete(Participant).where(
            col(Participant.organisation_id) == org.id,
            col(Participant.pseudonym) == pseudonym,
        )
    )
    return int(people.rowcount or 0), int(measurements.rowcount or 0)  # type: ignore[attr-defined]
