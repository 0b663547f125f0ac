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
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from impact.errors import DataError, check_option
from impact.estimate._checks import as_float, codes_of, need, require_columns
from impact.estimate._cs_aggregate import (
    AGGREGATIONS,
    AggregateResult,
    Aggregation,
    aggregate_cells,
    multiplier_bootstrap,
)
from impact.estimate._results import ResultMixin, coef_table, t_inference
from impact.i18n import t

Control = Literal["never", "notyet"]
BootWeights = Literal["mammen", "rademacher"]


@dataclass(frozen=True, slots=True)
class Wide:
    Y: np.ndarray  # (n_units, n_times)
    times: np.ndarray  # (n_times,)
    group: np.ndarray  # (n_units,) first treated period, 0 = never
    warnings: tuple[str, ...]


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
    vcov_reason: str
    warnings: tuple[str, ...]
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

    def aggregate(self, type: Aggregation = "simple") -> AggregateResult:
        """Aggregate ATT(g, t): simple, dynamic (event time), group or calendar."""
        check_option("type", type, AGGREGATIONS)
        return aggregate_cells(self, type)

    def _title(self) -> str:
        return t("estimate.staggered.title")

    def _summary_lines(self) -> list[tuple[str, object]]:
        return [
            (t("estimate.staggered.control"), self.control),
            (t("estimate.event.pretrend"), f"{self.pretrend_p:.4g}"),
            (t("estimate.summary.method"), self.vcov),
            (t("estimate.summary.reason"), self.vcov_reason),
            (t("estimate.summary.n_units"), self.n_units),
        ]


def _wide(data: pd.DataFrame, outcome: str, unit: str, time: str, first: str) -> Wide:
    require_columns(data, [outcome, unit, time, first])
    y = as_float(data, outcome)
    tv = as_float(data, time)
    g = as_float(data, first)
    if np.isnan(tv).any():
        raise DataError(t("estimate.panel.time_missing", column=time))
    u, n_units = codes_of(data, unit)
    if (u < 0).any():
        raise DataError(t("estimate.staggered.unit_missing", column=unit))
    times, tcode = np.unique(tv, return_inverse=True)
    n_times = len(times)
    cell = np.bincount(u * n_times + tcode, minlength=n_units * n_times)
    if cell.max() > 1:
        raise DataError(t("estimate.panel.duplicates", unit=unit, time=time))
    Y = np.full((n_units, n_times), np.nan)
    Y[u, tcode] = y
    g = np.where(np.isnan(g), 0.0, g)
    G = np.zeros(n_units)
    G[u] = g
    varying = np.bincount(u, weights=(g - G[u]) ** 2, minlength=n_units) > 0
    need(not varying.any(), "estimate.staggered.group_varies", column=first)
    warnings: list[str] = []
    complete = ~np.isnan(Y).any(axis=1)
    if not complete.all():
        warnings.append(
            t("estimate.staggered.unbalanced", units=int((~complete).sum()))
        )
    early = (G > 0) & (times[0] >= G)
    if early.any():
        warnings.append(t("estimate.staggered.already_treated", units=int(early.sum())))
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
    keys: list[tuple[float, float]], att: np.ndarray, inf: np.ndarray
) -> tuple[float, float]:
    """R did's Wald pre-test: n * a' V^-1 a with V = IF'IF / n, chi2(q)."""
    pre = [i for i, (g, tt) in enumerate(keys) if tt < g]
    if not pre:
        return np.nan, np.nan
    n = inf.shape[0]
    V = inf[:, pre].T @ inf[:, pre] / n
    a = att[pre]
    try:
        W = float(n * a @ np.linalg.solve(V, a))
    except np.linalg.LinAlgError:
        return np.nan, np.nan
    return W, float(stats.chi2.sf(W, len(pre)))


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
) -> StaggeredResult:
    """Callaway & Sant'Anna ATT(g, t); never-treated: ``first_treated`` 0 or NaN.

    ``bootstrap=True`` replaces analytic standard errors by the multiplier
    bootstrap (Mammen or Rademacher weights) and gives uniform bands.
    """
    check_option("control", control, ("never", "notyet"))
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
        warnings.append(t("estimate.staggered.last_cohort_control", period=last))
    need((w.group > 0).any(), "estimate.event.no_treated", column=first_treated)
    keys, att, inf = _cells(w, control)
    n = inf.shape[0]
    if bootstrap:
        rng = np.random.default_rng(seed)
        se, crit = multiplier_bootstrap(inf, draws, weights, rng, alpha)
        method, reason = (
            "multiplier",
            t("estimate.vcov.multiplier", draws=draws, weights=weights),
        )
    else:
        se = np.sqrt((inf**2).sum(axis=0)) / n
        crit = float(stats.norm.ppf(1 - alpha / 2))
        method, reason = "influence", t("estimate.vcov.influence")
    stat, p, _, _ = t_inference(att, se, None, alpha)
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
        }
    )
    frame["event_time"] = frame["time"] - frame["group"]
    terms = [f"ATT({g:g},{tt:g})" for g, tt in keys]
    W, wp = _pretest(keys, att, inf)
    return StaggeredResult(
        att_gt=frame,
        control=control,
        n_units=n,
        n_periods=len(w.times),
        pretrend_stat=W,
        pretrend_p=wp,
        vcov=method,
        vcov_reason=reason,
        warnings=tuple(warnings),
        table=coef_table(terms, att, se, stat, p, lo, hi),
        influence=inf,
        unit_group=w.group,
        alpha=alpha,
        bootstrap=bootstrap,
        draws=draws,
        boot_weights=weights,
        seed=seed,
    )
