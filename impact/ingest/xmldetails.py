"""Second XML pass: formulas without a saved value, hidden rows and columns,
merged cells. It runs in a thread while the cell reader parses the workbook
(the reader releases the GIL), so it costs no wall-clock time on two cores.
"""

from __future__ import annotations

import re
import threading

from impact.errors import ImportRefused
from impact.ingest.problems import column_letter
from impact.ingest.xmlscan import MAX_COLUMNS, SheetScan, chunks

MAX_LISTED = 1000
_FORMULA_NO_VALUE = re.compile(rb"(?:</f>|<f\b[^>]*/>)\s*(?:</c>|<v\s*/>|<v>\s*</v>)")
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_HIDDEN_ROW = re.compile(rb'<row\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_HIDDEN_COL = re.compile(rb'<col\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_ATTR = re.compile(rb'\b(r|min|max)="(\d+)"')
_MERGE = re.compile(rb'<mergeCell\b[^>]*\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')


class DetailScan(threading.Thread):
    """Fill the details of ``scans`` in the background; :meth:`result` re-raises."""

    def __init__(self, data: bytes, scans: list[SheetScan]) -> None:
        super().__init__(daemon=True)
        self._data, self._scans = data, scans
        self._error: ImportRefused | None = None

    def run(self) -> None:
        try:
            for scan in self._scans:
                for buf in chunks(self._data, scan.path):
                    details(buf, scan)
        except ImportRefused as exc:
            self._error = exc

    def result(self) -> list[SheetScan]:
        self.join()
        if self._error is not None:
            raise self._error
        return self._scans


def details(buf: bytes, scan: SheetScan) -> None:
    """Add what one chunk of sheet XML holds to ``scan``."""
    if b"<f" in buf and len(scan.formulas_without_value) < MAX_LISTED:
        _formulas(buf, scan)
    if b'hidden="' in buf:
        for match in _HIDDEN_ROW.finditer(buf):
            attrs = dict(_ATTR.findall(match.group(0)))
            if b"r" in attrs and len(scan.hidden_rows) < 100 * MAX_LISTED:
                scan.hidden_rows.append(int(attrs[b"r"]))
        for match in _HIDDEN_COL.finditer(buf):
            attrs = dict(_ATTR.findall(match.group(0)))
            lo, hi = int(attrs.get(b"min", 1)), int(attrs.get(b"max", 1))
            top = min(hi, MAX_COLUMNS)
            scan.hidden_cols.extend(column_letter(c - 1) for c in range(lo, top + 1))
    if b"<mergeCell " in buf:
        scan.merged.extend(m.decode() for m in _MERGE.findall(buf)[:MAX_LISTED])


def _formulas(buf: bytes, scan: SheetScan) -> None:
    for match in _FORMULA_NO_VALUE.finditer(buf):
        start = buf.rfind(b"<c ", 0, match.start())
        ref = _CELL_REF.search(buf, start, match.start()) if start >= 0 else None
        if ref:
            scan.formulas_without_value.append((ref.group(1) + ref.group(2)).decode())
        if len(scan.formulas_without_value) >= MAX_LISTED:
            return
