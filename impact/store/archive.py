"""The archive of undone import batches: what an undo removed, kept so the
batch can be restored until it is purged.

Undo copies the batch's measurements (with each participant's pseudonym,
group and wijk, and the key generation of that pseudonym) and area
observations here before deleting them; a restore reads them back and the
archive rows go. Purging deletes the archive of batches undone longer ago than
the restore window. Everything runs in the caller's transaction, under the
organisation's lock (see :func:`impact.store.pseudonyms.lock_organisation`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session, col

from impact.store import audit
from impact.store.models import (
    ArchivedAreaObservation,
    ArchivedMeasurement,
    AreaObservation,
    ImportBatch,
    Measurement,
    Organisation,
    Participant,
)

MEASUREMENT_FIELDS = (
    "programme_id",
    "pseudonym",
    "key_generation",
    "group",
    "wijk",
    "instrument",
    "domain",
    "date",
    "wave",
    "value",
    "rated_by",
)
AREA_FIELDS = (
    "programme_id",
    "area_code",
    "period",
    "indicator",
    "value",
    "first_treated",
)


#: days an undone batch can be restored before its archive is purged
RESTORE_DAYS = 30


def _table(model: object) -> sa.Table:
    return model.__table__  # type: ignore[attr-defined]


def archive_batch(*, session: Session, org: Organisation, batch: ImportBatch) -> int:
    """Copy the batch's rows into the archive (before an undo deletes them)."""
    m, p = _table(Measurement), _table(Participant)
    rows = sa.select(
        sa.literal(org.id),
        sa.literal(batch.id),
        m.c.programme_id,
        p.c.pseudonym,
        sa.literal(org.key_generation),
        p.c.group,
        p.c.wijk,
        m.c.instrument,
        m.c.domain,
        m.c.date,
        m.c.wave,
        m.c.value,
        m.c.rated_by,
    ).select_from(m.join(p, p.c.id == m.c.participant_id))
    rows = rows.where(m.c.organisation_id == org.id, m.c.batch_id == batch.id)
    target = ("organisation_id", "batch_id", *MEASUREMENT_FIELDS)
    done = session.connection().execute(
        sa.insert(_table(ArchivedMeasurement)).from_select(list(target), rows)
    )
    a = _table(AreaObservation)
    area = sa.select(
        sa.literal(org.id), sa.literal(batch.id), *[a.c[f] for f in AREA_FIELDS]
    ).where(a.c.organisation_id == org.id, a.c.batch_id == batch.id)
    more = session.connection().execute(
        sa.insert(_table(ArchivedAreaObservation)).from_select(
            ["organisation_id", "batch_id", *AREA_FIELDS], area
        )
    )
    return int(done.rowcount or 0) + int(more.rowcount or 0)


def archived_measurements(
    *, session: Session, org: Organisation, batch_id: int
) -> pd.DataFrame:
    """The archived measurements of one batch (columns :data:`MEASUREMENT_FIELDS`)."""
    t = _table(ArchivedMeasurement)
    rows = session.connection().execute(
        sa.select(*[t.c[f] for f in MEASUREMENT_FIELDS])
        .where(t.c.organisation_id == org.id, t.c.batch_id == batch_id)
        .order_by(t.c.id)
    )
    return pd.DataFrame([tuple(r) for r in rows], columns=list(MEASUREMENT_FIELDS))


def archived_area(
    *, session: Session, org: Organisation, batch_id: int
) -> pd.DataFrame:
    t = _table(ArchivedAreaObservation)
    rows = session.connection().execute(
        sa.select(*[t.c[f] for f in AREA_FIELDS])
        .where(t.c.organisation_id == org.id, t.c.batch_id == batch_id)
        .order_by(t.c.id)
    )
    return pd.DataFrame([tuple(r) for r in rows], columns=list(AREA_FIELDS))


def drop_archive(
    *, session: Session, org: Organisation, batch_ids: Sequence[int]
) -> int:
    """Delete the archive rows of these batches; returns the rows deleted."""
    if not batch_ids:
        return 0
    removed = 0
    for model in (ArchivedMeasurement, ArchivedAreaObservation):
        t = _table(model)
        done = session.connection().execute(
            sa.delete(t).where(
                t.c.organisation_id == org.id, t.c.batch_id.in_(list(batch_ids))
            )
        )
        removed += int(done.rowcount or 0)
    return removed


def expired_batches(
    *, session: Session, org: Organisation, undone_before: datetime
) -> list[int]:
    """Ids of the batches undone before ``undone_before`` and not yet purged."""
    t = _table(ImportBatch)
    rows = session.connection().execute(
        sa.select(t.c.id).where(
            t.c.organisation_id == org.id,
            t.c.status == "undone",
            t.c.undone_at < undone_before,
        )
    )
    return [int(i) for i in rows.scalars()]


def mark_purged(*, session: Session, org: Organisation, batch_ids: list[int]) -> None:
    if batch_ids:
        session.execute(
            sa.update(ImportBatch)
            .where(
                col(ImportBatch.organisation_id) == org.id,
                col(ImportBatch.id).in_(batch_ids),
            )
            .values(status="purged")
        )


def erase_archived(
    *, session: Session, org: Organisation, pseudonyms_by_generation: dict[int, str]
) -> int:
    """Delete a person's archived measurements, whatever key generation they carry."""
    t = _table(ArchivedMeasurement)
    removed = 0
    for generation, pseudonym in pseudonyms_by_generation.items():
        done = session.connection().execute(
            sa.delete(t).where(
                t.c.organisation_id == org.id,
                t.c.key_generation == generation,
                t.c.pseudonym == pseudonym,
            )
        )
        removed += int(done.rowcount or 0)
    return removed


def purge_expired(
    *, session: Session, org: Organisation, now: datetime | None = None
) -> list[int]:
    """Purge the archive of batches undone more than :data:`RESTORE_DAYS` ago."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=RESTORE_DAYS)
    expired = expired_batches(session=session, org=org, undone_before=cutoff)
    if expired:
        rows = drop_archive(session=session, org=org, batch_ids=expired)
        mark_purged(session=session, org=org, batch_ids=expired)
        audit.record(
            session=session, action="purge", org=org, batches=expired, rows=rows
        )
    return expired
