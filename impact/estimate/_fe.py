"""Two-way fixed effects on arrays: within transformation and degrees of freedom.

A balanced panel (every unit once in every period) is demeaned exactly in one
pass: ``x - mean_unit - mean_time + mean_all``. Otherwise alternating
projections (Gaure 2013, "OLS with multiple high dimensional category
variables") sweep unit and time means until the largest change is below
``TOL``. Never is a dummy matrix built: 50k units x 8 periods is 400k rows and
a handful of ``bincount`` calls per sweep.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.errors import DataError, EstimationError
from impact.estimate._checks import as_float, codes_of, require_columns

TOL = 1e-10
MAX_SWEEPS = 10_000


@dataclass(frozen=True, slots=True)
class Panel:
    """Rows of a unit x time panel: codes 0..N-1 and 0..T-1, clusters 0..G-1."""

    y: np.ndarray
    unit: np.ndarray
    time: np.ndarray
    time_values: np.ndarray
    cluster: np.ndarray
    n_units: int
    n_times: int
    n_clusters: int
    balanced: bool
    mask: np.ndarray | None


def load_panel(
    data: pd.DataFrame,
    outcome: str,
    unit: str,
    time: str,
    cluster: str | None,
    extra: tuple[str, ...] = (),
) -> Panel:
    """Check and code a panel; rows with a missing outcome are left out."""
    require_columns(data, [outcome, unit, time, cluster, *extra])
    y = as_float(data, outcome)
    times = _time_values(data, time)
    if np.isnan(times).any():
        raise DataError.of("estimate.panel.time_missing", column=time)
    unit_codes, _ = codes_of(data, unit)
    cl_codes, _ = codes_of(data, cluster) if cluster else (unit_codes, 0)
    keep = ~np.isnan(y) & (unit_codes >= 0) & (cl_codes >= 0)
    mask = None if keep.all() else keep
    if mask is not None:
        y, times = y[mask], times[mask]
        unit_codes, cl_codes = unit_codes[mask], cl_codes[mask]
    unit_codes, n_units = _recode(unit_codes)
    time_values, time_codes = np.unique(times, return_inverse=True)
    cl_codes, n_clusters = _recode(cl_codes)
    n_times = len(time_values)
    cell = np.bincount(unit_codes * n_times + time_codes, minlength=n_units * n_times)
    if cell.max() > 1:
        raise DataError.of("estimate.panel.duplicates", unit=unit, time=time)
    balanced = bool(cell.min() == 1)
    return Panel(
        y,
        unit_codes,
        time_codes.astype(np.int64),
        time_values,
        cl_codes,
        n_units,
        n_times,
        n_clusters,
        balanced,
        mask,
    )


def _time_values(data: pd.DataFrame, time: str) -> np.ndarray:
    """Numeric periods as they are; text periods as their sorted order 0, 1, ..."""
    if pd.api.types.is_numeric_dtype(data[time].dtype):
        return as_float(data, time)
    codes, _ = pd.factorize(data[time], sort=True)
    return np.where(codes < 0, np.nan, codes).astype(np.float64)


def _recode(codes: np.ndarray) -> tuple[np.ndarray, int]:
    used = np.bincount(codes) > 0
    return (np.cumsum(used) - 1)[codes], int(used.sum())


def _means(
    values: np.ndarray, codes: np.ndarray, size: int, counts: np.ndarray
) -> np.ndarray:
    return np.bincount(codes, weights=values, minlength=size) / counts


def demean(panel: Panel, columns: np.ndarray) -> np.ndarray:
    """Within-transform each column of ``columns`` (n, m) by unit and time."""
    out = np.array(columns, dtype=np.float64, copy=True)
    n_u = np.bincount(panel.unit, minlength=panel.n_units).astype(np.float64)
    n_t = np.bincount(panel.time, minlength=panel.n_times).astype(np.float64)
    for j in range(out.shape[1]):
        x = out[:, j]
        if panel.balanced:
            mu = _means(x, panel.unit, panel.n_units, n_u)
            mt = _means(x, panel.time, panel.n_times, n_t)
            out[:, j] = x - mu[panel.unit] - mt[panel.time] + x.mean()
        else:
            out[:, j] = _sweep(x, panel, n_u, n_t)
    return out


def _sweep(x: np.ndarray, panel: Panel, n_u: np.ndarray, n_t: np.ndarray) -> np.ndarray:
    x = x.copy()
    scale = max(float(np.abs(x).max()), 1.0)
    for _ in range(MAX_SWEEPS):
        x -= _means(x, panel.unit, panel.n_units, n_u)[panel.unit]
        shift = _means(x, panel.time, panel.n_times, n_t)
        x -= shift[panel.time]
        if np.abs(shift).max() < TOL * scale:
            return x
    raise EstimationError.of("estimate.panel.no_convergence")


def _nested(fe: np.ndarray, n_fe: int, cluster: np.ndarray) -> bool:
    """True when every level of ``fe`` lies inside a single cluster (O(n))."""
    owner = np.empty(n_fe, dtype=np.int64)
    owner[fe] = cluster  # any one cluster of each level
    return bool(np.all(owner[fe] == cluster))


def fe_dof(panel: Panel, k: int, clustered: bool) -> int:
    """Parameters counted in the small-sample factor (fixest ``fixef.K='nested'``).

    All fixed effects count as ``N + T - 1``; when clustering, those of a fixed
    effect nested in the clusters are dropped and one is added back per fully
    nested dimension (pyfixest ``get_ssc``; statsmodels counts every dummy).
    """
    k_fe = panel.n_units + panel.n_times - 1
    if not clustered:
        return k + k_fe
    for fe, size in ((panel.unit, panel.n_units), (panel.time, panel.n_times)):
        if _nested(fe, size, panel.cluster):
            k_fe -= size - 1
    return k + k_fe
