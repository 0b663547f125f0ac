"""Event study: TWFE with leads and lags relative to each unit's first treated period.

``y_it = a_i + l_t + sum_{k != ref} b_k 1[t - g_i = k] + e_it`` where ``g_i`` is
the first treated period (never-treated units: 0 or missing, all dummies 0).
The reference period (default -1, the last period before treatment) is
reported with estimate 0 and no standard error. The joint pre-trend test is a
Wald test that all leads (k < 0, k != ref) are zero, F(q, G-1) with CR1; with
fewer than ``MIN_CLUSTERS_CR1`` clusters its p-value comes from the restricted
wild cluster bootstrap of the same statistic (:mod:`impact.estimate._wald_boot`),
as the F reference rejects far too often there.

Without never-treated units the full set of relative-period dummies is
collinear with the time effects; the earliest lead is then dropped as a second
reference (and said so in ``warnings``). With staggered timing and
heterogeneous effects, prefer :func:`staggered` (Sun & Abraham 2021).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from impact.codes import Coded
from impact.errors import DataError, check_option
from impact.estimate._checks import as_float, need
from impact.estimate._fe import Panel, demean, load_panel
from impact.estimate._results import ResultMixin
from impact.estimate._wald_boot import wild_wald
from impact.estimate.inference import (
    FEW_CLUSTERS_WEBB,
    MIN_CLUSTERS_CR1,
    VCOV_OPTIONS,
    Method,
    Vcov,
)
from impact.estimate.twfe import fe_fit, treated_design
from impact.estimate.wild import Weights


@dataclass(frozen=True, slots=True)
class EventStudyResult(ResultMixin):
    """Leads and lags; ``coefficients`` is indexed by relative period (int).

    ``pretrend_p`` is the p-value of the joint test that all leads are zero
    (NaN when there are no leads besides the reference).
    """

    coefficients: pd.DataFrame
    reference: int
    pretrend_stat: float
    pretrend_p: float
    pretrend_df: int
    vcov: Method
    vcov_reason: Coded
    n_obs: int
    n_units: int
    n_clusters: int
    n_treated_clusters: int
    warnings: tuple[Coded, ...]
    table: pd.DataFrame = field(repr=False)
    #: ``f``: CR1 Wald against F(q, G-1); ``wild``: restricted wild bootstrap
    pretrend_method: str = "f"

    @property
    def method(self) -> str:
        return self.vcov

    @property
    def reason_code(self) -> str:
        return self.vcov_reason.code

    # no single headline effect: the coefficients per event time are in tidy()
    estimate = std_error = ci_low = ci_high = p_value = float("nan")

    def _title(self) -> Coded:
        return Coded.of("estimate.event.title")

    def _summary_lines(self) -> list[tuple[Coded | str, object]]:
        return [
            (Coded.of("estimate.event.reference"), self.reference),
            (Coded.of("estimate.event.pretrend"), f"{self.pretrend_p:.4g}"),
            (Coded.of("estimate.summary.method"), self.vcov),
            (Coded.of("estimate.summary.reason"), self.vcov_reason),
            (Coded.of("estimate.summary.n_obs"), self.n_obs),
            (Coded.of("estimate.summary.n_clusters"), self.n_clusters),
        ]


def _relative_periods(
    times: np.ndarray, first: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(rel, treated_mask): t - g for ever-treated rows."""
    treated = ~np.isnan(first) & (first != 0)
    rel = np.where(treated, times - np.where(treated, first, 0.0), np.nan)
    return rel, treated


