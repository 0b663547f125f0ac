"""CBS *Kerncijfers wijken en buurten*: area names and indicators.

Reads the table in the shape CBS Open Data (OData v3) serves it and the
``cbsodata`` client returns it (``cbsodata.get_data("85984NED")``): one row per
region with ``WijkenEnBuurten`` (the region's name, or its code in the raw
``TypedDataSet``), ``Gemeentenaam_1``, ``SoortRegio_2`` (``Gemeente``, ``Wijk``,
``Buurt``), ``Codering_3`` (``GM0363``, ``WK036300``, ``BU03630000``) and one
column per indicator (``AantalInwoners_5``, ...). Text cells are padded with
spaces by CBS; missing values are empty or ``.``. A file is that table saved
as CSV (``;`` or ``,``) or JSON (a list of rows, or OData's ``{"value": [...]}``).

Indicator names are the CBS keys without their number: ``AantalInwoners_5``
is ``AantalInwoners`` (either spelling may be asked for). Kerncijfers tables
hold one year each; :data:`TABLE_YEARS` knows the recent ones.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from impact.domain.areas import is_area_code
from impact.errors import DataError

#: Kerncijfers wijken en buurten: table id -> year it describes
TABLE_YEARS: dict[str, int] = {
    "83487NED": 2016,
    "83765NED": 2017,
    "84286NED": 2018,
    "84583NED": 2019,
    "84799NED": 2020,
    "85039NED": 2021,
    "85318NED": 2022,
    "85618NED": 2023,
    "85984NED": 2024,
}
LEVELS = {"gemeente": "gemeente", "wijk": "wijk", "buurt": "buurt"}
REQUIRED = ("WijkenEnBuurten", "SoortRegio_2", "Codering_3")
META = {
    "ID",
    "WijkenEnBuurten",
    "Gemeentenaam_1",
    "SoortRegio_2",
    "Codering_3",
    "IndelingswijzigingWijkenEnBuurten_4",
}
_SUFFIX = re.compile(r"_\d+$")


@dataclass(frozen=True, slots=True)
class CbsTable:
    """``names``: code, name, level, gemeente_code; ``values``: area_code,
    indicator, value (wijken and buurten only)."""

    names: pd.DataFrame
    values: pd.DataFrame
    indicators: tuple[str, ...]


def table_id_of(path: Path) -> str | None:
    """The Kerncijfers table id in a file name (``85984NED_TypedDataSet.csv``)."""
    match = re.search(r"\d{5}NED", path.name.upper())
    return match.group(0) if match else None


def read_file(path: Path) -> pd.DataFrame:
    """A CBS table downloaded as CSV or JSON, all cells as text."""
    if not path.is_file():
        raise DataError.of("cbs.no_file", path=path.name)
    raw = path.read_bytes()
    if path.suffix.lower() == ".json":
        data = json.loads(raw.decode("utf-8-sig"))
        rows = data.get("value", data) if isinstance(data, dict) else data
        return pd.DataFrame(rows).astype("string")
    text = raw.decode("utf-8-sig")
    sep = (
        ";"
        if text.splitlines()[0].count(";") >= text.splitlines()[0].count(",")
        else ","
    )
    from io import StringIO

    return pd.read_csv(StringIO(text), sep=sep, dtype="string", keep_default_na=False)


def _clean(series: pd.Series) -> pd.Series:
    return series.astype("string").str.strip()


def _number(series: pd.Series) -> pd.Series:
    text = _clean(series).replace({"": None, ".": None, "x": None})
    return pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")


def _wanted(columns: list[str], indicators: tuple[str, ...]) -> list[str]:
    """The indicator columns asked for (all when none are named)."""
    available = [c for c in columns if c not in META]
    if not indicators:
        return available
    by_name = {_SUFFIX.sub("", c).lower(): c for c in available}
    by_name |= {c.lower(): c for c in available}
    missing = [i for i in indicators if i.lower() not in by_name]
    if missing:
        shown = ", ".join(sorted({_SUFFIX.sub("", c) for c in available})[:30])
        raise DataError.of(
            "cbs.no_indicator", missing=", ".join(missing), available=shown
        )
    return [by_name[i.lower()] for i in indicators]


def parse(
    frame: pd.DataFrame,
    *,
    gemeenten: tuple[str, ...] = (),
    indicators: tuple[str, ...] = (),
) -> CbsTable:
    """Names and indicator values of the regions of ``gemeenten`` (all if empty)."""
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise DataError.of("cbs.not_kerncijfers", missing=", ".join(missing))
    code = _clean(frame["Codering_3"]).str.upper()
    level = _clean(frame["SoortRegio_2"]).str.lower().map(LEVELS)
    title = _clean(frame["WijkenEnBuurten"])
    name = title.where(title.str.upper() != code, pd.NA)
    keep = level.notna() & code.map(is_area_code)
    gemeente = "GM" + code.str[2:6]
    if gemeenten:
        keep &= gemeente.isin([g.strip().upper() for g in gemeenten])
    if not keep.any():
        raise DataError.of("cbs.no_regions", gemeenten=", ".join(gemeenten) or "-")
    names = pd.DataFrame(
        {"code": code, "name": name, "level": level, "gemeente_code": gemeente}
    )[keep & name.notna()]
    columns = _wanted([str(c) for c in frame.columns], indicators)
    area = keep & level.isin(["wijk", "buurt"])
    parts = [
        pd.DataFrame(
            {
                "area_code": code[area],
                "indicator": _SUFFIX.sub("", c),
                "value": _number(frame.loc[area, c]),
            }
        )
        for c in columns
    ]
    values = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    if not values.empty:
        values = values.dropna(subset=["value"]).reset_index(drop=True)
    shown = tuple(_SUFFIX.sub("", c) for c in columns)
    return CbsTable(names.reset_index(drop=True), values, shown)


def fetch(table_id: str) -> pd.DataFrame:
    """The table from CBS Open Data through ``cbsodata`` (needs the internet)."""
    try:
        import cbsodata  # type: ignore[import-not-found, unused-ignore]
    except ImportError as exc:
        raise DataError.of("cbs.no_client") from exc
    try:
        rows = cbsodata.get_data(table_id)
    except Exception as exc:  # network, unknown table: say so, no traceback
        raise DataError.of(
            "cbs.fetch_failed", table=table_id, error=str(exc)[:200]
        ) from exc
    return pd.DataFrame(rows).astype("string")
