"""``impact cbs import``: CBS neighbourhood statistics as names and comparison data.

Loads *Kerncijfers wijken en buurten* (online through ``cbsodata``, or a file
downloaded from CBS Open Data), stores the names of gemeenten, wijken and
buurten (so dashboards and reports show names), and stores the chosen
indicators of wijken and buurten as area observations of the organisation's
programme ``CBS Kerncijfers wijken en buurten`` (one import batch: undo works as
for any import). Area programmes can use those wijken as comparison areas.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlalchemy.engine import Engine

from impact.errors import DataError
from impact.ingest import cbs
from impact.services.imports import frames_sha256, import_frames
from impact.store import areas, orgs, programmes
from impact.store.engine import write_scope

CBS_PROGRAMME = "CBS Kerncijfers wijken en buurten"


@dataclass(frozen=True, slots=True)
class CbsImport:
    table: str
    year: int
    names: int
    wijken: int
    buurten: int
    indicators: tuple[str, ...]
    observations: int


def _source(table: str | None, file: Path | None) -> tuple[pd.DataFrame, str]:
    if (table is None) == (file is None):
        raise DataError.of("cbs.one_source")
    if table is not None:
        return cbs.fetch(table.strip().upper()), table.strip().upper()
    assert file is not None  # noqa: S101 - checked above
    return cbs.read_file(file), cbs.table_id_of(file) or file.stem[:40]


def import_cbs(
    *,
    engine: Engine,
    org_slug: str,
    table: str | None = None,
    file: Path | None = None,
    gemeenten: tuple[str, ...] = (),
    indicators: tuple[str, ...] = (),
    year: int | None = None,
    actor: str = "",
) -> CbsImport:
    """Names and indicators of a CBS Kerncijfers table (see module docstring)."""
    frame, table_id = _source(table, file)
    period = year or cbs.TABLE_YEARS.get(table_id)
    if period is None:
        raise DataError.of("cbs.no_year", table=table_id)
    parsed = cbs.parse(frame, gemeenten=gemeenten, indicators=indicators)
    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        areas.upsert_area_names(session=session, names=parsed.names, source=table_id)
        programmes.upsert_programme(
            session=session, org=org, name=CBS_PROGRAMME, design="area", theme="cbs"
        )
    inserted = _store_values(engine, org_slug, parsed.values, period, table_id, actor)
    level = parsed.names["level"]
    return CbsImport(
        table_id,
        period,
        len(parsed.names),
        int((level == "wijk").sum()),
        int((level == "buurt").sum()),
        parsed.indicators,
        inserted,
    )


def _store_values(
    engine: Engine,
    org_slug: str,
    values: pd.DataFrame,
    period: int,
    table_id: str,
    actor: str,
) -> int:
    if values.empty:
        return 0
    area = values.assign(
        programme=CBS_PROGRAMME,
        period=period,
        first_treated=pd.array([pd.NA] * len(values), dtype="Int64"),
    )[["programme", "area_code", "period", "indicator", "value", "first_treated"]]
    result = import_frames(
        engine=engine,
        org_slug=org_slug,
        measurements=None,
        area=area,
        filename=f"cbs-{table_id}",
        file_sha256=frames_sha256(area),
        actor=actor,
    )
    return result.inserted
