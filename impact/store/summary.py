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
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy import case, func
from sqlmodel import Session, col

from impact.store.models import (
    ChangeCell,
    ImportBatch,
    Measurement,
    Organisation,
    Participant,
    ReachCell,
)

#: waves 0 .. MAX_WAVES - 1 are summarised (0 = voormeting, 1 = nameting, ...)
MAX_WAVES = 6
WAVE_SUMS = [f"wave_sum{k}" for k in range(MAX_WAVES)]
WAVE_NS = [f"wave_n{k}" for k in range(MAX_WAVES)]
CHANGE_KEYS = ["programme_id", "instrument", "domain", "group", "wijk", "period", "delta"]
CHANGE_SUMS = [
    "n", "sum_before", "sumsq_before", "sum_after", "sumsq_after", *WAVE_SUMS, *WAVE_NS,
]  # fmt: skip
REACH_KEYS = ["programme_id", "group", "wijk", "period"]
REACH_SUMS = ["n_people"]
#: one row per person and outcome (see :func:`participant_outcomes`)
OUTCOME_COLUMNS = [
    "pid", "prog", "ins", "dom", "n", "d0", "before", "after",
    *[f"v{k}" for k in range(MAX_WAVES)], "group", "wijk",
]  # fmt: skip
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
) -> None:
    """Add what ``batch`` inserted to the cells.

    ``rows``: the measurements offered (participant_id, programme_id, instrument,
    domain, date as ``YYYY-MM-DD`` or None, wave, value); ``all_new``: every one
    of them was inserted (no duplicates, nothing stored before).
    """
    if rows.empty:
        return
    people = _people_of_batch(session, org, batch)
    is_new = rows["participant_id"].isin(people.index).to_numpy()
    fresh = rows[is_new]
    if not all_new and len(fresh):
        # the database kept one of two rows with the same key: let SQL say which
        keys = ["participant_id", "instrument", "domain", "wave"]
        twice = fresh.loc[fresh.duplicated(keys, keep=False), "participant_id"]
        fresh = fresh[~fresh["participant_id"].isin(twice)]
    stored = np.setdiff1d(
        rows["participant_id"].unique(), fresh["participant_id"].unique()
    )
    plus = [_outcomes_from_rows(fresh, people)]
    minus = []
    if len(stored):
        plus.append(_outcomes_from_sql(session, org, stored))
        minus.append(_outcomes_from_sql(session, org, stored, without_batch=batch.id))
    _apply(session, org, plus, minus)


@contextmanager
def changing(
    *, session: Session, org: Organisation, participant_ids: Iterable[int]
) -> Iterator[None]:
    """Keep the cells current around a change to these participants' rows
    (undo, erasure): summarise them before and after the ``with`` block."""
    ids = np.unique(np.fromiter(participant_ids, dtype=np.int64))
    before = _outcomes_from_sql(session, org, ids)
    yield
    after = _outcomes_from_sql(session, org, ids)
    _apply(session, org, [after], [before])


# --- per person and outcome ---------------------------------------------------


def _people_of_batch(
    session: Session, org: Organisation, batch: ImportBatch
) -> pd.DataFrame:
    """group and wijk of the participants ``batch`` created, indexed by id."""
    p = Participant
    stmt = sa.select(col(p.id), col(p.group), col(p.wijk)).where(
        col(p.organisation_id) == org.id, col(p.batch_id) == batch.id
    )
    found = session.connection().execute(stmt).all()
    frame = pd.DataFrame([tuple(r) for r in found], columns=["id", "group", "wijk"])
    return frame.set_index("id")


def _outcomes_from_sql(
    session: Session,
    org: Organisation,
    participant_ids: np.ndarray,
    without_batch: int | None = None,
) -> pd.DataFrame:
    """OUTCOME_COLUMNS of these participants, from their stored measurements
    (``without_batch``: as if that batch's rows were not there)."""
    m, p = Measurement, Participant
    parts = []
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
        pp = participant_outcomes(where).subquery()
        stmt = sa.select(pp, col(p.group), col(p.wijk)).join(
            p, col(p.id) == pp.c.pid
        )
        parts += [tuple(r) for r in session.connection().execute(stmt).all()]
    frame = pd.DataFrame(parts, columns=OUTCOME_COLUMNS)
    return frame.assign(d0=pd.to_datetime(frame["d0"]))


