"""An upload opened for checking: its sheets as grids plus what the scan found.

:func:`open_upload` runs the refusal checks, the structural XML scan and the
cell read, in that order; nothing is parsed before a hostile file is refused.
Columns are factorised once and shared by the BSN scan, the empty-row check and
the field parsers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from impact.ingest.convert import Factor, is_blank
from impact.ingest.fastread import PendingRead, start_reads
from impact.ingest.guard import check_file
from impact.ingest.reader import Grid, read_csv, read_xlsx
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
    pending: list[PendingRead] | None = None,
) -> list[OpenedSheet]:
    """Refuse (ImportRefused) or read every sheet of the upload; ``pending`` are
    reads of its large sheets the caller started earlier (else started here)."""
    checked = check_file(data, filename, max_bytes)
    if checked.format == "csv":
        return [OpenedSheet(read_csv(data, filename), None)]
    # large sheets are read in child processes while this one scans the XML;
    # their results are only used once the scan has cleared the file
    pending = start_reads(data) if pending is None else pending
    try:
        scans = scan_workbook(data)
    except BaseException:
        for read in pending:
            read.cancel()
        raise
    grids = read_xlsx(data, scans, pending=pending)
    by_name = {s.name: s for s in scans}
    return [OpenedSheet(g, by_name.get(g.name)) for g in grids]
