"""An upload opened for checking: its sheets as grids plus what the scan found.

:func:`open_upload` runs the refusal checks, resolves the workbook's sheets
(:mod:`impact.ingest.resolve`), starts the cell reads in child processes
(:mod:`impact.ingest.child`), runs the structural scan and only then takes the
cells; nothing read is used before a hostile file is refused.
Columns are factorised once and shared by the BSN scan, the empty-row check and
the field parsers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from impact.errors import ImportRefused
from impact.ingest.child import DEFAULT_LIMITS, PlainRead, ReadLimits
from impact.ingest.convert import Factor, is_blank
from impact.ingest.fastread import Reads, start_reads
from impact.ingest.guard import check_file, refuse
from impact.ingest.odsscan import scan_ods
from impact.ingest.reader import Grid, read_csv, read_ods, read_xlsx
from impact.ingest.xmlscan import SheetScan, scan_workbook


@dataclass
class OpenedSheet:
    grid: Grid
    scan: SheetScan | None
    _columns: dict[int, Factor] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.grid.name

    def column(self, j: int) -> Factor:
        """Column ``j`` over all rows of the sheet, factorised (cached)."""
        if j not in self._columns:
            self._columns[j] = self.grid.factor(j)
        return self._columns[j]

    def blank_rows(self) -> np.ndarray:
        """Per grid row: True when every cell is empty."""
        n_rows, n_cols = self.grid.shape
        blank = np.ones(n_rows, dtype=bool)
        for j in range(n_cols):
            fac = self.column(j)
            blank &= fac.take(np.array([is_blank(u) for u in fac.uniques], dtype=bool))
        return blank


def open_upload(
    data: bytes,
    filename: str,
    max_bytes: int,
    pending: Reads | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> list[OpenedSheet]:
    """Refuse (ImportRefused) or read every sheet of the upload; ``pending`` are
    its reads the caller started earlier (else started here)."""
    checked = check_file(data, filename, max_bytes)
    if checked.format == "csv":
        return [OpenedSheet(read_csv(data, filename), None)]
    if checked.format == "ods":
        return _open_ods(data, limits)
    # the reads run in child processes while this one scans the XML; their
    # results are only used once the scan has cleared the file
    reads = start_reads(data, limits=limits) if pending is None else pending
    try:
        scans = scan_workbook(reads.package)
    except BaseException:
        reads.cancel()
        raise
    grids = read_xlsx(reads, scans)
    return [OpenedSheet(g, s) for g, s in zip(grids, scans, strict=True)]


def _open_ods(data: bytes, limits: ReadLimits) -> list[OpenedSheet]:
    """An OpenDocument spreadsheet: the same order of work, one part to scan."""
    read = PlainRead(data, None, limits)
    try:
        scans = scan_ods(data)
    except BaseException:
        read.cancel()
        raise
    grids = read_ods(read)
    if [g.name for g in grids] != [s.name for s in scans]:
        raise refuse("file_corrupt")  # the reader saw other sheets than the scan
    return [OpenedSheet(g, s) for g, s in zip(grids, scans, strict=True)]


#: an upload opened once: its sheets, or the refusal that stopped it
Opened = list[OpenedSheet] | ImportRefused


def open_once(data: bytes, filename: str, max_bytes: int) -> Opened:
    """:func:`open_upload`, with a refusal returned instead of raised (to keep)."""
    try:
        return open_upload(data, filename, max_bytes)
    except ImportRefused as refused:
        return refused