def event_study(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    first_treated: str,
    reference: int = -1,
    cluster: str | None = None,
    vcov: Vcov = "auto",
    alpha: float = 0.05,
    seed: int | None = 20240601,
) -> EventStudyResult:
    """TWFE event study; ``time`` and ``first_treated`` share one numeric scale."""
    check_option("vcov", vcov, VCOV_OPTIONS)
    numeric = pd.api.types.is_numeric_dtype
    if isinstance(data, pd.DataFrame) and time in data and not numeric(data[time]):
        raise DataError.of("estimate.event.time_numeric", column=time)
    panel = load_panel(data, outcome, unit, time, cluster, (first_treated,))
    first = as_float(data, first_treated)
    if panel.mask is not None:
        first = first[panel.mask]
    times = panel.time_values[panel.time]
    rel, treated = _relative_periods(times, first)
    need(treated.any(), "estimate.event.no_treated", column=first_treated)
    periods = np.unique(rel[treated]).astype(int)
    need(reference in periods, "estimate.event.no_reference", reference=reference)
    keep = [k for k in periods if k != reference]
    warnings: list[Coded] = []
    if not (~treated).any() and keep:
        warnings.append(Coded.of("estimate.event.no_never_treated", dropped=keep[0]))
        keep = keep[1:]
    R = np.column_stack([(rel == k).astype(np.float64) for k in keep])
    design = treated_design(panel, treated.astype(np.float64))
    fit = fe_fit(panel, R, keep, vcov, design, alpha=alpha, seed=seed)
    coefs = _with_reference(fit.table, reference, periods)
    leads = [i for i, k in enumerate(keep) if k < 0]
    stat, p = _wald(fit.table["estimate"].to_numpy(), fit.vcov_matrix, leads, fit.df)
    pre_method = "f"
    if leads and fit.df is not None and panel.n_clusters < MIN_CLUSTERS_CR1:
        stat, p = _wild_pretest(panel, R, leads, fit.df_k, seed)
        pre_method = "wild"
    return EventStudyResult(
        coefficients=coefs,
        reference=reference,
        pretrend_stat=stat,
        pretrend_p=p,
        pretrend_df=len(leads),
        vcov=fit.choice.method,
        vcov_reason=fit.choice.reason,
        n_obs=int(panel.y.size),
        n_units=panel.n_units,
        n_clusters=panel.n_clusters,
        n_treated_clusters=design.treated_clusters,
        warnings=tuple(warnings) + fit.warnings,
        table=coefs,
        pretrend_method=pre_method,
    )


def _wild_pretest(
    panel: Panel, R: np.ndarray, leads: list[int], df_k: int, seed: int | None
) -> tuple[float, float]:
    """Joint lead test by restricted wild cluster bootstrap (few clusters)."""
    Z = demean(panel, np.column_stack([panel.y, R]))
    weights: Weights = "webb" if panel.n_clusters < FEW_CLUSTERS_WEBB else "rademacher"
    return wild_wald(
        np.ascontiguousarray(Z[:, 1:]),
        Z[:, 0].copy(),
        panel.cluster,
        panel.n_clusters,
        leads,
        df_k=df_k,
        weights=weights,
        seed=seed,
    )


def _with_reference(
    table: pd.DataFrame, reference: int, periods: np.ndarray
) -> pd.DataFrame:
    ref_row = pd.DataFrame(
        {c: [np.nan] for c in table.columns}, index=pd.Index([reference])
    )
    ref_row["estimate"] = 0.0
    out = pd.concat([table, ref_row]).reindex(sorted(set(periods.tolist())))
    out.index = pd.Index(out.index.astype(int), name="rel_time")
    out["reference"] = out.index == reference
    return out


def _wald(
    beta: np.ndarray, V: np.ndarray, idx: list[int], df: float | None
) -> tuple[float, float]:
    """Wald F statistic and p-value for beta[idx] = 0."""
    if not idx:
        return np.nan, np.nan
    b = beta[idx]
    sub = V[np.ix_(idx, idx)]
    stat = float(b @ np.linalg.solve(sub, b)) / len(idx)
    if df is None:
        return stat, float(stats.chi2.sf(stat * len(idx), len(idx)))
    return stat, float(stats.f.sf(stat, len(idx), df))
