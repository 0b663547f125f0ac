"""Social value of a programme: effect x euro parameters against its cost.

``effect`` is the estimated effect per participant in the unit the parameters price
(e.g. avoided cases per participant per year, or points of change), signed so
that a positive effect is a benefit. Its uncertainty (standard error, or a 95%
interval from which the standard error is derived) is carried to the benefit/cost
ratio by simulation: draws from the effect's normal sampling distribution, seeded,
so the same inputs always give the same interval. The euro parameters are treated
as fixed; :func:`sensitivity` shows how the result moves when they are not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from impact.errors import DataError
from impact.value.parameters import ValueParameter

DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 20_240_601
SENSITIVITY_STEPS: tuple[float, ...] = (-0.5, -0.25, 0.25, 0.5)


@dataclass(frozen=True, slots=True)
class BeneficiaryValue:
    """The part of the benefit that falls to one beneficiary (point estimate)."""

    beneficiary: str
    benefit: float
    share: float


@dataclass(frozen=True, slots=True)
class ValueResult:
    """Benefit, net value and benefit/cost ratio with simulated intervals.

    ``value_per_unit`` is euro per unit of effect per participant over the whole
    duration (discounted). Intervals are ``(low, high)`` at ``ci_level``.
    """

    effect: float
    std_error: float
    ci_level: float
    n_participants: int
    programme_cost: float
    duration_years: float
    discount_rate: float
    value_per_unit: float
    benefit: float
    benefit_ci: tuple[float, float]
    net_value: float
    net_value_ci: tuple[float, float]
    ratio: float
    ratio_ci: tuple[float, float]
    simulated_mean_ratio: float
    per_beneficiary: tuple[BeneficiaryValue, ...]
    parameters: tuple[ValueParameter, ...]
    benchmarks: tuple[ValueParameter, ...]
    n_draws: int
    seed: int
    price_year: int | None = None
    indexed: bool = False


def annuity_factor(duration_years: float, discount_rate: float) -> float:
    """Present value of 1 euro a year for ``duration_years`` (first year undiscounted;
    a final partial year counts pro rata)."""
    whole = math.floor(duration_years)
    factor = sum((1 + discount_rate) ** -year for year in range(whole))
    factor += (duration_years - whole) * (1 + discount_rate) ** -whole
    return factor


def social_value(
    effect: float,
    n_participants: int,
    parameters: Sequence[ValueParameter],
    programme_cost: float,
    *,
    std_error: float | None = None,
    effect_ci: tuple[float, float] | None = None,
    duration_years: float = 1.0,
    discount_rate: float = 0.0,
    ci_level: float = 0.95,
    n_draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    price_year: int | None = None,
    indexed: bool = False,
) -> ValueResult:
    """Value the effect with the ``unit_value`` parameters; see the module docstring.

    Give ``std_error`` or ``effect_ci`` (a 95% interval; ``std_error`` wins).
    ``return_ratio`` parameters are kept as benchmarks, ``context`` ones ignored.
    """
    se = _standard_error(std_error, effect_ci)
    units, benchmarks = _split_parameters(parameters)
    _check_inputs(n_participants, programme_cost, duration_years, discount_rate)
    factor = annuity_factor(duration_years, discount_rate)
    per_unit = factor * sum(float(p.amount or 0.0) for p in units)
    scale = n_participants * per_unit
    benefit = effect * scale
    draws = effect + se * np.random.default_rng(seed).standard_normal(n_draws)
    benefit_draws = draws * scale
    tail = (1 - ci_level) / 2 * 100
    low, high = np.percentile(benefit_draws, [tail, 100 - tail])
    return ValueResult(
        effect=effect,
        std_error=se,
        ci_level=ci_level,
        n_participants=n_participants,
        programme_cost=programme_cost,
        duration_years=duration_years,
        discount_rate=discount_rate,
        value_per_unit=per_unit,
        benefit=benefit,
        benefit_ci=(float(low), float(high)),
        net_value=benefit - programme_cost,
        net_value_ci=(float(low) - programme_cost, float(high) - programme_cost),
        ratio=benefit / programme_cost,
        ratio_ci=(float(low) / programme_cost, float(high) / programme_cost),
        simulated_mean_ratio=float(benefit_draws.mean()) / programme_cost,
        per_beneficiary=_per_beneficiary(units, effect * n_participants * factor),
        parameters=units,
        benchmarks=benchmarks,
        n_draws=n_draws,
        seed=seed,
        price_year=price_year,
        indexed=indexed,
    )


def _standard_error(
    std_error: float | None, effect_ci: tuple[float, float] | None
) -> float:
    if std_error is not None:
        se = float(std_error)
    elif effect_ci is not None:
        se = (effect_ci[1] - effect_ci[0]) / (2 * float(stats.norm.ppf(0.975)))
    else:
        raise DataError.of("value.no_uncertainty")
    if not math.isfinite(se) or se < 0:
        raise DataError.of("value.bad_std_error", value=se)
    return se


def _split_parameters(
    parameters: Sequence[ValueParameter],
) -> tuple[tuple[ValueParameter, ...], tuple[ValueParameter, ...]]:
    units = tuple(p for p in parameters if p.kind == "unit_value")
    missing = [p.key for p in units if p.amount is None]
    if missing:
        raise DataError.of("value.amount_missing", keys=", ".join(missing))
    if not units:
        raise DataError.of("value.no_unit_values")
    return units, tuple(p for p in parameters if p.kind == "return_ratio")


def _check_inputs(n: int, cost: float, duration: float, rate: float) -> None:
    if n < 1:
        raise DataError.of("value.no_participants")
    if not (math.isfinite(cost) and cost > 0):
        raise DataError.of("value.bad_cost", cost=cost)
    if not (duration > 0 and 0 <= rate < 1):
        raise DataError.of("value.bad_duration", years=duration, rate=rate)


def _per_beneficiary(
    units: Sequence[ValueParameter], effect_volume: float
) -> tuple[BeneficiaryValue, ...]:
    totals: dict[str, float] = {}
    for p in units:
        totals[p.beneficiary] = totals.get(p.beneficiary, 0.0) + float(p.amount or 0)
    whole = sum(totals.values())
    return tuple(
        BeneficiaryValue(name, effect_volume * amount, amount / whole if whole else 0.0)
        for name, amount in totals.items()
    )


def sensitivity(
    result: ValueResult, steps: Sequence[float] = SENSITIVITY_STEPS
) -> pd.DataFrame:
    """Point results when one input changes at a time.

    Rows: each ``unit_value`` parameter at ``1 + step`` times its amount, the effect
    at its interval bounds, and the duration at ``1 + step``. Columns: ``factor``
    (``"parameter"``, ``"effect"``, ``"duration"``), ``key``, ``variation`` (the
    step as a fraction, or ``"ci_low"``/``"ci_high"``), ``value`` (the changed
    input), ``benefit``, ``net_value``, ``ratio``.
    """
    rows: list[dict[str, object]] = []
    amounts = {p.key: float(p.amount or 0.0) for p in result.parameters}
    for key, amount in amounts.items():
        for step in steps:
            changed = {**amounts, key: amount * (1 + step)}
            benefit = _point_benefit(result, changed, result.effect, None)
            rows.append(
                _row(result, "parameter", key, step, amount * (1 + step), benefit)
            )
    z = float(stats.norm.ppf(0.5 + result.ci_level / 2))
    for label, sign in (("ci_low", -1), ("ci_high", 1)):
        effect = result.effect + sign * z * result.std_error
        benefit = _point_benefit(result, amounts, effect, None)
        rows.append(_row(result, "effect", "effect", label, effect, benefit))
    for step in steps:
        years = result.duration_years * (1 + step)
        benefit = _point_benefit(result, amounts, result.effect, years)
        rows.append(_row(result, "duration", "duration_years", step, years, benefit))
    return pd.DataFrame(rows)


def _point_benefit(
    result: ValueResult, amounts: dict[str, float], effect: float, years: float | None
) -> float:
    duration = result.duration_years if years is None else years
    factor = annuity_factor(duration, result.discount_rate)
    return effect * result.n_participants * factor * sum(amounts.values())


def _row(
    result: ValueResult,
    factor: str,
    key: str,
    variation: float | str,
    value: float,
    benefit: float,
) -> dict[str, object]:
    cost = result.programme_cost
    return {
        "factor": factor,
        "key": key,
        "variation": variation,
        "value": value,
        "benefit": benefit,
        "net_value": benefit - cost,
        "ratio": benefit / cost,
    }
