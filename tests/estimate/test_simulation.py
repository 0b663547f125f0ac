"""Simulations with a known true effect (small and seeded; the big run is
benchmarks/coverage.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.estimate import did, min_detectable_effect, prepost, staggered, twfe

REPS = 120
COVERAGE_LOW, COVERAGE_HIGH = 0.89, 0.995  # 95% target; binomial sd ~0.02 at 120 reps
NAIVE_MAX = 0.85  # iid SEs ignoring cluster shocks must visibly under-cover
TRUE_EFFECT = 0.5


def _cluster_did(rng: np.random.Generator, clusters: int, treated: int) -> pd.DataFrame:
    per = 20
    c = np.repeat(np.arange(clusters), per)
    g = (c < treated).astype(int)
    p = np.tile(np.repeat([0, 1], per // 2), clusters)
    shock = rng.normal(size=(clusters, 2))
    y = shock[c, p] + 0.3 * p + TRUE_EFFECT * g * p + rng.normal(size=c.size)
    return pd.DataFrame({"c": c, "g": g, "p": p, "y": y})


def test_auto_covers_with_few_clusters_and_iid_does_not() -> None:
    rng = np.random.default_rng(3)
    hits_auto = hits_iid = 0
    for _ in range(REPS):
        df = _cluster_did(rng, clusters=14, treated=6)
        auto = did(df, outcome="y", treated="g", post="p", cluster="c")
        iid = did(df, outcome="y", treated="g", post="p", vcov="iid")
        hits_auto += auto.ci_low <= TRUE_EFFECT <= auto.ci_high
        hits_iid += iid.ci_low <= TRUE_EFFECT <= iid.ci_high
    assert auto.vcov == "wild"
    assert COVERAGE_LOW <= hits_auto / REPS <= COVERAGE_HIGH
    assert hits_iid / REPS <= NAIVE_MAX


def test_twfe_is_unbiased_with_common_timing() -> None:
    rng = np.random.default_rng(4)
    estimates = []
    for _ in range(40):
        units, periods = 200, 6
        u = np.repeat(np.arange(units), periods)
        tt = np.tile(np.arange(periods), units)
        d = ((u < 100) & (tt >= 3)).astype(int)
        y = (
            rng.normal(size=units)[u]
            + 0.1 * tt
            + TRUE_EFFECT * d
            + rng.normal(size=u.size)
        )
        res = twfe(
            pd.DataFrame({"u": u, "t": tt, "d": d, "y": y}),
            outcome="y",
            unit="u",
            time="t",
            treatment="d",
            vcov="cr1",
        )
        estimates.append(res.att)
    se_of_mean = np.std(estimates, ddof=1) / np.sqrt(len(estimates))
    assert abs(np.mean(estimates) - TRUE_EFFECT) < 4 * se_of_mean


def test_staggered_recovers_dynamic_effects_where_twfe_is_biased() -> None:
    rng = np.random.default_rng(5)
    units, periods = 6000, 8
    cohort = rng.choice([0, 3, 5], size=units)
    u = np.repeat(np.arange(units), periods)
    tt = np.tile(np.arange(1, periods + 1), units)
    g = cohort[u]
    e = np.where(g > 0, tt - g, -1)
    effect = np.where(e >= 0, 0.5 * (e + 1), 0.0)  # grows with exposure
    y = rng.normal(size=units)[u] + 0.2 * tt + effect + rng.normal(size=u.size)
    df = pd.DataFrame({"u": u, "t": tt, "g": g, "y": y, "d": (e >= 0).astype(int)})
    res = staggered(df, outcome="y", unit="u", time="t", first_treated="g")
    dyn = res.aggregate("dynamic")
    for k in range(4):
        row = dyn.effects.loc[k]
        assert abs(row["estimate"] - 0.5 * (k + 1)) < 4 * row["std_error"]
    truth = float(effect[e >= 0].mean())
    simple = res.aggregate("simple")
    assert abs(simple.att - truth) < 4 * simple.std_error
    tw = twfe(df, outcome="y", unit="u", time="t", treatment="d", vcov="cr1")
    assert abs(tw.att - truth) > 8 * tw.std_error  # the known TWFE bias


def test_reliable_change_shares_match_the_truth() -> None:
    rng = np.random.default_rng(6)
    n, sd, rel = 4000, 5.0, 0.9
    true = rng.normal(20, sd * np.sqrt(rel), n)
    noise = sd * np.sqrt(1 - rel)
    gain = np.where(np.arange(n) < n // 2, 12.0, 0.0)  # half improve a lot
    before = true + rng.normal(0, noise, n)
    after = true + gain + rng.normal(0, noise, n)
    frame = pd.DataFrame(
        {
            "id": np.r_[np.arange(n), np.arange(n)],
            "w": np.r_[np.zeros(n), np.ones(n)],
            "y": np.r_[before, after],
        }
    )
    res = prepost(frame, outcome="y", unit="id", period="w", reliability=rel, sd=sd)
    # S_diff = sqrt(2) * 5 * sqrt(0.1) = 2.236; a 12-point gain is 5.4 S_diff
    assert res.share_improved == pytest.approx(0.5 + 0.025, abs=0.02)
    assert res.share_deteriorated == pytest.approx(0.025 / 2, abs=0.01)
    worse = prepost(
        frame,
        outcome="y",
        unit="id",
        period="w",
        reliability=rel,
        sd=sd,
        higher_is_better=False,
    )
    assert worse.share_deteriorated == pytest.approx(res.share_improved)
    assert res.warnings  # always says it is not a causal estimate


def test_power_at_the_minimum_detectable_effect_is_eighty_percent() -> None:
    from scipy import stats

    rng = np.random.default_rng(8)
    n = 60
    mde = min_detectable_effect(n_treated=n, n_control=n, design="posttest").mde
    reps = 600
    a = rng.normal(mde, 1, (reps, n))
    b = rng.normal(0, 1, (reps, n))
    rejected = stats.ttest_ind(a, b, axis=1).pvalue < 0.05
    assert rejected.mean() == pytest.approx(0.8, abs=0.05)
