"""Pre/post change without a comparison group (paired design).

Per unit: the first and the last measurement (or the periods the caller
names). Reported: mean change with a t-interval, the Wilcoxon signed-rank test,
two standardized effect sizes and the Reliable Change Index per unit.

* ``hedges_g`` is g_av: mean change divided by the average of the before and
  after standard deviations, times Hedges' small-sample correction
  J = 1 - 3 / (4 (n1 + n2) - 9) with n1 = n2 = n, as in the worked example of
  Lakens (2013, Frontiers in Psychology 4:863; comparable with between-group
  effect sizes);
* ``cohens_dz`` is mean change / SD of the changes (Lakens 2013, eq. 6);
* Reliable Change Index (Jacobson & Truax 1991, J Consult Clin Psychol
  59(1):12-19): RCI = change / S_diff, S_diff = sqrt(2) * SE,
  SE = sd * sqrt(1 - reliability); |RCI| > 1.96 is a reliable change, and its
  sign combined with ``higher_is_better`` says improved or deteriorated.

This is never a causal estimate: without a comparison group, change over time,
regression to the mean (people often enrol at a low point) and measurement
effects are mixed in with any effect of the programme.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from impact.codes import Coded
from impact.errors import DataError
from impact.estimate._checks import as_float, codes_of, need, require_columns
from impact.estimate._results import ResultMixin, coef_table, t_inference

RCI_CRITICAL = 1.96
EFFECT_SIZE_VARIANT = "g_av (Hedges-corrected; Lakens 2013)"


@dataclass(frozen=True, slots=True)
class PrePostResult(ResultMixin):
    """Paired change. ``units`` has one row per unit with before/after/rci/category."""

    mean_change: float
    std_error: float
    ci_low: float
    ci_high: float
    p_value: float
    wilcoxon_stat: float
    wilcoxon_p: float
    hedges_g: float
    cohens_dz: float
    effect_size_variant: str
    share_improved: float
    share_unchanged: float
    share_deteriorated: float
    s_diff: float
    higher_is_better: bool
    n_obs: int
    n_without_followup: int
    vcov: str
    vcov_reason: Coded
    warnings: tuple[Coded, ...]
    units: pd.DataFrame = field(repr=False)
    table: pd.DataFrame = field(repr=False)
    n_clusters: int | None = None

    n_clusters = None  # paired differences: one per participant, no clustering

    @property
    def method(self) -> str:
        return self.vcov

    @property
    def reason_code(self) -> str:
        return self.vcov_reason.code

    @property
    def estimate(self) -> float:
        return self.mean_change

    def _title(self) -> Coded:
        return Coded.of("estimate.prepost.title")

    def _summary_lines(self) -> list[tuple[Coded | str, object]]:
        return [
            (Coded.of("estimate.prepost.change"), f"{self.mean_change:.4g}"),
            (
                Coded.of("estimate.summary.interval"),
                f"[{self.ci_low:.4g}, {self.ci_high:.4g}]",
            ),
            ("Wilcoxon p", f"{self.wilcoxon_p:.4g}"),
            ("Hedges' g (g_av)", f"{self.hedges_g:.3g}"),
            (Coded.of("estimate.prepost.improved"), f"{self.share_improved:.0%}"),
            (
                Coded.of("estimate.prepost.deteriorated"),
                f"{self.share_deteriorated:.0%}",
            ),
            (Coded.of("estimate.summary.n_units"), self.n_obs),
        ]


def _pairs(
    data: pd.DataFrame,
    outcome: str,
    unit: str,
    period: str,
    before: object | None,
    after: object | None,
) -> tuple[pd.DataFrame, int]:
    """One row per unit with its before and after value; counts units lacking one."""
    require_columns(data, [outcome, unit, period])
    frame = pd.DataFrame(
        {
            "unit": codes_of(data, unit)[0],
            "label": data[unit].to_numpy(),
            "period": data[period].to_numpy(),
            "y": as_float(data, outcome),
        }
    )
    frame = frame[frame["y"].notna() & (frame["unit"] >= 0) & frame["period"].notna()]
    if frame.duplicated(["unit", "period"]).any():
        raise DataError.of("estimate.panel.duplicates", unit=unit, time=period)
    if (before is None) != (after is None):
        raise DataError.of("estimate.prepost.both_periods")
    if before is not None:
        frame = frame[frame["period"].isin([before, after])]
        frame = frame.assign(period=np.where(frame["period"] == before, 0, 1))
    ordered = frame.sort_values(["unit", "period"])
    size = ordered.groupby("unit")["period"].transform("size")
    two = ordered[size >= 2]
    first = two.drop_duplicates("unit", keep="first")
    last = two.drop_duplicates("unit", keep="last")
    paired = first.merge(last, on="unit", suffixes=("_before", "_after"))
    all_units = frame["unit"].nunique()
    out = pd.DataFrame(
        {
            "unit": paired["label_before"].to_numpy(),
            "before": paired["y_before"].to_numpy(),
            "after": paired["y_after"].to_numpy(),
        }
    )
    return out, int(all_units - len(out))


def _rci(
    change: np.ndarray, before: np.ndarray, reliability: float | None, sd: float | None
) -> tuple[np.ndarray, float]:
    if reliability is None:
        return np.full(change.shape, np.nan), np.nan
    need(0.0 < reliability < 1.0, "estimate.prepost.bad_reliability", value=reliability)
    spread = float(np.std(before, ddof=1)) if sd is None else float(sd)
    s_diff = np.sqrt(2.0) * spread * np.sqrt(1.0 - reliability)
    need(s_diff > 0, "estimate.prepost.no_spread")
    return change / s_diff, s_diff


def prepost(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    period: str,
    reliability: float | None = None,
    sd: float | None = None,
    higher_is_better: bool = True,
    before: object | None = None,
    after: object | None = None,
    alpha: float = 0.05,
) -> PrePostResult:
    """Paired before/after change per unit (first vs last, or ``before``/``after``).

    ``reliability`` (e.g. Cronbach's alpha) and ``sd`` (reference SD; default
    the SD of the before scores) give the Reliable Change Index.
    """
    pairs, lost = _pairs(data, outcome, unit, period, before, after)
    n = len(pairs)
    need(n >= 2, "estimate.prepost.too_few", n=n)
    b, a = pairs["before"].to_numpy(), pairs["after"].to_numpy()
    change = a - b
    sd_change = float(np.std(change, ddof=1))
    mean = float(change.mean())
    se = sd_change / np.sqrt(n)
    stat, p, lo, hi = t_inference(mean, se, float(n - 1), alpha)
    wil_stat, wil_p = _wilcoxon(change)
    j = 1.0 - 3.0 / (8.0 * n - 9.0)
    sd_av = (np.std(b, ddof=1) + np.std(a, ddof=1)) / 2.0
    g_av = float(j * mean / sd_av) if sd_av > 0 else np.nan
    dz = mean / sd_change if sd_change > 0 else np.nan
    rci, s_diff = _rci(change, b, reliability, sd)
    sign = 1.0 if higher_is_better else -1.0
    category = np.where(
        np.isnan(rci),
        "",
        np.where(
            sign * rci > RCI_CRITICAL,
            "improved",
            np.where(sign * rci < -RCI_CRITICAL, "deteriorated", "unchanged"),
        ),
    )
    pairs = pairs.assign(change=change, rci=rci, category=category)
    shares = {
        c: float(np.mean(category == c)) if reliability else np.nan
        for c in ("improved", "unchanged", "deteriorated")
    }
    warnings = [Coded.of("estimate.prepost.not_causal")]
    if reliability is None:
        warnings.append(Coded.of("estimate.prepost.no_reliability"))
    if lost:
        warnings.append(Coded.of("estimate.prepost.lost", units=lost))
    return PrePostResult(
        mean_change=mean,
        std_error=se,
        ci_low=float(lo[0]),
        ci_high=float(hi[0]),
        p_value=float(p[0]),
        wilcoxon_stat=wil_stat,
        wilcoxon_p=wil_p,
        hedges_g=g_av,
        cohens_dz=float(dz),
        effect_size_variant=EFFECT_SIZE_VARIANT,
        share_improved=shares["improved"],
        share_unchanged=shares["unchanged"],
        share_deteriorated=shares["deteriorated"],
        s_diff=float(s_diff),
        higher_is_better=higher_is_better,
        n_obs=n,
        n_without_followup=lost,
        vcov="paired_t",
        vcov_reason=Coded.of("estimate.vcov.paired_t"),
        warnings=tuple(warnings),
        units=pairs,
        table=coef_table(["mean_change"], [mean], [se], stat, p, lo, hi),
    )


def _wilcoxon(change: np.ndarray) -> tuple[float, float]:
    if not np.any(change != 0):
        return np.nan, np.nan
    res = stats.wilcoxon(change)
    return float(res.statistic), float(res.pvalue)
