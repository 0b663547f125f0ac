"""Workbooks built by hand with the standard library (zipfile), the way other
programs and hostile users write them: odd relationship targets, duplicate
names and entries, strict OOXML, prefixed elements, far-away cells."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from posixpath import normpath
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_RELS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
HEADER = [
    "cliëntnummer",
    "programma",
    "groep",
    "wijk",
    "instrument",
    "domein",
    "datum",
    "meetmoment",
    "score",
]


def data_row(client: str, value: float = 3.0, wave: str = "voormeting") -> list:
    when = "10-01-2024" if wave == "voormeting" else "10-04-2024"
    return [
        client,
        "Buurtteam Noord",
        "deelnemer",
        "WK036307",
        "zrm",
        "financien",
        when,
        wave,
        value,
    ]


def good_rows(n: int = 2) -> list[list]:
    rows: list[list] = [HEADER]
    for i in range(n):
        rows += [data_row(f"K{i}", 2.0), data_row(f"K{i}", 4.0, "nameting")]
    return rows


@dataclass
class Sheet:
    name: str
    target: str = ""  # relationship target; default worksheets/sheetN.xml
    rows: list[list] = field(default_factory=good_rows)
    far_cell: str | None = None  # e.g. "XFD1048576": one value there
    dimension: str | None = None  # a declared <dimension ref=...>
    prefix: str = ""  # element prefix, e.g. "x"
    state: str = "visible"
    kind: str = "worksheet"


def column(j: int) -> str:
    out, n = "", j + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def sheet_xml(sheet: Sheet, main: str = MAIN) -> bytes:
    p = f"{sheet.prefix}:" if sheet.prefix else ""
    ns = f"xmlns:{sheet.prefix}" if sheet.prefix else "xmlns"
    rows = []
    for i, row in enumerate(sheet.rows, 1):
        cells = []
        for j, value in enumerate(row):
            ref = f"{column(j)}{i}"
            if isinstance(value, str):
                cells.append(
                    f'<{p}c r="{ref}" t="inlineStr"><{p}is><{p}t>{escape(value)}'
                    f"</{p}t></{p}is></{p}c>"
                )
            elif value is not None:
                cells.append(f'<{p}c r="{ref}"><{p}v>{value}</{p}v></{p}c>')
        rows.append(f'<{p}row r="{i}">{"".join(cells)}</{p}row>')
    if sheet.far_cell:
        row_number = "".join(ch for ch in sheet.far_cell if ch.isdigit())
        rows.append(
            f'<{p}row r="{row_number}"><{p}c r="{sheet.far_cell}"><{p}v>1</{p}v>'
            f"</{p}c></{p}row>"
        )
    dim = f'<{p}dimension ref="{sheet.dimension}"/>' if sheet.dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {ns}="{main}">{dim}'
        f"<{p}sheetData>{''.join(rows)}</{p}sheetData></{p}worksheet>"
    ).encode()


def book(
    sheets: list[Sheet],
    *,
    strict: bool = False,
    workbook_path: str = "xl/workbook.xml",
    duplicate: str | None = None,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A package with ``sheets`` (targets relative to the workbook's folder
    unless they start with /); ``duplicate`` names an entry written twice."""
    main, rels_ns = (STRICT_MAIN, STRICT_RELS) if strict else (MAIN, RELS)
    folder = workbook_path.rsplit("/", 1)[0]
    items, rels, parts = [], [], {}
    for i, sheet in enumerate(sheets, 1):
        target = sheet.target or f"worksheets/sheet{i}.xml"
        state = "" if sheet.state == "visible" else f' state="{sheet.state}"'
        items.append(
            f'<sheet name={quoteattr(sheet.name)} sheetId="{i}" r:id="rId{i}"{state}/>'
        )
        rels.append(
            f'<Relationship Id="rId{i}" Type="{rels_ns}/{sheet.kind}" '
            f'Target="{escape(target)}"/>'
        )
        path = target[1:] if target.startswith("/") else normpath(f"{folder}/{target}")
        parts[path] = sheet_xml(sheet, main)
    parts[workbook_path] = (
        f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rels_ns}">'
        f"<sheets>{''.join(items)}</sheets></workbook>"
    ).encode()
    name = workbook_path.rsplit("/", 1)[1]
    parts[f"{folder}/_rels/{name}.rels"] = (
        f'<?xml version="1.0"?><Relationships xmlns="{PKG}">{"".join(rels)}'
        "</Relationships>"
    ).encode()
    parts["_rels/.rels"] = (
        f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship '
        f'Id="rId1" Type="{rels_ns}/officeDocument" Target="{workbook_path}"/>'
        "</Relationships>"
    ).encode()
    parts["[Content_Types].xml"] = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/content-types"><Default Extension="xml" '
        b'ContentType="application/xml"/></Types>'
    )
    if "xl/workbook.xml" not in parts:  # the zip guard looks for it
        parts["xl/workbook.xml"] = parts[workbook_path]
    parts.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in parts.items():
            archive.writestr(path, content)
            if path == duplicate:
                archive.writestr(path, content)  # zipfile warns, and writes it
    return out.getvalue()
