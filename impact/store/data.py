"""Writing and reading outcome data of one organisation.

Writes take a pseudonymised, validated frame (see ``impact.ingest``) and run in
the caller's transaction. Reads always filter on the organisation.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from impact.store import summary
from impact.store.bulk import (
    AREA_COLUMNS,
    MEASUREMENT_COLUMNS,
    PARTICIPANT_COLUMNS,
    fetch_rows,
    insert_ignore,
    insert_ignore_chunks,
)
from impact.store.models import (
    AreaObservation,
    Funding,
    ImportBatch,
    Measurement,
    Organisation,
    Participant,
    Programme,
    utcnow,
)
from impact.store.rows import MeasurementKeys, keys_of, people_of


@dataclass(frozen=True, slots=True)
class WriteCounts:
    participants_new: int
    rows_new: int
    rows_skipped: int


def existing_participants(
    *, session: Session, org: Organisation, programme_ids: Sequence[int]
) -> pd.DataFrame:
    """id, programme_id, pseudonym, group of the organisation's participants in
    these programmes (plain SQL: this runs on every import, over every client)."""
    stmt = sa.select(
        col(Participant.id),
        col(Participant.programme_id),
        col(Participant.pseudonym),
        col(Participant.group),
    ).where(
        col(Participant.organisation_id) == org.id,
        col(Participant.programme_id).in_(list(programme_ids)),
    )
    rows = [tuple(r) for r in session.connection().execute(stmt).all()]
    return pd.DataFrame(rows, columns=["id", "programme_id", "pseudonym", "group"])


def write_measurements(
    *,
    session: Session,
    org: Organisation,
    batch: ImportBatch,
    frame: pd.DataFrame,
    programme_ids: Mapping[str, int],
) -> WriteCounts:
    """Store measurements (columns ``participant, programme, group, wijk, instrument,
    domain, date, wave, value, rated_by``); duplicates of stored rows are skipped.

    A million rows: every key is factorised once and handled as integer codes;
    rows go in sorted by each table's unique key, so B-tree inserts append.
    """
    people = people_of(frame, programme_ids)
    stored = existing_participants(
        session=session, org=org, programme_ids=people.programme_ids
    )
    ids = people.match(stored)
    new = np.flatnonzero(ids < 0)
    new_rows = [
        (p, s, g, w, None)
        for p, s, g, w in zip(
            people.programme[new].tolist(),
            people.pseudonym[new].tolist(),
            people.group[new].tolist(),
            people.wijk[new].tolist(),
            strict=True,
        )
    ]
    fixed = {"organisation_id": org.id or 0, "batch_id": batch.id or 0}
    keys: list[MeasurementKeys] = []

    def people_then_keys() -> Iterator[list[tuple[Any, ...]]]:
        yield new_rows
        keys.append(keys_of(frame))  # while the worker inserts the people

    n_new = insert_ignore_chunks(
        session, "participant", PARTICIPANT_COLUMNS, people_then_keys(), fixed
    )
    if len(new):
        added = _batch_participants(session, org, batch)
        ids[new] = people.take_added(new, added)
    keyed = keys[0].with_ids(people, ids)
    table: list[pd.DataFrame] = []
    outcomes: list[pd.DataFrame] = []

    def rows_then_cells() -> Iterator[list[tuple[Any, ...]]]:
        yield from keyed.chunks()
        # while the worker inserts the last chunks: the cells of the new rows
        table.append(keyed.table())
        outcomes.append(summary.outcomes_from_rows(table[0], frame))

    inserted = insert_ignore_chunks(
        session, "measurement", MEASUREMENT_COLUMNS, rows_then_cells(), fixed
    )
    summary.record_import(
        session=session,
        org=org,
        batch=batch,
        rows=table[0],
        all_new=inserted == len(frame),
        frame=frame,
        all_rows_outcomes=outcomes[0],
    )
    return WriteCounts(n_new, inserted, len(frame) - inserted)


def _batch_participants(
    session: Session, org: Organisation, batch: ImportBatch
) -> pd.DataFrame:
    """id, programme_id, pseudonym of the participants ``batch`` added."""
    rows = fetch_rows(
        session,
        "SELECT id, programme_id, pseudonym FROM participant "
        "WHERE organisation_id = ? AND batch_id = ? ORDER BY id",
        (org.id, batch.id),
    )
    return pd.DataFrame.from_records(rows, columns=["id", "programme_id", "pseudonym"])


def write_area_observations(
    *,
    session: Session,
    org: Organisation,
    batch: ImportBatch,
    frame: pd.DataFrame,
    programme_ids: Mapping[str, int],
) -> WriteCounts:
    """Store area observations (``programme, area_code, period, indicator, value,
    first_treated``)."""
    first = frame["first_treated"]
    rows = list(
        zip(
            [org.id] * len(frame),
            frame["programme"].map(programme_ids).astype(int).tolist(),
            frame["area_code"].tolist(),
            frame["period"].astype(int).tolist(),
            frame["indicator"].tolist(),
            frame["value"].astype(float).tolist(),
            [None if pd.isna(v) else int(v) for v in first.tolist()],
            [batch.id] * len(frame),
            strict=True,
        )
    )
    new_rows = insert_ignore(session, "areaobservation", AREA_COLUMNS, rows)
    return WriteCounts(0, new_rows, len(rows) - new_rows)


def undo_batch_rows(*, session: Session, org: Organisation, batch: ImportBatch) -> int:
    """Delete what ``batch`` added (and participants left without data)."""
    removed = 0
    added = sa.and_(
        col(Measurement.organisation_id) == org.id,
        col(Measurement.batch_id) == batch.id,
    )
    read = session.connection().execute

    def touched(column: Any) -> list[int]:
        return list(read(sa.select(column).where(added).distinct()).scalars())

    with summary.changing(
        session=session,
        org=org,
        participant_ids=touched(col(Measurement.participant_id)),
        programme_ids=touched(col(Measurement.programme_id)),
    ):
        for table in (Measurement, AreaObservation):
            result = session.execute(
                delete(table).where(
                    col(table.organisation_id) == org.id,
                    col(table.batch_id) == batch.id,
                )
            )
            removed += int(result.rowcount or 0)  # type: ignore[attr-defined]
    orphan = select(Measurement.id).where(
        col(Measurement.participant_id) == col(Participant.id)
    )
    session.execute(
        delete(Participant).where(
            col(Participant.organisation_id) == org.id,
            col(Participant.batch_id) == batch.id,
            ~orphan.exists(),
        )
    )
    session.execute(
        update(ImportBatch)
        .where(col(ImportBatch.id) == batch.id)
        .values(status="undone", undone_at=utcnow())
    )
    return removed


def count_rows(*, session: Session, org: Organisation) -> dict[str, int]:
    """The ``impact status`` counts of one organisation."""

    def count(model: Any) -> int:
        stmt = (
            sa.select(func.count())
            .select_from(model)
            .where(model.organisation_id == org.id)
        )
        return int(session.execute(stmt).scalar_one())

    return {
        "participants": count(Participant),
        "measurements": count(Measurement),
        "area_observations": count(AreaObservation),
        "import_batches": count(ImportBatch),
    }


def programme_counts(
    *, session: Session, org: Organisation
) -> list[tuple[Programme, int, int, int]]:
    """(programme, participants, measurements, area observations) per programme."""
    return _counts(session, col(Programme.organisation_id) == org.id)


def funded_programme_counts(
    *, session: Session, funder: Organisation
) -> list[tuple[Programme, int, int, int]]:
    """The same, for the programmes a funder organisation funds."""
    funded = sa.select(col(Funding.programme_id)).where(
        col(Funding.funder_id) == funder.id
    )
    return _counts(session, col(Programme.id).in_(funded))


def _counts(session: Session, where: Any) -> list[tuple[Programme, int, int, int]]:
    def per_programme(model: Any, column: Any) -> Any:
        return (
            sa.select(model.programme_id, func.count(column).label("n"))
            .group_by(model.programme_id)
            .subquery()
        )

    people = per_programme(Participant, Participant.id)
    meas = per_programme(Measurement, Measurement.id)
    area = per_programme(AreaObservation, AreaObservation.id)
    stmt = (
        sa.select(
            Programme,
            func.coalesce(people.c.n, 0),
            func.coalesce(meas.c.n, 0),
            func.coalesce(area.c.n, 0),
        )
        .outerjoin(people, people.c.programme_id == Programme.id)
        .outerjoin(meas, meas.c.programme_id == Programme.id)
        .outerjoin(area, area.c.programme_id == Programme.id)
        .where(where)
        .order_by(Programme.name)
    )
    return [(p, int(a), int(b), int(c)) for p, a, b, c in session.execute(stmt).all()]


def measurement_frame(
    *,
    session: Session,
    org: Organisation,
    programme: Programme,
    instrument: str | None = None,
    domain: str | None = None,
) -> pd.DataFrame:
    """Participant-level rows of one programme (optionally one outcome), for the
    estimation engine only.

    Columns: participant (pseudonym), group, wijk, instrument, domain, date, wave,
    value, batch_id. Never exported to funders.
    """
    stmt = (
        sa.select(
            col(Participant.pseudonym),
            col(Participant.group),
            col(Participant.wijk),
            col(Measurement.instrument),
            col(Measurement.domain),
            col(Measurement.date),
            col(Measurement.wave),
            col(Measurement.value),
            col(Measurement.batch_id),
        )
        .join(Participant, col(Participant.id) == col(Measurement.participant_id))
        .where(
            col(Measurement.organisation_id) == org.id,
            col(Measurement.programme_id) == programme.id,
        )
    )
    if instrument is not None:
        stmt = stmt.where(col(Measurement.instrument) == instrument)
    if domain is not None:
        stmt = stmt.where(col(Measurement.domain) == domain)
    columns = [
        "participant",
        "group",
        "wijk",
        "instrument",
        "domain",
        "date",
        "wave",
        "value",
        "batch_id",
    ]
    rows = session.connection().execute(stmt).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=columns)


def outcome_counts(
    *, session: Session, org: Organisation, programme: Programme
) -> list[tuple[str, str, int]]:
    """(instrument, domain, rows) per outcome of a programme (SQL GROUP BY);
    area programmes give (indicator, indicator, rows)."""
    if programme.design == "area":
        a = AreaObservation
        stmt = (
            sa.select(col(a.indicator), col(a.indicator), func.count())
            .where(
                col(a.organisation_id) == org.id, col(a.programme_id) == programme.id
            )
            .group_by(col(a.indicator))
        )
    else:
        m = Measurement
        stmt = (
            sa.select(col(m.instrument), col(m.domain), func.count())
            .where(
                col(m.organisation_id) == org.id, col(m.programme_id) == programme.id
            )
            .group_by(col(m.instrument), col(m.domain))
        )
    return [(str(i), str(d), int(n)) for i, d, n in session.execute(stmt).all()]


def area_frame(
    *, session: Session, org: Organisation, programme: Programme
) -> pd.DataFrame:
    stmt = sa.select(
        col(AreaObservation.area_code),
        col(AreaObservation.period),
        col(AreaObservation.indicator),
        col(AreaObservation.value),
        col(AreaObservation.first_treated),
        col(AreaObservation.batch_id),
    ).where(
        col(AreaObservation.organisation_id) == org.id,
        col(AreaObservation.programme_id) == programme.id,
    )
    columns = ["area_code", "period", "indicator", "value", "first_treated", "batch_id"]
    return pd.DataFrame(session.execute(stmt).all(), columns=columns)


def participants_by_wijk(
    *, session: Session, org: Organisation, programme_ids: Sequence[int]
) -> list[tuple[str, str, int]]:
    """(wijk, group, participants) for the organisation's programmes (SQL GROUP BY)."""
    wijk = func.coalesce(col(Participant.wijk), "?")
    stmt = (
        sa.select(wijk, col(Participant.group), func.count())
        .where(
            col(Participant.organisation_id) == org.id,
            col(Participant.programme_id).in_(list(programme_ids)),
        )
        .group_by(wijk, col(Participant.group))
        .order_by(wijk)
    )
    return [(str(w), str(g), int(n)) for w, g, n in session.execute(stmt).all()]


def measured_period(
    *, session: Session, org: Organisation, programme_ids: Sequence[int]
) -> tuple[Any, Any, Any, Any]:
    """(first date, last date, first area period, last area period) measured."""
    dates = session.execute(
        sa.select(
            func.min(col(Measurement.date)), func.max(col(Measurement.date))
        ).where(
            col(Measurement.organisation_id) == org.id,
            col(Measurement.programme_id).in_(list(programme_ids)),
        )
    ).one()
    periods = session.execute(
        sa.select(
            func.min(col(AreaObservation.period)), func.max(col(AreaObservation.period))
        ).where(
            col(AreaObservation.organisation_id) == org.id,
            col(AreaObservation.programme_id).in_(list(programme_ids)),
        )
    ).one()
    return dates[0], dates[1], periods[0], periods[1]
