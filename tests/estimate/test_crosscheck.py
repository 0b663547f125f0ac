"""Cross-checks against statsmodels, pyfixest and moderndid on random data.

Point estimates agree to ``POINT_TOL``. Standard errors agree to ``SE_TOL``
where the conventions are the same (statsmodels OLS without fixed effects,
pyfixest with its default small-sample correction, moderndid's analytic
influence functions). statsmodels on dummy-variable TWFE counts every dummy in
the CR1 factor; the expected ratio is checked exactly instead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.estimate import did, event_study, staggered, twfe

POINT_TOL = 1e-8
SE_TOL = 1e-7  # relative
SEED = 7


def _panel(rng: np.random.Generator, units: int = 60, periods: int = 6) -> pd.DataFrame:
    unit = np.repeat(np.arange(units), periods)
    time = np.tile(np.arange(1, periods + 1), units)
    cohort = rng.choice([0, 3, 4, 5], size=units)
    first = cohort[unit]
    treated = ((first > 0) & (time >= first)).astype(int)
    y = (
        rng.normal(size=units)[unit]
        + 0.2 * time
        + 1.5 * treated
        + rng.normal(size=unit.size)
    )
    region = unit % 15
    return pd.DataFrame(
        {
            "unit": unit,
            "time": time,
            "first": first,
            "d": treated,
            "y": y,
            "region": region,
        }
    )


def test_did_matches_statsmodels() -> None:
    smf = pytest.importorskip("statsmodels.formula.api")
    rng = np.random.default_rng(SEED)
    n = 800
    df = pd.DataFrame(
        {
            "g": rng.integers(0, 2, n),
            "p": rng.integers(0, 2, n),
            "x": rng.normal(size=n),
            "c": rng.integers(0, 30, n),
        }
    )
    df["y"] = 1 + df.g + df.p + 0.5 * df.g * df.p + df.x + rng.normal(size=n)
    model = smf.ols("y ~ g * p + x", df)
    for vcov, fit in [
        ("iid", model.fit()),
        ("hc1", model.fit(cov_type="HC1")),
        ("cr1", model.fit(cov_type="cluster", cov_kwds={"groups": df.c})),
    ]:
        res = did(
            df,
            outcome="y",
            treated="g",
            post="p",
            covariates=["x"],
            cluster="c",
            vcov=vcov,
        )
        assert res.att == pytest.approx(fit.params["g:p"], abs=POINT_TOL)
        assert res.std_error == pytest.approx(fit.bse["g:p"], rel=SE_TOL)
        if vcov == "iid":  # statsmodels uses the normal for robust and cluster
            assert res.p_value == pytest.approx(fit.pvalues["g:p"], rel=1e-6)


@pytest.mark.parametrize("vcov", ["cr1", "iid", "hc1"])
@pytest.mark.parametrize("balanced", [True, False])
def test_twfe_matches_pyfixest(vcov: str, balanced: bool) -> None:
    pf = pytest.importorskip("pyfixest")
    df = _panel(np.random.default_rng(SEED))
    if not balanced:
        df = df.sample(frac=0.85, random_state=1)
    res = twfe(df, outcome="y", unit="unit", time="time", treatment="d", vcov=vcov)
    spec = {"cr1": {"CRV1": "unit"}, "iid": "iid", "hc1": "hetero"}[vcov]
    ref = pf.feols("y ~ d | unit + time", df, vcov=spec).tidy().loc["d"]
    assert res.att == pytest.approx(ref["Estimate"], abs=POINT_TOL)
    assert res.std_error == pytest.approx(ref["Std. Error"], rel=SE_TOL)
    assert res.p_value == pytest.approx(ref["Pr(>|t|)"], rel=1e-6)


def test_twfe_cr1_convention_against_statsmodels_dummies() -> None:
    """statsmodels counts all N + T dummies: SE ratio sqrt((n-K_sm)/(n-K_fixest))."""
    smf = pytest.importorskip("statsmodels.formula.api")
    df = _panel(np.random.default_rng(SEED), units=27, periods=6)
    res = twfe(df, outcome="y", unit="unit", time="time", treatment="d", vcov="cr1")
    fit = smf.ols("y ~ d + C(unit) + C(time)", df).fit(
        cov_type="cluster", cov_kwds={"groups": df.unit}
    )
    n, k_sm = len(df), 1 + 26 + 5 + 1
    ratio = np.sqrt((n - res.df_k) / (n - k_sm))
    assert res.df_k == 7  # beta + T time effects, unit effects nested in clusters
    assert fit.bse["d"] / res.std_error == pytest.approx(ratio, rel=1e-9)
    assert ratio == pytest.approx(1.096, abs=0.001)  # ANCHORS.md


def test_event_study_matches_pyfixest() -> None:
    pf = pytest.importorskip("pyfixest")
    df = _panel(np.random.default_rng(SEED))
    res = event_study(
        df,
        outcome="y",
        unit="unit",
        time="time",
        first_treated="first",
        cluster="region",
        vcov="cr1",
    )
    rel = np.where(df["first"] > 0, df["time"] - df["first"], -1)
    for k in sorted(set(rel) - {-1}):
        df[f"r{k + 10}"] = (rel == k).astype(float)
    cols = [c for c in df.columns if c.startswith("r") and c != "region"]
    ref = pf.feols(
        f"y ~ {'+'.join(cols)} | unit + time", df, vcov={"CRV1": "region"}
    ).tidy()
    for c in cols:
        k = int(c[1:]) - 10
        assert res.coefficients.loc[k, "estimate"] == pytest.approx(
            ref.loc[c, "Estimate"], abs=POINT_TOL
        )
        assert res.coefficients.loc[k, "std_error"] == pytest.approx(
            ref.loc[c, "Std. Error"], rel=SE_TOL
        )


@pytest.mark.parametrize("control", ["never", "notyet"])
def test_staggered_matches_moderndid(control: str) -> None:
    md = pytest.importorskip("moderndid")
    df = _panel(np.random.default_rng(SEED), units=300)
    res = staggered(
        df,
        outcome="y",
        unit="unit",
        time="time",
        first_treated="first",
        control=control,
    )
    ref = md.att_gt(
        data=df,
        yname="y",
        tname="time",
        idname="unit",
        gname="first",
        control_group="nevertreated" if control == "never" else "notyettreated",
        est_method="reg",
        boot=False,
    )
    ours = res.att_gt.sort_values(["group", "time"])
    assert np.allclose(ours["att"], np.asarray(ref.att_gt), atol=POINT_TOL)
    assert np.allclose(ours["std_error"], np.asarray(ref.se_gt), rtol=1e-6)
    for kind in ("simple", "dynamic", "group", "calendar"):
        agg = md.aggte(ref, type=kind, boot=False)
        mine = res.aggregate(kind)
        assert mine.att == pytest.approx(agg.overall_att, abs=POINT_TOL)
        assert mine.std_error == pytest.approx(agg.overall_se, rel=1e-6)
