"""Details of a sheet's XML: formulas without a saved value, hidden rows and
columns, merged cells. Called on every piece of the structural scan; a cheap
``bytes.find`` decides whether a regular expression needs to run at all.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from impact.ingest.problems import column_letter

if TYPE_CHECKING:
    from impact.ingest.xmlscan import SheetScan

MAX_COLUMNS = 1024

MAX_LISTED = 1000
_FORMULA_NO_VALUE = re.compile(rb"(?:</f>|<f\b[^>]*/>)\s*(?:</c>|<v\s*/>|<v>\s*</v>)")
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_HIDDEN_ROW = re.compile(rb'<row\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_HIDDEN_COL = re.compile(rb'<col\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_ATTR = re.compile(rb'\b(r|min|max)="(\d+)"')
_MERGE = re.compile(rb'<mergeCell\b[^>]*\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"')


def details(buf: bytes, start: int, end: int, scan: SheetScan) -> None:
    """Add what ``buf[start:end]`` (whole rows) holds to ``scan``."""
    has_formula = (
        buf.find(b"</f>", start, end) >= 0 or buf.find(b' si="', start, end) >= 0
    )
    if has_formula and len(scan.formulas_without_value) < MAX_LISTED:
        _formulas(buf, start, end, scan)
    if buf.find(b'hidden="', start, end) >= 0:
        _hidden(buf, start, end, scan)
    if buf.find(b"<mergeCell ", start, end) >= 0:
        found = _MERGE.findall(buf, start, end)[:MAX_LISTED]
        scan.merged.extend(m.decode() for m in found)


def _hidden(buf: bytes, start: int, end: int, scan: SheetScan) -> None:
    for match in _HIDDEN_ROW.finditer(buf, start, end):
        attrs = dict(_ATTR.findall(match.group(0)))
        if b"r" in attrs and len(scan.hidden_rows) < 100 * MAX_LISTED:
            scan.hidden_rows.append(int(attrs[b"r"]))
    for match in _HIDDEN_COL.finditer(buf, start, end):
        attrs = dict(_ATTR.findall(match.group(0)))
        lo, hi = int(attrs.get(b"min", 1)), int(attrs.get(b"max", 1))
        top = min(hi, MAX_COLUMNS)
        scan.hidden_cols.extend(column_letter(c - 1) for c in range(lo, top + 1))


def _formulas(buf: bytes, start: int, end: int, scan: SheetScan) -> None:
    for match in _FORMULA_NO_VALUE.finditer(buf, start, end):
        cell = buf.rfind(b"<c ", start, match.start())
        ref = _CELL_REF.search(buf, cell, match.start()) if cell >= 0 else None
        if ref:
            scan.formulas_without_value.append((ref.group(1) + ref.group(2)).decode())
        if len(scan.formulas_without_value) >= MAX_LISTED:
            return
