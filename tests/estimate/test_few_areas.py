"""Few-area inference for staggered adoption: known truth, small samples."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.estimate import staggered

TRUE = 0.5
REPS = 120
#: with true coverage 0.95 and 120 replications, below 0.88 has p < 0.002
MIN_COVER = 0.88
#: pre-trend rejections at 5% under parallel trends: above 0.13 has p < 0.001
MAX_SIZE = 0.13


def area_panel(rng: np.random.Generator, cohorts: list[int]) -> pd.DataFrame:
    """One row per area and period; AR(1) area shocks, parallel trends."""
    areas, periods = len(cohorts), 8
    u = np.repeat(np.arange(areas), periods)
    tt = np.tile(np.arange(1, periods + 1), areas)
    f = np.array(cohorts, dtype=float)[u]
    shock = np.zeros((areas, periods))
    for k in range(periods):
        shock[:, k] = (0.6 * shock[:, k - 1] if k else 0) + rng.normal(0, 0.5, areas)
    on = (f > 0) & (tt >= f)
    y = rng.normal(size=areas)[u] + 0.1 * tt + TRUE * on + shock[u, tt - 1]
    return pd.DataFrame({"u": u, "t": tt, "first": f, "y": y})


def test_auto_covers_with_eight_areas_where_influence_function_does_not() -> None:
    rng = np.random.default_rng(11)
    cohorts = [0, 0, 0, 4, 4, 4, 6, 6]
    hits = {"auto": 0, "influence": 0}
    rejections = 0
    for _ in range(REPS):
        df = area_panel(rng, cohorts)
        for vcov in hits:
            res = staggered(
                df, outcome="y", unit="u", time="t", first_treated="first", vcov=vcov
            )
            agg = res.aggregate("simple")
            hits[vcov] += agg.ci_low <= TRUE <= agg.ci_high
            if vcov == "auto":
                assert res.vcov == "cohort" and np.isfinite(agg.df)
                rejections += res.pretrend_p < 0.05
    assert hits["auto"] / REPS >= MIN_COVER
    assert hits["auto"] > hits["influence"]
    assert rejections / REPS <= MAX_SIZE


def test_single_area_cohort_declines_with_reason() -> None:
    df = area_panel(np.random.default_rng(2), [0, 0, 0, 0, 4, 4, 6])
    res = staggered(df, outcome="y", unit="u", time="t", first_treated="first")
    agg = res.aggregate("simple")
    assert res.vcov == "none" and res.reason_code == "estimate.vcov.cohort_declined"
    assert np.isnan(agg.ci_low) and np.isfinite(agg.att)
    assert np.isnan(res.pretrend_p)


def test_large_panels_keep_the_did_package_standard_errors() -> None:
    df = area_panel(np.random.default_rng(3), [0, 3, 5] * 80)
    auto = staggered(df, outcome="y", unit="u", time="t", first_treated="first")
    plain = staggered(
        df, outcome="y", unit="u", time="t", first_treated="first", vcov="influence"
    )
    assert auto.vcov == "influence"
    assert auto.aggregate("simple").std_error == pytest.approx(
        plain.aggregate("simple").std_error
    )
    cohort = staggered(
        df, outcome="y", unit="u", time="t", first_treated="first", vcov="cohort"
    )
    ratio = cohort.aggregate("simple").std_error / plain.aggregate("simple").std_error
    assert 1.0 < ratio < 1.02  # n_h / (n_h - 1) with 80 areas per cohort


def test_event_study_pretest_bootstraps_with_few_areas() -> None:
    """CR1 F(q, G-1) over-rejects with 10 areas; the wild bootstrap holds size."""
    from impact.estimate import event_study

    rng = np.random.default_rng(5)
    cohorts = [0, 0, 0, 0, 4, 4, 4, 6, 6, 6]
    rejections = 0
    reps = 60
    for _ in range(reps):
        df = area_panel(rng, cohorts)
        es = event_study(
            df, outcome="y", unit="u", time="t", first_treated="first", vcov="cr1"
        )
        assert es.pretrend_method == "wild"
        rejections += es.pretrend_p < 0.05
    assert rejections / reps <= MAX_SIZE + 0.03  # 60 reps: p(> 0.16) < 0.001
