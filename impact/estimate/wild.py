"""Restricted wild cluster bootstrap (WCR) with confidence intervals by test inversion.

The algorithm follows Roodman, MacKinnon, Nielsen & Webb (2019), "Fast and wild:
bootstrap inference in Stata using boottest", Stata Journal 19(1). For the null
``beta_j = b0`` the restricted residuals are linear in ``b0``
(``u(b0) = u0 - b0 * u1``), so every bootstrap t statistic is a ratio of a
linear and the square root of a quadratic function of ``b0``:

* ``S`` (k, G): per-cluster score sums ``X_g' u_g``;
* ``w = S' a_j`` (G,): the bootstrap numerator is ``w' v``;
* ``M = diag(w) - C' S`` (G, G) with ``c_h = A X_h'X_h a_j``: the bootstrap
  cluster scores of coefficient j are ``M v``.

After one pass over the data (k + k(k+1)/2 ``bincount`` calls) all work is on
(G, B) arrays, and the p-value for any ``b0`` costs O(B). The interval is the
set of ``b0`` whose p-value exceeds alpha, found by bisection on each side.

Weights: Rademacher (all 2^G sign vectors when that is no more than the number
of draws requested, so the p-value is exact) or Webb's six-point distribution
(Webb 2023, Canadian J. Economics 56(3)) when clusters are very few.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Literal

import numpy as np

from impact.estimate._linalg import cluster_sums, cr1_factor

Weights = Literal["rademacher", "webb"]
WEBB_POINTS = np.array(
    [-np.sqrt(1.5), -1.0, -np.sqrt(0.5), np.sqrt(0.5), 1.0, np.sqrt(1.5)]
)
#: largest bracket searched for an interval end, in CR1 standard errors
MAX_BRACKET_SE = 1e4
BISECTION_STEPS = 34
DRAW_CHUNK = 4096


@dataclass(frozen=True, slots=True)
class WildResult:
    """p-value for ``beta_j = 0``, interval ends (inf when unbounded), draws used."""

    p_value: float
    ci_low: float
    ci_high: float
    draws: int
    weights: Weights
    enumerated: bool


def draw_weights(
    n_clusters: int, draws: int, weights: Weights, rng: np.random.Generator
) -> tuple[np.ndarray, bool]:
    """(G, B) bootstrap weights; all Rademacher sign vectors when feasible."""
    if weights == "rademacher" and 2**n_clusters <= draws:
        signs = np.array(list(itertools.product((1.0, -1.0), repeat=n_clusters)))
        return signs.T.copy(), True
    if weights == "rademacher":
        return rng.choice(np.array([-1.0, 1.0]), size=(n_clusters, draws)), False
    return rng.choice(WEBB_POINTS, size=(n_clusters, draws)), False


class _Inverter:
    """Bootstrap t statistics as functions of the null value ``b0``."""

    def __init__(
        self,
        X: np.ndarray,
        y: np.ndarray,
        codes: np.ndarray,
        n_clusters: int,
        j: int,
        df_k: int,
        V: np.ndarray,
    ) -> None:
        n, k = X.shape
        self.factor = cr1_factor(n, df_k, n_clusters)
        A = np.linalg.inv(X.T @ X)
        a_j = A[j]
        others = [c for c in range(k) if c != j]
        u0, u1 = _restricted_residuals(X, y, j, others)
        S0 = cluster_sums(X * u0[:, None], codes, n_clusters).T  # (k, G)
        S1 = cluster_sums(X * u1[:, None], codes, n_clusters).T
        H = _cluster_cross_products(X, codes, n_clusters)  # (G, k, k)
        C = np.einsum("pq,gqr,r->gp", A, H, a_j)  # rows c_h = A H_h a_j
        w0, w1 = S0.T @ a_j, S1.T @ a_j
        M0 = np.diag(w0) - C @ S0
        M1 = np.diag(w1) - C @ S1
        self.n0, self.n1 = w0 @ V, w1 @ V
        self.q00 = np.zeros(V.shape[1])
        self.q01 = np.zeros(V.shape[1])
        self.q11 = np.zeros(V.shape[1])
        for start in range(0, V.shape[1], DRAW_CHUNK):
            block = V[:, start : start + DRAW_CHUNK]
            P0, P1 = M0 @ block, M1 @ block
            sl = slice(start, start + block.shape[1])
            self.q00[sl] = np.einsum("gb,gb->b", P0, P0)
            self.q01[sl] = np.einsum("gb,gb->b", P0, P1)
            self.q11[sl] = np.einsum("gb,gb->b", P1, P1)
        fit_beta = A @ (X.T @ y)
        resid = y - X @ fit_beta
        scores = cluster_sums(X * resid[:, None], codes, n_clusters) @ a_j
        self.beta = float(fit_beta[j])
        self.se = float(np.sqrt(self.factor * (scores @ scores)))

    def p_value(self, b0: float) -> float:
        observed = abs((self.beta - b0) / self.se)
        num = self.n0 - b0 * self.n1
        den2 = self.factor * (self.q00 - 2.0 * b0 * self.q01 + b0 * b0 * self.q11)
        with np.errstate(divide="ignore", invalid="ignore"):
            stars = np.abs(num) / np.sqrt(np.maximum(den2, 0.0))
        stars = np.where(np.isnan(stars), 0.0, stars)
        return float(np.mean(stars >= observed * (1.0 - 1e-12)))

    def bound(self, side: float, alpha: float) -> float:
        """The interval end on one side (+1 upper, -1 lower); inf if unbounded."""
        inside, step = self.beta, self.se
        outside = self.beta + side * step
        while self.p_value(outside) > alpha:
            inside, step = outside, step * 2.0
            if step > MAX_BRACKET_SE * self.se:
                return side * np.inf
            outside = self.beta + side * step
        for _ in range(BISECTION_STEPS):
            mid = 0.5 * (inside + outside)
            if self.p_value(mid) > alpha:
                inside = mid
            else:
                outside = mid
        return 0.5 * (inside + outside)


def _restricted_residuals(
    X: np.ndarray, y: np.ndarray, j: int, others: list[int]
) -> tuple[np.ndarray, np.ndarray]:
    """u0 = M y and u1 = M x_j, with M the annihilator of the other columns."""
    if not others:
        return y.copy(), X[:, j].copy()
    Z = X[:, others]
    ZtZ_inv = np.linalg.inv(Z.T @ Z)
    u0 = y - Z @ (ZtZ_inv @ (Z.T @ y))
    u1 = X[:, j] - Z @ (ZtZ_inv @ (Z.T @ X[:, j]))
    return u0, u1


def _cluster_cross_products(
    X: np.ndarray, codes: np.ndarray, n_clusters: int
) -> np.ndarray:
    """(G, k, k) array of X_g' X_g from k(k+1)/2 bincounts."""
    k = X.shape[1]
    H = np.empty((n_clusters, k, k))
    for p in range(k):
        for q in range(p, k):
            col = np.bincount(codes, weights=X[:, p] * X[:, q], minlength=n_clusters)
            H[:, p, q] = col
            H[:, q, p] = col
    return H


def wild_cluster_bootstrap(
    X: np.ndarray,
    y: np.ndarray,
    codes: np.ndarray,
    n_clusters: int,
    j: int,
    *,
    df_k: int,
    draws: int = 9999,
    weights: Weights = "rademacher",
    alpha: float = 0.05,
    seed: int | None = 20240601,
) -> WildResult:
    """WCR p-value for ``beta_j = 0`` and the (1 - alpha) interval by inversion."""
    rng = np.random.default_rng(seed)
    V, enumerated = draw_weights(n_clusters, draws, weights, rng)
    inv = _Inverter(X, y, codes, n_clusters, j, df_k, V)
    return WildResult(
        p_value=inv.p_value(0.0),
        ci_low=inv.bound(-1.0, alpha),
        ci_high=inv.bound(1.0, alpha),
        draws=V.shape[1],
        weights=weights,
        enumerated=enumerated,
    )
