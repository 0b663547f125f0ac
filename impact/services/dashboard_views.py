"""The dashboard's frames, computed from SQL cells (small frames, never rows
about single people). Used by :mod:`impact.services.dashboard` only.

With ``min_cell`` (funders) a figure about fewer people is ``None``; the reach
table also gets complementary suppression per programme.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from impact.domain.suppression import is_disclosive, suppress_counts
from impact.store.aggregates import MAX_WAVES

OUTCOME_KEYS = ["programme_id", "instrument", "domain", "group"]
SUM_COLUMNS = ["n_pairs", "sum_before", "sum_after", "n_improved", "n_deteriorated"]


def _hide(n: float, min_cell: int | None) -> bool:
    return min_cell is not None and is_disclosive(int(n), min_cell)


def _ratio(top: pd.Series, bottom: pd.Series) -> pd.Series:
    out = top.astype("float64") / bottom.replace(0, np.nan).astype("float64")
    return out.astype(object).where(out.notna(), None)


def _suppress(
    frame: pd.DataFrame, min_cell: int | None, columns: list[str]
) -> pd.DataFrame:
    """Blank ``n`` and ``columns`` in rows with fewer than ``min_cell`` people."""
    if min_cell is None or frame.empty:
        return frame
    hide = [_hide(n, min_cell) for n in frame["n"]]
    out = frame.astype(dict.fromkeys(["n", *columns], object))
    out.loc[hide, ["n", *columns]] = None
    return out


def _named(frame: pd.DataFrame, names: Mapping[int, str]) -> pd.Series:
    return frame["programme_id"].map(names)


def _outcome(frame: pd.DataFrame, labels: Mapping[tuple[str, str], str]) -> list[str]:
    return [
        labels[(i, d)]
        for i, d in zip(frame["instrument"], frame["domain"], strict=True)
    ]


def reach_view(
    reach: pd.DataFrame, names: Mapping[int, str], min_cell: int | None
) -> pd.DataFrame:
    """Participants per programme, wijk and group."""
    cols = ["programme", "wijk", "group", "n"]
    if reach.empty:
        return pd.DataFrame(columns=cols)
    cells = (
        reach.assign(wijk=reach["wijk"].fillna("?"))
        .groupby(["programme_id", "wijk", "group"], as_index=False)
        .agg(n=("n_people", "sum"))
    )
    cells["programme"] = _named(cells, names)
    cells = cells[[*cols, "programme_id"]]
    if min_cell is not None:
        cells["n"] = cells["n"].astype(object)
        for _, idx in cells.groupby("programme_id").groups.items():
            counts = [int(v) for v in cells.loc[idx, "n"]]
            cells.loc[idx, "n"] = suppress_counts(counts, min_cell)
    return cells[cols].sort_values(["programme", "wijk", "group"], ignore_index=True)


def outcome_view(
    change: pd.DataFrame,
    names: Mapping[int, str],
    labels: Mapping[tuple[str, str], str],
    rules: Mapping[str, str],
    min_cell: int | None,
) -> pd.DataFrame:
    """Per programme, outcome and group: people with two measurements, their
    mean before and after, and the shares improved and deteriorated."""
    stats = ["mean_before", "mean_after", "share_improved", "share_deteriorated"]
    cols = ["programme", "outcome", "instrument", "domain", "group", "n", *stats]
    if change.empty:
        return pd.DataFrame(columns=[*cols, "rule"])
    sums = change.groupby(OUTCOME_KEYS, as_index=False)[
        [*SUM_COLUMNS, "n_classified"]
    ].sum(min_count=1)
    sums = sums[sums["n_pairs"] > 0]
    out = sums.assign(
        programme=_named(sums, names),
        outcome=_outcome(sums, labels),
        n=sums["n_pairs"].astype("int64"),
        mean_before=_ratio(sums["sum_before"], sums["n_pairs"]),
        mean_after=_ratio(sums["sum_after"], sums["n_pairs"]),
        share_improved=_ratio(sums["n_improved"], sums["n_classified"]),
        share_deteriorated=_ratio(sums["n_deteriorated"], sums["n_classified"]),
    )[cols]
    out["rule"] = [rules.get(i, "") for i in out["instrument"]]
    out = out.sort_values(["programme", "outcome", "group"], ignore_index=True)
    return _suppress(out, min_cell, stats)


def wave_view(
    change: pd.DataFrame,
    names: Mapping[int, str],
    labels: Mapping[tuple[str, str], str],
    min_cell: int | None,
) -> pd.DataFrame:
    """Mean score per wave (0 = voormeting) per programme, outcome and group."""
    cols = ["programme", "outcome", "group", "wave", "n", "mean"]
    if change.empty:
        return pd.DataFrame(columns=cols)
    value_cols = [f"wave_{kind}{k}" for k in range(MAX_WAVES) for kind in ("sum", "n")]
    sums = change.groupby(OUTCOME_KEYS, as_index=False)[value_cols].sum()
    parts = []
    for k in range(MAX_WAVES):
        part = sums[OUTCOME_KEYS].assign(
            wave=k, n=sums[f"wave_n{k}"], total=sums[f"wave_sum{k}"]
        )
        parts.append(part[part["n"] > 0])
    long = pd.concat(parts, ignore_index=True)
    out = long.assign(
        programme=_named(long, names),
        outcome=_outcome(long, labels),
        n=long["n"].astype("int64"),
        mean=_ratio(long["total"], long["n"]),
    )[cols]
    out = out.sort_values(["programme", "outcome", "group", "wave"], ignore_index=True)
    return _suppress(out, min_cell, ["mean"])


def period_view(
    change: pd.DataFrame,
    names: Mapping[int, str],
    labels: Mapping[tuple[str, str], str],
    min_cell: int | None,
) -> pd.DataFrame:
    """Share improved per intake quarter, programme, outcome and group."""
    stats = ["share_improved", "share_deteriorated"]
    cols = ["programme", "outcome", "group", "period", "n", *stats]
    data = change[change["period"].notna() & (change["n_pairs"] > 0)]
    if data.empty:
        return pd.DataFrame(columns=cols)
    sums = data.groupby([*OUTCOME_KEYS, "period"], as_index=False)[
        ["n_pairs", "n_improved", "n_deteriorated", "n_classified"]
    ].sum(min_count=1)
    out = sums.assign(
        programme=_named(sums, names),
        outcome=_outcome(sums, labels),
        period=sums["period"].astype("int64"),
        n=sums["n_pairs"].astype("int64"),
        share_improved=_ratio(sums["n_improved"], sums["n_classified"]),
        share_deteriorated=_ratio(sums["n_deteriorated"], sums["n_classified"]),
    )[cols]
    out = out.sort_values(["programme", "outcome", "group", "period"])
    return _suppress(out.reset_index(drop=True), min_cell, stats)


def area_view(area: pd.DataFrame, names: Mapping[int, str]) -> pd.DataFrame:
    """Mean indicator per period in wijken with and without the intervention.

    Area indicators describe whole wijken (already aggregates over residents), so
    they are not suppressed; ``n`` counts wijken, not people.
    """
    cols = ["programme", "indicator", "period", "arm", "n", "mean"]
    if area.empty:
        return pd.DataFrame(columns=cols)
    out = area.assign(
        programme=_named(area, names),
        arm=np.where(area["ever_treated"] == 1, "with", "without"),
        n=area["n_areas"],
        mean=area["sum_value"] / area["n_areas"],
    )[cols]
    return out.sort_values(
        ["programme", "indicator", "arm", "period"], ignore_index=True
    )
