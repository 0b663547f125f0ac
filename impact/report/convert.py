"""Build report parts from results of the layers to the left (value)."""

from __future__ import annotations

from collections.abc import Sequence

from impact.report.model import (
    BeneficiaryRow,
    ParameterRow,
    SensitivityRow,
    ValueSection,
)
from impact.value import ValueParameter, ValueResult, sensitivity
from impact.value.social_value import SENSITIVITY_STEPS


def parameter_row(p: ValueParameter) -> ParameterRow:
    return ParameterRow(
        key=p.key,
        label=p.label,
        unit=p.unit,
        amount=p.amount,
        price_year=p.price_year,
        beneficiary=p.beneficiary,
        source=p.source,
        kind=p.kind,
        is_default=p.is_default,
        is_assumption=p.is_assumption,
        derivation=p.derivation,
        note=p.note,
    )


def value_section(
    result: ValueResult,
    outcome_key: str,
    steps: Sequence[float] = SENSITIVITY_STEPS,
) -> ValueSection:
    """The report's value section from :func:`impact.value.social_value`'s result,
    with the sensitivity table computed here."""
    table = sensitivity(result, steps)
    rows = tuple(
        SensitivityRow(
            factor=str(r["factor"]),
            key=str(r["key"]),
            variation=None
            if isinstance(r["variation"], str)
            else float(r["variation"]),
            bound=r["variation"] if isinstance(r["variation"], str) else None,
            value=float(r["value"]),
            benefit=float(r["benefit"]),
            net_value=float(r["net_value"]),
            ratio=float(r["ratio"]),
        )
        for r in table.to_dict("records")
    )
    return ValueSection(
        outcome_key=outcome_key,
        effect=result.effect,
        std_error=result.std_error,
        n_participants=result.n_participants,
        programme_cost=result.programme_cost,
        duration_years=result.duration_years,
        discount_rate=result.discount_rate,
        benefit=result.benefit,
        benefit_ci_low=result.benefit_ci[0],
        benefit_ci_high=result.benefit_ci[1],
        net_value=result.net_value,
        net_value_ci_low=result.net_value_ci[0],
        net_value_ci_high=result.net_value_ci[1],
        ratio=result.ratio,
        ratio_ci_low=result.ratio_ci[0],
        ratio_ci_high=result.ratio_ci[1],
        ci_level=result.ci_level,
        per_beneficiary=tuple(
            BeneficiaryRow(b.beneficiary, b.benefit, b.share)
            for b in result.per_beneficiary
        ),
        parameters=tuple(parameter_row(p) for p in result.parameters),
        benchmarks=tuple(parameter_row(p) for p in result.benchmarks),
        sensitivity=rows,
        n_draws=result.n_draws,
        seed=result.seed,
        price_year=result.price_year,
        indexed=result.indexed,
    )
