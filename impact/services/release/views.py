"""The dashboard frames of a funder, selected from a release's published cells
(used by :mod:`impact.services.release` only).

Same columns as :class:`impact.services.dashboard.DashboardView`; a hidden cell
is ``None`` in ``n`` and in every figure computed from it, so neither a table
nor a chart's data can carry it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd

from impact.domain.suppression import TOTAL
from impact.services.dashboard import outcome_label
from impact.services.release.cubes import UNKNOWN, Cube

if TYPE_CHECKING:
    from impact.services.release import FunderFilters, Release

REACH_COLUMNS = ["programme", "wijk", "group", "n"]
OUTCOME_COLUMNS = [
    "programme", "outcome", "instrument", "domain", "group", "n", "mean_before",
    "mean_after", "share_improved", "share_deteriorated", "rule",
]  # fmt: skip
WAVE_COLUMNS = ["programme", "outcome", "group", "wave", "n", "mean"]
PERIOD_COLUMNS = [
    "programme", "outcome", "group", "period", "n", "share_improved",
    "share_deteriorated", "period_label",
]  # fmt: skip


def _key(flt: FunderFilters, group: str, year: str | None = None) -> tuple[str, ...]:
    when = year if year is not None else (str(flt.year) if flt.year else TOTAL)
    return (flt.wijk or TOTAL, group, when)


def _groups(cube: Cube) -> list[str]:
    return sorted({g for _w, g, _y in cube.table.values if g != TOTAL})


def _ratio(top: float, bottom: float) -> float | None:
    return top / bottom if bottom else None


def reach_frame(release: Release, ids: list[int], flt: FunderFilters) -> pd.DataFrame:
    """People per programme, wijk and group (the filter's year)."""
    rows = []
    for pid in ids:
        cube = release.reach.get(pid)
        if cube is None:
            continue
        wijken = sorted({w for w, _g, _y in cube.table.values if w != TOTAL})
        for wijk in wijken if flt.wijk is None else [flt.wijk]:
            for group in _groups(cube):
                key = (wijk, group, str(flt.year) if flt.year else TOTAL)
                if key in cube.table.values:
                    n = release.round(cube.count(key))
                    rows.append((release.names[pid], wijk, group, n))
    frame = pd.DataFrame(rows, columns=REACH_COLUMNS, dtype=object)
    return frame.sort_values(["programme", "wijk", "group"], ignore_index=True)


def _outcome_keys(release: Release, ids: list[int]) -> list[tuple[int, str, str, Cube]]:
    return [
        (pid, i, d, cube)
        for (pid, i, d), cube in sorted(release.outcomes.items())
        if pid in ids
    ]


def outcome_frame(
    release: Release, ids: list[int], flt: FunderFilters, rules: Mapping[str, str]
) -> pd.DataFrame:
    """People with two measurements, means before and after, shares improved."""
    rows = []
    for pid, instrument, domain, cube in _outcome_keys(release, ids):
        label = outcome_label(release.meta, instrument, domain)
        for group in _groups(cube):
            key = _key(flt, group)
            if key not in cube.table.values:
                continue
            n, s = cube.count(key), cube.stats(key)
            rows.append(
                (
                    release.names[pid], label, instrument, domain, group,
                    release.round(n),
                    _ratio(s["sum_before"], n) if s and n else None,
                    _ratio(s["sum_after"], n) if s and n else None,
                    _ratio(s["n_improved"], s["n_classified"]) if s else None,
                    _ratio(s["n_deteriorated"], s["n_classified"]) if s else None,
                    rules.get(instrument, ""),
                )
            )  # fmt: skip
    frame = pd.DataFrame(rows, columns=OUTCOME_COLUMNS, dtype=object)
    return frame.sort_values(["programme", "outcome", "group"], ignore_index=True)


def wave_frame(release: Release, ids: list[int], flt: FunderFilters) -> pd.DataFrame:
    """Mean score per wave (0 = voormeting), programme, outcome and group."""
    rows = []
    for (pid, instrument, domain, wave), cube in sorted(release.waves.items()):
        if pid not in ids:
            continue
        label = outcome_label(release.meta, instrument, domain)
        for group in _groups(cube):
            key = _key(flt, group)
            if key not in cube.table.values:
                continue
            n, s = cube.count(key), cube.stats(key)
            mean = _ratio(s[f"wave_sum{wave}"], n) if s and n else None
            rows.append(
                (release.names[pid], label, group, wave, release.round(n), mean)
            )
    frame = pd.DataFrame(rows, columns=WAVE_COLUMNS, dtype=object)
    return frame.sort_values(
        ["programme", "outcome", "group", "wave"], ignore_index=True
    )


def period_frame(release: Release, ids: list[int], flt: FunderFilters) -> pd.DataFrame:
    """Shares improved per intake *year* (a funder's grain), group and outcome."""
    rows = []
    for pid, instrument, domain, cube in _outcome_keys(release, ids):
        label = outcome_label(release.meta, instrument, domain)
        years = sorted(
            {y for _w, _g, y in cube.table.values if y not in (TOTAL, UNKNOWN)}
        )
        if flt.year is not None:
            years = [y for y in years if y == str(flt.year)]
        for group in _groups(cube):
            for year in years:
                key = _key(flt, group, year)
                if key not in cube.table.values:
                    continue
                n, s = cube.count(key), cube.stats(key)
                rows.append(
                    (
                        release.names[pid], label, group, int(year), release.round(n),
                        _ratio(s["n_improved"], s["n_classified"]) if s else None,
                        _ratio(s["n_deteriorated"], s["n_classified"]) if s else None,
                        year,
                    )
                )  # fmt: skip
    frame = pd.DataFrame(rows, columns=PERIOD_COLUMNS, dtype=object)
    return frame.sort_values(
        ["programme", "outcome", "group", "period"], ignore_index=True
    )
