"""Diagnostics for a comparison: baseline balance and attrition by group.

* Standardized mean difference (Austin 2009, Statistics in Medicine
  28:3083-3107): (mean_T - mean_C) / sqrt((var_T + var_C) / 2). The What Works
  Clearinghouse (Standards Handbook 5.0) reads |SMD| <= 0.05 as balanced,
  0.05-0.25 as needing statistical adjustment and > 0.25 as not comparable.
* Attrition: share of units measured at baseline (first period) without a
  measurement at the last period, per group, overall and the difference
  between groups (differential attrition).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.estimate._checks import as_float, need, require_columns

SMD_BALANCED = 0.05
SMD_ADJUST = 0.25


@dataclass(frozen=True, slots=True)
class BalanceResult:
    """``table`` per covariate: means, SDs, ``smd`` and ``verdict``."""

    table: pd.DataFrame
    max_abs_smd: float
    n_treated: int
    n_control: int


@dataclass(frozen=True, slots=True)
class AttritionResult:
    """``table`` per group: baseline, followed_up, lost, share_lost."""

    table: pd.DataFrame
    overall_share_lost: float
    differential: float


def _groups(values: pd.Series) -> tuple[object, object]:
    levels = sorted(values.dropna().unique().tolist())
    need(len(levels) == 2, "estimate.diag.two_groups", found=len(levels))
    return levels[0], levels[1]


def _verdict(smd: float) -> str:
    if np.isnan(smd):
        return "n/a"
    if abs(smd) <= SMD_BALANCED:
        return "balanced"
    return "adjust" if abs(smd) <= SMD_ADJUST else "imbalanced"


def balance(
    data: pd.DataFrame,
    *,
    group: str,
    covariates: Sequence[str],
    period: str | None = None,
) -> BalanceResult:
    """SMDs at baseline; with ``period`` only rows of the first period are used.

    ``group``: two values; the larger (1, True) is the treated group.
    """
    require_columns(data, [group, period, *covariates])
    if period is not None:
        data = data[data[period] == data[period].min()]
    control, treated = _groups(data[group])
    rows = []
    for cov in covariates:
        x = as_float(data, cov)
        xt, xc = (
            x[(data[group] == treated).to_numpy()],
            x[(data[group] == control).to_numpy()],
        )
        xt, xc = xt[~np.isnan(xt)], xc[~np.isnan(xc)]
        mt, mc = float(np.mean(xt)), float(np.mean(xc))
        st, sc = float(np.std(xt, ddof=1)), float(np.std(xc, ddof=1))
        pooled = np.sqrt((st**2 + sc**2) / 2.0)
        smd = (mt - mc) / pooled if pooled > 0 else np.nan
        rows.append((cov, mt, mc, st, sc, smd, _verdict(smd)))
    table = pd.DataFrame(
        rows,
        columns=[
            "covariate",
            "mean_treated",
            "mean_control",
            "sd_treated",
            "sd_control",
            "smd",
            "verdict",
        ],
    ).set_index("covariate")
    n_t = int((data[group] == treated).sum())
    return BalanceResult(
        table,
        float(np.nanmax(np.abs(table["smd"]))),
        n_t,
        int((data[group] == control).sum()),
    )


def attrition(
    data: pd.DataFrame,
    *,
    unit: str,
    group: str,
    period: str,
    outcome: str | None = None,
) -> AttritionResult:
    """Share lost to follow-up per group (baseline = first period, follow-up = last).

    With ``outcome`` a row counts only when its outcome is present.
    """
    require_columns(data, [unit, group, period, outcome])
    rows = data if outcome is None else data[data[outcome].notna()]
    first, last = data[period].min(), data[period].max()
    need(first != last, "estimate.diag.one_period")
    base = rows[rows[period] == first][[unit, group]].drop_duplicates(unit)
    followed = set(rows.loc[rows[period] == last, unit])
    base = base.assign(followed=base[unit].isin(followed))
    table = base.groupby(group).agg(
        baseline=(unit, "size"), followed_up=("followed", "sum")
    )
    table["lost"] = table["baseline"] - table["followed_up"]
    table["share_lost"] = table["lost"] / table["baseline"]
    overall = float(table["lost"].sum() / table["baseline"].sum())
    diff = np.nan
    if len(table) == 2:
        diff = float(table["share_lost"].iloc[1] - table["share_lost"].iloc[0])
    return AttritionResult(table, overall, diff)
