"""A streaming pass over the workbook's XML, before the workbook is parsed.

It finds what a cell reader does not report and what could hurt the reader:

* the real extent of each sheet (a single value at XFD1048576 would make the
  reader allocate a grid of 17 billion cells): refused above
  :data:`MAX_GRID_CELLS` or :data:`MAX_COLUMNS`;
* formulas without a saved result (they would read as empty cells);
* hidden rows and columns, merged cells, the declared ``<dimension>``
  (:mod:`impact.ingest.xmldetails`);
* parts whose content does not match the zip directory (a lying size fails the
  CRC check here, before the reader inflates anything).

The sheet XML is read in pieces of whole rows (:mod:`impact.ingest.xmlchunks`).
One regular expression per piece checks that every cell tag starts with
``r="<letter><at most six digits>"``; then the sheet cannot exceed 26 columns
by 999,999 rows. Pieces where it fails (wide sheets, a million rows, odd XML)
are bounded from a translated copy (``A-Z`` → ``A``, ``0-9`` → ``0``: ``r="AAA``
is a three-letter column, ``A0000000"`` a seven-digit row), and sheets with cells
that lack a leading ``r`` attribute are measured exactly, tag by tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from impact.ingest.guard import refuse
from impact.ingest.problems import column_index, column_letter
from impact.ingest.resolve import Package, SheetPart
from impact.ingest.xmlchunks import blocks, pieces
from impact.ingest.xmldetails import MAX_COLUMNS, details

MAX_GRID_CELLS = 30_000_000
EXCEL_MAX_ROWS = 1_048_576

_SHAPE = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", b"A" * 26 + b"0" * 10)
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_DIMENSION = re.compile(rb'<dimension\b[^>]*\bref="([A-Z0-9:]+)"')
#: a cell reference below Excel's last row 1,048,576 (seven digits)
_BEYOND_EXCEL = re.compile(
    rb'\br="[A-Z]{1,3}(?:[2-9]\d{6}|1[1-9]\d{5}|10[5-9]\d{4}|1049\d{3}'
    rb'|1048[6-9]\d{2}|10485[89]\d|104857[7-9])"'
)
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*)>")
_CELL_WITHOUT_REF = re.compile(rb'<c[\s>/](?!r=")')
#: a cell or row with a namespace prefix (<x:c ...>): measured tag by tag
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:(?:c|row)[\s>/]")
#: a cell tag that does not start with r="<one letter><up to six digits>"
_UNUSUAL_CELL = re.compile(rb'<c(?! r="[A-Z]\d{1,6}")[\s>/]')
#: the same, or a formula, or a merged range: the piece needs a closer look
_ATTENTION = re.compile(
    rb'<(?:c(?! r="[A-Z]\d{1,6}")[\s>/]|f[\s>/]|mergeCell\s|[A-Za-z_][\w.-]*:)'
)


@dataclass(slots=True)
class SheetScan:
    """What the scan found in one worksheet (rows 1-based, columns as letters)."""

    name: str
    path: str
    visible: bool
    dimension: str | None = None
    max_row: int = 0
    max_col: int = 0
    hidden_rows: list[int] = field(default_factory=list)
    hidden_cols: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    formulas_without_value: list[str] = field(default_factory=list)


def scan_workbook(package: Package) -> list[SheetScan]:
    """Scan every worksheet of the reader's copy (see :mod:`impact.ingest.resolve`)
    and read its other parts to their end; raise :class:`ImportRefused` for a
    hostile one."""
    scans = [_scan_sheet(package.data, part) for part in package.sheets]
    for extra in package.parts:
        _drain(package.data, extra)
    return scans


def _drain(data: bytes, path: str) -> None:
    """Read a part to its end: a size or CRC that lies fails here, not later."""
    for _ in blocks(data, path):
        pass


def _scan_sheet(data: bytes, part: SheetPart) -> SheetScan:
    scan = SheetScan(part.name, part.path, part.visible)
    shape = _Shape()
    for i, (buf, start, end) in enumerate(pieces(data, part.path)):
        if i == 0:
            found = _DIMENSION.search(buf, start, end)
            scan.dimension = found.group(1).decode() if found else None
        ordinary = _ATTENTION.search(buf, start, end) is None
        if ordinary and buf.find(b'hidden="', start, end) < 0:
            shape.ordinary()  # the common case: one regex pass, nothing to report
            continue
        shape.add(buf, start, end)
        details(buf, start, end, scan)
    if (
        shape.exact
        or shape.letters == 3
        or (shape.letters == 2 and shape.row_bound * 702 > MAX_GRID_CELLS)
    ):
        scan.max_row, scan.max_col = _exact_extent(data, part.path)
    else:
        scan.max_row = shape.row_bound
        scan.max_col = 26 if shape.letters == 1 else 702
    check_extent(scan)
    return scan


class _Shape:
    """Bounds of the cell references seen so far, from translated chunks."""

    def __init__(self) -> None:
        self.exact = False
        self.letters = 1
        self.row_bound = 0

    def ordinary(self) -> None:
        """Every cell of a piece starts with r="X123456" (one letter, <= 6 digits)."""
        self.row_bound = max(self.row_bound, 999_999)

    def add(self, buf: bytes, start: int, end: int) -> None:
        if self.exact:
            return
        if _PREFIXED.search(buf, start, end):
            self.exact = True  # <x:c r=...>: a reader may take these as cells
            return
        if not _UNUSUAL_CELL.search(buf, start, end):
            self.ordinary()
            return
        buf = buf[start:end]  # rare: a wide sheet, a million rows, or odd XML
        if _CELL_WITHOUT_REF.search(buf):
            self.exact = True  # positions of cells without r follow their order
            return
        shape = buf.translate(_SHAPE)
        if b'r="AAA' in shape:
            self.letters = 3
        elif self.letters < 2 and b'r="AA0' in shape:
            self.letters = 2
        if b'A00000000"' in shape or _BEYOND_EXCEL.search(buf):
            self.exact = True  # beyond Excel's last row: find the cell to name it
        elif b'A0000000"' in shape:
            self.row_bound = EXCEL_MAX_ROWS
        elif self.letters == 2:
            self.row_bound = max(self.row_bound, _row_bound(shape))
        else:
            self.ordinary()


def _row_bound(shape: bytes) -> int:
    """An upper bound of the row numbers below a million (from digit counts)."""
    for digits in range(6, 0, -1):
        if b"A" + b"0" * digits + b'"' in shape:
            return 10**digits - 1
    return 0


def _exact_extent(data: bytes, path: str) -> tuple[int, int]:
    """Row and column extent as a cell reader computes it, tag by tag."""
    max_row = max_col = 0
    row = col = 0
    for buf, start, end in pieces(data, path):
        for match in _TAG.finditer(buf, start, end):
            attrs = match.group(2)
            ref = _CELL_REF.search(b" " + attrs) if match.group(1) == b"c" else None
            if match.group(1) == b"row":
                found = re.search(rb'\br="(\d+)"', b" " + attrs)
                row = int(found.group(1)) if found else row + 1
                col = 0
                continue
            if ref:
                col = column_index(ref.group(1).decode()) + 1
                row = max(row, int(ref.group(2)))
            else:
                col += 1
            max_row, max_col = max(max_row, row), max(max_col, col)
    return max_row, max_col


def check_extent(scan: SheetScan) -> None:
    rows, cols = scan.max_row, scan.max_col
    if rows > EXCEL_MAX_ROWS or cols > MAX_COLUMNS or rows * cols > MAX_GRID_CELLS:
        cell = f"{column_letter(max(cols, 1) - 1)}{rows}"
        raise refuse("used_range", sheet=scan.name, cell=cell)
