"""Small-sample inference for Callaway & Sant'Anna with few areas.

Every ATT(g, t) and every aggregate of them is, given the cohort sizes, a sum
over cohorts h (including never-treated) of cohort means of a linear function
of each unit's outcome path: ``est = sum_h mean_{i in h} z_i``. Its variance is
``sum_h var_h(z) / n_h``. The influence function ``psi`` (``did``'s analytic
standard error ``sqrt(sum psi^2) / n``) estimates ``var_h`` with divisor
``n_h`` instead of ``n_h - 1``: too small when cohorts hold two to ten areas.

Here (``vcov="cohort"``):

* ``psi`` is centred within each cohort (this also removes the part from
  estimating the cohort shares, which is constant within a cohort) and scaled
  by ``sqrt(n_h / (n_h - 1))``: the unbiased per-cohort variance, which is the
  CR2 / HC2 correction for a design of cohort means (Bell & McCaffrey 2002);
* intervals use t critical values with Welch-Satterthwaite degrees of freedom
  ``(sum v_h)^2 / sum v_h^2 / (n_h - 1)``, ``v_h`` the cohort's variance share;
* the pre-trend test (in :mod:`impact.estimate.staggered`) is the mean of the
  pre-period cells against t with these degrees of freedom.

A cohort of one area has no spread to estimate its variance from; the caller
declines then.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class CohortVcov:
    """Per-cohort variance pieces of m statistics: ``parts`` (H, m, m)."""

    parts: np.ndarray
    sizes: np.ndarray  # (H,)

    @property
    def V(self) -> np.ndarray:
        return self.parts.sum(axis=0)

    def se_df(self) -> tuple[np.ndarray, np.ndarray]:
        """Standard errors and Welch degrees of freedom per statistic."""
        v = np.einsum("hmm->hm", self.parts)  # (H, m) variance shares
        total = v.sum(axis=0)
        denom = (v**2 / (self.sizes - 1.0)[:, None]).sum(axis=0)
        with np.errstate(divide="ignore", invalid="ignore"):
            df = np.where(denom > 0, total**2 / denom, np.nan)
        return np.sqrt(total), df


def cohort_vcov(psi: np.ndarray, group: np.ndarray) -> CohortVcov:
    """Cohort-centred, n_h/(n_h-1)-scaled variance of ``psi`` (n, m) / n."""
    n = psi.shape[0]
    cohorts, codes, sizes = np.unique(group, return_inverse=True, return_counts=True)
    sums = np.zeros((len(cohorts), psi.shape[1]))
    np.add.at(sums, codes, psi)
    centred = psi - (sums / sizes[:, None])[codes]
    parts = np.empty((len(cohorts), psi.shape[1], psi.shape[1]))
    scale = np.where(sizes > 1, sizes / np.maximum(sizes - 1.0, 1.0), np.nan)
    for h in range(len(cohorts)):
        rows = centred[codes == h]
        parts[h] = scale[h] * (rows.T @ rows) / n**2
    return CohortVcov(parts, sizes.astype(np.float64))


def singleton_cohorts(group: np.ndarray) -> int:
    """How many cohorts (never-treated included) hold a single area."""
    _, sizes = np.unique(group, return_counts=True)
    return int((sizes == 1).sum())
