"""Our own .xlsx templates as OpenDocument spreadsheets (``.ods``).

Dutch public bodies must accept OpenDocument, so every template is offered in
both formats. The .ods is made from the .xlsx we just wrote (our own file, read
with openpyxl): the same sheets, cells, hidden sheets and drop-down lists
(``table:content-validation`` with ``of:cell-content-is-in-list``). Written with
the standard library: no extra dependency at run time.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"'
)
_RANGE = re.compile(r"^=?'?([^'!]+)'?!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$")
_MANIFEST = (
    b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    b'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    b'<manifest:file-entry manifest:full-path="/" manifest:media-type='
    b'"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
    b'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    b"</manifest:manifest>"
)


def xlsx_to_ods(xlsx: bytes) -> bytes:
    """The workbook ``xlsx`` (one we wrote) as an .ods file."""
    book = load_workbook(io.BytesIO(xlsx))
    validations: list[str] = []
    tables = [_table(ws, validations) for ws in book.worksheets]
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} '
        'office:version="1.2"><office:automatic-styles><style:style '
        'style:name="hidden" style:family="table"><style:table-properties '
        'table:display="false"/></style:style></office:automatic-styles>'
        "<office:body><office:spreadsheet><table:content-validations>"
        f"{''.join(validations)}</table:content-validations>{''.join(tables)}"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        stamp = (2024, 1, 1, 0, 0, 0)  # deterministic bytes
        first = zipfile.ZipInfo("mimetype", stamp)  # first and stored, as required
        archive.writestr(first, MIMETYPE, zipfile.ZIP_STORED)
        for name, data in (
            ("content.xml", content.encode()),
            ("META-INF/manifest.xml", _MANIFEST),
        ):
            archive.writestr(zipfile.ZipInfo(name, stamp), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _table(ws: object, validations: list[str]) -> str:
    """One sheet as ``table:table``; its drop-downs added to ``validations``."""
    name = ws.title  # type: ignore[attr-defined]
    by_column: dict[int, tuple[str, int]] = {}
    for rule in ws.data_validations.dataValidation:  # type: ignore[attr-defined]
        condition = _condition(rule.formula1 or "")
        if rule.type != "list" or condition is None:
            continue
        vname = f"v{len(validations) + 1}"
        strict = rule.errorStyle in (None, "stop")
        validations.append(
            f"<table:content-validation table:name={quoteattr(vname)} "
            f"table:condition={quoteattr(condition)} table:allow-empty-cell="
            f'"true" table:display-list="unsorted" table:base-cell-address='
            f"{quoteattr(_ref(name, 1, 2))}><table:error-message table:display="
            f'"true" table:message-type="{"stop" if strict else "warning"}"/>'
            "</table:content-validation>"
        )
        for cells in str(rule.sqref).split():
            low, _, high, last = range_boundaries(cells)
            for col in range(low or 1, (high or low or 1) + 1):
                by_column[col] = (vname, last or 2)
    rows = [list(r) for r in ws.iter_rows(values_only=True)]  # type: ignore[attr-defined]
    width = max([len(rows[0]) if rows else 0, *by_column])
    body = "".join(_row(r, width, {}) for r in rows)
    last = max((n for _, n in by_column.values()), default=0)
    if last > len(rows):
        names = {c: v for c, (v, _) in by_column.items()}
        repeat = last - len(rows)
        body += _row([None] * width, width, names, repeat)
    hidden = ' table:style-name="hidden"' if ws.sheet_state != "visible" else ""  # type: ignore[attr-defined]
    columns = f'<table:table-column table:number-columns-repeated="{max(width, 1)}"/>'
    head = f"<table:table table:name={quoteattr(name)}{hidden}>"
    return f"{head}{columns}{body}</table:table>"


def _row(
    values: list[object], width: int, names: dict[int, str], repeat: int = 1
) -> str:
    cells = []
    for j in range(width):
        value = values[j] if j < len(values) else None
        check = names.get(j + 1)
        extra = f' table:content-validation-name="{check}"' if check else ""
        cells.append(_cell(value, extra))
    times = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{times}>{''.join(cells)}</table:table-row>"


def _cell(value: object, extra: str) -> str:
    if value is None or value == "":
        return f"<table:table-cell{extra}/>"
    if isinstance(value, bool):
        kind = (
            f'office:value-type="boolean" office:boolean-value="{str(value).lower()}"'
        )
    elif isinstance(value, int | float):
        kind = f'office:value-type="float" office:value="{value}"'
    elif isinstance(value, dt.datetime | dt.date):
        kind = f'office:value-type="date" office:date-value="{value.isoformat()}"'
    else:
        kind = 'office:value-type="string"'
    text = escape(str(value))
    return f"<table:table-cell {kind}{extra}><text:p>{text}</text:p></table:table-cell>"


def _ref(sheet: str, col: int, row: int) -> str:
    quoted = "'" + sheet.replace("'", "''") + "'"
    return f"${quoted}.${_letters(col)}${row}"


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _condition(formula: str) -> str | None:
    """An Excel list source as OpenFormula: a range or quoted items."""
    match = _RANGE.match(formula.strip())
    if match:
        sheet, c1, r1, c2, r2 = match.groups()
        quoted = "'" + sheet.replace("'", "''") + "'"
        return f"of:cell-content-is-in-list([${quoted}.${c1}${r1}:${c2}${r2}])"
    if formula.startswith('"') and formula.endswith('"'):
        items = [i.replace('"', '""') for i in formula[1:-1].split(",")]
        return "of:cell-content-is-in-list(" + ";".join(f'"{i}"' for i in items) + ")"
    return None
