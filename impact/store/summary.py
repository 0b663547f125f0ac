"""The dashboard's cells, kept current by every write in the writer's transaction.

The dashboard shows counts and sums per programme, outcome, group, wijk and
intake quarter. Computing them from the measurements takes a GROUP BY over every
row (seconds at a million rows), so each write adds its own difference to two
small tables instead (:class:`~impact.store.models.ChangeCell`,
:class:`~impact.store.models.ReachCell`) and the dashboard reads those
(:func:`impact.store.aggregates.outcome_cells`).

What a person contributes (:func:`participant_outcomes`): per outcome, the value
at their first and last wave (waves ``0 .. MAX_WAVES-1``), the number of
measurements and the first date; their intake quarter is the first date over all
their outcomes. Change cells are also split by ``delta = after - before``
(NULL when measured once), so the dashboard can classify improvement with the
current instrument rules (a Reliable Change Index threshold depends on the spread
of everyone's before scores, known only at read time) without the rows.

Writers:

* an import calls :func:`record_import` after inserting: people new in the batch
  are summarised in pandas from the import frame; people who were already stored
  by SQL restricted to their ids (before: without this batch's rows; after: all);
* undo and erasure wrap their deletes in :func:`changing`, which summarises the
  people concerned before and after.

Each write then adds (after - before) to the cells of the programmes concerned.
When the people concerned are half of those programmes' people or more, the
programmes are summarised afresh instead (one GROUP BY over their rows: less to
read than twice those people's rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy import case, func
from sqlmodel import Session, col

from impact.store.bulk import insert_ignore
from impact.store.models import (
    ChangeCell,
    ImportBatch,
    Measurement,
    Organisation,
    Participant,
    ReachCell,
)
from impact.store.summary_frames import (
    CHANGE_KEYS,
    CHANGE_SUMS,
    MAX_WAVES,
    REACH_KEYS,
    REACH_SUMS,
    WAVE_NS,
    cells,
    none_for_missing,
    outcomes_from_rows,
    summed,
)

#: participant ids per SQL statement (bound parameters stay well below limits)
ID_CHUNK = 5_000


def participant_outcomes(where: Any) -> Any:
    """SELECT per participant and outcome of the measurements matching ``where``:
    pid, prog, ins, dom, n, d0 (first date), before, after, v0..v5."""
    m = Measurement
    slots = {
        k: func.sum(case((col(m.wave) == k, col(m.value)))) for k in range(MAX_WAVES)
    }
    first, last = func.min(col(m.wave)), func.max(col(m.wave))
    return (
        sa.select(
            col(m.participant_id).label("pid"),
            func.min(col(m.programme_id)).label("prog"),
            col(m.instrument).label("ins"),
            col(m.domain).label("dom"),
            func.count().label("n"),
            func.min(col(m.date)).label("d0"),
            case(*((first == k, v) for k, v in slots.items())).label("before"),
            case(*((last == k, v) for k, v in slots.items())).label("after"),
            *(v.label(f"v{k}") for k, v in slots.items()),
        )
        .where(where, col(m.wave) >= 0, col(m.wave) < MAX_WAVES)
        .group_by(col(m.participant_id), col(m.instrument), col(m.domain))
    )


# --- writers ----------------------------------------------------------------


def record_import(
    *,
    session: Session,
    org: Organisation,
    batch: ImportBatch,
    rows: pd.DataFrame,
    all_new: bool,
    frame: pd.DataFrame,
    all_rows_outcomes: pd.DataFrame | None = None,
) -> None:
    """Add what ``batch`` inserted to the cells.

    ``rows``: the measurements offered (participant_id, programme_id, instrument,
    domain, date as ``YYYY-MM-DD`` or None, wave, value), indexed by their
    position in ``frame``, the import frame (a participant created by this batch
    was stored with the group and wijk of their first row there); ``all_new``:
    every row was inserted (no duplicates, nothing stored before);
    ``all_rows_outcomes``: :func:`outcomes_from_rows` of all ``rows``, when the
    caller computed it already (while its insert ran).
    """
    if rows.empty:
        return
    pid = rows["participant_id"].to_numpy(dtype=np.int64)
    fresh = _created_by(session, org, batch, pid)
    if not all_new and fresh.any():
        # the database kept one of two rows with the same key: let SQL say which
        keys = ["participant_id", "instrument", "domain", "wave"]
        twice = rows[fresh].duplicated(keys, keep=False).to_numpy()
        fresh[np.isin(pid, pid[fresh][twice])] = False
    stored = np.unique(pid[~fresh])
    programmes = sorted(int(p) for p in rows["programme_id"].unique())
    if len(stored) and 2 * len(stored) >= _people_in(session, org, programmes):
        _rebuild(session, org, programmes)  # most people had rows before
        return
    if fresh.all() and all_rows_outcomes is not None:
        new = all_rows_outcomes
    else:
        new = outcomes_from_rows(rows if fresh.all() else rows[fresh], frame)
    parts = [cells(new, 1.0)]
    if len(stored):
        parts.append(_cells_from_sql(session, org, stored, sign=1.0))
        parts.append(
            _cells_from_sql(session, org, stored, sign=-1.0, without_batch=batch.id)
        )
    _apply(session, org, parts)


@contextmanager
def changing(
    *,
    session: Session,
    org: Organisation,
    participant_ids: Iterable[int],
    programme_ids: Iterable[int],
) -> Iterator[None]:
    """Keep the cells current around a change to these participants' rows (in
    these programmes; undo, erasure): summarise them before and after the
    ``with`` block, or, when they are half the people of those programmes or
    more, summarise the programmes afresh after it (less to read)."""
    ids = np.unique(np.fromiter(participant_ids, dtype=np.int64))
    programmes = sorted({int(p) for p in programme_ids})
    if not len(ids) or not programmes:
        yield
        return
    if 2 * len(ids) >= _people_in(session, org, programmes):
        yield
        _rebuild(session, org, programmes)
        return
    before = _cells_from_sql(session, org, ids, sign=-1.0)
    yield
    _apply(session, org, [before, _cells_from_sql(session, org, ids, sign=1.0)])


def _people_in(session: Session, org: Organisation, programme_ids: list[int]) -> int:
    r = ReachCell.__table__  # type: ignore[attr-defined]
    stmt = sa.select(func.coalesce(func.sum(r.c.n_people), 0)).where(
        r.c.organisation_id == org.id, r.c.programme_id.in_(programme_ids)
    )
    return int(session.execute(stmt).scalar_one())


def _rebuild(session: Session, org: Organisation, programme_ids: list[int]) -> None:
    """Replace the cells of these programmes by those of their measurements."""
    m = Measurement
    where = sa.and_(
        col(m.organisation_id) == org.id, col(m.programme_id).in_(programme_ids)
    )
    change, reach = _query_cells(session, where, sign=1.0)
    _apply(session, org, [(change, reach)], programme_ids=programme_ids, fresh=True)


# --- per person and outcome ---------------------------------------------------


def _created_by(
    session: Session, org: Organisation, batch: ImportBatch, pid: np.ndarray
) -> np.ndarray:
    """Which of ``pid`` are participants ``batch`` created."""
    p = Participant
    mine = sa.and_(
        # the id range first: the database reads only the newest participants
        col(p.id).between(int(pid.min()), int(pid.max())),
        col(p.batch_id) == batch.id,
        col(p.organisation_id) == org.id,
    )
    span = sa.select(func.min(col(p.id)), func.max(col(p.id)), func.count())
    low, high, count = (int(v or 0) for v in session.execute(span.where(mine)).one())
    if not count:
        return np.zeros(len(pid), dtype=bool)
    if high - low + 1 == count:  # one insert: consecutive ids (the usual case)
        return (pid >= low) & (pid <= high)
    ids = session.connection().execute(sa.select(col(p.id)).where(mine)).scalars()
    return np.isin(pid, np.fromiter(ids, dtype=np.int64))


def _cells_from_sql(
    session: Session,
    org: Organisation,
    participant_ids: np.ndarray,
    *,
    sign: float,
    without_batch: int | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(change, reach) contributions of these participants, times ``sign``, from
    their stored measurements (``without_batch``: as if that batch's rows were
    not there), grouped in the database."""
    m = Measurement
    changes, reaches = [], []
    for start in range(0, len(participant_ids), ID_CHUNK):
        chunk = [int(i) for i in participant_ids[start : start + ID_CHUNK]]
        where = sa.and_(
            col(m.organisation_id) == org.id, col(m.participant_id).in_(chunk)
        )
        if without_batch is not None:
            where = sa.and_(
                where,
                sa.or_(col(m.batch_id).is_(None), col(m.batch_id) != without_batch),
            )
        change, reach = _query_cells(session, where, sign)
        changes.append(change)
        reaches.append(reach)
    return pd.concat(changes), pd.concat(reaches)


