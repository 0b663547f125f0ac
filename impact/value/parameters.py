"""Euro value parameters for social cost-benefit analysis (MKBA / SROI).

Every shipped figure comes from the "Value parameters" table of the project's
domain notes, with its source; all are *defaults to review*. Figures the notes do
not give (e.g. euro per avoided problematic-debt case) are shipped as explicit
*assumption* parameters without an amount: the user supplies it, and the stated
derivation says how.

Kinds:

- ``unit_value``: euro per unit of effect per participant (per avoided case per
  year, per point of change). :func:`impact.value.social_value` multiplies these.
- ``return_ratio``: a published benefit/cost ratio (euro per euro invested), shown
  as a benchmark next to the programme's own ratio; never multiplied.
- ``context``: a figure that frames the value (e.g. national costs) but is not a
  per-participant price.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from impact.errors import DataError, check_option

ParameterKind = Literal["unit_value", "return_ratio", "context"]
PARAMETER_KINDS: tuple[ParameterKind, ...] = ("unit_value", "return_ratio", "context")
#: known beneficiaries (others are allowed and shown as written)
BENEFICIARIES: tuple[str, ...] = (
    "gemeente",
    "zorgverzekeraar",
    "rijk",
    "inwoner",
    "publiek",
    "samenleving",
)


@dataclass(frozen=True, slots=True)
class ValueParameter:
    """One euro figure with its unit, price year, beneficiary and source.

    ``label`` and ``unit`` are i18n keys (``value.param.*`` / ``value.unit.*``)
    for shipped parameters; a user-defined parameter may carry plain text.
    ``amount`` is ``None`` for an assumption the user still has to supply.
    """

    key: str
    label: str
    unit: str
    amount: float | None
    price_year: int | None
    beneficiary: str
    source: str
    kind: ParameterKind = "unit_value"
    is_default: bool = True
    is_assumption: bool = False
    derivation: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        check_option("kind", self.kind, PARAMETER_KINDS)

    @property
    def needs_amount(self) -> bool:
        return self.amount is None


def with_amount(
    parameter: ValueParameter,
    amount: float,
    *,
    price_year: int | None = None,
    source: str | None = None,
    note: str | None = None,
) -> ValueParameter:
    """A user-edited copy: the amount (and optionally year, source) set, no longer a
    shipped default."""
    return replace(
        parameter,
        amount=float(amount),
        price_year=parameter.price_year if price_year is None else price_year,
        source=parameter.source if source is None else source,
        note=parameter.note if note is None else note,
        is_default=False,
    )


_CEBEON = "Cebeon 2011, via Stichting Zwerfjongeren Nederland 2018"
_CEBEON_NOTE = "value.note.price_year_publication"

#: shipped defaults (to review): the domain notes' table, nothing else
DEFAULT_PARAMETERS: tuple[ValueParameter, ...] = (
    ValueParameter(
        key="shelter_cost_rough_sleeper",
        label="value.param.shelter_cost_rough_sleeper",
        unit="value.unit.per_person_year",
        amount=23_236.0,
        price_year=2011,
        beneficiary="gemeente",
        source=_CEBEON,
        note=_CEBEON_NOTE,
    ),
    ValueParameter(
        key="shelter_cost_resident",
        label="value.param.shelter_cost_resident",
        unit="value.unit.per_person_year",
        amount=10_384.0,
        price_year=2011,
        beneficiary="gemeente",
        source=_CEBEON,
        note=_CEBEON_NOTE,
    ),
    ValueParameter(
        key="public_cost_rough_sleeper",
        label="value.param.public_cost_rough_sleeper",
        unit="value.unit.per_avoided_case_year",
        amount=46_224.0,
        price_year=2011,
        beneficiary="publiek",
        source=_CEBEON,
        note=_CEBEON_NOTE,
    ),
    ValueParameter(
        key="public_cost_resident",
        label="value.param.public_cost_resident",
        unit="value.unit.per_avoided_case_year",
        amount=36_076.0,
        price_year=2011,
        beneficiary="publiek",
        source=_CEBEON,
        note=_CEBEON_NOTE,
    ),
    ValueParameter(
        key="debt_case_avoided",
        label="value.param.debt_case_avoided",
        unit="value.unit.per_avoided_case_year",
        amount=None,
        price_year=None,
        beneficiary="gemeente",
        source='Regioplan / HU, "Schuldhulpverlening loont!" 2011',
        is_assumption=True,
        derivation="value.derivation.debt_case_avoided",
        note="value.note.debt_split",
    ),
    ValueParameter(
        key="loneliness_case_avoided",
        label="value.param.loneliness_case_avoided",
        unit="value.unit.per_avoided_case_year",
        amount=None,
        price_year=None,
        beneficiary="zorgverzekeraar",
        source="Meisters et al. 2021, Int J Public Health",
        is_assumption=True,
        derivation="value.derivation.loneliness_case_avoided",
    ),
    ValueParameter(
        key="loneliness_national_cost",
        label="value.param.loneliness_national_cost",
        unit="value.unit.per_year_national",
        amount=2_000_000_000.0,
        price_year=None,
        beneficiary="zorgverzekeraar",
        source="Meisters et al. 2021, Int J Public Health",
        kind="context",
        note="value.note.loneliness_extra_costs",
    ),
    ValueParameter(
        key="return_debt_counselling",
        label="value.param.return_debt_counselling",
        unit="value.unit.per_euro",
        amount=2.0,
        price_year=None,
        beneficiary="samenleving",
        source='Regioplan / HU, "Schuldhulpverlening loont!" 2011',
        kind="return_ratio",
        note="value.note.debt_return",
    ),
    ValueParameter(
        key="return_multiproblem",
        label="value.param.return_multiproblem",
        unit="value.unit.per_euro",
        amount=1.90,
        price_year=None,
        beneficiary="samenleving",
        source="De Nooij 2021, Amsterdam Nieuw-West",
        kind="return_ratio",
    ),
    ValueParameter(
        key="return_social_work_average",
        label="value.param.return_social_work_average",
        unit="value.unit.per_euro",
        amount=1.6,
        price_year=None,
        beneficiary="samenleving",
        source="Impactkaart (SEOR meta-analysis)",
        kind="return_ratio",
    ),
)


def default_parameter(key: str) -> ValueParameter:
    """The shipped default with ``key``; raises :class:`DataError` listing the keys."""
    for parameter in DEFAULT_PARAMETERS:
        if parameter.key == key:
            return parameter
    known = ", ".join(p.key for p in DEFAULT_PARAMETERS)
    raise DataError.of("value.unknown_parameter", name=key, known=known)
