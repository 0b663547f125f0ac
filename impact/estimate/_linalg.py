"""Least squares on arrays and the three sandwich variances (iid, HC1, CR1).

Shapes: ``X`` is (n, k) float64, ``y`` and residuals are (n,), cluster
``codes`` are (n,) integers in 0..G-1. Cluster sums use ``np.bincount`` per
column, which is the fastest way numpy offers to sum scores by cluster.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from impact.errors import EstimationError

#: reciprocal condition number below which X'X counts as singular
SINGULAR_RCOND = 1e-12


@dataclass(frozen=True, slots=True)
class Fit:
    """An OLS fit: ``beta`` (k,), ``resid`` (n,), ``bread`` = (X'X)^-1 (k, k)."""

    beta: np.ndarray
    resid: np.ndarray
    bread: np.ndarray


def ols(X: np.ndarray, y: np.ndarray, names: tuple[str, ...] = ()) -> Fit:
    """Normal-equations OLS; a collinear design raises :class:`EstimationError`."""
    xtx = X.T @ X
    scale = np.sqrt(np.clip(np.diag(xtx), 1e-300, None))
    scaled = xtx / np.outer(scale, scale)
    if np.linalg.cond(scaled) * SINGULAR_RCOND > 1.0 or not np.isfinite(scaled).all():
        raise EstimationError.of(
            "estimate.collinear", terms=", ".join(names) or str(X.shape[1])
        )
    bread = np.linalg.inv(xtx)
    beta = bread @ (X.T @ y)
    return Fit(beta=beta, resid=y - X @ beta, bread=bread)


def cluster_sums(values: np.ndarray, codes: np.ndarray, n_clusters: int) -> np.ndarray:
    """Sum the rows of ``values`` (n,) or (n, m) within clusters -> (G,) or (G, m)."""
    if values.ndim == 1:
        return np.bincount(codes, weights=values, minlength=n_clusters)
    return np.stack(
        [
            np.bincount(codes, weights=values[:, j], minlength=n_clusters)
            for j in range(values.shape[1])
        ],
        axis=1,
    )


def vcov_iid(fit: Fit, n: int, df_k: int) -> np.ndarray:
    sigma2 = float(fit.resid @ fit.resid) / (n - df_k)
    return sigma2 * fit.bread


def vcov_hc1(X: np.ndarray, fit: Fit, df_k: int) -> np.ndarray:
    n = X.shape[0]
    scores = X * fit.resid[:, None]
    meat = scores.T @ scores
    return (n / (n - df_k)) * fit.bread @ meat @ fit.bread


def cr1_factor(n: int, df_k: int, n_clusters: int) -> float:
    """fixest/Stata CR1 factor G/(G-1) * (n-1)/(n-K)."""
    return n_clusters / (n_clusters - 1) * (n - 1) / (n - df_k)


def vcov_cr1(
    X: np.ndarray, fit: Fit, codes: np.ndarray, n_clusters: int, df_k: int
) -> np.ndarray:
    """Cluster-robust CR1: c * B (sum_g s_g s_g') B with s_g = X_g' e_g."""
    n, k = X.shape
    sums = np.empty((n_clusters, k))
    for j in range(k):  # column by column: no (n, k) score matrix in memory
        sums[:, j] = np.bincount(
            codes, weights=X[:, j] * fit.resid, minlength=n_clusters
        )
    meat = sums.T @ sums
    return cr1_factor(n, df_k, n_clusters) * fit.bread @ meat @ fit.bread


def vcov_cv3(
    X: np.ndarray, y: np.ndarray, codes: np.ndarray, n_clusters: int
) -> np.ndarray:
    """Jackknife CV3: (G-1)/G * sum_g (b_(g) - b)(b_(g) - b)'.

    ``b_(g)`` leaves cluster g out; from per-cluster X_g'X_g and X_g'y_g it is a
    batch of k x k solves (MacKinnon, Nielsen & Webb 2023, J. Econometrics
    232(2)). Raises :class:`EstimationError` when leaving a cluster out makes
    the design singular (e.g. it holds every treated unit).
    """
    k = X.shape[1]
    xtx, xty = X.T @ X, X.T @ y
    H = np.empty((n_clusters, k, k))
    for p in range(k):
        for q in range(p, k):
            col = np.bincount(codes, weights=X[:, p] * X[:, q], minlength=n_clusters)
            H[:, p, q] = col
            H[:, q, p] = col
    s = cluster_sums(X * y[:, None], codes, n_clusters)
    try:
        loo = np.linalg.solve(xtx[None, :, :] - H, (xty[None, :] - s)[:, :, None])
    except np.linalg.LinAlgError as exc:
        raise EstimationError.of("estimate.collinear", terms="jackknife") from exc
    dev = loo[:, :, 0] - np.linalg.solve(xtx, xty)[None, :]
    return (n_clusters - 1) / n_clusters * dev.T @ dev
