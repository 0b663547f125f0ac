"""The protected tables behind a release (used by :mod:`impact.services.release`
only): the dashboard's SQL cells regrouped per programme into cubes over
(wijk, group, intake year), each with every margin, protected jointly.

A cube counts people (``count``) and carries additive sums (``sums``: scores,
numbers improved, ...) of the same cells and margins, so a mean or a share is
published exactly where its count is. Programmes are separate tables: a
programme's release is the same for every funder of it.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.domain.suppression import TOTAL, Key, Protected, protect
from impact.store.aggregates import MAX_WAVES

#: key value of an unknown wijk or intake year
UNKNOWN = "?"
OUTCOME_SUMS = (
    "sum_before",
    "sum_after",
    "n_improved",
    "n_deteriorated",
    "n_classified",
)


@dataclass(frozen=True, slots=True)
class Cube:
    """A protected table: counts per (wijk, group, year) with margins, and the
    sums ``columns`` of the same keys."""

    table: Protected
    columns: tuple[str, ...]
    sums: dict[Key, tuple[float, ...]]

    def count(self, key: Key) -> int | None:
        return self.table.shown(key)

    def stats(self, key: Key) -> dict[str, float] | None:
        """The sums of a published, non-empty ``key``; ``None`` otherwise."""
        n = self.count(key)
        if not n:
            return None
        return dict(zip(self.columns, self.sums[key], strict=True))

    @property
    def n_hidden(self) -> int:
        return len(self.table.hidden)


def year_of(period: object) -> str:
    """Intake quarter index (``year * 4 + quarter - 1``) -> year as a key."""
    if period is None or (isinstance(period, float) and math.isnan(period)):
        return UNKNOWN
    return str(int(float(period)) // 4)  # type: ignore[arg-type]


def _keys(frame: pd.DataFrame) -> list[Key]:
    wijk = [UNKNOWN if w is None or w != w else str(w) for w in frame["wijk"]]
    year = [year_of(p) for p in frame["period"]]
    return list(zip(wijk, (str(g) for g in frame["group"]), year, strict=True))


def cube(
    frame: pd.DataFrame,
    count: str,
    columns: tuple[str, ...],
    min_cell: int,
    also_hide: Iterable[Key] = (),
) -> Cube:
    """Protect ``frame``'s ``count`` per (wijk, group, year), summing ``columns``."""
    counts: dict[Key, int] = {}
    base: dict[Key, np.ndarray] = {}
    values = frame[[count, *columns]].astype("float64").fillna(0.0).to_numpy()
    for key, row in zip(_keys(frame), values, strict=True):
        if row[0] <= 0:
            continue
        counts[key] = counts.get(key, 0) + round(row[0])
        base[key] = base.get(key, np.zeros(len(columns))) + row[1:]
    table = protect(counts, min_cell, also_hide=also_hide)
    return Cube(table, columns, _margin_sums(base))


def _margin_sums(base: Mapping[Key, np.ndarray]) -> dict[Key, tuple[float, ...]]:
    out: dict[Key, np.ndarray] = {}
    for key, vec in base.items():
        for mask in itertools.product((False, True), repeat=len(key)):
            k = tuple(TOTAL if m else v for v, m in zip(key, mask, strict=True))
            out[k] = out.get(k, 0) + vec
    return {k: tuple(float(x) for x in v) for k, v in out.items()}


def _id(value: object) -> int:
    """A programme id from a frame column (pandas may have made it a float)."""
    return int(float(str(value)))


def reach_cubes(reach: pd.DataFrame, min_cell: int) -> dict[int, Cube]:
    """People per programme: (wijk, group, year) with margins."""
    return {
        _id(pid): cube(part, "n_people", (), min_cell)
        for pid, part in reach.groupby("programme_id")
    }


def outcome_cubes(
    change: pd.DataFrame, reach: Mapping[int, Cube], min_cell: int
) -> dict[tuple[int, str, str], Cube]:
    """People with two measurements per programme and outcome, with the sums of
    their scores and changes; what the reach table hides stays hidden here."""
    out = {}
    for (pid, instrument, domain), part in change.groupby(
        ["programme_id", "instrument", "domain"]
    ):
        key = (_id(pid), str(instrument), str(domain))
        hide = reach[key[0]].table.hidden if key[0] in reach else frozenset()
        out[key] = cube(part, "n_pairs", OUTCOME_SUMS, min_cell, hide)
    return out


def wave_cubes(
    change: pd.DataFrame,
    outcomes: Mapping[tuple[int, str, str], Cube],
    min_cell: int,
) -> dict[tuple[int, str, str, int], Cube]:
    """People measured at wave ``k`` (with their score sum), per programme and
    outcome; what the outcome's table hides stays hidden here."""
    out = {}
    for (pid, instrument, domain), part in change.groupby(
        ["programme_id", "instrument", "domain"]
    ):
        key = (_id(pid), str(instrument), str(domain))
        hide = outcomes[key].table.hidden if key in outcomes else frozenset()
        for k in range(MAX_WAVES):
            if part[f"wave_n{k}"].fillna(0).sum() <= 0:
                continue
            out[(*key, k)] = cube(part, f"wave_n{k}", (f"wave_sum{k}",), min_cell, hide)
    return out
