"""Random-effects meta-analysis against metafor and by simulation.

References (metafor 4.x, https://github.com/wviechtb/metafor):
* README "Example": rma(yi, vi, data=dat, test="knha") on dat.bcg log risk
  ratios (escalc measure="RR"): REML tau^2 0.3132, I^2 92.22%, Q(df=12)
  152.2330, estimate -0.7145, HKSJ se 0.1808, CI [-1.1084, -0.3206]; predict(res,
  transf=exp): PI [0.14, 1.76]. The Wald SE 0.1798 is rma's default (test="z").
* tests/testthat/test_misc_metan_vs_rma.uni_with_dat.bcg.r: DL estimate
  -0.7141, CI [-1.0644, -0.3638], z -3.9952, tau^2 0.3088, I^2 92.1173; EE
  estimate -0.4303, Q 152.2330.
* tests/testthat/test_misc_rma_uni.r: DLIT tau^2 0.3181, which metafor's
  rma.uni.r notes is the Paule-Mandel value when the iteration converges.
* tests/testthat/test_analysis_example_dersimonian2007.r (DerSimonian & Kacker
  2007, Tables 3-4, CLASP trials, log odds ratios): tau, mu, se for PM, DL, REML.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.errors import DataError, OptionError
from impact.estimate import _meta_core as core
from impact.estimate import meta, subgroups
from impact.estimate._results import EffectResult

TOL_4 = 6e-5  # four printed decimals
TOL_2PCT = 6e-3  # I^2 printed with two decimals
COVERAGE_BAND = (0.93, 0.97)

BCG = pd.DataFrame(
    {
        "tpos": [4, 6, 3, 62, 33, 180, 8, 505, 29, 17, 186, 5, 27],
        "tneg": [119, 300, 228, 13536, 5036, 1361, 2537, 87886, 7470, 1699,
                 50448, 2493, 16886],
        "cpos": [11, 29, 11, 248, 47, 372, 10, 499, 45, 65, 141, 3, 29],
        "cneg": [128, 274, 209, 12619, 5761, 1079, 619, 87892, 7232, 1600,
                 27197, 2338, 17825],
        "alloc": ["random"] * 4 + ["alternate"] * 2 + ["random"] * 3
        + ["systematic"] * 4,
    }
)  # fmt: skip
CLASP = {
    "n1": [156, 303, 565, 1570, 103, 4659],
    "n2": [74, 303, 477, 1565, 105, 4650],
    "a": [5, 5, 12, 69, 9, 313],
    "c": [8, 17, 9, 94, 11, 352],
}
CLASP_EXPECTED = {  # tau, mu, se
    "PM": (0.3681, -0.3811, 0.2060),
    "DL": (0.2323, -0.3240, 0.1540),
    "REML": (0.1843, -0.2980, 0.1343),
}


def escalc_rr(frame: pd.DataFrame) -> pd.DataFrame:
    """metafor escalc(measure="RR") for 2x2 counts without zero cells."""
    a, b, c, d = (frame[x].astype(float) for x in ("tpos", "tneg", "cpos", "cneg"))
    yi = np.log(a / (a + b)) - np.log(c / (c + d))
    vi = 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d)
    return frame.assign(yi=yi, sei=np.sqrt(vi))


@pytest.fixture(scope="module")
def bcg() -> pd.DataFrame:
    return escalc_rr(BCG)


def test_escalc_matches_metafor_readme(bcg: pd.DataFrame) -> None:
    assert bcg["yi"].iloc[0] == pytest.approx(-0.8893, abs=TOL_4)
    assert bcg["sei"].iloc[3] ** 2 == pytest.approx(0.0200, abs=TOL_4)
    assert bcg["yi"].iloc[12] == pytest.approx(-0.0173, abs=TOL_4)


def test_bcg_reml_wald(bcg: pd.DataFrame) -> None:
    res = meta(bcg, effect="yi", std_error="sei", method="REML", ci="wald")
    assert res.estimate == pytest.approx(-0.7145, abs=TOL_4)
    assert res.std_error == pytest.approx(0.1798, abs=TOL_4)
    assert res.tau2 == pytest.approx(0.3132, abs=TOL_4)
    assert res.i2 == pytest.approx(92.22, abs=TOL_2PCT)
    assert res.q == pytest.approx(152.2330, abs=TOL_4)
    assert res.q_df == 12
    assert res.q_p < 1e-4


def test_bcg_reml_hksj_and_prediction(bcg: pd.DataFrame) -> None:
    res = meta(bcg, effect="yi", std_error="sei")  # defaults: REML, HKSJ
    assert (res.method, res.ci, res.df) == ("REML", "hksj", 12)
    assert res.std_error == pytest.approx(0.1808, abs=TOL_4)
    assert res.se_wald == pytest.approx(0.1798, abs=TOL_4)
    assert (res.ci_low, res.ci_high) == pytest.approx((-1.1084, -0.3206), abs=TOL_4)
    assert res.statistic == pytest.approx(-3.9522, abs=TOL_4)
    assert res.p_value == pytest.approx(0.0019, abs=6e-5)
    assert np.exp([res.pi_low, res.pi_high]) == pytest.approx([0.14, 1.76], abs=6e-3)


def test_bcg_dl(bcg: pd.DataFrame) -> None:
    res = meta(bcg, effect="yi", std_error="sei", method="DL", ci="wald")
    assert res.estimate == pytest.approx(-0.7141, abs=TOL_4)
    assert (res.ci_low, res.ci_high) == pytest.approx((-1.0644, -0.3638), abs=TOL_4)
    assert res.statistic == pytest.approx(-3.9952, abs=TOL_4)
    assert res.tau2 == pytest.approx(0.3088, abs=TOL_4)
    assert res.i2 == pytest.approx(92.1173, abs=TOL_4)


def test_bcg_pm_is_iterated_dl(bcg: pd.DataFrame) -> None:
    res = meta(bcg, effect="yi", std_error="sei", method="PM", ci="hksj")
    assert res.tau2 == pytest.approx(0.3181, abs=TOL_4)
    # at the Paule-Mandel tau^2 the generalised Q equals k-1, so the HKSJ
    # factor is exactly 1: the adjusted and the Wald SE coincide
    assert res.std_error == pytest.approx(res.se_wald, rel=1e-9)


@pytest.mark.parametrize("method", ["PM", "DL", "REML"])
def test_clasp_dersimonian_kacker(method: str) -> None:
    c = {k: np.asarray(v, float) for k, v in CLASP.items()}
    b, d = c["n1"] - c["a"], c["n2"] - c["c"]
    frame = pd.DataFrame(
        {
            "yi": np.log(c["a"] * d / (b * c["c"])),
            "sei": np.sqrt(1 / c["a"] + 1 / b + 1 / c["c"] + 1 / d),
        }
    )
    res = meta(frame, effect="yi", std_error="sei", method=method, ci="wald")  # type: ignore[arg-type]
    tau, mu, se = CLASP_EXPECTED[method]
    assert (res.tau, res.estimate, res.std_error) == pytest.approx(
        (tau, mu, se), abs=TOL_4
    )


def test_tidy_summary_and_weights(bcg: pd.DataFrame) -> None:
    res = meta(bcg, effect="yi", std_error="sei")
    tidy = res.tidy()
    assert list(tidy.columns) == [
        "estimate", "std_error", "statistic", "p_value", "ci_low", "ci_high"
    ]  # fmt: skip
    assert tidy.loc["pooled", "estimate"] == res.estimate
    assert res.studies["weight"].sum() == pytest.approx(100.0)
    assert "-0.7145" in res.summary("en") and "0.3132" in res.summary("en")
    assert "Voorspellingsinterval" in res.summary("nl")
    assert isinstance(res, EffectResult)
    assert (res.vcov, res.n_obs, res.n_clusters) == ("hksj", 13, None)
    assert res.reason_code == "estimate.meta.reason.hksj"
    assert res.cov().loc["pooled", "pooled"] == pytest.approx(res.std_error**2)


def test_subgroups_q_between_by_hand(bcg: pd.DataFrame) -> None:
    res = subgroups(bcg, effect="yi", std_error="sei", by="alloc", ci="wald")
    assert set(res.groups) == {"alternate", "random", "systematic"}
    parts = [
        meta(bcg[bcg["alloc"] == g], effect="yi", std_error="sei", ci="wald")
        for g in sorted(res.groups)
    ]
    mu = np.array([p.estimate for p in parts])
    w = 1 / np.array([p.std_error for p in parts]) ** 2
    q_b = float((w * (mu - (w * mu).sum() / w.sum()) ** 2).sum())
    assert res.q_between == pytest.approx(q_b, rel=1e-12)
    assert res.df == 2 and 0 < res.p_value < 1
    assert list(res.tidy().index) == ["alternate", "random", "systematic"]


def test_subgroup_test_detects_a_real_difference() -> None:
    rng = np.random.default_rng(7)
    frame = pd.DataFrame(
        {
            "y": np.r_[rng.normal(0.0, 0.05, 8), rng.normal(0.6, 0.05, 8)],
            "se": 0.05,
            "kind": ["schuldhulp"] * 8 + ["jongerenwerk"] * 8,
        }
    )
    assert subgroups(frame, effect="y", std_error="se", by="kind").p_value < 1e-6


def test_one_study_has_no_interval() -> None:
    res = meta(pd.DataFrame({"y": [0.3], "se": [0.1]}), effect="y", std_error="se")
    assert res.estimate == 0.3 and np.isnan(res.ci_low) and np.isnan(res.i2)
    assert [w.code for w in res.warnings] == ["estimate.meta.one_study"]


def test_refuses_bad_input() -> None:
    frame = pd.DataFrame({"y": [0.1, 0.2], "se": [0.1, 0.0]})
    with pytest.raises(DataError):
        meta(frame, effect="y", std_error="se")
    with pytest.raises(OptionError):
        meta(frame, effect="y", std_error="se", method="ML")  # type: ignore[arg-type]
    with pytest.raises(DataError):
        meta(frame, effect="y", std_error="missing")


def test_homogeneous_studies_give_zero_tau2() -> None:
    frame = pd.DataFrame({"y": [0.30, 0.31, 0.29, 0.30], "se": [0.2, 0.1, 0.3, 0.15]})
    for method in ("REML", "DL", "PM"):
        res = meta(frame, effect="y", std_error="se", method=method)  # type: ignore[arg-type]
        assert res.tau2 == 0.0 and res.i2 == 0.0


def simulate(k: int, tau2: float, reps: int, seed: int, ci: str) -> float:
    """Share of 95% intervals of the REML mean that contain the true mean 0.3.

    Organisations of 15-150 people per group report a standardised effect with
    variance about 2/n; true effects vary around 0.3 with variance ``tau2``.
    """
    rng = np.random.default_rng(seed)
    n = rng.integers(15, 151, size=(reps, k))
    v = 2.0 / n + 0.3**2 / (4.0 * n)
    theta = 0.3 + rng.normal(0.0, np.sqrt(tau2), size=(reps, k))
    y = theta + rng.normal(0.0, np.sqrt(v))
    out = core.pool(y, v, core.tau2_reml(y, v), ci)
    return float(np.mean((out["ci_low"] <= 0.3) & (out["ci_high"] >= 0.3)))


@pytest.mark.parametrize(("k", "tau2"), [(6, 0.05), (10, 0.10)])
def test_hksj_covers_with_known_heterogeneity(k: int, tau2: float) -> None:
    coverage = simulate(k, tau2, reps=2000, seed=20261203 + k, ci="hksj")
    assert COVERAGE_BAND[0] <= coverage <= COVERAGE_BAND[1]
    # the Wald interval is known to be too narrow with few studies
    assert simulate(k, tau2, reps=2000, seed=20261203 + k, ci="wald") < coverage


def test_vectorised_core_equals_one_by_one() -> None:
    rng = np.random.default_rng(3)
    y = rng.normal(0.2, 0.3, size=(5, 7))
    v = rng.uniform(0.01, 0.1, size=(5, 7))
    for method in ("REML", "DL", "PM"):
        batch = core.TAU2[method](y, v)
        single = [float(core.TAU2[method](y[i], v[i])) for i in range(5)]
        assert batch == pytest.approx(single, abs=1e-10)
