"""Two-way fixed effects DiD: ``y_it = a_i + l_t + beta * D_it + e_it``.

``D`` is a 0/1 treatment indicator (1 from the period a unit is treated). The
fit runs on within-transformed arrays (:mod:`impact.estimate._fe`). Standard
errors are clustered by ``cluster`` (default: the unit) with the fixest CR1
convention: fixed effects nested in the clusters are not counted in the
small-sample factor (statsmodels counts every dummy, which inflates standard
errors, e.g. by 1.096x on a 27-state, 6-quarter panel).

With staggered timing and effects that change over time or differ by cohort,
TWFE can be biased (Goodman-Bacon 2021); prefer :func:`staggered` there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from impact.codes import Coded
from impact.errors import check_option
from impact.estimate import _linalg as la
from impact.estimate._checks import as_binary, need
from impact.estimate._fe import Panel, demean, fe_dof, load_panel
from impact.estimate._results import ResultMixin, coef_table, t_inference
from impact.estimate.inference import (
    VCOV_OPTIONS,
    Choice,
    Design,
    Method,
    Vcov,
    choose,
    few_cluster_warnings,
)
from impact.estimate.wild import wild_cluster_bootstrap

WILD_DRAWS = 9999


@dataclass(frozen=True, slots=True)
class TwfeResult(ResultMixin):
    """TWFE effect of ``treatment``; attribute names mirror :class:`DidResult`."""

    att: float
    std_error: float
    ci_low: float
    ci_high: float
    p_value: float
    vcov: Method
    vcov_reason: Coded
    n_obs: int
    n_units: int
    n_periods: int
    n_clusters: int
    n_treated_clusters: int
    df_k: int
    warnings: tuple[Coded, ...]
    table: pd.DataFrame = field(repr=False)

    @property
    def method(self) -> str:
        return self.vcov

    @property
    def reason_code(self) -> str:
        return self.vcov_reason.code

    @property
    def estimate(self) -> float:
        return self.att

    def _title(self) -> Coded:
        return Coded.of("estimate.twfe.title")

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
            (Coded.of("estimate.summary.n_units"), self.n_units),
            (Coded.of("estimate.summary.n_clusters"), self.n_clusters),
        ]


@dataclass(frozen=True, slots=True)
class FeFit:
    """A fixed-effects fit with its inference (shared by TWFE and event study)."""

    table: pd.DataFrame
    vcov_matrix: np.ndarray
    choice: Choice
    design: Design
    df: float | None
    df_k: int
    warnings: tuple[Coded, ...]


def treated_design(panel: Panel, ever_treated: np.ndarray) -> Design:
    """Cluster counts: a cluster is treated when any of its rows is ever treated."""
    g = panel.n_clusters
    hit = np.bincount(panel.cluster, weights=ever_treated, minlength=g) > 0
    g1 = int(hit.sum())
    return Design(g, g1, g - g1, False, 0)


def fe_fit(
    panel: Panel,
    R: np.ndarray,
    names: Sequence[object],
    vcov: Vcov,
    design: Design,
    *,
    alpha: float,
    seed: int | None,
) -> FeFit:
    """OLS of demeaned y on demeaned regressors ``R`` (n, m) with chosen inference."""
    Z = demean(panel, np.column_stack([panel.y, R]))
    y, X = Z[:, 0].copy(), np.ascontiguousarray(Z[:, 1:])
    fit = la.ols(X, y, tuple(map(str, names)))
    choice = choose(vcov, design, allow_permutation=False, alpha=alpha)
    if choice.method == "cv3" and not _nested_units(panel):
        choice = choose("wild", design, allow_permutation=False, alpha=alpha)
    clustered = choice.method in ("cr1", "cv3", "wild", "none")
    df_k = fe_dof(panel, X.shape[1], clustered)
    n = X.shape[0]
    need(n > df_k, "estimate.too_few_obs", n=n, k=df_k)
    df: float | None
    if choice.method == "iid":
        V, df = la.vcov_iid(fit, n, df_k), float(n - df_k)
    elif choice.method == "hc1":
        V, df = la.vcov_hc1(X, fit, df_k), float(n - df_k)
    elif choice.method == "cv3":
        V, df = _jackknife(panel, R), float(panel.n_clusters - 1)
    else:
        V = la.vcov_cr1(X, fit, panel.cluster, panel.n_clusters, df_k)
        df = float(panel.n_clusters - 1)
    se = np.sqrt(np.diag(V))
    stat, p, lo, hi = t_inference(fit.beta, se, df, alpha)
    warnings = list(few_cluster_warnings(choice, design))
    if choice.method == "none":
        p[:], lo[:], hi[:] = np.nan, np.nan, np.nan
    elif choice.method == "wild":
        for j in range(X.shape[1]):
            res = wild_cluster_bootstrap(
                X,
                y,
                panel.cluster,
                panel.n_clusters,
                j,
                df_k=df_k,
                draws=WILD_DRAWS,
                weights=choice.weights,
                alpha=alpha,
                seed=seed,
            )
            p[j], lo[j], hi[j] = res.p_value, res.ci_low, res.ci_high
        if not np.isfinite(np.concatenate([lo, hi])).all():
            warnings.append(Coded.of("estimate.warn.unbounded"))
    table = coef_table(list(names), fit.beta, se, stat, p, lo, hi)
    return FeFit(table, V, choice, design, df, df_k, tuple(warnings))


def _nested_units(panel: Panel) -> bool:
    owner = np.empty(panel.n_units, dtype=np.int64)
    owner[panel.unit] = panel.cluster
    return bool(np.all(owner[panel.unit] == panel.cluster))


def _jackknife(panel: Panel, R: np.ndarray) -> np.ndarray:
    """CV3 for the slopes: unit effects (nested in clusters) are swept out, the
    time effects enter as dummies, so leaving a cluster out is exact."""
    n_u = np.bincount(panel.unit, minlength=panel.n_units).astype(np.float64)
    times = (panel.time[:, None] == np.arange(1, panel.n_times)[None, :]).astype(float)
    Z = np.column_stack([panel.y, R, times])
    means = np.stack(
        [
            np.bincount(panel.unit, weights=Z[:, j], minlength=panel.n_units) / n_u
            for j in range(Z.shape[1])
        ],
        axis=1,
    )
    Z = Z - means[panel.unit]
    V = la.vcov_cv3(Z[:, 1:], Z[:, 0], panel.cluster, panel.n_clusters)
    m = R.shape[1]
    return V[:m, :m]


def twfe(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    treatment: str,
    cluster: str | None = None,
    vcov: Vcov = "auto",
    alpha: float = 0.05,
    seed: int | None = 20240601,
) -> TwfeResult:
    """TWFE DiD with unit and time fixed effects; clusters default to ``unit``."""
    check_option("vcov", vcov, VCOV_OPTIONS)
    panel = load_panel(data, outcome, unit, time, cluster, (treatment,))
    d = as_binary(data, treatment)
    if panel.mask is not None:
        d = d[panel.mask]
    need(not np.isnan(d).any(), "estimate.twfe.treatment_missing", column=treatment)
    need(d.any(), "estimate.twfe.no_treated", column=treatment)
    need(panel.n_clusters >= 2, "estimate.too_few_clusters", clusters=panel.n_clusters)
    ever = np.bincount(panel.unit, weights=d, minlength=panel.n_units)[panel.unit] > 0
    design = treated_design(panel, ever.astype(np.float64))
    fit = fe_fit(panel, d[:, None], [treatment], vcov, design, alpha=alpha, seed=seed)
    row = fit.table.iloc[0]
    return TwfeResult(
        att=float(row["estimate"]),
        std_error=float(row["std_error"]),
        ci_low=float(row["ci_low"]),
        ci_high=float(row["ci_high"]),
        p_value=float(row["p_value"]),
        vcov=fit.choice.method,
        vcov_reason=fit.choice.reason,
        n_obs=int(panel.y.size),
        n_units=panel.n_units,
        n_periods=panel.n_times,
        n_clusters=panel.n_clusters,
        n_treated_clusters=design.treated_clusters,
        df_k=fit.df_k,
        warnings=fit.warnings,
        table=fit.table,
    )
