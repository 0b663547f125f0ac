"""Restricted wild cluster bootstrap of a Wald test (joint pre-trend test).

With few clusters the CR1 Wald test of q leads against F(q, G-1) rejects far
too often: the q x q cluster-robust matrix is estimated from G cluster scores
and is nearly singular when q is not small next to G. The bootstrap keeps the
statistic but takes its null distribution from the data (Cameron, Gelbach &
Miller 2008, section IV; MacKinnon & Webb 2017): fit the model without the
leads (the null imposed), draw y* = fitted + v_g * residual with one weight
v_g per cluster, refit the full model and recompute the CR1 Wald statistic.
The p-value is the share of bootstrap statistics at least as large as the
observed one. All draws are computed at once on (n, B) arrays.
"""

from __future__ import annotations

import numpy as np

from impact.estimate._linalg import cr1_factor
from impact.estimate.wild import Weights, draw_weights

DRAWS = 999
DRAW_CHUNK = 250


def _wald(beta: np.ndarray, V: np.ndarray) -> np.ndarray:
    """beta (B, q), V (B, q, q) -> (B,) statistics b' V^-1 b (inf if singular)."""
    try:
        sol = np.linalg.solve(V, beta[:, :, None])[:, :, 0]
    except np.linalg.LinAlgError:
        sol = np.einsum("bqr,br->bq", np.linalg.pinv(V), beta)
    return np.einsum("bq,bq->b", beta, sol)


def _cr1_leads(
    X: np.ndarray,
    A: np.ndarray,
    E: np.ndarray,
    C: np.ndarray,
    leads: list[int],
    factor: float,
) -> np.ndarray:
    """CR1 matrices of the lead coefficients for residual columns E (n, B)."""
    scores = np.einsum("gn,nk,nb->gkb", C, X, E)  # cluster scores (G, k, B)
    M = np.einsum("qk,gkb->qgb", A[leads], scores)
    return factor * np.einsum("qgb,rgb->bqr", M, M)


def wild_wald(
    X: np.ndarray,
    y: np.ndarray,
    codes: np.ndarray,
    n_clusters: int,
    leads: list[int],
    *,
    df_k: int,
    weights: Weights,
    draws: int = DRAWS,
    seed: int | None = 20240601,
) -> tuple[float, float]:
    """(observed Wald statistic / q, bootstrap p-value) for beta[leads] = 0."""
    n, k = X.shape
    A = np.linalg.inv(X.T @ X)
    factor = cr1_factor(n, df_k, n_clusters)
    C = (codes[None, :] == np.arange(n_clusters)[:, None]).astype(np.float64)
    beta = A @ (X.T @ y)
    resid = y - X @ beta
    observed = float(
        _wald(beta[leads][None], _cr1_leads(X, A, resid[:, None], C, leads, factor))[0]
    )
    others = [j for j in range(k) if j not in leads]
    Xr = X[:, others]
    fitted = Xr @ np.linalg.lstsq(Xr, y, rcond=None)[0] if others else np.zeros(n)
    u = y - fitted
    V, _ = draw_weights(n_clusters, draws, weights, np.random.default_rng(seed))
    stars = []
    for start in range(0, V.shape[1], DRAW_CHUNK):
        v = V[codes, start : start + DRAW_CHUNK]  # (n, b)
        Ys = fitted[:, None] + u[:, None] * v
        B = A @ (X.T @ Ys)
        E = Ys - X @ B
        stars.append(_wald(B[leads].T, _cr1_leads(X, A, E, C, leads, factor)))
    star = np.concatenate(stars)
    p = float(np.mean(star >= observed * (1.0 - 1e-12)))
    return observed / len(leads), p
