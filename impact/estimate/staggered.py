"""Staggered adoption: Callaway & Sant'Anna (2021) group-time effects ATT(g, t).

Callaway, B. & Sant'Anna, P. H. C. (2021), "Difference-in-differences with
multiple time periods", Journal of Econometrics 225(2), 200-230. Unconditional
(no covariates), balanced panel, as the R package ``did`` (``att_gt`` with
``xformla = ~1``; its ``reg`` and ``dr`` methods coincide without covariates):

* group g = units first treated in period g; comparison = never-treated units
  (``control="never"``) or units not yet treated by ``max(t, base)``
  (``control="notyet"``, cohort g itself excluded);
* ``ATT(g, t) = mean_g(Y_t - Y_b) - mean_control(Y_t - Y_b)`` with base period
  b = g - 1 (the last period before g) for t >= g and b = t - 1 for t < g: the
  "varying" base period, the ``did`` default, so pre-period cells are
  short placebo differences;
* influence function per unit (n units): ``n * [D (dY - m_g)/n_g - C (dY - m_c)/n_c]``,
  standard error ``sqrt(sum IF^2) / n`` (clustered at the unit).

Everything runs on a (units x periods) array: each cell is two masked means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import stats

from impact.codes import Coded
from impact.errors import DataError, check_option
from impact.estimate._checks import as_float, codes_of, need, require_columns
from impact.estimate._cs_aggregate import (
    AGGREGATIONS,
    AggregateResult,
    Aggregation,
    aggregate_cells,
    multiplier_bootstrap,
)
from impact.estimate._cs_smallsample import (
    cohort_vcov,
    singleton_cohorts,
)
from impact.estimate._results import ResultMixin, coef_table, t_inference

Control = Literal["never", "notyet"]
BootWeights = Literal["mammen", "rademacher"]
StaggeredVcov = Literal["auto", "influence", "cohort", "multiplier"]
STAGGERED_VCOV: tuple[StaggeredVcov, ...] = (
    "auto",
    "influence",
    "cohort",
    "multiplier",
)
#: below this many units ``auto`` uses the cohort small-sample correction
AUTO_COHORT_MAX_UNITS = 200


@dataclass(frozen=True, slots=True)
class Wide:
    Y: np.ndarray  # (n_units, n_times)
    times: np.ndarray  # (n_times,)
    group: np.ndarray  # (n_units,) first treated period, 0 = never
    warnings: tuple[Coded, ...]


@dataclass(frozen=True, slots=True)
class StaggeredResult(ResultMixin):
    """Group-time effects; ``att_gt`` has columns group, time, att, std_error, ...

    ``influence`` (n_units, cells) holds the influence functions used by
    :meth:`aggregate`. ``pretrend_p``: Wald test that all pre-period cells are 0.
    """

    att_gt: pd.DataFrame
    control: Control
    n_units: int
    n_periods: int
    pretrend_stat: float
    pretrend_p: float
    vcov: str
    vcov_reason: Coded
    reason_code: str
    reason_params: dict[str, Any]
    warnings: tuple[Coded, ...]
    table: pd.DataFrame = field(repr=False)
    influence: np.ndarray = field(repr=False)
    unit_group: np.ndarray = field(repr=False)
    alpha: float = 0.05
    bootstrap: bool = False
    draws: int = 999
    boot_weights: BootWeights = "mammen"
    seed: int | None = 20240601

    @property
    def method(self) -> str:
        return self.vcov

    @property
    def estimate(self) -> float:
        """The simple aggregate ATT (see :meth:`aggregate`)."""
        return self.aggregate("simple").att

    @property
    def std_error(self) -> float:
        return self.aggregate("simple").std_error

    @property
    def ci_low(self) -> float:
        return self.aggregate("simple").ci_low

    @property
    def ci_high(self) -> float:
        return self.aggregate("simple").ci_high

    @property
    def p_value(self) -> float:
        return self.aggregate("simple").p_value

    @property
    def n_obs(self) -> int:
        return self.n_units * self.n_periods

    @property
    def n_clusters(self) -> int:
        return self.n_units  # influence functions are summed per unit

    def aggregate(self, type: Aggregation = "simple") -> AggregateResult:
        """Aggregate ATT(g, t): simple, dynamic (event time), group or calendar."""
        check_option("type", type, AGGREGATIONS)
        return aggregate_cells(self, type)

    def _title(self) -> Coded:
        return Coded.of("estimate.staggered.title")

    def _summary_lines(self) -> list[tuple[Coded | str, object]]:
        return [
            (Coded.of("estimate.staggered.control"), self.control),
            (Coded.of("estimate.event.pretrend"), f"{self.pretrend_p:.4g}"),
            (Coded.of("estimate.summary.method"), self.vcov),
            (Coded.of("estimate.summary.reason"), self.vcov_reason),
            (Coded.of("estimate.summary.n_units"), self.n_units),
        ]


def _wide(data: pd.DataFrame, outcome: str, unit: str, time: str, first: str) -> Wide:
    require_columns(data, [outcome, unit, time, first])
    y = as_float(data, outcome)
    tv = as_float(data, time)
    g = as_float(data, first)
    if np.isnan(tv).any():
        raise DataError.of("estimate.panel.time_missing", column=time)
    u, n_units = codes_of(data, unit)
    if (u < 0).any():
        raise DataError.of("estimate.staggered.unit_missing", column=unit)
    times, tcode = np.unique(tv, return_inverse=True)
    n_times = len(times)
    cell = np.bincount(u * n_times + tcode, minlength=n_units * n_times)
    if cell.max() > 1:
        raise DataError.of("estimate.panel.duplicates", unit=unit, time=time)
    Y = np.full((n_units, n_times), np.nan)
    Y[u, tcode] = y
    g = np.where(np.isnan(g), 0.0, g)
    G = np.zeros(n_units)
    G[u] = g
    varying = np.bincount(u, weights=(g - G[u]) ** 2, minlength=n_units) > 0
    need(not varying.any(), "estimate.staggered.group_varies", column=first)
    warnings: list[Coded] = []
    complete = ~np.isnan(Y).any(axis=1)
    if not complete.all():
        warnings.append(
            Coded.of("estimate.staggered.unbalanced", units=int((~complete).sum()))
        )
    early = (G > 0) & (times[0] >= G)
    if early.any():
        warnings.append(
            Coded.of("estimate.staggered.already_treated", units=int(early.sum()))
        )
    late = times[-1] < G
    G = np.where(late, 0.0, G)
    keep = complete & ~early
    return Wide(Y[keep], times, G[keep], tuple(warnings))


def _cells(
    w: Wide, control: Control
) -> tuple[list[tuple[float, float]], np.ndarray, np.ndarray]:
    """ATT(g, t) and the (n_units, cells) influence functions."""
    n = w.Y.shape[0]
    groups = np.unique(w.group[w.group > 0])
    keys: list[tuple[float, float]] = []
    atts: list[float] = []
    infs: list[np.ndarray] = []
    never = w.group == 0
    for g in groups:
        treated = w.group == g
        n_g = float(treated.sum())
        pre_g = np.flatnonzero(w.times < g)
        for ti in range(1, len(w.times)):
            tt = w.times[ti]
            bi = ti - 1 if tt < g else int(pre_g[-1])
            if control == "never":
                ctrl = never
            else:
                ctrl = never | ((w.group > max(tt, w.times[bi])) & ~treated)
            n_c = float(ctrl.sum())
            if n_c == 0:
                continue
            dy = w.Y[:, ti] - w.Y[:, bi]
            m_g = dy[treated].mean()
            m_c = dy[ctrl].mean()
            inf = n * (treated * (dy - m_g) / n_g - ctrl * (dy - m_c) / n_c)
            keys.append((float(g), float(tt)))
            atts.append(float(m_g - m_c))
            infs.append(inf)
    need(bool(keys), "estimate.staggered.no_cells")
    return keys, np.array(atts), np.column_stack(infs)


def _pretest(
    keys: list[tuple[float, float]],
    att: np.ndarray,
    inf: np.ndarray,
    method: str,
    group: np.ndarray,
) -> tuple[float, float]:
    """Wald pre-test that all pre-period cells are 0.

    ``influence``/``multiplier``: R did's ``n a' V^-1 a`` with V = IF'IF / n,
    chi2(q); ``cohort``: the mean of the pre-period cells (each a one-period
    placebo change, so the mean is the average differential trend) against
    t(Welch df), reported as F(1, df). With few areas a q-dimensional Wald
    test has no usable denominator (q pre cells, often more than areas)."""
    pre = [i for i, (g, tt) in enumerate(keys) if tt < g]
    if not pre or method == "none":
        return np.nan, np.nan
    if method == "cohort":
        mean = inf[:, pre].mean(axis=1, keepdims=True)
        se, df = cohort_vcov(mean, group).se_df()
        tstat = float(att[pre].mean() / se[0])
        return tstat**2, float(2.0 * stats.t.sf(abs(tstat), df[0]))
    n = inf.shape[0]
    V = inf[:, pre].T @ inf[:, pre] / n
    a = att[pre]
    try:
        W = float(n * a @ np.linalg.solve(V, a))
    except np.linalg.LinAlgError:
        return np.nan, np.nan
    return W, float(stats.chi2.sf(W, len(pre)))


def _method(
    vcov: StaggeredVcov, bootstrap: bool, group: np.ndarray
) -> tuple[str, str, dict[str, Any]]:
    """(method, reason key, params) for the requested ``vcov``."""
    n = group.size
    cohorts = int(np.unique(group).size)
    params: dict[str, Any] = {"units": n, "cohorts": cohorts}
    if bootstrap or vcov == "multiplier":
        return "multiplier", "estimate.vcov.multiplier", params
    if vcov == "influence" or (vcov == "auto" and n >= AUTO_COHORT_MAX_UNITS):
        return "influence", "estimate.vcov.influence", params
    single = singleton_cohorts(group)
    if single:
        params["single"] = single
        return "none", "estimate.vcov.cohort_declined", params
    return "cohort", f"estimate.vcov.cohort_{vcov}", params


def _cell_inference(
    att: np.ndarray,
    inf: np.ndarray,
    method: str,
    group: np.ndarray,
    boot: tuple[int, str, int | None],
    alpha: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Standard errors, critical values and df (NaN: normal) per cell."""
    n, m = inf.shape
    df = np.full(m, np.nan)
    if method == "multiplier":
        draws, weights, seed = boot
        rng = np.random.default_rng(seed)
        se, crit = multiplier_bootstrap(inf, draws, weights, rng, alpha)
        return se, np.full(m, crit), df
    if method == "cohort":
        se, df = cohort_vcov(inf, group).se_df()
        return se, stats.t.ppf(1 - alpha / 2, df), df
    se = np.sqrt((inf**2).sum(axis=0)) / n
    if method == "none":
        se = np.full(m, np.nan)
    return se, np.full(m, stats.norm.ppf(1 - alpha / 2)), df