def _query_cells(
    session: Session, where: Any, sign: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    found = [tuple(r) for r in session.connection().execute(_cell_query(where))]
    change = [r[1:] for r in found if r[0] == "change"]
    reach = [(r[1], r[4], r[5], r[6], r[8]) for r in found if r[0] == "reach"]
    out = []
    for rows, keys, sums in (
        (change, CHANGE_KEYS, CHANGE_SUMS),
        (reach, REACH_KEYS, REACH_SUMS),
    ):
        frame = pd.DataFrame(rows, columns=[*keys, *sums], dtype=object)
        frame[sums] = frame[sums].astype(float) * sign
        out.append(frame)
    return out[0], out[1]


def _cell_query(where: Any) -> Any:
    """Change and reach cells of the measurements ``where``: ``kind``, then
    CHANGE_KEYS + CHANGE_SUMS; a reach row has its keys and count in the places
    of the same names (programme_id, group, wijk, period, n), NULL elsewhere."""
    p = Participant
    pp = participant_outcomes(where).cte("pp")
    intake = (
        sa.select(pp.c.pid, func.min(pp.c.d0).label("d0"))
        .group_by(pp.c.pid)
        .cte("intake")
    )
    year = sa.cast(sa.extract("year", intake.c.d0), sa.Integer)
    month = sa.cast(sa.extract("month", intake.c.d0), sa.Integer)
    period = (year * 4 + (month - 1) // 3).label("period")
    rows = (
        sa.select(
            pp,
            col(p.group).label("grp"),
            col(p.wijk),
            period,
            case((pp.c.n >= 2, pp.c.after - pp.c.before)).label("delta"),
        )
        .join(p, col(p.id) == pp.c.pid)
        .join(intake, intake.c.pid == pp.c.pid)
        .subquery("rows")
    )
    r = rows.c
    keys = [r.prog, r.ins, r.dom, r.grp, r.wijk, r.period, r.delta]
    waves = [func.sum(r[f"v{k}"]) for k in range(MAX_WAVES)]
    counts = [func.count(r[f"v{k}"]) for k in range(MAX_WAVES)]
    change = sa.select(
        sa.literal("change").label("kind"),
        *keys,
        func.count(),
        func.sum(r.before),
        func.sum(r.before * r.before),
        func.sum(r.after),
        func.sum(r.after * r.after),
        *waves,
        *counts,
    ).group_by(*keys)
    people = (
        sa.select(col(p.programme_id), col(p.group).label("grp"), col(p.wijk), period)
        .select_from(intake)
        .join(p, col(p.id) == intake.c.pid)
        .subquery("people")
    )
    q = people.c
    # in the change columns' places (PostgreSQL unites columns by position)
    null = sa.null()
    reach = sa.select(
        sa.literal("reach").label("kind"),
        q.programme_id, null, null, q.grp, q.wijk, q.period, null,
        func.count(),
        *[null] * (len(CHANGE_SUMS) - 1),
    ).group_by(q.programme_id, q.grp, q.wijk, q.period)  # fmt: skip
    return sa.union_all(change, reach)


def _apply(
    session: Session,
    org: Organisation,
    parts: list[tuple[pd.DataFrame, pd.DataFrame]],
    *,
    programme_ids: list[int] | None = None,
    fresh: bool = False,
) -> None:
    """Add these (change, reach) contributions to the stored cells of the
    programmes concerned (``fresh``: replace the cells of ``programme_ids``)."""
    if programme_ids is None:
        programme_ids = sorted(
            {int(p) for change, _ in parts for p in change["programme_id"].unique()}
        )
    if not programme_ids:
        return
    tables = (
        (ChangeCell, CHANGE_KEYS, CHANGE_SUMS, "n", [c for c, _ in parts]),
        (ReachCell, REACH_KEYS, REACH_SUMS, "n_people", [r for _, r in parts]),
    )
    for model, keys, sums, size, frames in tables:
        if not fresh:
            stored = _stored(session, org, model, [*keys, *sums], programme_ids)
            frames = [stored, *frames]
        merged = pd.concat(frames, ignore_index=True)
        merged = merged.astype({k: float for k in ("period", "delta") if k in keys})
        total = summed(
            {k: none_for_missing(merged[k].to_numpy(dtype=object)) for k in keys},
            {k: merged[k].to_numpy(dtype=float) for k in sums},
        )
        total = total[total[size] > 0]
        _replace(session, org, model, programme_ids, total)


def _stored(
    session: Session,
    org: Organisation,
    model: Any,
    columns: list[str],
    programme_ids: list[int],
) -> pd.DataFrame:
    table = model.__table__
    stmt = sa.select(*(table.c[c] for c in columns)).where(
        table.c.organisation_id == org.id, table.c.programme_id.in_(programme_ids)
    )
    rows = [tuple(r) for r in session.connection().execute(stmt).all()]
    return pd.DataFrame(rows, columns=columns)


def _replace(
    session: Session,
    org: Organisation,
    model: Any,
    programme_ids: list[int],
    cells: pd.DataFrame,
) -> None:
    table = model.__table__
    session.connection().execute(
        sa.delete(table).where(
            table.c.organisation_id == org.id, table.c.programme_id.in_(programme_ids)
        )
    )
    if cells.empty:
        return
    counts = {"n", "n_people", *WAVE_NS, "programme_id", "period"}
    texts = {"instrument", "domain", "group", "wijk"}
    columns: list[list[Any]] = [[org.id] * len(cells)]
    for name in cells.columns:
        missing = pd.isna(cells[name].to_numpy(dtype=object)).tolist()
        if name in texts:
            values = cells[name].to_numpy(dtype=object).tolist()
        else:
            values = cells[name].to_numpy(dtype=float).tolist()
            if name in counts:
                values = [
                    v if m else round(v) for v, m in zip(values, missing, strict=True)
                ]
        columns.append([None if m else v for v, m in zip(values, missing, strict=True)])
    names = ["organisation_id", *cells.columns]
    insert_ignore(session, table.name, names, list(zip(*columns, strict=True)))
