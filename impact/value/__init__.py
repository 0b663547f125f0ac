"""Social cost-benefit (MKBA / SROI): an estimated effect valued in euro.

Parameters (:mod:`.parameters`) carry amount, unit, price year, beneficiary and
source; :func:`social_value` turns an effect and its uncertainty into a
benefit/cost ratio with an interval; :func:`sensitivity` varies one input at a
time; :mod:`.indexation` expresses prices in one year with a user-supplied CPI.
"""

from __future__ import annotations

from impact.value.indexation import PriceIndex, index_parameters
from impact.value.parameters import (
    BENEFICIARIES,
    DEFAULT_PARAMETERS,
    ValueParameter,
    default_parameter,
    with_amount,
)
from impact.value.social_value import (
    BeneficiaryValue,
    ValueResult,
    annuity_factor,
    sensitivity,
    social_value,
)

__all__ = [
    "BENEFICIARIES",
    "DEFAULT_PARAMETERS",
    "BeneficiaryValue",
    "PriceIndex",
    "ValueParameter",
    "ValueResult",
    "annuity_factor",
    "default_parameter",
    "index_parameters",
    "sensitivity",
    "social_value",
    "with_amount",
]
