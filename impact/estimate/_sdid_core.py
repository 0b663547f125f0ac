"""Synthetic DiD weights and estimates on a (units x periods) matrix.

A port of the R package ``synthdid`` (Arkhangelsky, Athey, Hirshberg, Imbens &
Wager 2021, AER 111(12); github.com/synth-inference/synthdid, ``R/solver.R`` and
``R/synthdid.R``), without covariates. Rows 0..N0-1 of ``Y`` are the comparison
units, columns 0..T0-1 the periods before the start.

* unit weights ``omega``: Frank-Wolfe on the simplex for
  ``|A w - b|^2 / N + zeta^2 |w|^2`` (``sc.weight.fw``), first 100 iterations,
  then sparsified (weights below a quarter of the largest set to 0) and solved
  again, as ``synthdid_estimate``'s defaults;
* ridge ``zeta_omega = (N1 T1)^(1/4) sigma`` with ``sigma`` the standard
  deviation of the comparison units' first differences before the start;
  ``zeta_lambda = 1e-6 sigma``;
* estimate ``[-omega, 1/N1] Y [-lambda, 1/T1]'``.

Synthetic control: lambda = 0, no intercept for omega, ``eta_omega = 1e-6``;
DiD: uniform weights.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

Kind = Literal["sdid", "sc", "did"]
MAX_ITER = 10_000
MAX_ITER_PRE_SPARSIFY = 100


@dataclass(frozen=True, slots=True)
class Fit:
    """Estimate and weights; ``omega`` (N0,), ``lam`` (T0,)."""

    estimate: float
    omega: np.ndarray
    lam: np.ndarray


@dataclass(frozen=True, slots=True)
class Options:
    """Regularisation; arrays (R,) when a batch holds different data sets."""

    kind: Kind
    zeta_omega: float | np.ndarray
    zeta_lambda: float | np.ndarray
    min_decrease: float | np.ndarray


def options(Y: np.ndarray, n0: int, t0: int, kind: Kind) -> Options:
    """Regularisation as the R defaults (noise level from Y's comparison rows)."""
    o = options_many(Y[None], n0, t0, kind)
    first = [float(np.asarray(v)[0]) for v in (o.zeta_omega, o.zeta_lambda)]
    return Options(kind, first[0], first[1], float(np.asarray(o.min_decrease)[0]))


def options_many(Y: np.ndarray, n0: int, t0: int, kind: Kind) -> Options:
    """:func:`options` for a batch Y (R, N, T): arrays (R,)."""
    n1, t1 = Y.shape[1] - n0, Y.shape[2] - t0
    diffs = np.diff(Y[:, :n0, :t0], axis=2).reshape(Y.shape[0], -1)
    noise = diffs.std(axis=1, ddof=1) if diffs.shape[1] > 1 else np.zeros(len(Y))
    eta_omega = 1e-6 if kind == "sc" else (n1 * t1) ** 0.25
    return Options(kind, eta_omega * noise, 1e-6 * noise, 1e-5 * noise)


@dataclass(slots=True)
class _State:
    """Frank-Wolfe state of a batch in Gram form: everything is (R, k) or (R,)."""

    x: np.ndarray
    Gx: np.ndarray  # G x with G = A'A
    q: np.ndarray  # x'Gx
    cx: np.ndarray  # c'x with c = A'b
    xx: np.ndarray  # x'x

    def take(self, keep: np.ndarray) -> _State:
        return _State(*(a[keep] for a in (self.x, self.Gx, self.q, self.cx, self.xx)))


def _fw_step(G: np.ndarray, c: np.ndarray, s: _State, eta: np.ndarray) -> _State:
    """One exact-line-search step of ``fw.step`` towards vertex ``i``:
    ``|A x - b|^2 + eta |x|^2`` written with G = A'A and c = A'b, so a step
    costs O(k) per problem instead of O(n k)."""
    rows = np.arange(s.x.shape[0])
    half_grad = s.Gx - c + eta[:, None] * s.x
    i = np.argmin(half_grad, axis=1)
    xi, Gxi, Gii = s.x[rows, i], s.Gx[rows, i], G[rows, i, i]
    num = (half_grad * s.x).sum(axis=1) - half_grad[rows, i]
    den = Gii - 2.0 * Gxi + s.q + eta * (1.0 - 2.0 * xi + s.xx)
    with np.errstate(divide="ignore", invalid="ignore"):
        step = np.clip(np.where(den > 0, num / den, 0.0), 0.0, 1.0)
    keep, st = 1.0 - step, step[:, None]
    x = keep[:, None] * s.x
    x[rows, i] += step
    return _State(
        x,
        keep[:, None] * s.Gx + st * G[rows, :, i],
        keep**2 * s.q + 2 * step * keep * Gxi + step**2 * Gii,
        keep * s.cx + step * c[rows, i],
        keep**2 * s.xx + 2 * step * keep * xi + step**2,
    )


def _fw(
    Y: np.ndarray,
    zeta: float | np.ndarray,
    intercept: bool,
    start: np.ndarray | None,
    min_decrease: float | np.ndarray,
    max_iter: int,
) -> np.ndarray:
    """``sc.weight.fw`` for a batch Y (R, n, k+1): weights on the first k columns
    that reproduce the last; each problem stops by R's rule on its own (the
    batch shrinks to the problems still running)."""
    batch, n, k = Y.shape[0], Y.shape[1], Y.shape[2] - 1
    out = np.full((batch, k), 1.0 / k) if start is None else start.astype(np.float64)
    if intercept:
        Y = Y - Y.mean(axis=1, keepdims=True)
    A, b = Y[:, :, :k], Y[:, :, k]
    G = A.transpose(0, 2, 1) @ A
    c = (b[:, None, :] @ A)[:, 0, :]
    bb = (b * b).sum(axis=1)
    x = out.copy()
    Gx = (G @ x[:, :, None])[:, :, 0]
    s = _State(x, Gx, (x * Gx).sum(axis=1), (c * x).sum(axis=1), (x * x).sum(axis=1))
    idx = np.arange(batch)
    z2 = np.broadcast_to(np.asarray(zeta, dtype=np.float64) ** 2, (batch,)).copy()
    tol = np.broadcast_to(np.asarray(min_decrease, dtype=np.float64) ** 2, (batch,))
    tol = tol.copy()
    prev = np.full(batch, np.inf)
    cur = np.full(batch, np.inf)
    for it in range(max_iter):
        if it >= 2:
            active = prev - cur > tol
            if not active.all():
                out[idx[~active]] = s.x[~active]
                idx, s = idx[active], s.take(active)
                G, c, bb = G[active], c[active], bb[active]
                z2, tol = z2[active], tol[active]
                prev, cur = prev[active], cur[active]
                if not idx.size:
                    return out
        s = _fw_step(G, c, s, n * z2)
        prev, cur = cur, z2 * s.xx + (s.q - 2.0 * s.cx + bb) / n
    out[idx] = s.x
    return out


def _sparsify(v: np.ndarray) -> np.ndarray:
    v = np.where(v <= v.max(axis=1, keepdims=True) / 4.0, 0.0, v)
    return v / v.sum(axis=1, keepdims=True)


def _solve(
    Y: np.ndarray,
    zeta: float | np.ndarray,
    intercept: bool,
    start: np.ndarray | None,
    o: Options,
) -> np.ndarray:
    x = _fw(Y, zeta, intercept, start, o.min_decrease, MAX_ITER_PRE_SPARSIFY)
    return _fw(Y, zeta, intercept, _sparsify(x), o.min_decrease, MAX_ITER)


def collapsed(Y: np.ndarray, n0: int, t0: int) -> np.ndarray:
    """(R, N0+1, T0+1): treated rows and post columns averaged (``collapsed.form``)."""
    top = np.concatenate(
        [Y[:, :n0, :t0], Y[:, :n0, t0:].mean(axis=2, keepdims=True)], axis=2
    )
    bottom = np.concatenate(
        [Y[:, n0:, :t0].mean(axis=1), Y[:, n0:, t0:].mean(axis=(1, 2))[:, None]],
        axis=1,
    )
    return np.concatenate([top, bottom[:, None, :]], axis=1)


def fit_many(
    Y: np.ndarray, n0: int, t0: int, o: Options, omega: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Estimates (R,), omegas (R, N0), lambdas (R, T0) for a batch Y (R, N, T);
    ``omega`` (R, N0) starts the unit-weight search."""
    batch, n, t = Y.shape
    n1, t1 = n - n0, t - t0
    Yc = collapsed(Y, n0, t0)
    if o.kind == "did":
        lam, om = np.full((batch, t0), 1.0 / t0), np.full((batch, n0), 1.0 / n0)
    else:
        if o.kind == "sc":
            lam = np.zeros((batch, t0))
        else:
            lam = _solve(Yc[:, :n0, :], o.zeta_lambda, True, None, o)
        rows = np.ascontiguousarray(Yc[:, :, :t0].transpose(0, 2, 1))
        om = _solve(rows, o.zeta_omega, o.kind == "sdid", omega, o)
    left = np.concatenate([-om, np.full((batch, n1), 1.0 / n1)], axis=1)
    right = np.concatenate([-lam, np.full((batch, t1), 1.0 / t1)], axis=1)
    est = np.einsum("rn,rnt,rt->r", left, Y, right)
    return est, om, lam


def fit(Y: np.ndarray, n0: int, t0: int, o: Options) -> Fit:
    """One estimate with its weights."""
    est, om, lam = fit_many(Y[None], n0, t0, o)
    return Fit(float(est[0]), om[0], lam[0])


def normalise(w: np.ndarray) -> np.ndarray:
    """``sum_normalize``: w / sum(w), uniform when all are zero."""
    total = w.sum()
    return w / total if total != 0 else np.full(w.size, 1.0 / w.size)


def synthetic_path(Y: np.ndarray, n0: int, f: Fit) -> tuple[np.ndarray, np.ndarray]:
    """(treated mean, synthetic twin) per period; the twin is shifted by the
    weighted pre-period gap (SDID intercept; zero for synthetic control)."""
    treated = Y[n0:].mean(axis=0)
    twin = f.omega @ Y[:n0]
    t0 = f.lam.size
    shift = float(f.lam @ (treated[:t0] - twin[:t0])) if f.lam.any() else 0.0
    return treated, twin + shift


def placebo_se_many(
    Y: np.ndarray,
    n0: int,
    t0: int,
    o: Options,
    omega: np.ndarray,
    reps: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Algorithm 4 for a batch Y (R, N, T) with options ``o`` (arrays (R,)) and
    fitted ``omega`` (R, N0): in each of ``reps`` replications the last N1 of a
    random order of the comparison units play the treated ones. (R,) SEs."""
    batch = Y.shape[0]
    n1 = Y.shape[1] - n0
    m0 = n0 - n1
    perms = np.argsort(rng.random((batch, reps, n0)), axis=2)
    rows = np.arange(batch)[:, None, None]
    Ys = Y[rows, perms].reshape(batch * reps, n0, Y.shape[2])
    picked = np.take_along_axis(omega[:, None, :], perms[:, :, :m0], axis=2)
    total = picked.sum(axis=2, keepdims=True)
    starts = np.where(total > 0, picked / np.where(total > 0, total, 1.0), 1.0 / m0)
    rep = Options(
        o.kind,
        *(
            np.repeat(np.broadcast_to(np.asarray(v, dtype=np.float64), (batch,)), reps)
            for v in (o.zeta_omega, o.zeta_lambda, o.min_decrease)
        ),
    )
    est, _, _ = fit_many(Ys, m0, t0, rep, starts.reshape(batch * reps, m0))
    est = est.reshape(batch, reps)
    return np.sqrt((reps - 1) / reps) * est.std(axis=1, ddof=1)
