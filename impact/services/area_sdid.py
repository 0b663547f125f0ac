"""Area programmes with one or two treated wijken: synthetic DiD.

With so few treated wijken no clustered or bootstrap interval is trustworthy;
synthetic difference-in-differences (:func:`impact.estimate.sdid`) builds the
comparison from a weighted mix of untreated wijken and takes its interval from
placebo estimates among them. Wijken treated at another date than the first
treated wijk are left out of the donor pool (they are not untreated), and so
are wijken not measured in every period.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from impact.errors import EstimationError
from impact.estimate import SdidResult, sdid

#: weights below this are not shown in the comparison mix
MIN_WEIGHT = 0.01


@dataclass(frozen=True)
class AreaSdid:
    result: SdidResult
    rows: pd.DataFrame  # the wijken and periods used, with ``d`` (treated 0/1)
    start: int
    weights: tuple[tuple[str, float], ...]


def fit_sdid(rows: pd.DataFrame) -> AreaSdid:
    """Synthetic DiD on area rows (``area_code, period, value, first``)."""
    starts = sorted(set(rows.loc[rows["first"] > 0, "first"]))
    if not starts:
        raise EstimationError.of("analysis.sdid.no_treated")
    start = int(starts[0])
    keep = _balanced(rows[(rows["first"] == 0) | (rows["first"] == start)])
    keep = keep.assign(d=((keep["first"] > 0) & (keep["period"] >= start)).astype(int))
    result = sdid(keep, outcome="value", unit="area_code", time="period", treated="d")
    w = result.unit_weights[result.unit_weights >= MIN_WEIGHT]
    w = w.sort_values(ascending=False)
    return AreaSdid(
        result, keep, start, tuple((str(k), float(v)) for k, v in w.items())
    )


def _balanced(rows: pd.DataFrame) -> pd.DataFrame:
    periods = rows["period"].nunique()
    counts = rows.groupby("area_code")["period"].transform("nunique")
    return rows[counts == periods]
