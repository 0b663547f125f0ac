"""Social value: known-truth cases, simulation against the analytic answer, defaults.

Reference figures for the shipped defaults come from /work/shared/DOMAIN.md,
"Value parameters": Cebeon 2011 (via Stichting Zwerfjongeren 2018), De Nooij 2021,
Impactkaart (SEOR), Regioplan/HU 2011, Meisters et al. 2021.
"""

from __future__ import annotations

import math

import pytest
from scipy import stats

from impact.errors import DataError
from impact.i18n import t
from impact.value import (
    DEFAULT_PARAMETERS,
    PriceIndex,
    ValueParameter,
    annuity_factor,
    default_parameter,
    index_parameters,
    sensitivity,
    social_value,
    with_amount,
)

EXACT = 1e-9
#: Monte Carlo tolerance, in simulation standard errors
MC_SIGMAS = 4.0
#: relative tolerance of a simulated 95% interval bound against the normal one
CI_REL = 0.03

REFERENCE_AMOUNTS = {
    "shelter_cost_rough_sleeper": 23_236.0,
    "shelter_cost_resident": 10_384.0,
    "public_cost_rough_sleeper": 46_224.0,
    "public_cost_resident": 36_076.0,
    "return_multiproblem": 1.90,
    "return_social_work_average": 1.6,
    "return_debt_counselling": 2.0,
    "loneliness_national_cost": 2e9,
}


def _param(
    amount: float, beneficiary: str = "gemeente", key: str = "p"
) -> ValueParameter:
    return ValueParameter(
        key=key,
        label=key,
        unit="value.unit.per_avoided_case_year",
        amount=amount,
        price_year=2024,
        beneficiary=beneficiary,
        source="test",
        is_default=False,
    )


def test_zero_standard_error_gives_exact_ratio_and_collapsed_interval() -> None:
    result = social_value(0.2, 50, [_param(10_000.0)], 80_000.0, std_error=0.0)
    assert result.benefit == pytest.approx(0.2 * 50 * 10_000, abs=EXACT)
    assert result.ratio == pytest.approx(100_000 / 80_000, abs=EXACT)
    assert result.net_value == pytest.approx(20_000.0, abs=EXACT)
    assert result.ratio_ci == pytest.approx((1.25, 1.25), abs=EXACT)


def test_simulation_matches_the_analytic_normal_answer() -> None:
    effect, se, n, amount, cost = 0.12, 0.04, 200, 36_076.0, 500_000.0
    result = social_value(effect, n, [_param(amount)], cost, std_error=se)
    scale = n * amount / cost
    analytic = effect * scale
    mc_se = se * scale / math.sqrt(result.n_draws)
    assert abs(result.simulated_mean_ratio - analytic) < MC_SIGMAS * mc_se
    z = stats.norm.ppf(0.975)
    assert result.ratio_ci[0] == pytest.approx(analytic - z * se * scale, rel=CI_REL)
    assert result.ratio_ci[1] == pytest.approx(analytic + z * se * scale, rel=CI_REL)


def test_interval_is_reproducible_with_the_seed() -> None:
    args = (0.1, 30, [_param(5_000.0)], 10_000.0)
    one = social_value(*args, std_error=0.05, seed=7)
    two = social_value(*args, std_error=0.05, seed=7)
    other = social_value(*args, std_error=0.05, seed=8)
    assert one.ratio_ci == two.ratio_ci
    assert one.ratio_ci != other.ratio_ci


def test_standard_error_is_derived_from_a_95_interval() -> None:
    result = social_value(0.5, 10, [_param(100.0)], 100.0, effect_ci=(0.1, 0.9))
    assert result.std_error == pytest.approx(0.8 / (2 * 1.959963984540054), rel=1e-9)


def test_annuity_factor_known_values() -> None:
    assert annuity_factor(3, 0.04) == pytest.approx(1 + 1 / 1.04 + 1 / 1.04**2)
    assert annuity_factor(2.5, 0.0) == pytest.approx(2.5)
    result = social_value(
        1.0,
        1,
        [_param(100.0)],
        100.0,
        std_error=0.0,
        duration_years=3,
        discount_rate=0.04,
    )
    assert result.ratio == pytest.approx(annuity_factor(3, 0.04))


