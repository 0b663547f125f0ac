"""Pre/post against scipy, Holm against statsmodels, MDE formula, diagnostics."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from impact.errors import DataError, EstimationError
from impact.estimate import attrition, balance, holm, min_detectable_effect, prepost
from impact.i18n import use_language

# Bloom (1995), Evaluation Review 19(5), table 1: multiplier 2.80 for a
# two-sided test at 0.05 with power 0.80 and many degrees of freedom.
BLOOM_MULTIPLIER = 2.80
TOL = 1e-10


def _long(before: np.ndarray, after: np.ndarray) -> pd.DataFrame:
    n = len(before)
    return pd.DataFrame(
        {
            "id": np.r_[np.arange(n), np.arange(n)],
            "wave": ["t0"] * n + ["t1"] * n,
            "y": np.r_[before, after],
        }
    )


def test_prepost_matches_scipy() -> None:
    rng = np.random.default_rng(1)
    before = rng.normal(10, 2, 40)
    after = before + rng.normal(0.7, 1.5, 40)
    res = prepost(_long(before, after), outcome="y", unit="id", period="wave")
    ref = stats.ttest_rel(after, before)
    wil = stats.wilcoxon(after - before)
    assert res.p_value == pytest.approx(ref.pvalue, rel=TOL)
    assert res.wilcoxon_p == pytest.approx(wil.pvalue, rel=TOL)
    ci = ref.confidence_interval()
    assert (res.ci_low, res.ci_high) == pytest.approx((ci.low, ci.high), rel=TOL)
    assert np.isnan(res.share_improved)  # no reliability given


def test_prepost_picks_first_and_last_and_named_periods() -> None:
    frame = pd.DataFrame(
        {
            "id": [1, 1, 1, 2, 2, 2, 3],
            "wave": [1, 2, 3, 1, 2, 3, 1],
            "y": [1.0, 5.0, 3.0, 2.0, 9.0, 2.5, 7.0],
        }
    )
    res = prepost(frame, outcome="y", unit="id", period="wave")
    assert res.mean_change == pytest.approx(((3 - 1) + (2.5 - 2)) / 2)
    assert res.n_without_followup == 1
    mid = prepost(frame, outcome="y", unit="id", period="wave", before=1, after=2)
    assert mid.mean_change == pytest.approx(((5 - 1) + (9 - 2)) / 2)
    with use_language("en"), pytest.raises(DataError, match="both before= and after="):
        prepost(frame, outcome="y", unit="id", period="wave", before=1)
    with pytest.raises(EstimationError):
        prepost(frame[frame.id == 1], outcome="y", unit="id", period="wave")


def test_rci_formula_jacobson_truax() -> None:
    before, after = np.array([20.0, 20.0, 20.0]), np.array([30.0, 20.0, 10.0])
    res = prepost(
        _long(before, after),
        outcome="y",
        unit="id",
        period="wave",
        reliability=0.8,
        sd=7.5,
    )
    s_diff = np.sqrt(2) * 7.5 * np.sqrt(0.2)  # 4.743
    assert res.s_diff == pytest.approx(s_diff)
    assert list(res.units["category"]) == ["improved", "unchanged", "deteriorated"]


def test_holm_matches_statsmodels() -> None:
    from statsmodels.stats.multitest import multipletests

    p = np.array([0.01, 0.04, 0.03, 0.20, 0.002])
    assert np.allclose(holm(p), multipletests(p, method="holm")[1], atol=TOL)
    series = holm(pd.Series([0.04, np.nan, 0.01], index=["a", "b", "c"]))
    assert isinstance(series, pd.Series)
    assert series["c"] == pytest.approx(0.02) and np.isnan(series["b"])
    assert series["a"] == pytest.approx(0.04)


def test_mde_formula() -> None:
    res = min_detectable_effect(n_treated=10_000, n_control=10_000, design="posttest")
    assert res.multiplier == pytest.approx(BLOOM_MULTIPLIER, abs=0.005)
    clustered = min_detectable_effect(
        n_treated=200,
        n_control=200,
        sd=4.0,
        icc=0.05,
        cluster_size=20,
        n_clusters=20,
        pre_post_corr=0.5,
    )
    deff = 1 + 19 * 0.05
    se = np.sqrt(2 * 0.5 * (1 / 200 + 1 / 200) * deff)
    mult = stats.t(18).ppf(0.975) + stats.t(18).ppf(0.8)
    assert clustered.mde == pytest.approx(mult * se * 4.0, rel=TOL)
    assert clustered.design_effect == pytest.approx(deff)


def test_balance_and_attrition() -> None:
    frame = pd.DataFrame(
        {
            "id": [1, 2, 3, 4, 5, 6, 1, 2, 3, 4],
            "group": [1, 1, 1, 0, 0, 0, 1, 1, 0, 0],
            "wave": [0, 0, 0, 0, 0, 0, 1, 1, 1, 1],
            "age": [30.0, 40.0, 50.0, 20.0, 30.0, 40.0, 31, 41, 51, 21],
        }
    )
    frame.loc[8, "group"] = 1  # id 3 stays treated at follow-up
    frame.loc[9, "id"] = 5
    frame.loc[9, "group"] = 0
    bal = balance(frame, group="group", covariates=["age"], period="wave")
    assert bal.table.loc["age", "smd"] == pytest.approx(1.0)  # (40 - 30) / 10
    assert bal.table.loc["age", "verdict"] == "imbalanced"
    att = attrition(frame, unit="id", group="group", period="wave")
    assert att.table.loc[1, "share_lost"] == pytest.approx(0.0)
    assert att.table.loc[0, "share_lost"] == pytest.approx(2 / 3)
    assert att.differential == pytest.approx(0.0 - 2 / 3)
    assert att.overall_share_lost == pytest.approx(2 / 6)
