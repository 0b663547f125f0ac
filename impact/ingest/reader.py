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

from impact.ingest.child import PlainRead
from impact.ingest.columns import ColumnCells
from impact.ingest.convert import Factor, factor
from impact.ingest.fastread import Reads
from impact.ingest.guard import refuse
from impact.ingest.xmlscan import SheetScan

SNIFF_LINES = 20
#: Excel's last row: a CSV with more rows would not open in Excel either
EXCEL_MAX_ROWS = 1_048_576


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


def read_xlsx(reads: Reads, scans: list[SheetScan]) -> list[Grid]:
    """The worksheets the structural scan cleared, as grids from cell A1.

    Every read ran in a child process (started before the scan, see
    :func:`impact.ingest.fastread.start_reads`): large sheets column-wise when
    that gives the same cells, the others, and large ones where it did not,
    cell by cell. A child that died refuses the file (ImportRefused).
    """
    try:
        fast = {r.name: c for r in reads.columns if (c := r.result()) is not None}
        rows = {n: r for n, _, r in reads.plain.result()} if reads.plain else {}
        again = [r.name for r in reads.columns if r.name not in fast]
        if again:
            plain = PlainRead(reads.package.data, again, reads.limits)
            rows.update({n: r for n, _, r in plain.result()})
    except BaseException:
        reads.cancel()
        raise
    return [
        Grid(
            scan.name,
            scan.visible,
            fast[scan.name]
            if scan.name in fast
            else to_grid(rows.pop(scan.name, []), rectangular=True),
        )
        for scan in scans
    ]


def read_ods(read: PlainRead) -> list[Grid]:
    """Every sheet of an OpenDocument spreadsheet, as the child read it."""
    return [
        Grid(name, visible, to_grid(rows, rectangular=True))
        for name, visible, rows in read.result()
    ]


def read_csv(data: bytes, filename: str) -> Grid:
    """The CSV as a grid of text; more rows than Excel holds are refused.

    Fields of any length are read (the checks report a cell over Excel's
    32,767 characters at its row and column).
    """
    text = decode_text(data)
    if csv.field_size_limit() <= len(text):
        csv.field_size_limit(len(text) + 1)  # a field can be at most the file
    delimiter = sniff_delimiter(text)
    rows = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        rows.append(row)
        if len(rows) > EXCEL_MAX_ROWS:
            raise refuse("too_many_rows", limit=f"{EXCEL_MAX_ROWS:,}".replace(",", "."))
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
