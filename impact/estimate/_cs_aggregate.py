"""Aggregations of Callaway & Sant'Anna ATT(g, t), as R ``did::aggte``.

Weights are group shares ``P(G = g)`` among all units; their estimation enters
the influence function through ``wif`` (``did`` package, ``compute.aggte``):

* simple: post-treatment cells weighted by group share;
* dynamic: per event time e = t - g (cells weighted by group share); the
  overall effect is the plain mean over e >= 0;
* group: per cohort the plain mean of its post cells; the overall effect
  weights cohorts by group share;
* calendar: per period the group-share weighted mean of treated cells; the
  overall effect is the plain mean over periods.

Standard errors: ``sqrt(sum IF^2) / n``; with the multiplier bootstrap, the
interquartile-range standard error and a sup-t critical value for uniform bands
(Callaway & Sant'Anna 2021, section 4.1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
from scipy import stats

from impact.codes import Coded
from impact.estimate._cs_smallsample import cohort_vcov
from impact.estimate._results import ResultMixin, coef_table

if TYPE_CHECKING:
    from impact.estimate.staggered import StaggeredResult

Aggregation = Literal["simple", "dynamic", "group", "calendar"]
AGGREGATIONS: tuple[Aggregation, ...] = ("simple", "dynamic", "group", "calendar")
SQRT5 = np.sqrt(5.0)
BOOT_CELLS_PER_CHUNK = 2_000_000


@dataclass(frozen=True, slots=True)
class AggregateResult(ResultMixin):
    """Overall ``att`` with ``std_error``/interval, and ``effects`` per e, g or t."""

    type: Aggregation
    att: float
    std_error: float
    ci_low: float
    ci_high: float
    p_value: float
    effects: pd.DataFrame
    crit_value: float
    vcov: str
    vcov_reason: Coded
    n_units: int
    warnings: tuple[Coded, ...]
    table: pd.DataFrame = field(repr=False)
    df: float = float("nan")

    @property
    def method(self) -> str:
        return self.vcov

    @property
    def reason_code(self) -> str:
        return self.vcov_reason.code

    @property
    def estimate(self) -> float:
        return self.att

    @property
    def n_obs(self) -> int:
        return self.n_units

    @property
    def n_clusters(self) -> int:
        return self.n_units

    def _title(self) -> Coded:
        return Coded.of("estimate.staggered.aggregate_title", type=self.type)

    def _summary_lines(self) -> list[tuple[Coded | str, object]]:
        return [
            (Coded.of("estimate.summary.effect"), f"{self.att:.4g}"),
            (
                Coded.of("estimate.summary.interval"),
                f"[{self.ci_low:.4g}, {self.ci_high:.4g}]",
            ),
            (Coded.of("estimate.summary.method"), self.vcov),
            (Coded.of("estimate.summary.reason"), self.vcov_reason),
            (Coded.of("estimate.summary.n_units"), self.n_units),
        ]


def _wif(
    keep: np.ndarray, pgg: np.ndarray, G: np.ndarray, group: np.ndarray
) -> np.ndarray:
    """Influence of estimating the weights (``did``'s ``wif``), (n, len(keep))."""
    ind = (G[:, None] == group[keep][None, :]).astype(np.float64) - pgg[keep][None, :]
    total = pgg[keep].sum()
    if1 = ind / total
    if2 = ind.sum(axis=1)[:, None] * (pgg[keep] / total**2)[None, :]
    return if1 - if2


def _combine(
    att: np.ndarray,
    inf: np.ndarray,
    keep: np.ndarray,
    w: np.ndarray,
    wif: np.ndarray | None,
) -> tuple[float, np.ndarray]:
    est = float(att[keep] @ w)
    psi = inf[:, keep] @ w
    if wif is not None:
        psi = psi + wif @ att[keep]
    return est, psi


def _pieces(
    res: StaggeredResult, kind: Aggregation
) -> tuple[list[object], list[float], list[np.ndarray], float, np.ndarray]:
    """Per-e/g/t estimates and influence functions, then the overall one."""
    cells = res.att_gt
    att = cells["att"].to_numpy()
    group = cells["group"].to_numpy()
    time = cells["time"].to_numpy()
    inf, G = res.influence, res.unit_group
    glist = np.unique(group)
    pg = np.array([np.mean(g == G) for g in glist])
    pgg = pg[np.searchsorted(glist, group)]
    post = group <= time
    labels: list[object] = []
    ests: list[float] = []
    psis: list[np.ndarray] = []
    if kind == "simple":
        keep = np.flatnonzero(post)
        est, psi = _combine(
            att, inf, keep, pgg[keep] / pgg[keep].sum(), _wif(keep, pgg, G, group)
        )
        return labels, ests, psis, est, psi
    if kind == "group":
        for g in glist:
            keep = np.flatnonzero(post & (group == g))
            e, p = _combine(att, inf, keep, np.full(len(keep), 1.0 / len(keep)), None)
            labels.append(g)
            ests.append(e)
            psis.append(p)
        sub_att, sub_inf = np.array(ests), np.column_stack(psis)
        idx = np.arange(len(glist))
        wif = _wif(idx, pg, G, glist)
        est, psi = _combine(sub_att, sub_inf, idx, pg / pg.sum(), wif)
        return labels, ests, psis, est, psi
    if kind == "dynamic":
        keys, pick = time - group, None
        order = np.unique(keys)
        pick = order >= 0
    else:
        keys = np.where(post, time, np.nan)
        order = np.unique(keys[~np.isnan(keys)])
        pick = np.ones(len(order), dtype=bool)
    for k in order:
        keep = np.flatnonzero(keys == k)
        e, p = _combine(
            att, inf, keep, pgg[keep] / pgg[keep].sum(), _wif(keep, pgg, G, group)
        )
        labels.append(k)
        ests.append(e)
        psis.append(p)
    chosen = np.flatnonzero(pick)
    est = float(np.mean(np.array(ests)[chosen]))
    psi = np.column_stack(psis)[:, chosen].mean(axis=1)
    return labels, ests, psis, est, psi


def _draw(n: int, size: int, weights: str, rng: np.random.Generator) -> np.ndarray:
    if weights == "rademacher":
        return rng.choice(np.array([-1.0, 1.0]), size=(size, n))
    lo, hi = (1.0 - SQRT5) / 2.0, (1.0 + SQRT5) / 2.0
    p_lo = (SQRT5 + 1.0) / (2.0 * SQRT5)
    return np.where(rng.random((size, n)) < p_lo, lo, hi)


def multiplier_bootstrap(
    inf: np.ndarray, draws: int, weights: str, rng: np.random.Generator, alpha: float
) -> tuple[np.ndarray, float]:
    """Bootstrap standard errors (IQR-based) and the sup-t critical value."""
    n, m = inf.shape
    chunk = max(1, BOOT_CELLS_PER_CHUNK // n)
    out = np.empty((draws, m))
    for start in range(0, draws, chunk):
        size = min(chunk, draws - start)
        out[start : start + size] = _draw(n, size, weights, rng) @ inf / np.sqrt(n)
    q75, q25 = np.quantile(out, [0.75, 0.25], axis=0)
    sigma = (q75 - q25) / (stats.norm.ppf(0.75) - stats.norm.ppf(0.25))
    ok = sigma > 0
    tmax = np.max(np.abs(out[:, ok] / sigma[ok]), axis=1) if ok.any() else np.zeros(1)
    crit = float(np.quantile(tmax, 1.0 - alpha))
    se = np.where(ok, sigma / np.sqrt(n), np.nan)
    return se, crit


def _overall_se(
    res: StaggeredResult, psi: np.ndarray, rng: np.random.Generator
) -> tuple[float, float]:
    """(standard error, df; NaN = normal) of the overall aggregate."""
    n = psi.shape[0]
    if res.vcov == "cohort":
        se, df = cohort_vcov(psi[:, None], res.unit_group).se_df()
        return float(se[0]), float(df[0])
    if res.vcov == "none":
        return np.nan, np.nan
    if res.bootstrap:
        se_all, _ = multiplier_bootstrap(
            psi[:, None], res.draws, res.boot_weights, rng, res.alpha
        )
        return float(se_all[0]), np.nan
    return float(np.sqrt((psi**2).sum()) / n), np.nan


def _effects_se(
    res: StaggeredResult, mat: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per-effect standard errors, critical values and df (NaN = normal)."""
    n, m = mat.shape
    z = float(stats.norm.ppf(1 - res.alpha / 2))
    if res.vcov == "cohort":
        se, df = cohort_vcov(mat, res.unit_group).se_df()
        return se, stats.t.ppf(1 - res.alpha / 2, df), df
    if res.bootstrap:
        se, crit = multiplier_bootstrap(
            mat, res.draws, res.boot_weights, rng, res.alpha
        )
        return se, np.full(m, crit), np.full(m, np.nan)
    se = np.sqrt((mat**2).sum(axis=0)) / n
    if res.vcov == "none":
        se = np.full(m, np.nan)
    return se, np.full(m, z), np.full(m, np.nan)


def _t_or_normal(
    est: np.ndarray, se: np.ndarray, df: np.ndarray, alpha: float
) -> tuple[np.ndarray, np.ndarray]:
    with np.errstate(divide="ignore", invalid="ignore"):
        stat = est / se
    p = np.where(
        np.isnan(df),
        2.0 * stats.norm.sf(np.abs(stat)),
        2.0 * stats.t.sf(np.abs(stat), np.where(np.isnan(df), 1.0, df)),
    )
    return stat, p


def aggregate_cells(res: StaggeredResult, kind: Aggregation) -> AggregateResult:
    labels, ests, psis, est, psi = _pieces(res, kind)
    n = res.influence.shape[0]
    rng = np.random.default_rng(res.seed)
    se, df = _overall_se(res, psi, rng)
    effects_est = np.array(ests)
    if psis:
        eff_se, crits, eff_df = _effects_se(res, np.column_stack(psis), rng)
    else:
        eff_se = crits = eff_df = np.array([])
    crit = float(crits.max()) if crits.size else float("nan")
    name = {
        "simple": "term",
        "dynamic": "event_time",
        "group": "group",
        "calendar": "time",
    }[kind]
    eff_stat, eff_p = _t_or_normal(effects_est, eff_se, eff_df, res.alpha)
    effects = coef_table(
        labels,
        effects_est,
        eff_se,
        eff_stat,
        eff_p,
        effects_est - crits * eff_se,
        effects_est + crits * eff_se,
        index_name=name,
    )
    stat, p = _t_or_normal(np.array([est]), np.array([se]), np.array([df]), res.alpha)
    q = (
        stats.norm.ppf(1 - res.alpha / 2)
        if np.isnan(df)
        else stats.t.ppf(1 - res.alpha / 2, df)
    )
    lo, hi = np.array([est - q * se]), np.array([est + q * se])
    overall = coef_table(["overall"], [est], [se], stat, p, lo, hi)
    table = pd.concat([overall, effects.rename(index=lambda v: f"{name}={v:g}")])
    table.index.name = "term"
    return AggregateResult(
        type=kind,
        att=est,
        std_error=se,
        ci_low=float(lo[0]),
        ci_high=float(hi[0]),
        p_value=float(p[0]),
        effects=effects,
        crit_value=crit,
        vcov=res.vcov,
        vcov_reason=res.vcov_reason,
        n_units=n,
        warnings=res.warnings,
        table=table,
        df=df,
    )
