"""Builders for test uploads: workbooks by openpyxl or xlsxwriter, CSV bytes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime

import openpyxl
import xlsxwriter

from impact.domain.instruments import SHIPPED, custom_instrument
from impact.ingest import IngestContext, ProgrammeInfo

TODAY = date(2024, 6, 1)
PROGRAMME = "Buurtteam Noord"
LONG_HEADER = [
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


def context(**changes: object) -> IngestContext:
    debts = custom_instrument(
        "schulden", "Problematische schulden", kind="binary", direction="higher_worse"
    )
    base: dict[str, object] = {
        "instruments": {**SHIPPED, debts.code: debts},
        "programmes": {
            PROGRAMME: ProgrammeInfo(PROGRAMME, date(2023, 1, 1)),
            "Jongerenwerk": ProgrammeInfo("Jongerenwerk"),
        },
        "today": TODAY,
        "lang": "nl",
    }
    base.update(changes)
    return IngestContext(**base)  # type: ignore[arg-type]


def long_row(
    client: object = "K1",
    *,
    group: object = "deelnemer",
    wijk: object = "WK036307",
    instrument: object = "zrm",
    domain: object = "financien",
    when: object = datetime(2024, 1, 10),
    wave: object = "voormeting",
    value: object = 3,
    programme: object = PROGRAMME,
) -> list[object]:
    return [client, programme, group, wijk, instrument, domain, when, wave, value]


def good_rows() -> list[list[object]]:
    """Two clients, two waves, one domain: a valid long upload."""
    return [
        long_row("K1", value=2),
        long_row("K1", when=datetime(2024, 4, 10), wave="nameting", value=4),
        long_row("K2", group="vergelijkingsgroep", value=3),
        long_row(
            "K2",
            group="vergelijkingsgroep",
            when=datetime(2024, 4, 12),
            wave="nameting",
        ),
    ]


def xlsx_openpyxl(
    rows: Sequence[Sequence[object]],
    header: Sequence[str] | None = None,
    sheet: str = "Gegevens",
    date_format: bool = True,
) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(list(header if header is not None else LONG_HEADER))
    for row in rows:
        ws.append(list(row))
    if date_format:
        for cells in ws.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, datetime | date):
                    cell.number_format = "dd-mm-yyyy"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_xlsxwriter(
    rows: Sequence[Sequence[object]],
    header: Sequence[str] | None = None,
    sheet: str = "Gegevens",
) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = book.add_worksheet(sheet)
    fmt = book.add_format({"num_format": "dd-mm-yyyy"})
    ws.write_row(0, 0, list(header if header is not None else LONG_HEADER))
    for i, row in enumerate(rows, start=1):
        for j, value in enumerate(row):
            if isinstance(value, datetime):
                ws.write_datetime(i, j, value, fmt)
            elif value is None:
                continue
            else:
                ws.write(i, j, value)
    book.close()
    return out.getvalue()


def csv_bytes(
    rows: Sequence[Sequence[object]],
    header: Sequence[str] | None = None,
    sep: str = ";",
    encoding: str = "utf-8",
) -> bytes:
    lines = [sep.join(header if header is not None else LONG_HEADER)]
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, datetime):
                value = value.strftime("%d-%m-%Y")
            cells.append("" if value is None else str(value))
        lines.append(sep.join(cells))
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def rezip(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """A copy of an .xlsx with parts replaced (bytes), added, or removed (None)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            if info.filename in changes:
                continue
            dst.writestr(info.filename, src.read(info.filename))
        for name, content in changes.items():
            if content is not None:
                dst.writestr(name, content)
    return out.getvalue()


def sheet_xml(data: bytes, name: str = "xl/worksheets/sheet1.xml") -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def codes(problems: Sequence[object]) -> list[str]:
    return [p.code for p in problems]  # type: ignore[attr-defined]


def find(problems: Sequence[object], code: str) -> list[object]:
    return [p for p in problems if p.code == code]  # type: ignore[attr-defined]
