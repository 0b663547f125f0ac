"""Vectorised random-effects arithmetic behind :mod:`impact.estimate.meta`.

Every function takes effects ``y`` and sampling variances ``v`` of shape
``(..., k)`` and works along the last axis, so a simulation pools thousands of
meta-analyses in one call. Formulas follow metafor's ``rma.uni`` (Viechtbauer
2010, J. Stat. Software 36(3)) for an intercept-only model:

* DerSimonian-Laird: tau2 = max(0, (Q - (k-1)) / (sum w - sum w^2 / sum w)),
  w = 1/v (DerSimonian & Laird 1986);
* Paule-Mandel: the tau2 >= 0 at which the generalised Q,
  sum w_i(tau2) (y_i - mu(tau2))^2, equals k - 1 (Paule & Mandel 1982), found by
  bisection (the generalised Q falls monotonically in tau2);
* REML: Fisher scoring on the restricted likelihood from the DL value,
  tau2 <- max(0, tau2 + (y'PPy - tr P) / tr(PP)), P = W - w w' / sum w;
* I^2 = 100 tau2 / (tau2 + s2), s2 = (k-1) sum w / ((sum w)^2 - sum w^2)
  (Higgins & Thompson 2002, the "typical" within-study variance, as metafor);
* HKSJ: SE^2 = sum w*_i (y_i - mu)^2 / ((k-1) sum w*_i), t(k-1) (Hartung &
  Knapp 2001; Sidik & Jonkman 2002), not truncated at the Wald SE (metafor
  ``test="knha"``);
* prediction interval mu +- crit sqrt(tau2 + SE^2), crit from t(k-1) with HKSJ
  and the normal otherwise (metafor ``predict``).
"""

from __future__ import annotations

import numpy as np
from scipy import stats

#: convergence of the iterative tau2 estimators (absolute, on tau2)
TOL = 1e-12
MAX_ITER = 200


def fixed(y: np.ndarray, v: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Inverse-variance (common-effect) mean and Cochran's Q."""
    w = 1.0 / v
    mu = (w * y).sum(-1) / w.sum(-1)
    q = (w * (y - mu[..., None]) ** 2).sum(-1)
    return mu, q


def tau2_dl(y: np.ndarray, v: np.ndarray) -> np.ndarray:
    w = 1.0 / v
    k = y.shape[-1]
    _mu, q = fixed(y, v)
    c = w.sum(-1) - (w**2).sum(-1) / w.sum(-1)
    return np.maximum(0.0, (q - (k - 1)) / c)


def _generalised_q(y: np.ndarray, v: np.ndarray, tau2: np.ndarray) -> np.ndarray:
    w = 1.0 / (v + tau2[..., None])
    mu = (w * y).sum(-1) / w.sum(-1)
    return (w * (y - mu[..., None]) ** 2).sum(-1)


def tau2_pm(y: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Paule-Mandel by bisection; 0 where the Q at tau2 = 0 is below k - 1."""
    k = y.shape[-1]
    spread = ((y - y.mean(-1, keepdims=True)) ** 2).sum(-1)
    lo = np.zeros(y.shape[:-1])
    # Q(tau2) <= sum (y - ybar)^2 / (tau2 + min v) < k - 1 at this bound
    hi = spread / max(k - 1, 1) + 1e-12
    for _ in range(MAX_ITER):
        mid = 0.5 * (lo + hi)
        above = _generalised_q(y, v, mid) > k - 1
        lo = np.where(above, mid, lo)
        hi = np.where(above, hi, mid)
        if np.all(hi - lo < TOL):
            break
    at_zero = _generalised_q(y, v, np.zeros_like(lo)) <= k - 1
    return np.where(at_zero, 0.0, 0.5 * (lo + hi))


def tau2_reml(y: np.ndarray, v: np.ndarray) -> np.ndarray:
    """REML by Fisher scoring (start: DL), clamped at zero like metafor."""
    tau2 = tau2_dl(y, v)
    for _ in range(MAX_ITER):
        w = 1.0 / (v + tau2[..., None])
        sw = w.sum(-1)
        mu = (w * y).sum(-1) / sw
        ypppy = (w**2 * (y - mu[..., None]) ** 2).sum(-1)
        tr_p = sw - (w**2).sum(-1) / sw
        tr_pp = (w**2).sum(-1) - 2 * (w**3).sum(-1) / sw + ((w**2).sum(-1) / sw) ** 2
        new = np.maximum(0.0, tau2 + (ypppy - tr_p) / tr_pp)
        done = np.all(np.abs(new - tau2) < TOL)
        tau2 = new
        if done:
            break
    return tau2


TAU2 = {"DL": tau2_dl, "PM": tau2_pm, "REML": tau2_reml}


def i_squared(v: np.ndarray, tau2: np.ndarray) -> np.ndarray:
    """Percent of total variability due to heterogeneity (metafor's I^2)."""
    w = 1.0 / v
    k = v.shape[-1]
    s2 = (k - 1) * w.sum(-1) / (w.sum(-1) ** 2 - (w**2).sum(-1))
    with np.errstate(invalid="ignore", divide="ignore"):
        return 100.0 * tau2 / (tau2 + s2)


def pool(
    y: np.ndarray, v: np.ndarray, tau2: np.ndarray, ci: str, alpha: float = 0.05
) -> dict[str, np.ndarray]:
    """Random-effects mean, its SE (Wald or HKSJ), interval and prediction interval."""
    k = y.shape[-1]
    w = 1.0 / (v + tau2[..., None])
    sw = w.sum(-1)
    mu = (w * y).sum(-1) / sw
    se_wald = np.sqrt(1.0 / sw)
    if ci == "hksj":
        df = k - 1
        with np.errstate(invalid="ignore", divide="ignore"):
            se = np.sqrt((w * (y - mu[..., None]) ** 2).sum(-1) / (df * sw))
        crit = stats.t.ppf(1 - alpha / 2, df) if df > 0 else np.nan
        p_dist = stats.t(df) if df > 0 else None
    else:
        se = se_wald
        crit = stats.norm.ppf(1 - alpha / 2)
        p_dist = stats.norm
    with np.errstate(invalid="ignore", divide="ignore"):
        stat = mu / se
    p = 2 * p_dist.sf(np.abs(stat)) if p_dist is not None else np.full_like(mu, np.nan)
    half_pi = crit * np.sqrt(tau2 + se**2)
    return {
        "estimate": mu,
        "std_error": se,
        "se_wald": se_wald,
        "statistic": stat,
        "p_value": p,
        "ci_low": mu - crit * se,
        "ci_high": mu + crit * se,
        "pi_low": mu - half_pi,
        "pi_high": mu + half_pi,
    }
