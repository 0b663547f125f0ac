"""Minimum detectable effect for the design at hand, and Holm's correction.

MDE = M * SE with M = t(1 - alpha/2) + t(power), i.e. about 2.8 for alpha 0.05
(two-sided) and power 0.8 with many degrees of freedom (Bloom 1995, "Minimum
detectable effects", Evaluation Review 19(5):547-556). With clusters the
t quantiles use n_clusters - 2 degrees of freedom and the variance is inflated
by the design effect 1 + (m - 1) * ICC for clusters of m people (Duflo,
Glennerster & Kremer 2007, "Using randomization in development economics
research: a toolkit", eq. 11).

Variance of the estimate for outcome SD sigma:

* ``posttest`` (two groups, one measurement): sigma^2 (1/n_T + 1/n_C) * DEFF;
* ``did`` (two groups, before and after; rho = correlation of a person's
  before and after scores, 0 for repeated cross-sections):
  2 sigma^2 (1 - rho) (1/n_T + 1/n_C) * DEFF;
* ``prepost`` (one group, paired): 2 sigma^2 (1 - rho) / n_T * DEFF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from impact.errors import check_option
from impact.estimate._checks import need

PowerDesign = Literal["did", "posttest", "prepost"]


@dataclass(frozen=True, slots=True)
class MdeResult:
    """``mde`` in outcome units; ``mde_sd`` in standard deviations."""

    mde: float
    mde_sd: float
    std_error: float
    multiplier: float
    design_effect: float
    df: float | None
    design: PowerDesign


def min_detectable_effect(
    *,
    n_treated: float,
    n_control: float = 0.0,
    sd: float = 1.0,
    design: PowerDesign = "did",
    icc: float = 0.0,
    cluster_size: float = 1.0,
    n_clusters: int | None = None,
    pre_post_corr: float = 0.0,
    alpha: float = 0.05,
    power: float = 0.8,
) -> MdeResult:
    """Smallest true effect detected with probability ``power`` (two-sided test)."""
    check_option("design", design, ("did", "posttest", "prepost"))
    need(0 < alpha < 1 and 0 < power < 1, "estimate.power.bad_levels")
    need(n_treated > 0 and sd > 0, "estimate.power.bad_sizes")
    need(design == "prepost" or n_control > 0, "estimate.power.no_control")
    need(0 <= icc < 1 and -1 < pre_post_corr < 1, "estimate.power.bad_corr")
    deff = 1.0 + (max(cluster_size, 1.0) - 1.0) * icc
    if design == "prepost":
        var = 2.0 * (1.0 - pre_post_corr) / n_treated
    else:
        var = 1.0 / n_treated + 1.0 / n_control
        if design == "did":
            var *= 2.0 * (1.0 - pre_post_corr)
    se_sd = float(np.sqrt(var * deff))
    df = float(n_clusters - 2) if n_clusters is not None else None
    need(df is None or df >= 1, "estimate.power.few_clusters")
    dist = stats.norm if df is None else stats.t(df)
    mult = float(dist.ppf(1 - alpha / 2) + dist.ppf(power))
    return MdeResult(
        mde=mult * se_sd * sd,
        mde_sd=mult * se_sd,
        std_error=se_sd * sd,
        multiplier=mult,
        design_effect=deff,
        df=df,
        design=design,
    )


def holm(p_values: Sequence[float] | np.ndarray | pd.Series) -> np.ndarray | pd.Series:
    """Holm (1979) step-down adjusted p-values, in the input order.

    NaN p-values stay NaN and do not count towards the number of tests.
    A Series keeps its index.
    """
    p = np.asarray(p_values, dtype=np.float64)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    m = len(ok)
    order = ok[np.argsort(p[ok], kind="stable")]
    scaled = (m - np.arange(m)) * p[order]
    out[order] = np.minimum(np.maximum.accumulate(scaled), 1.0)
    if isinstance(p_values, pd.Series):
        return pd.Series(out, index=p_values.index, name=p_values.name)
    return out
