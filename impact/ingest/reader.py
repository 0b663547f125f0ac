"""Read cells: every sheet of an .xlsx (python-calamine) or a .csv, as grids.

A :class:`Grid` is a 2-D object array whose ``[i, j]`` is Excel cell
(row ``i + 1``, column ``j``), empty cells as ``""``; a large sheet is held
column-wise instead (:mod:`impact.ingest.fastread`), with the same values. CSV
files are decoded as UTF-8 (with or without BOM), UTF-16 with a BOM, else
Windows-1252, and their delimiter (``;``, ``,`` or tab) is sniffed from the first lines.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

import numpy as np
from python_calamine import CalamineWorkbook

from impact.ingest.columns import ColumnCells
from impact.ingest.convert import Factor, factor
from impact.ingest.fastread import PendingRead, large_sheets, read_columns
from impact.ingest.guard import refuse
from impact.ingest.xmlscan import SheetScan

SNIFF_LINES = 20


@dataclass(frozen=True)
class Grid:
    name: str
    visible: bool
    cells: np.ndarray | ColumnCells  # shape (rows, cols), dtype object
    text_only: bool = False  # CSV: every cell is text

    @property
    def shape(self) -> tuple[int, int]:
        return self.cells.shape[0], self.cells.shape[1]

    def factor(self, j: int) -> Factor:
        """Column ``j`` over all rows, factorised."""
        if isinstance(self.cells, ColumnCells):
            return self.cells.factor(j)
        return factor(np.ascontiguousarray(self.cells[:, j]))


def to_grid(rows: Sequence[Sequence[object]], rectangular: bool = False) -> np.ndarray:
    """Rows → a 2-D object array in column-major order (columns contiguous).

    Short rows are padded with ``""`` unless the caller knows they are all of
    one length (the cell reader's are).
    """
    if not rows or not rows[0]:
        return np.empty((0, 0), dtype=object)
    width = len(rows[0])
    if not rectangular:
        width = max(len(r) for r in rows)
        if any(len(r) != width for r in rows):
            rows = [[*r, *([""] * (width - len(r)))] for r in rows]
    out = np.empty((len(rows), width), dtype=object, order="F")
    out[:] = rows
    return out


def read_xlsx(
    data: bytes,
    scans: list[SheetScan],
    fast_bytes: int | None = None,
    pending: Sequence[PendingRead] | None = None,
) -> list[Grid]:
    """All worksheets the structural scan cleared, as grids from cell A1.

    Sheets whose XML is larger than ``fast_bytes`` are read column-wise when
    that gives the same cells (see :mod:`impact.ingest.fastread`): by the
    ``pending`` reads started before the scan, else here and now.
    """
    fast: dict[str, ColumnCells] = {}
    if pending is not None:
        for read in pending:
            if (cells := read.result()) is not None:
                fast[read.name] = cells
    else:
        cleared = {s.name for s in scans}
        for path, name in large_sheets(data, fast_bytes):
            if name not in cleared:
                continue
            if (cells := read_columns(data, path, name)) is not None:
                fast[name] = cells
    try:  # the reader's errors are not all CalamineError: any failure is corrupt
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:
        raise refuse("file_corrupt") from None
    grids = []
    with book:
        available = set(book.sheet_names)
        for scan in scans:
            if scan.name in fast:
                grids.append(Grid(scan.name, scan.visible, fast[scan.name]))
            elif scan.name in available:
                grids.append(
                    Grid(scan.name, scan.visible, _read_sheet(book, scan.name))
                )
    return grids


def _read_sheet(book: CalamineWorkbook, name: str) -> np.ndarray:
    """One sheet as a grid; the reader's own copy is freed before the grid is built."""
    try:
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception:
        raise refuse("file_corrupt") from None
    return to_grid(rows, rectangular=True)


def read_csv(data: bytes, filename: str) -> Grid:
    text = decode_text(data)
    delimiter = sniff_delimiter(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    name = PurePath(filename).name or "csv"
    return Grid(name, True, to_grid(rows), text_only=True)


def decode_text(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently."""
    lines = [ln for ln in text.splitlines()[:SNIFF_LINES] if ln.strip()]
    best, best_score = ";", -1.0
    for delim in (";", ",", "\t"):
        counts = [len(row) - 1 for row in csv.reader(lines, delimiter=delim) if row]
        if not counts or max(counts) == 0:
            continue
        consistent = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = consistent * 100 + min(counts[0], 50)
        if score > best_score:
            best, best_score = delim, score
    return best
