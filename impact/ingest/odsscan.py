"""The structural scan of an OpenDocument spreadsheet (``.ods``).

An ``.ods`` file keeps every sheet in one part, ``content.xml``. Before the cell
reader sees it, this streams that part (defusedxml: no DTD, no entities; the zip
guard already refused bombs and DOCTYPE heads) and measures each table the way a
reader expands it: rows and cells carry ``number-rows-repeated`` and
``number-columns-repeated``, so a two-line file can describe a million rows
with a value in each. The extent is the last row and column that hold a value
(LibreOffice ends every sheet with a repeated *empty* row; that is not data).
Hidden tables, rows and columns are reported like in a workbook.
"""

from __future__ import annotations

import io
import zipfile
from typing import IO

from defusedxml.ElementTree import iterparse

from impact.ingest.guard import refuse
from impact.ingest.xmlscan import SheetScan, check_extent

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")
MAX_REPEAT = 1 << 24


def scan_ods(data: bytes) -> list[SheetScan]:
    """One :class:`SheetScan` per table of ``content.xml``, in document order."""
    scans: list[SheetScan] = []
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as archive,
            archive.open("content.xml") as part,
        ):
            _Walker(scans).run(part)
    except Exception as exc:  # malformed XML, entities (defusedxml), bad CRC
        if getattr(exc, "problems", None):
            raise
        raise refuse("file_corrupt") from None
    names = [s.name.casefold() for s in scans]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise refuse("sheet_name_twice", sheet=scans[i].name)
    return scans


class _Walker:
    def __init__(self, scans: list[SheetScan]) -> None:
        self.scans = scans
        self.stack: list[object] = []
        self.scan: SheetScan | None = None
        self.row = self.col = self.row_repeat = 0
        self.row_has_value = False

    def run(self, part: IO[bytes]) -> None:
        for event, el in iterparse(part, events=("start", "end")):
            tag = el.tag
            if event == "start":
                self.stack.append(el)
                self._start(tag, el)
                continue
            self.stack.pop()
            if tag in _CELLS:
                self._cell(el)
            elif tag == f"{_TABLE}table-row":
                self._end_row()
                self.stack[-1].clear()  # type: ignore[attr-defined]  # rows read
            elif tag == f"{_TABLE}table":
                check_extent(self.scan)  # type: ignore[arg-type]
                self.scan = None

    def _start(self, tag: str, el: object) -> None:
        get = el.get  # type: ignore[attr-defined]
        if tag == f"{_TABLE}table":
            name = get(f"{_TABLE}name", "")
            self.scan = SheetScan(name, "content.xml", True)
            self.scans.append(self.scan)
            self.row = 0
        elif tag == f"{_TABLE}table-row" and self.scan is not None:
            self.row_repeat = _repeat(get(f"{_TABLE}number-rows-repeated"))
            self.col = 0
            self.row_has_value = False
            if get(f"{_TABLE}visibility", "visible") != "visible":
                self.scan.hidden_rows.append(self.row + 1)

    def _cell(self, el: object) -> None:
        get = el.get  # type: ignore[attr-defined]
        repeat = _repeat(get(f"{_TABLE}number-columns-repeated"))
        filled = get(f"{_OFFICE}value-type") is not None or any(
            True
            for _ in el.iter(f"{_TEXT}p")  # type: ignore[attr-defined]
        )
        self.col += repeat
        if filled and self.scan is not None:
            self.row_has_value = True
            self.scan.max_col = max(self.scan.max_col, self.col)

    def _end_row(self) -> None:
        if self.scan is None:
            return
        self.row += self.row_repeat
        if self.row_has_value:
            self.scan.max_row = max(self.scan.max_row, self.row)


def _repeat(value: str | None) -> int:
    try:
        n = int(value) if value else 1
    except ValueError:
        raise refuse("file_corrupt") from None
    if not 1 <= n <= MAX_REPEAT:
        raise refuse("file_corrupt")
    return n
