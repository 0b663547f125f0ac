"""Few-cluster inference: wild bootstrap algebra, test inversion, policy, refusal."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.errors import DataError, EstimationError, OptionError
from impact.estimate import did
from impact.estimate._linalg import ols, vcov_cr1
from impact.estimate.inference import Design, choose
from impact.estimate.randinf import cluster_permutation
from impact.estimate.wild import _Inverter, draw_weights, wild_cluster_bootstrap
from impact.i18n import use_language

SEED = 11
BRUTE_DRAWS = 150
EXACT = 1e-12


def _clustered(
    rng: np.random.Generator, clusters: int, treated: int, per: int = 40
) -> pd.DataFrame:
    c = np.repeat(np.arange(clusters), per)
    g = (c < treated).astype(int)
    p = np.tile(np.repeat([0, 1], per // 2), clusters)
    y = rng.normal(size=clusters)[c] + 0.3 * p + 0.5 * g * p + rng.normal(size=c.size)
    return pd.DataFrame({"c": c, "g": g, "p": p, "y": y})


def test_fast_wild_bootstrap_equals_brute_force() -> None:
    """Every bootstrap t statistic equals refitting OLS on y* = restricted fit + v u."""
    rng = np.random.default_rng(SEED)
    G, n, j, b0 = 9, 360, 3, 0.4
    codes = rng.integers(0, G, n)
    d, p = (codes < 4).astype(float), rng.integers(0, 2, n).astype(float)
    X = np.column_stack([np.ones(n), d, p, d * p])
    y = X @ [1.0, 0.5, 0.2, 0.3] + rng.normal(size=G)[codes] + rng.normal(size=n)
    V, _ = draw_weights(G, BRUTE_DRAWS, "webb", rng)
    inv = _Inverter(X, y, codes, G, j, 4, V)
    Z = X[:, :3]
    gamma = np.linalg.lstsq(Z, y - b0 * X[:, j], rcond=None)[0]
    u = y - b0 * X[:, j] - Z @ gamma
    stars = []
    for b in range(BRUTE_DRAWS):
        fit = ols(X, Z @ gamma + b0 * X[:, j] + u * V[codes, b])
        stars.append(
            abs(fit.beta[j] - b0) / np.sqrt(vcov_cr1(X, fit, codes, G, 4)[j, j])
        )
    fit = ols(X, y)
    observed = abs(fit.beta[j] - b0) / np.sqrt(vcov_cr1(X, fit, codes, G, 4)[j, j])
    assert inv.p_value(b0) == pytest.approx(
        np.mean(np.array(stars) >= observed), abs=EXACT
    )


def test_wild_interval_ends_sit_at_alpha() -> None:
    rng = np.random.default_rng(SEED)
    df = _clustered(rng, clusters=10, treated=5)
    X = np.column_stack([np.ones(len(df)), df.g, df.p, df.g * df.p]).astype(float)
    res = wild_cluster_bootstrap(
        X,
        df.y.to_numpy(),
        df.c.to_numpy(),
        10,
        3,
        df_k=4,
        draws=999,
        weights="webb",
        alpha=0.05,
    )
    V, _ = draw_weights(10, 999, "webb", np.random.default_rng(20240601))
    inv = _Inverter(X, df.y.to_numpy(), df.c.to_numpy(), 10, 3, 4, V)
    width = res.ci_high - res.ci_low
    for end, side in ((res.ci_low, -1), (res.ci_high, 1)):
        assert inv.p_value(end - side * 1e-3 * width) > 0.05
        assert inv.p_value(end + side * 1e-3 * width) <= 0.05
    assert res.ci_low < inv.beta < res.ci_high


def test_rademacher_enumerates_all_sign_vectors_when_few_clusters() -> None:
    V, enumerated = draw_weights(8, 9999, "rademacher", np.random.default_rng(0))
    assert enumerated and V.shape == (8, 256)
    assert len({tuple(col) for col in V.T}) == 256


@pytest.mark.parametrize(
    ("design", "method"),
    [
        (Design(None), "hc1"),
        (Design(60, 20, 40, True, 10**15), "cr1"),
        (Design(60, 5, 55, True, 10**6), "wild"),
        (Design(20, 6, 14, True, 38760), "wild"),
        (Design(6, 3, 3, True, 20), "cv3"),
        (Design(20, 2, 18, True, 190), "randomization"),
        (Design(20, 2, 18, False, 190), "none"),
        (Design(8, 1, 7, True, 8), "none"),
    ],
)
def test_auto_policy(design: Design, method: str) -> None:
    choice = choose("auto", design, allow_permutation=True, allow_jackknife=True)
    assert choice.method == method
    assert choice.reason  # a plain-language reason is always given


def test_webb_weights_below_twelve_clusters() -> None:
    assert (
        choose("auto", Design(10, 5, 5, True, 252), allow_permutation=True).weights
        == "webb"
    )
    assert (
        choose("auto", Design(12, 6, 6, True, 924), allow_permutation=True).weights
        == "rademacher"
    )


def test_one_treated_cluster_of_eight_is_declined_with_reason() -> None:
    df = _clustered(np.random.default_rng(SEED), clusters=8, treated=1)
    with use_language("en"):
        res = did(df, outcome="y", treated="g", post="p", cluster="c")
    assert res.vcov == "none"
    assert np.isnan(res.ci_low) and np.isnan(res.ci_high) and np.isnan(res.p_value)
    assert "1 treated" in res.vcov_reason.render("en")
    assert np.isfinite(res.att)


def test_randomization_inference_with_two_treated_of_twenty() -> None:
    df = _clustered(np.random.default_rng(SEED), clusters=20, treated=2)
    res = did(df, outcome="y", treated="g", post="p", cluster="c")
    assert res.vcov == "randomization"
    assert res.ci_low < res.att < res.ci_high
    # p-values come in steps of 1/190 (all pairs of 20 clusters)
    assert (res.p_value * 190) == pytest.approx(round(res.p_value * 190), abs=1e-9)


def test_permutation_of_identical_clusters_is_uninformative() -> None:
    """With no difference between clusters every assignment ties: p = 1."""
    codes = np.repeat(np.arange(6), 4)
    post = np.tile([0.0, 0.0, 1.0, 1.0], 6)
    y = post * 2.0
    res = cluster_permutation(y, post, codes, 6, np.arange(6) < 3)
    assert res.p_value == 1.0


def test_input_errors_are_actionable() -> None:
    df = _clustered(np.random.default_rng(SEED), clusters=4, treated=2)
    with use_language("en"):
        with pytest.raises(DataError, match="Available columns: c, g, p, y"):
            did(df, outcome="uitkomst", treated="g", post="p")
        with pytest.raises(OptionError, match="Choose one of"):
            did(df, outcome="y", treated="g", post="p", vcov="robust")  # type: ignore[arg-type]
        with pytest.raises(EstimationError, match="after the start"):
            did(df[~((df.g == 1) & (df.p == 1))], outcome="y", treated="g", post="p")
        with pytest.raises(DataError, match="empty"):
            did(df.assign(y=np.nan), outcome="y", treated="g", post="p")
        with pytest.raises(DataError, match="0 or 1"):
            did(df.assign(g=df.g * 2), outcome="y", treated="g", post="p")
        with pytest.raises(EstimationError, match="cluster column"):
            did(df, outcome="y", treated="g", post="p", vcov="cr1")
        with pytest.raises(DataError, match="must contain numbers"):
            did(df.assign(y="hoog"), outcome="y", treated="g", post="p")


def test_missing_rows_are_dropped_and_reported() -> None:
    df = _clustered(np.random.default_rng(SEED), clusters=50, treated=25)
    df.loc[:4, "y"] = np.nan
    with use_language("en"):
        res = did(df, outcome="y", treated="g", post="p", cluster="c")
    assert res.n_obs == len(df) - 5
    assert any("5 row(s)" in w.render("en") for w in res.warnings)
    assert any(w.code == "estimate.warn.dropped" for w in res.warnings)


def test_cv3_is_the_leave_one_cluster_out_jackknife() -> None:
    """CV3 = (G-1)/G sum (b_(g) - b)^2 by refitting; pyfixest's CRV3 adds its
    small-sample factor G/(G-1) (n-1)/(n-k) and drops (G-1)/G."""
    pf = pytest.importorskip("pyfixest")
    rng = np.random.default_rng(SEED)
    df = _clustered(rng, clusters=7, treated=3, per=30)
    df["x"] = rng.normal(size=len(df))
    res = did(df, outcome="y", treated="g", post="p", cluster="c", covariates=["x"])
    assert res.vcov == "cv3"
    X = np.column_stack([np.ones(len(df)), df.g, df.p, df.g * df.p, df.x]).astype(float)
    full = ols(X, df.y.to_numpy()).beta[3]
    loo = [ols(X[df.c != g], df.y[df.c != g].to_numpy()).beta[3] for g in range(7)]
    by_hand = np.sqrt(6 / 7 * np.sum((np.array(loo) - full) ** 2))
    assert res.std_error == pytest.approx(by_hand, rel=1e-9)
    ref = pf.feols("y ~ g * p + x", df, vcov={"CRV3": "c"}).tidy().loc["g:p"]
    n, k = len(df), 5
    factor = (7 / 6) ** 2 * (n - 1) / (n - k)
    assert ref["Std. Error"] == pytest.approx(res.std_error * np.sqrt(factor), rel=1e-9)


def test_twfe_cv3_is_the_leave_one_cluster_out_jackknife() -> None:
    from impact.estimate import twfe

    rng = np.random.default_rng(SEED)
    units, periods = 24, 5
    u = np.repeat(np.arange(units), periods)
    tt = np.tile(np.arange(periods), units)
    d = ((u < 10) & (tt >= 3)).astype(int)
    y = rng.normal(size=units)[u] + 0.2 * tt + d + rng.normal(size=u.size)
    df = pd.DataFrame({"u": u, "t": tt, "d": d, "y": y, "area": u % 8})
    res = twfe(
        df, outcome="y", unit="u", time="t", treatment="d", cluster="area", vcov="cv3"
    )
    loo = [
        twfe(
            df[df.area != g], outcome="y", unit="u", time="t", treatment="d", vcov="iid"
        ).att
        for g in range(8)
    ]
    by_hand = np.sqrt(7 / 8 * np.sum((np.array(loo) - res.att) ** 2))
    assert res.vcov == "cv3"
    assert res.std_error == pytest.approx(by_hand, rel=1e-8)
