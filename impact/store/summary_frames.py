"""Cell contributions computed in pandas (no database): from the import rows of
participants new in a batch, and the sums per cell (see ``impact.store.summary``).

Everything runs on integer codes (``pd.factorize``), never on Python objects
per row: an import of a million rows spends well under a second here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

#: waves 0 .. MAX_WAVES - 1 are summarised (0 = voormeting, 1 = nameting, ...)
MAX_WAVES = 6
WAVE_SUMS = [f"wave_sum{k}" for k in range(MAX_WAVES)]
WAVE_NS = [f"wave_n{k}" for k in range(MAX_WAVES)]
CHANGE_KEYS = [
    "programme_id",
    "instrument",
    "domain",
    "group",
    "wijk",
    "period",
    "delta",
]
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
SLOTS = [f"v{k}" for k in range(MAX_WAVES)]
EPOCH = pd.Timestamp("1970-01-01")


def outcomes_from_rows(rows: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """OUTCOME_COLUMNS computed in pandas from the import rows of participants
    new in this batch (at most one row per participant, instrument, domain and
    wave), the same as the SQL computes them; see :func:`record_import`."""
    if rows.empty:
        return _empty_outcomes()
    # group and wijk as stored: those of the participant's first row in the frame
    person, first_row = _numbered(rows["participant_id"].to_numpy(dtype=np.int64))
    at = _group_min(person, first_row, rows.index.to_numpy(dtype=np.int64))
    person_ids = rows["participant_id"].to_numpy(dtype=np.int64)[first_row]
    group_code, groups = pd.factorize(frame["group"].iloc[at])
    wijk_code, wijken = pd.factorize(frame["wijk"].iloc[at])

    wave = rows["wave"].to_numpy(dtype=np.int64)
    keep = (wave >= 0) & (wave < MAX_WAVES)
    if not keep.all():
        rows, wave = rows[keep], wave[keep]
    if rows.empty:
        return _empty_outcomes()
    pid = rows["participant_id"].to_numpy(dtype=np.int64)
    # sorted codes: rows that arrive sorted by participant and outcome (as
    # write_measurements inserts them) then need no hashing at all
    ins_code, ins = pd.factorize(rows["instrument"], sort=True)
    dom_code, dom = pd.factorize(rows["domain"], sort=True)
    outcome = ins_code.astype(np.int64) * len(dom) + dom_code
    code, first = _numbered(pid * (len(ins) * len(dom)) + outcome)
    slots = np.full((len(first), MAX_WAVES), np.nan)
    slots[code, wave] = rows["value"].to_numpy(dtype=float)
    present = ~np.isnan(slots)
    low = present.argmax(axis=1)
    high = MAX_WAVES - 1 - present[:, ::-1].argmax(axis=1)
    every = np.arange(len(slots))
    date_code, dates = pd.factorize(rows["date"])
    days = (pd.to_datetime(dates, format="%Y-%m-%d") - EPOCH) / pd.Timedelta(days=1)
    row_days = np.append(np.asarray(days, dtype=float), np.nan)[date_code]
    order = np.argsort(person_ids, kind="stable")
    whose = order[np.searchsorted(person_ids[order], pid[first])]
    return pd.DataFrame(
        {
            "pid": pid[first],
            "prog": rows["programme_id"].to_numpy(dtype=np.int64)[first],
            "ins": pd.Categorical.from_codes(ins_code[first], categories=ins),
            "dom": pd.Categorical.from_codes(dom_code[first], categories=dom),
            "n": present.sum(axis=1),
            "d0": _group_min(code, first, row_days),
            "before": slots[every, low],
            "after": slots[every, high],
            **{name: slots[:, k] for k, name in enumerate(SLOTS)},
            "group": pd.Categorical.from_codes(group_code[whose], categories=groups),
            "wijk": pd.Categorical.from_codes(wijk_code[whose], categories=wijken),
        }
    )


def _group_min(code: np.ndarray, first: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The smallest of ``values`` per number of :func:`_numbered` (NaN skipped)."""
    if (code[1:] >= code[:-1]).all():
        return np.fmin.reduceat(values, first)
    return pd.Series(values).groupby(code).min().to_numpy()


def _empty_outcomes() -> pd.DataFrame:
    return pd.DataFrame(columns=OUTCOME_COLUMNS)


