"""Randomization inference over clusters for a 2x2 DiD with few treated clusters.

In the spirit of Conley & Taber (2011, REStat 93(1)) and of a Fisher permutation
test: the treated status is moved over the clusters (every assignment of the
same number of treated clusters, or a random sample of them when there are
very many), the DiD of cluster-level means is recomputed for each, and the
observed estimate is compared with that distribution. The interval collects the
effects ``b0`` not rejected after subtracting ``b0`` from the treated clusters'
post-period outcomes; since the estimator is linear in the outcome, each
assignment's statistic is ``A_p - b0 * B_p`` and inversion is cheap.

Valid when, absent the effect, clusters are exchangeable (similar size and
noise). With ``P`` assignments the smallest p-value is ``1/P``: below
``1/alpha`` assignments no 95% interval exists, and the caller declines.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np

MAX_ASSIGNMENTS = 20000
BISECTION_STEPS = 34
MAX_BRACKET = 1e4


@dataclass(frozen=True, slots=True)
class PermutationResult:
    p_value: float
    ci_low: float
    ci_high: float
    assignments: int
    enumerated: bool


def count_assignments(n_clusters: int, n_treated: int) -> int:
    return math.comb(n_clusters, n_treated)


def _assignments(
    n_clusters: int, treated: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, bool]:
    """(P, G) 0/1 matrix of treated-cluster assignments; the actual one is row 0."""
    n_treated = int(treated.sum())
    actual = treated.astype(np.float64)[None, :]
    if count_assignments(n_clusters, n_treated) <= MAX_ASSIGNMENTS:
        rows = []
        for combo in itertools.combinations(range(n_clusters), n_treated):
            row = np.zeros(n_clusters)
            row[list(combo)] = 1.0
            rows.append(row)
        T = np.array(rows)
        keep = ~np.all(actual == T, axis=1)
        return np.vstack([actual, T[keep]]), True
    scores = rng.random((MAX_ASSIGNMENTS - 1, n_clusters))
    ranks = np.argsort(scores, axis=1)[:, :n_treated]
    T = np.zeros((MAX_ASSIGNMENTS - 1, n_clusters))
    np.put_along_axis(T, ranks, 1.0, axis=1)
    return np.vstack([actual, T]), False


def _did_of_means(
    T: np.ndarray, s0: np.ndarray, s1: np.ndarray, n0: np.ndarray, n1: np.ndarray
) -> np.ndarray:
    """DiD of observation-weighted means for each assignment row of ``T``."""
    C = 1.0 - T
    return (T @ s1 / (T @ n1) - T @ s0 / (T @ n0)) - (
        C @ s1 / (C @ n1) - C @ s0 / (C @ n0)
    )


def cluster_permutation(
    y: np.ndarray,
    post: np.ndarray,
    codes: np.ndarray,
    n_clusters: int,
    treated_clusters: np.ndarray,
    *,
    alpha: float = 0.05,
    seed: int | None = 20240601,
) -> PermutationResult:
    """Permutation p-value for a zero effect and the interval by inversion."""
    rng = np.random.default_rng(seed)
    n1 = np.bincount(codes, weights=post, minlength=n_clusters)
    n0 = np.bincount(codes, minlength=n_clusters) - n1
    s1 = np.bincount(codes, weights=y * post, minlength=n_clusters)
    s0 = np.bincount(codes, weights=y * (1.0 - post), minlength=n_clusters)
    d1 = n1 * treated_clusters  # sums of the actual treatment indicator
    T, enumerated = _assignments(n_clusters, treated_clusters, rng)
    A = _did_of_means(T, s0, s1, n0, n1)
    B = _did_of_means(T, np.zeros(n_clusters), d1, n0, n1)
    observed = float(A[0])

    def p_value(b0: float) -> float:
        stats = np.abs(A - b0 * B)
        return float(np.mean(stats >= abs(observed - b0) * (1.0 - 1e-12)))

    scale = float(np.std(A)) or 1.0

    def bound(side: float) -> float:
        inside, step = observed, scale
        outside = observed + side * step
        while p_value(outside) > alpha:
            inside, step = outside, step * 2.0
            if step > MAX_BRACKET * scale:
                return side * np.inf
            outside = observed + side * step
        for _ in range(BISECTION_STEPS):
            mid = 0.5 * (inside + outside)
            if p_value(mid) > alpha:
                inside = mid
            else:
                outside = mid
        return 0.5 * (inside + outside)

    return PermutationResult(
        p_value=p_value(0.0),
        ci_low=bound(-1.0),
        ci_high=bound(1.0),
        assignments=T.shape[0],
        enumerated=enumerated,
    )