def _outcomes_from_rows(rows: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """OUTCOME_COLUMNS computed in pandas from import rows (at most one row per
    participant, instrument, domain and wave), the same as the SQL."""
    rows = rows[(rows["wave"] >= 0) & (rows["wave"] < MAX_WAVES)]
    if rows.empty:
        return pd.DataFrame(columns=OUTCOME_COLUMNS)
    pid = rows["participant_id"].to_numpy(dtype=np.int64)
    ins_code, ins = pd.factorize(rows["instrument"])
    dom_code, dom = pd.factorize(rows["domain"])
    code, first_row = _codes([pid, ins_code, dom_code])
    wave = rows["wave"].to_numpy(dtype=np.int64)
    slots = np.full((len(first_row), MAX_WAVES), np.nan)
    slots[code, wave] = rows["value"].to_numpy(dtype=float)
    present = ~np.isnan(slots)
    low = present.argmax(axis=1)
    high = MAX_WAVES - 1 - present[:, ::-1].argmax(axis=1)
    where = np.arange(len(slots))
    dates = pd.to_datetime(rows["date"], format="%Y-%m-%d")
    out = pd.DataFrame(
        {
            "pid": pid[first_row],
            "prog": rows["programme_id"].to_numpy(dtype=np.int64)[first_row],
            "ins": np.asarray(ins, dtype=object)[ins_code[first_row]],
            "dom": np.asarray(dom, dtype=object)[dom_code[first_row]],
            "n": present.sum(axis=1),
            "d0": dates.groupby(code).min().sort_index().to_numpy(),
            "before": slots[where, low],
            "after": slots[where, high],
            **{f"v{k}": slots[:, k] for k in range(MAX_WAVES)},
        }
    )
    found = people.reindex(out["pid"])
    return out.assign(
        group=found["group"].to_numpy(), wijk=found["wijk"].to_numpy()
    ).astype({"wijk": object})


def _codes(columns: Sequence[np.ndarray | pd.Series]) -> tuple[np.ndarray, np.ndarray]:
    """(group number per row, first row of each group) over several key columns;
    missing values form their own group."""
    code = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        part, uniques = pd.factorize(column, use_na_sentinel=False)
        code, _ = pd.factorize(code * len(uniques) + part)
    first = np.unique(code, return_index=True)[1]
    return code, first


# --- cells -----------------------------------------------------------------


def _cells(outcomes: pd.DataFrame, sign: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(change, reach) contributions of these people, times ``sign``."""
    if outcomes.empty:
        return _empty(CHANGE_KEYS, CHANGE_SUMS), _empty(REACH_KEYS, REACH_SUMS)
    intake = outcomes.groupby("pid")["d0"].transform("min")
    period = intake.dt.year * 4 + (intake.dt.month - 1) // 3
    n = outcomes["n"].to_numpy(dtype=np.int64)
    before = outcomes["before"].to_numpy(dtype=float)
    after = outcomes["after"].to_numpy(dtype=float)
    rows = pd.DataFrame(
        {
            "programme_id": outcomes["prog"].to_numpy(dtype=np.int64),
            "instrument": outcomes["ins"].to_numpy(dtype=object),
            "domain": outcomes["dom"].to_numpy(dtype=object),
            "group": outcomes["group"].to_numpy(dtype=object),
            "wijk": _none(outcomes["wijk"]),
            "period": period.to_numpy(dtype=float),
            "delta": np.where(n >= 2, after - before, np.nan),
            "n": 1,
            "sum_before": before,
            "sumsq_before": before * before,
            "sum_after": after,
            "sumsq_after": after * after,
            **{s: outcomes[f"v{k}"].to_numpy(float) for k, s in enumerate(WAVE_SUMS)},
            **{s: outcomes[f"v{k}"].notna().to_numpy(int) for k, s in enumerate(WAVE_NS)},
        }
    )
    people = rows.assign(n_people=1)[~outcomes["pid"].duplicated().to_numpy()]
    change = _summed(rows, CHANGE_KEYS, CHANGE_SUMS)
    reach = _summed(people, REACH_KEYS, REACH_SUMS)
    for frame, sums in ((change, CHANGE_SUMS), (reach, REACH_SUMS)):
        frame[sums] = frame[sums] * sign
    return change, reach


def _summed(rows: pd.DataFrame, keys: list[str], sums: list[str]) -> pd.DataFrame:
    """Sum ``sums`` per distinct ``keys`` (missing keys included; a wave sum over
    no values stays missing, like SQL's SUM)."""
    if rows.empty:
        return _empty(keys, sums)
    code, first = _codes([rows[k].to_numpy() for k in keys])
    out = rows.iloc[first][keys].reset_index(drop=True)
    for name in sums:
        values = rows[name].to_numpy(dtype=float)
        out[name] = np.bincount(code, np.nan_to_num(values), minlength=len(first))
    for total, count in zip(WAVE_SUMS, WAVE_NS, strict=True):
        if total in out:
            out.loc[out[count] == 0, total] = np.nan
    return out


def _empty(keys: list[str], sums: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=[*keys, *sums])


def _none(column: pd.Series) -> np.ndarray:
    values = column.astype(object).to_numpy(copy=True)
    values[pd.isna(values)] = None
    return values


def _apply(
    session: Session,
    org: Organisation,
    plus: list[pd.DataFrame],
    minus: list[pd.DataFrame],
) -> None:
    """Add the cells of ``plus`` and subtract those of ``minus`` (OUTCOME_COLUMNS
    frames) in the stored cells of the programmes concerned."""
    parts = [_cells(f, 1.0) for f in plus] + [_cells(f, -1.0) for f in minus]
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
        stored = _stored(session, org, model, [*keys, *sums], programme_ids)
        merged = pd.concat([stored, *frames], ignore_index=True)
        merged = merged.astype({k: float for k in ("period", "delta") if k in keys})
        merged["wijk"] = _none(merged["wijk"])
        total = _summed(merged, keys, sums)
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
    records = []
    for row in cells.to_dict("records"):
        record: dict[str, Any] = {"organisation_id": org.id}
        for name, value in row.items():
            if value is None or (isinstance(value, float) and np.isnan(value)):
                record[name] = None
            elif name in counts:
                record[name] = int(round(value))
            else:
                record[name] = value
        records.append(record)
    session.connection().execute(sa.insert(table), records)
