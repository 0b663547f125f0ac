"""Price indexation of euro parameters with a consumer price index (CPI).

No CPI series is shipped: the figures could not be verified offline, and a made-up
index would silently move every euro in a report. The user supplies yearly averages
(CBS StatLine table 83131NED, "Consumentenprijzen; prijsindex 2015=100", row
"Alle bestedingen", yearly figure); without them a report says the amounts are
*not indexed* and shows each parameter's own price year.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from impact.errors import DataError
from impact.value.parameters import ValueParameter


@dataclass(frozen=True, slots=True)
class PriceIndex:
    """Yearly index figures (any base year), e.g. CPI 2015=100 per year."""

    values: Mapping[int, float]
    source: str = "CBS StatLine 83131NED (CPI 2015=100), supplied by the user"
    name: str = "CPI"

    def __post_init__(self) -> None:
        for year, value in self.values.items():
            if not (isinstance(year, int) and math.isfinite(value) and value > 0):
                raise DataError.of("value.bad_index", year=year, value=value)

    def factor(self, from_year: int, to_year: int) -> float:
        """Multiplier that expresses a ``from_year`` price in ``to_year`` prices."""
        missing = [y for y in (from_year, to_year) if y not in self.values]
        if missing:
            years = ", ".join(str(y) for y in sorted(self.values))
            raise DataError.of(
                "value.index_year_missing", year=missing[0], years=years or "-"
            )
        return self.values[to_year] / self.values[from_year]


def index_parameters(
    parameters: Sequence[ValueParameter], to_year: int, index: PriceIndex
) -> tuple[ValueParameter, ...]:
    """Copies of euro parameters expressed in ``to_year`` prices.

    Ratios, parameters without an amount and those without a price year are
    returned unchanged (a ratio has no price; the others cannot be indexed).
    """
    out: list[ValueParameter] = []
    for p in parameters:
        if p.kind == "return_ratio" or p.amount is None or p.price_year is None:
            out.append(p)
            continue
        factor = index.factor(p.price_year, to_year)
        out.append(replace(p, amount=p.amount * factor, price_year=to_year))
    return tuple(out)