def test_per_beneficiary_split_adds_up() -> None:
    params = [_param(3_000.0, "gemeente", "a"), _param(1_000.0, "rijk", "b")]
    result = social_value(0.5, 40, params, 10_000.0, std_error=0.1)
    split = {b.beneficiary: b for b in result.per_beneficiary}
    assert split["gemeente"].benefit == pytest.approx(0.5 * 40 * 3_000)
    assert split["rijk"].share == pytest.approx(0.25)
    assert sum(b.benefit for b in result.per_beneficiary) == pytest.approx(
        result.benefit
    )


def test_sensitivity_moves_each_input() -> None:
    result = social_value(0.2, 50, [_param(10_000.0)], 80_000.0, std_error=0.05)
    table = sensitivity(result).set_index(["factor", "variation"])
    assert table.loc[("parameter", 0.5), "ratio"] == pytest.approx(result.ratio * 1.5)
    assert table.loc[("parameter", -0.25), "ratio"] == pytest.approx(
        result.ratio * 0.75
    )
    z = stats.norm.ppf(0.975)
    low = (0.2 - z * 0.05) * 50 * 10_000 / 80_000
    assert table.loc[("effect", "ci_low"), "ratio"] == pytest.approx(low)
    assert table.loc[("duration", 0.5), "benefit"] == pytest.approx(
        result.benefit * 1.5
    )


def test_benchmarks_are_kept_but_not_multiplied() -> None:
    params = [_param(1_000.0), default_parameter("return_social_work_average")]
    result = social_value(1.0, 1, params, 1_000.0, std_error=0.0)
    assert result.ratio == pytest.approx(1.0)
    assert [b.key for b in result.benchmarks] == ["return_social_work_average"]


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"std_error": None}, "standaardfout"),
        ({"std_error": 0.1, "programme_cost": 0.0}, "kosten"),
        ({"std_error": -1.0}, "standaardfout"),
    ],
)
def test_bad_inputs_are_refused_with_a_message(
    kwargs: dict[str, float | None], fragment: str
) -> None:
    cost = kwargs.pop("programme_cost", 1_000.0)
    with pytest.raises(DataError, match=fragment):
        social_value(0.1, 10, [_param(100.0)], float(cost or 0.0), **kwargs)  # type: ignore[arg-type]


def test_assumption_without_amount_must_be_filled_in() -> None:
    debt = default_parameter("debt_case_avoided")
    assert debt.is_assumption and debt.amount is None and debt.derivation
    with pytest.raises(DataError, match="debt_case_avoided"):
        social_value(0.1, 10, [debt], 1_000.0, std_error=0.0)
    filled = with_amount(debt, 4_000.0, price_year=2024, source="eigen berekening")
    assert not filled.is_default
    assert social_value(0.1, 10, [filled], 1_000.0, std_error=0.0).ratio == 4.0


def test_shipped_defaults_are_the_domain_figures_with_sources() -> None:
    amounts = {p.key: p.amount for p in DEFAULT_PARAMETERS if p.amount is not None}
    assert amounts == REFERENCE_AMOUNTS
    for p in DEFAULT_PARAMETERS:
        assert p.is_default and p.source
        for key in (p.label, p.unit, p.derivation, p.note):
            if key:
                assert t(key, lang="nl") and t(key, lang="en")
        assert t(f"value.beneficiary.{p.beneficiary}", lang="en")


def test_indexation_with_a_supplied_index() -> None:
    index = PriceIndex({2011: 90.0, 2024: 126.0})
    shelter = default_parameter("shelter_cost_resident")
    ratio = default_parameter("return_multiproblem")
    moved, same = index_parameters([shelter, ratio], 2024, index)
    assert moved.amount == pytest.approx(10_384.0 * 126.0 / 90.0)
    assert moved.price_year == 2024
    assert same == ratio
    with pytest.raises(DataError, match="2011"):
        index_parameters([shelter], 2024, PriceIndex({2024: 126.0}))
