"""Area panels: an indicator per wijk or buurt per period, some areas treated.

``period`` is a year (2021) or a month as yyyymm (202103); every period and
``first_treated`` of one file must use the same unit. ``first_treated`` is the
first period with the intervention, blank (or "nooit"/"never") for areas that
never got it, and must be the same on every row of an area.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.domain.areas import is_area_code, parse_area_code
from impact.ingest import fields
from impact.ingest.catalog import Catalog
from impact.ingest.convert import Factor, as_text, parse_number
from impact.ingest.models import IngestContext, empty_area_observations
from impact.ingest.participant import NO_INSTRUMENT, values_of
from impact.ingest.problems import ProblemLog
from impact.ingest.sheet import MappedSheet

NEVER = frozenset({"nooit", "never", "geen", "none", "nvt", "n_v_t", "-", "na"})
_YEAR_MONTH = re.compile(r"^(\d{4})[-/. ](\d{1,2})$|^(\d{1,2})[-/. ](\d{4})$")
YEAR, MONTH = 1, 2
AREA_LABELS = {
    "area_code": "gebiedscode / area code",
    "period": "periode / period",
    "indicator": "indicator",
    "value": "waarde / value",
    "first_treated": "eerste periode interventie / first treated",
}


@dataclass(frozen=True)
class AreaPanel:
    sheet: str
    programme: Factor
    area: Factor
    period: np.ndarray
    indicator: Factor
    value: np.ndarray
    first_treated: np.ndarray  # -1 = never
    source_row: np.ndarray


def parse_period(value: object) -> tuple[int, int] | None:
    """(period, unit) from 2021, 202103, "2021-03", "03-2021" or a date cell."""
    if hasattr(value, "year") and hasattr(value, "month"):
        return int(value.year) * 100 + int(value.month), MONTH
    number = parse_number(value) if not isinstance(value, bool) else None
    if number is not None and number.is_integer():
        n = int(number)
        if 1900 <= n <= 2100:
            return n, YEAR
        if 190001 <= n <= 210012 and 1 <= n % 100 <= 12:
            return n, MONTH
        return None
    if isinstance(value, str) and (m := _YEAR_MONTH.match(value.strip())):
        year, month = (int(m[1]), int(m[2])) if m[1] else (int(m[4]), int(m[3]))
        if 1900 <= year <= 2100 and 1 <= month <= 12:
            return year * 100 + month, MONTH
    return None


def _periods(
    sheet: MappedSheet, target: str, allow_never: bool
) -> tuple[np.ndarray, np.ndarray]:
    """(period, unit) per row; unit 0 for blank/never, -1 for bad (logged)."""
    j = sheet.require(target)
    fac, texts = sheet.texts(j)
    periods, units = [], []
    for raw, text in zip(fac.uniques, texts, strict=True):
        never = not text or (allow_never and text.lower() in NEVER)
        found = None if never else parse_period(raw)
        periods.append(found[0] if found else -1)
        units.append(0 if never else found[1] if found else -1)
    unit = fac.take(np.array(units, dtype=np.int64))
    code = "first_treated_bad" if allow_never else "period_bad"
    sheet.report(code, j, unit == -1)
    if not allow_never:
        sheet.report("period_missing", j, unit == 0)
    return fac.take(np.array(periods, dtype=np.int64)), unit


def _areas(sheet: MappedSheet) -> Factor:
    j = sheet.require("area_code")
    fac, texts = sheet.texts(j)
    codes = [parse_area_code(x).code if is_area_code(x) else "" for x in texts]
    bad = np.array([c == "" for c in codes], dtype=bool)
    sheet.report("area_code_bad", j, fac.take(bad))
    return fac.relabel(codes)


def _indicators(sheet: MappedSheet, catalog: Catalog) -> np.ndarray:
    j = sheet.require("indicator")
    fac, texts = sheet.texts(j)
    found = [catalog.instrument_index(x) if x else None for x in texts]
    idx = np.array([NO_INSTRUMENT if f is None else f for f in found], dtype=np.int64)
    sheet.report(
        "indicator_unknown",
        j,
        fac.take(idx == NO_INSTRUMENT),
        known=", ".join(catalog.codes),
    )
    return fac.take(idx)


def build_area_sheet(
    sheet: MappedSheet, ctx: IngestContext, catalog: Catalog
) -> AreaPanel | None:
    missing = [f for f in AREA_LABELS if sheet.index_of(f) is None]
    for name in missing:
        sheet.report_column("column_missing", None, field=AREA_LABELS[name])
    if missing:
        return None
    programme = fields.programmes(sheet, ctx)
    area = _areas(sheet)
    period, unit = _periods(sheet, "period", allow_never=False)
    first, first_unit = _periods(sheet, "first_treated", allow_never=True)
    _check_units(sheet, unit, first_unit)
    inst = _indicators(sheet, catalog)
    j = sheet.require("value")
    value, blank = values_of(sheet, j, inst, catalog)
    sheet.report("value_missing", j, blank, severity="warning")
    _check_area_ranges(sheet, j, inst, value, catalog)
    keep = np.flatnonzero(~blank)
    return AreaPanel(
        sheet=sheet.name,
        programme=programme.subset(keep),
        area=area.subset(keep),
        period=period[keep],
        indicator=Factor(inst[keep], np.array((*catalog.codes, ""), dtype=object)),
        value=value[keep],
        first_treated=np.where(first_unit[keep] > 0, first[keep], -1),
        source_row=sheet.rows[keep],
    )


def _check_units(sheet: MappedSheet, unit: np.ndarray, first_unit: np.ndarray) -> None:
    known = unit[unit > 0]
    if not len(known):
        return
    main = int(np.bincount(known).argmax())
    for target, units in (("period", unit), ("first_treated", first_unit)):
        j = sheet.require(target)
        sheet.report("period_mixed", j, (units > 0) & (units != main))


def _check_area_ranges(
    sheet: MappedSheet, j: int, inst: np.ndarray, value: np.ndarray, catalog: Catalog
) -> None:
    scale = catalog.scale_arrays()
    has = (inst >= 0) & ~np.isnan(value)
    i = np.where(has, inst, 0)
    out = has & ((value < scale["min"][i]) | (value > scale["max"][i]))
    for k in np.unique(i[out]):
        ins = catalog.instruments[int(k)]
        sheet.report(
            "value_out_of_range",
            j,
            out & (i == k),
            instrument=ins.code,
            low=as_text(float(ins.scale_min)),
            high=as_text(float(ins.scale_max)),
        )


def area_cross_checks(panels: list[AreaPanel], log: ProblemLog) -> None:
    """Duplicate observations; first_treated differing within one area."""
    if not panels:
        return
    frame = pd.DataFrame(
        {
            "p": Factor.concat([p.programme for p in panels]).dense_ids(),
            "a": Factor.concat([p.area for p in panels]).dense_ids(),
            "t": np.concatenate([p.period for p in panels]),
            "i": Factor.concat([p.indicator for p in panels]).dense_ids(),
            "g": np.concatenate([p.first_treated for p in panels]),
            "sheet": np.concatenate(
                [np.full(len(p.period), p.sheet, dtype=object) for p in panels]
            ),
            "row": np.concatenate([p.source_row for p in panels]),
        }
    )
    for _, item in frame[frame.duplicated(["p", "a", "t", "i"])].head(1000).iterrows():
        log.add("area_duplicate", sheet=item["sheet"], row=int(item["row"]))
    varies = frame.groupby(["p", "a"])["g"].transform("nunique") > 1
    first = frame[varies].drop_duplicates(["p", "a"])
    for _, item in first.iterrows():
        log.add("first_treated_varies", sheet=item["sheet"], row=int(item["row"]))


def area_frame(panels: list[AreaPanel]) -> pd.DataFrame:
    if not panels:
        return empty_area_observations()
    first = np.concatenate([p.first_treated for p in panels])
    return pd.DataFrame(
        {
            "programme": Factor.concat([p.programme for p in panels]).string_array(),
            "area_code": Factor.concat([p.area for p in panels]).string_array(),
            "period": np.concatenate([p.period for p in panels]).astype(np.int64),
            "indicator": Factor.concat([p.indicator for p in panels]).string_array(),
            "value": np.concatenate([p.value for p in panels]).astype(np.float64),
            "first_treated": pd.arrays.IntegerArray(
                np.where(first < 0, 0, first).astype(np.int64), first < 0
            ),
            "sheet": Factor.concat(
                [Factor.const(p.sheet, len(p.period)) for p in panels]
            ).string_array(),
            "source_row": np.concatenate([p.source_row for p in panels]).astype(
                np.int64
            ),
        }
    )
