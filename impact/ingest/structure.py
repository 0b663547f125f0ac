"""Sheet-level findings: BSNs anywhere, formulas without values, merged cells,
hidden rows and columns, personal-data and ignored columns.

Decisions: hidden rows and columns are imported, with a warning that lists
them (a hidden row is data someone typed: dropping it silently would lose
measurements, importing it silently would surprise). Merged cells inside the
data and formulas without a saved value are errors (the value would be empty
or unknown). Columns that look like names, addresses, postcodes, phone numbers,
e-mail, birth dates or BSNs are dropped with a warning; they never reach a frame.
"""

from __future__ import annotations

import re

import numpy as np

from impact.ingest.bsnscan import bsn_rows
from impact.ingest.convert import as_text
from impact.ingest.mapping import Table
from impact.ingest.problems import ProblemLog, column_index, column_letter
from impact.ingest.vocabulary import IGNORE, PERSONAL
from impact.ingest.workbook import OpenedSheet

_POSTCODE = re.compile(r"^\d{4}\s?[A-Za-z]{2}$")
POSTCODE_SHARE = 0.5
#: Excel's limit of characters in one cell
MAX_CELL_CHARS = 32_767
MAX_LISTED = 100
_REF = re.compile(r"^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$")


def scan_bsn(sheet: OpenedSheet, log: ProblemLog) -> None:
    """An error at every cell (headers too) that looks like a BSN."""
    for j in range(sheet.grid.shape[1]):
        rows = bsn_rows(sheet.column(j)) + 1
        if len(rows):
            log.add_cells(
                "bsn", sheet=sheet.name, rows=rows, column=column_letter(j), header=None
            )


def scan_long_cells(sheet: OpenedSheet, log: ProblemLog) -> None:
    """An error at every cell with more text than Excel allows in one cell."""
    for j in range(sheet.grid.shape[1]):
        fac = sheet.column(j)
        lengths = np.array(
            [len(u) if isinstance(u, str) else 0 for u in fac.uniques], dtype=np.int64
        )
        if not len(lengths) or lengths.max() <= MAX_CELL_CHARS:
            continue
        too_long = lengths[fac.codes]
        rows = np.flatnonzero(too_long > MAX_CELL_CHARS)
        for i in rows[:MAX_LISTED]:
            log.add(
                "cell_too_long",
                sheet=sheet.name,
                row=int(i) + 1,
                column=column_letter(j),
                length=f"{int(too_long[i]):,}".replace(",", "."),
                limit=f"{MAX_CELL_CHARS:,}".replace(",", "."),
            )


def scan_structure(sheet: OpenedSheet, table: Table, log: ProblemLog) -> None:
    """Problems the XML scan found in a data sheet."""
    scan = sheet.scan
    if scan is None:
        return
    for ref in scan.formulas_without_value:
        m = _REF.match(ref)
        if m:
            log.add("formula_no_value", sheet=sheet.name, row=int(m[2]), column=m[1])
    for ref in scan.merged:
        m = _REF.match(ref)
        if m and int(m[4] or m[2]) >= table.header_row:
            log.add(
                "merged_cells", sheet=sheet.name, row=int(m[2]), column=m[1], cells=ref
            )
    hidden = [r for r in scan.hidden_rows if r > table.header_row]
    if hidden:
        log.add(
            "hidden_rows",
            sheet=sheet.name,
            severity="warning",
            count=len(hidden),
            rows=", ".join(str(r) for r in hidden[:10]),
        )
    width = len(table.headers)
    cols = [c for c in scan.hidden_cols if column_index(c) < width]
    if cols:
        log.add(
            "hidden_columns",
            sheet=sheet.name,
            severity="warning",
            columns=", ".join(cols[:20]),
        )


def flag_columns(
    sheet: OpenedSheet, table: Table, mapping: dict[str, str], log: ProblemLog
) -> dict[str, str]:
    """Mark postcode columns personal; warn about dropped and ignored columns."""
    out = dict(mapping)
    for j, header in enumerate(table.headers):
        target = out.get(header, IGNORE)
        if target == IGNORE and _mostly_postcodes(sheet, j, table.header_row):
            out[header] = target = PERSONAL
        if target == PERSONAL:
            log.add(
                "personal_dropped",
                sheet=sheet.name,
                column=column_letter(j),
                header=header,
                severity="warning",
            )
        elif target == IGNORE and _has_data(sheet, j, table.header_row):
            log.add(
                "column_ignored",
                sheet=sheet.name,
                column=column_letter(j),
                header=header,
                severity="warning",
            )
    return out


def _mostly_postcodes(sheet: OpenedSheet, j: int, header_row: int) -> bool:
    fac = sheet.column(j)
    texts = [as_text(u) for u in fac.uniques]
    counts = np.bincount(fac.codes[header_row:], minlength=len(texts))
    filled = sum(c for c, x in zip(counts, texts, strict=True) if x)
    codes = sum(c for c, x in zip(counts, texts, strict=True) if _POSTCODE.match(x))
    return filled > 0 and codes / filled >= POSTCODE_SHARE


def _has_data(sheet: OpenedSheet, j: int, header_row: int) -> bool:
    fac = sheet.column(j)
    used = np.unique(fac.codes[header_row:])
    return any(as_text(fac.uniques[k]) for k in used)
