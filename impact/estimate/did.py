"""Two-by-two difference-in-differences: OLS ``y ~ treated * post (+ covariates)``.

Works for panels (the same people before and after) and for repeated
cross-sections (different people each period). The effect is the coefficient
of ``treated x post``: the change in the treated group minus the change in the
comparison group. Standard errors: see :mod:`impact.estimate.inference`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from impact.codes import Coded
from impact.errors import EstimationError, check_option
from impact.estimate import _linalg as la
from impact.estimate._checks import (
    as_binary,
    as_float,
    codes_of,
    keep_complete,
    need,
    require_columns,
)
from impact.estimate._results import (
    EffectResult,
    coef_table,
    labelled_cov,
    t_inference,
)
from impact.estimate.inference import (
    VCOV_OPTIONS,
    Choice,
    Design,
    Method,
    Vcov,
    choose,
    few_cluster_warnings,
)
from impact.estimate.randinf import cluster_permutation, count_assignments
from impact.estimate.wild import wild_cluster_bootstrap

ATT_TERM = "treated:post"
WILD_DRAWS = 9999


@dataclass(frozen=True, slots=True)
class DidResult(EffectResult):
    """2x2 DiD. ``att`` is the effect; its interval follows ``vcov`` (see reason).

    ``table`` holds every coefficient (intercept, treated, post, treated:post and
    covariates); for ``wild``/``randomization`` the ATT row carries the CR1
    standard error and the bootstrap/permutation p-value and interval.
    """

    att: float
    std_error: float
    ci_low: float
    ci_high: float
    p_value: float
    vcov: Method
    vcov_reason: Coded
    n_obs: int
    n_clusters: int | None
    n_treated_clusters: int | None
    warnings: tuple[Coded, ...]
    table: pd.DataFrame = field(repr=False)

    cov_matrix: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def method(self) -> str:
        return self.vcov

    @property
    def reason_code(self) -> str:
        return self.vcov_reason.code

    @property
    def estimate(self) -> float:
        return self.att

    def cov(self) -> pd.DataFrame | None:
        """Covariance of every coefficient under the analytic method (iid, HC1,
        CR1 or CV3; for wild/randomization/none: CR1, the standard errors shown)."""
        return None if self.cov_matrix is None else self.cov_matrix.copy()

    def _title(self) -> Coded:
        return Coded.of("estimate.did.title")

    def _summary_lines(self) -> list[tuple[Coded | str, object]]:
        return [
            (Coded.of("estimate.summary.effect"), f"{self.att:.4g}"),
            (
                Coded.of("estimate.summary.interval"),
                f"[{self.ci_low:.4g}, {self.ci_high:.4g}]",
            ),
            (Coded.of("estimate.summary.method"), self.vcov),
            (Coded.of("estimate.summary.reason"), self.vcov_reason),
            (Coded.of("estimate.summary.n_obs"), self.n_obs),
            (Coded.of("estimate.summary.n_clusters"), self.n_clusters or "-"),
        ]


@dataclass(frozen=True, slots=True)
class _Data:
    y: np.ndarray
    X: np.ndarray
    names: tuple[str, ...]
    codes: np.ndarray | None
    n_clusters: int | None
    dropped: int


def _load(
    data: pd.DataFrame,
    outcome: str,
    treated: str,
    post: str,
    cluster: str | None,
    covariates: Sequence[str],
) -> _Data:
    require_columns(data, [outcome, treated, post, cluster, *covariates])
    y = as_float(data, outcome)
    d = as_binary(data, treated)
    p = as_binary(data, post)
    covs = [as_float(data, c) for c in covariates]
    codes, n_clusters = codes_of(data, cluster) if cluster else (None, None)
    mask = keep_complete([y, d, p, *covs])
    if codes is not None:
        miss = codes < 0
        if miss.any():
            mask = ~miss if mask is None else mask & ~miss
    dropped = 0 if mask is None else int((~mask).sum())
    if mask is not None:
        y, d, p = y[mask], d[mask], p[mask]
        covs = [c[mask] for c in covs]
        if codes is not None:
            codes, n_clusters = _recode(codes[mask])
    X = np.empty((y.size, 4 + len(covs)), order="F")  # contiguous columns
    X[:, 0], X[:, 1], X[:, 2] = 1.0, d, p
    np.multiply(d, p, out=X[:, 3])
    for j, cov in enumerate(covs):
        X[:, 4 + j] = cov
    names = ("intercept", "treated", "post", ATT_TERM, *covariates)
    return _Data(y, X, names, codes, n_clusters, dropped)


def _recode(codes: np.ndarray) -> tuple[np.ndarray, int]:
    used = np.bincount(codes) > 0
    remap = np.cumsum(used) - 1
    return remap[codes], int(used.sum())


def _check_cells(X: np.ndarray) -> None:
    d, p = X[:, 1], X[:, 2]
    dp = float(X[:, 3].sum())
    n_d, n_p = float(d.sum()), float(p.sum())
    need(dp > 0, "estimate.did.no_treated_post")
    need(n_d - dp > 0, "estimate.did.no_treated_pre")
    need(n_p - dp > 0, "estimate.did.no_control_post")
    need(X.shape[0] - n_d - n_p + dp > 0, "estimate.did.no_control_pre")


def _design(dat: _Data) -> Design:
    if dat.codes is None or dat.n_clusters is None:
        return Design(None)
    g = dat.n_clusters
    n_g = np.bincount(dat.codes, minlength=g)
    d_g = np.bincount(dat.codes, weights=dat.X[:, 1], minlength=g)
    treated_any = d_g > 0
    cluster_level = bool(np.all((d_g == 0) | (d_g == n_g)))
    g1 = int(treated_any.sum())
    return Design(g, g1, g - g1, cluster_level, count_assignments(g, g1))


def did(
    data: pd.DataFrame,
    *,
    outcome: str,
    treated: str,
    post: str,
    cluster: str | None = None,
    covariates: Sequence[str] = (),
    vcov: Vcov = "auto",
    alpha: float = 0.05,
    seed: int | None = 20240601,
) -> DidResult:
    """2x2 DiD by OLS; ``treated`` and ``post`` are 0/1 columns.

    ``vcov``: ``iid``, ``hc1``, ``cr1`` (needs ``cluster``), ``wild`` (restricted
    wild cluster bootstrap, needs ``cluster``) or ``auto`` (see
    :mod:`impact.estimate.inference`).
    """
    check_option("vcov", vcov, VCOV_OPTIONS)
    need(
        cluster is not None or vcov not in ("cr1", "wild"),
        "estimate.need_cluster",
        vcov=vcov,
    )
    dat = _load(data, outcome, treated, post, cluster, tuple(covariates))
    _check_cells(dat.X)
    n, k = dat.X.shape
    need(n > k, "estimate.too_few_obs", n=n, k=k)
    design = _design(dat)
    if design.n_clusters is not None:
        need(
            design.n_clusters >= 2,
            "estimate.too_few_clusters",
            clusters=design.n_clusters,
        )
    fit = la.ols(dat.X, dat.y, dat.names)
    choice = choose(
        vcov, design, allow_permutation=True, allow_jackknife=True, alpha=alpha
    )
    table, V = _table(dat, fit, choice, alpha, seed)
    warnings = list(few_cluster_warnings(choice, design))
    if dat.dropped:
        warnings.append(Coded.of("estimate.warn.dropped", rows=dat.dropped))
    row = table.loc[ATT_TERM].to_numpy()
    if np.isinf(row[4:6]).any():
        warnings.append(Coded.of("estimate.warn.unbounded"))
    return DidResult(
        att=float(row[0]),
        std_error=float(row[1]),
        ci_low=float(row[4]),
        ci_high=float(row[5]),
        p_value=float(row[3]),
        vcov=choice.method,
        vcov_reason=choice.reason,
        n_obs=n,
        n_clusters=design.n_clusters,
        n_treated_clusters=design.treated_clusters if design.n_clusters else None,
        warnings=tuple(warnings),
        table=table,
        cov_matrix=labelled_cov(V, dat.names),
    )


def _table(
    dat: _Data, fit: la.Fit, choice: Choice, alpha: float, seed: int | None
) -> tuple[pd.DataFrame, np.ndarray]:
    n, k = dat.X.shape
    df: float | None
    if choice.method == "iid":
        V, df = la.vcov_iid(fit, n, k), float(n - k)
    elif choice.method == "hc1":
        V, df = la.vcov_hc1(dat.X, fit, k), float(n - k)
    elif choice.method == "cv3":
        codes, g = _clusters(dat)
        V, df = la.vcov_cv3(dat.X, dat.y, codes, g), float(g - 1)
    else:
        codes, g = _clusters(dat)
        V = la.vcov_cr1(dat.X, fit, codes, g, k)
        df = float(g - 1)
    # a coefficient without variation (e.g. an all-zero baseline) can get a tiny
    # negative variance from rounding: its SE is NaN, not a warning to the user
    with np.errstate(invalid="ignore"):
        se = np.sqrt(np.diag(V))
    stat, p, lo, hi = t_inference(fit.beta, se, df, alpha)
    j = dat.names.index(ATT_TERM)
    if choice.method in ("wild", "randomization", "none"):
        p[j], lo[j], hi[j] = _few_cluster_interval(dat, fit, choice, j, alpha, seed)
    return coef_table(dat.names, fit.beta, se, stat, p, lo, hi), V


def _clusters(dat: _Data) -> tuple[np.ndarray, int]:
    if dat.codes is None or dat.n_clusters is None:
        raise EstimationError.of("estimate.need_cluster", vcov="cr1")
    return dat.codes, dat.n_clusters


def _few_cluster_interval(
    dat: _Data, fit: la.Fit, choice: Choice, j: int, alpha: float, seed: int | None
) -> tuple[float, float, float]:
    codes, g = _clusters(dat)
    if choice.method == "wild":
        res = wild_cluster_bootstrap(
            dat.X,
            dat.y,
            codes,
            g,
            j,
            df_k=dat.X.shape[1],
            draws=WILD_DRAWS,
            weights=choice.weights,
            alpha=alpha,
            seed=seed,
        )
        return res.p_value, res.ci_low, res.ci_high
    if choice.method == "randomization":
        y_adj = dat.y - dat.X[:, 4:] @ fit.beta[4:]
        treated = np.bincount(codes, weights=dat.X[:, 1], minlength=g) > 0
        perm = cluster_permutation(
            y_adj,
            dat.X[:, 2],
            codes,
            g,
            treated,
            alpha=alpha,
            seed=seed,
        )
        return perm.p_value, perm.ci_low, perm.ci_high
    return np.nan, np.nan, np.nan