def staggered(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    first_treated: str,
    control: Control = "never",
    alpha: float = 0.05,
    bootstrap: bool = False,
    draws: int = 999,
    weights: BootWeights = "mammen",
    seed: int | None = 20240601,
    vcov: StaggeredVcov = "auto",
) -> StaggeredResult:
    """Callaway & Sant'Anna ATT(g, t); never-treated: ``first_treated`` 0 or NaN.

    ``vcov``: ``influence`` (R did's analytic standard errors, normal
    intervals), ``cohort`` (small-sample correction with t intervals, see
    :mod:`impact.estimate._cs_smallsample`), ``multiplier`` (bootstrap with
    uniform bands; also ``bootstrap=True``). ``auto``: ``cohort`` below
    ``AUTO_COHORT_MAX_UNITS`` units, else ``influence``; with a cohort of one
    area there is no interval (``vcov == "none"``) and the reason says why.
    """
    check_option("control", control, ("never", "notyet"))
    check_option("vcov", vcov, STAGGERED_VCOV)
    check_option("weights", weights, ("mammen", "rademacher"))
    w = _wide(data, outcome, unit, time, first_treated)
    warnings = list(w.warnings)
    if not (w.group == 0).any():
        need(control == "notyet", "estimate.staggered.no_never_treated")
        last = float(w.group.max())
        cols = w.times < last
        w = Wide(
            w.Y[:, cols], w.times[cols], np.where(w.group == last, 0.0, w.group), ()
        )
        warnings.append(Coded.of("estimate.staggered.last_cohort_control", period=last))
    need((w.group > 0).any(), "estimate.event.no_treated", column=first_treated)
    keys, att, inf = _cells(w, control)
    n = inf.shape[0]
    method, key, params = _method(vcov, bootstrap, w.group)
    if method == "multiplier":
        params.update(draws=draws, weights=weights)
    reason = Coded.of(key, **params)
    se, crit, df = _cell_inference(
        att, inf, method, w.group, (draws, weights, seed), alpha
    )
    stat, p, _, _ = t_inference(att, se, None, alpha)
    if method == "cohort":
        p = 2.0 * stats.t.sf(np.abs(stat), df)
    lo, hi = att - crit * se, att + crit * se
    frame = pd.DataFrame(
        {
            "group": [k[0] for k in keys],
            "time": [k[1] for k in keys],
            "att": att,
            "std_error": se,
            "ci_low": lo,
            "ci_high": hi,
            "p_value": p,
            "df": df,
        }
    )
    frame["event_time"] = frame["time"] - frame["group"]
    terms = [f"ATT({g:g},{tt:g})" for g, tt in keys]
    W, wp = _pretest(keys, att, inf, method, w.group)
    return StaggeredResult(
        att_gt=frame,
        control=control,
        n_units=n,
        n_periods=len(w.times),
        pretrend_stat=W,
        pretrend_p=wp,
        vcov=method,
        vcov_reason=reason,
        reason_code=key,
        reason_params=params,
        warnings=tuple(warnings),
        table=coef_table(terms, att, se, stat, p, lo, hi),
        influence=inf,
        unit_group=w.group,
        alpha=alpha,
        bootstrap=method == "multiplier",
        draws=draws,
        boot_weights=weights,
        seed=seed,
    )
