"""parse_upload and inspect_upload: the two entry points of the ingest layer.

Order: refuse hostile files → structural scan → read cells → BSN scan of every
cell → pick data sheets and the mapping → parse and check rows → cross-sheet
checks → frames (only when no error was found: imports are all-or-nothing).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from impact.errors import ImportRefused
from impact.i18n import t, use_language
from impact.ingest import area, panel
from impact.ingest.catalog import Catalog
from impact.ingest.convert import as_text
from impact.ingest.fastread import Reads
from impact.ingest.mapping import (
    Table,
    bad_targets,
    guess_mapping,
    kind_of,
    layout_of,
    make_table,
)
from impact.ingest.models import (
    IngestContext,
    ParsedUpload,
    empty_area_observations,
    empty_measurements,
)
from impact.ingest.problems import ProblemLog
from impact.ingest.sheet import MappedSheet
from impact.ingest.structure import (
    flag_columns,
    scan_bsn,
    scan_long_cells,
    scan_structure,
)
from impact.ingest.vocabulary import IGNORE, PERSONAL
from impact.ingest.workbook import Opened, OpenedSheet, open_upload

Progress = Callable[[float, str], None]
EXAMPLE_REFS = frozenset({"voorbeeld", "example"})
KEY_FIELDS = ("client_ref", "area_code")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_upload(
    data: bytes,
    filename: str,
    ctx: IngestContext,
    progress: Progress | None = None,
    pending: Reads | None = None,
    opened: Opened | None = None,
) -> ParsedUpload:
    """Validated, normalised frames plus every problem found, in one pass
    (``pending``: reads of the upload started earlier by the caller)."""
    report = progress or (lambda _f, _m: None)
    with use_language(ctx.lang):
        digest = sha256(data)
        report(0.0, t("ingest.progress_checking"))
        if opened is None:
            try:
                opened = open_upload(data, filename, ctx.max_bytes, pending)
            except ImportRefused as refused:
                opened = refused
        if isinstance(opened, ImportRefused):
            return _refused(opened, digest)
        sheets = opened
        report(0.7, t("ingest.progress_checking_cells"))
        result = _parse_sheets(sheets, ctx, digest)
        report(1.0, t("ingest.progress_done"))
        return result


def _refused(refused: ImportRefused, digest: str) -> ParsedUpload:
    return ParsedUpload(
        kind="participant",
        layout="long",
        measurements=empty_measurements(),
        area_observations=empty_area_observations(),
        problems=tuple(refused.problems),
        mapping={},
        file_sha256=digest,
        n_rows_read=0,
    )


def choose_tables(
    sheets: list[OpenedSheet], ctx: IngestContext, catalog: Catalog
) -> list[tuple[OpenedSheet, Table, dict[str, str]]]:
    """Visible sheets that hold data (by their mapped headers), first kind wins.

    A sheet holds data when a column maps to a client reference or area code;
    when none does, the sheet whose header row scores best is used, so its
    missing columns are reported.
    """
    known: Mapping[str, str] = ctx.mapping or {}
    candidates = []
    for sheet in sheets:
        if not sheet.grid.visible or sheet.grid.shape[0] == 0:
            continue
        grid = sheet.grid
        table = make_table(sheet.name, grid.cells, catalog, known, grid.text_only)
        mapping = (
            {h: known.get(h, IGNORE) for h in table.headers}
            if ctx.mapping is not None
            else guess_mapping(table.headers, catalog)
        )
        candidates.append((sheet, table, mapping))
    found = [c for c in candidates if set(c[2].values()) & {"client_ref", "area_code"}]
    if not found and candidates:
        found = [max(candidates, key=lambda c: _mapped_count(c[2]))]
    kinds = [kind_of(m) for _, _, m in found]
    return [f for f, k in zip(found, kinds, strict=True) if k == kinds[0]]


def _mapped_count(mapping: Mapping[str, str]) -> int:
    return sum(1 for v in mapping.values() if v not in (IGNORE, PERSONAL))


def _parse_sheets(
    sheets: list[OpenedSheet], ctx: IngestContext, digest: str
) -> ParsedUpload:
    log = ProblemLog()
    catalog = Catalog.of(ctx.instruments)
    for sheet in sheets:
        scan_bsn(sheet, log)
        scan_long_cells(sheet, log)
    if ctx.mapping is not None:
        for header, target in bad_targets(ctx.mapping):
            log.add("mapping_bad_target", header=header, target=target)
    mapping: dict[str, str] = {}
    mapped: list[MappedSheet] = []
    for sheet, table, sheet_map in choose_tables(sheets, ctx, catalog):
        scan_structure(sheet, table, log)
        sheet_map = flag_columns(sheet, table, sheet_map, log)
        mapping.update(sheet_map)
        mapped.append(_mapped_sheet(sheet, table, sheet_map, log))
    kind = kind_of(mapping)
    measurements, areas = empty_measurements(), empty_area_observations()
    if kind == "area":
        areas = _areas(mapped, ctx, catalog, log)
    else:
        measurements = _participants(mapped, ctx, catalog, log)
    if not log.has_errors and measurements.empty and areas.empty:
        _nothing_to_import(sheets, mapped, log)
    return ParsedUpload(
        kind=kind,
        layout=layout_of(mapping),
        measurements=measurements,
        area_observations=areas,
        problems=log.problems(),
        mapping=mapping,
        file_sha256=digest,
        n_rows_read=sum(m.n for m in mapped),
    )


def _nothing_to_import(
    sheets: list[OpenedSheet], mapped: list[MappedSheet], log: ProblemLog
) -> None:
    """An error saying why a file without errors yields no rows: an import of
    nothing would be an empty batch."""
    if not mapped:
        log.add("no_sheets")
        return
    first = mapped[0]
    if first.n == 0:
        log.add("no_data_rows", sheet=first.table.sheet)
    else:
        log.add("no_header", sheet=first.table.sheet)


def _participants(
    mapped: list[MappedSheet], ctx: IngestContext, catalog: Catalog, log: ProblemLog
) -> pd.DataFrame:
    panels = [p for m in mapped if (p := panel.build_sheet(m, ctx, catalog))]
    panel.cross_checks(panels, log)
    return empty_measurements() if log.has_errors else panel.to_frame(panels)


def _areas(
    mapped: list[MappedSheet], ctx: IngestContext, catalog: Catalog, log: ProblemLog
) -> pd.DataFrame:
    panels = [p for m in mapped if (p := area.build_area_sheet(m, ctx, catalog))]
    area.area_cross_checks(panels, log)
    return empty_area_observations() if log.has_errors else area.area_frame(panels)


def _mapped_sheet(
    sheet: OpenedSheet, table: Table, mapping: dict[str, str], log: ProblemLog
) -> MappedSheet:
    """Drop empty rows (one warning) and the template's example row."""
    grid_rows = table.rows - 1
    blank = sheet.blank_rows()[grid_rows] if len(grid_rows) else np.zeros(0, bool)
    example = np.zeros(len(grid_rows), dtype=bool)
    j = next(
        (k for k, h in enumerate(table.headers) if mapping.get(h) in KEY_FIELDS), None
    )
    if j is not None and len(grid_rows):
        fac = sheet.column(j)
        is_example = np.array(
            [as_text(u).casefold() in EXAMPLE_REFS for u in fac.uniques], dtype=bool
        )
        example = fac.take(is_example)[grid_rows]
    inner = np.flatnonzero(blank)
    if len(inner):
        log.add(
            "empty_rows",
            sheet=sheet.name,
            severity="warning",
            count=len(inner),
            rows=", ".join(str(int(r)) for r in table.rows[inner][:10]),
        )
    keep = np.flatnonzero(~blank & ~example)
    return MappedSheet(table, mapping, keep, log, sheet.column)