def _codes(columns: Sequence[Any]) -> tuple[np.ndarray, np.ndarray]:
    """(group number per row, first row of each group) over several key columns;
    missing values form their own group. Numbers follow first appearance."""
    code = np.zeros(len(columns[0]), dtype=np.int64)
    radix = 1
    for column in columns:
        part, uniques = pd.factorize(column, use_na_sentinel=False)
        if radix * max(len(uniques), 1) >= 2**62:
            code = pd.factorize(code)[0]
            radix = int(code.max()) + 1
        code = code * len(uniques) + part
        radix *= max(len(uniques), 1)
    return _numbered(code)


def _numbered(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``key`` renumbered 0, 1, ... in order of first appearance, and the first
    row of each number; keys that arrive sorted skip the hash table."""
    if len(key) and (key[1:] >= key[:-1]).all():
        starts = np.concatenate(([True], key[1:] != key[:-1]))
        return np.cumsum(starts) - 1, np.flatnonzero(starts)
    code = pd.factorize(key)[0]
    # a number appears first where it exceeds every number before it
    seen = np.maximum.accumulate(code)
    return code, np.flatnonzero(np.concatenate(([True], seen[1:] > seen[:-1])))


# --- cells -----------------------------------------------------------------


def cells(outcomes: pd.DataFrame, sign: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(change, reach) contributions of these people, times ``sign``."""
    if outcomes.empty:
        return empty(CHANGE_KEYS, CHANGE_SUMS), empty(REACH_KEYS, REACH_SUMS)
    intake = outcomes.groupby("pid", sort=False)["d0"].transform("min").to_numpy()
    period = _periods(intake)
    n = outcomes["n"].to_numpy(dtype=np.int64)
    before = outcomes["before"].to_numpy(dtype=float)
    after = outcomes["after"].to_numpy(dtype=float)
    slots = [outcomes[name].to_numpy(dtype=float) for name in SLOTS]
    keys = {
        "programme_id": outcomes["prog"].to_numpy(dtype=np.int64),
        "instrument": outcomes["ins"].array,
        "domain": outcomes["dom"].array,
        "group": outcomes["group"].array,
        "wijk": outcomes["wijk"].array,
        "period": period,
        "delta": np.where(n >= 2, after - before, np.nan),
    }
    sums = {
        "n": np.ones(len(n)),
        "sum_before": before,
        "sumsq_before": before * before,
        "sum_after": after,
        "sumsq_after": after * after,
        **dict(zip(WAVE_SUMS, slots, strict=True)),
        **{name: ~np.isnan(v) for name, v in zip(WAVE_NS, slots, strict=True)},
    }
    change = summed(keys, sums, sign)
    person = ~outcomes["pid"].duplicated().to_numpy()
    reach = summed(
        {k: keys[k][person] for k in REACH_KEYS},
        {"n_people": np.ones(int(person.sum()))},
        sign,
    )
    return change, reach


def _periods(days: np.ndarray) -> np.ndarray:
    """``year * 4 + quarter - 1`` of days since 1970 (NaN stays NaN)."""
    known = ~np.isnan(days)
    out = np.full(len(days), np.nan)
    dates = pd.to_datetime(days[known], unit="D")
    out[known] = dates.year * 4 + (dates.month - 1) // 3
    return out


def summed(
    keys: dict[str, Any], sums: dict[str, np.ndarray], sign: float = 1.0
) -> pd.DataFrame:
    """Sum ``sums`` per distinct ``keys`` (missing keys included; a wave sum over
    no values stays missing, like SQL's SUM), times ``sign``."""
    if not len(next(iter(keys.values()))):
        return empty(list(keys), list(sums))
    code, first = _codes(list(keys.values()))
    out = pd.DataFrame(
        {
            k: none_for_missing(np.asarray(v[first], dtype=object))
            for k, v in keys.items()
        }
    )
    for name, values in sums.items():
        total = np.bincount(code, np.nan_to_num(np.asarray(values, float)), len(first))
        out[name] = total * sign
    for wave_sum, wave_n in zip(WAVE_SUMS, WAVE_NS, strict=True):
        if wave_sum in out:
            out.loc[out[wave_n] == 0, wave_sum] = np.nan
    return out


def empty(keys: list[str], sums: list[str]) -> pd.DataFrame:
    return pd.DataFrame(columns=[*keys, *sums])


def none_for_missing(values: np.ndarray) -> np.ndarray:
    values = values.astype(object, copy=True)
    values[pd.isna(values)] = None
    return values
