"""problems_workbook: the upload back as .xlsx with every problem marked.

Offending cells get a fill colour (red for errors, yellow for warnings) and a
comment with the message; a first sheet "Problemen"/"Problems" lists them all.
Every text in that list is neutralised against formula injection. Cell values of
the copy are written as typed values (strings never become formulas). Sheets
larger than :data:`FULL_COPY_CELLS` keep their header rows and the rows with
problems only, at their original row numbers.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, time

import numpy as np
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from impact.errors import ImportRefused
from impact.i18n import t, use_language
from impact.ingest.models import DEFAULT_MAX_BYTES
from impact.ingest.neutralise import neutralise_formula
from impact.ingest.problems import Problem, column_index
from impact.ingest.workbook import Opened, OpenedSheet, open_once

FULL_COPY_CELLS = 500_000
MAX_COMMENTS = 2000
HEADER_ROWS = 30
FILL = {"error": "#FFC7CE", "warning": "#FFEB9C"}


def problems_workbook(
    data: bytes,
    filename: str,
    problems: Sequence[Problem],
    lang: str | None = None,
    opened: Opened | None = None,
) -> bytes:
    """The upload as .xlsx with problem cells highlighted and a problems sheet
    (``opened``: the upload already opened by :func:`open_once`)."""
    with use_language(lang):
        if opened is None:
            opened = open_once(data, filename, max(DEFAULT_MAX_BYTES, len(data)))
        sheets = [] if isinstance(opened, ImportRefused) else opened
        out = io.BytesIO()
        book = xlsxwriter.Workbook(
            out, {"in_memory": True, "strings_to_formulas": False}
        )
        _problem_list(book, problems, {s.name for s in sheets})
        by_sheet: dict[str, list[Problem]] = defaultdict(list)
        for p in problems:
            by_sheet[p.sheet].append(p)
        budget = [MAX_COMMENTS]
        for sheet in sheets:
            _copy_sheet(book, sheet, by_sheet.get(sheet.name, []), budget)
        book.close()
        return out.getvalue()


def _problem_list(
    book: xlsxwriter.Workbook, problems: Sequence[Problem], taken: set[str]
) -> None:
    name = t("ingest.problems_sheet")
    while name in taken:
        name += "_"
    ws = book.add_worksheet(name[:31])
    bold = book.add_format({"bold": True, "bg_color": "#DDDDDD"})
    headers = [
        t("ingest.col_sheet"),
        t("ingest.col_cell"),
        t("ingest.col_severity"),
        "code",
        t("ingest.col_message"),
    ]
    ws.write_row(0, 0, headers, bold)
    for i, p in enumerate(problems, start=1):
        severity = t(f"ingest.severity_{p.severity}")
        cells = [p.sheet, p.location(), severity, p.code, p.message]
        for j, text in enumerate(cells):
            ws.write_string(i, j, neutralise_formula(text))
    ws.set_column(0, 1, 14)
    ws.set_column(4, 4, 100)
    ws.autofilter(0, 0, max(len(problems), 1), len(headers) - 1)
    ws.freeze_panes(1, 0)
    ws.activate()


def _copy_sheet(
    book: xlsxwriter.Workbook,
    sheet: OpenedSheet,
    problems: list[Problem],
    budget: list[int],
) -> None:
    ws = book.add_worksheet(sheet.name[:31])
    cells = sheet.grid.cells
    marks = _marks(problems, cells.shape)
    rows: Sequence[int] = range(cells.shape[0])
    if cells.size > FULL_COPY_CELLS:
        rows = sorted(
            {*range(min(HEADER_ROWS, cells.shape[0])), *(r for r, _ in marks)}
        )
    formats = {k: book.add_format({"bg_color": v}) for k, v in FILL.items()}
    dates = {
        k: book.add_format({"bg_color": v, "num_format": "dd-mm-yyyy"})
        for k, v in FILL.items()
    }
    plain_date = book.add_format({"num_format": "dd-mm-yyyy"})
    for r in rows:
        for c in range(cells.shape[1]):
            mark = marks.get((r, c))
            value = cells[r, c]
            fmt = (
                None
                if mark is None
                else (dates if isinstance(value, date) else formats)[mark[0]]
            )
            if fmt is None and isinstance(value, date):
                fmt = plain_date
            _write(ws, r, c, value, fmt)
            if mark is not None and budget[0] > 0:
                ws.write_comment(r, c, mark[1][:1000], {"x_scale": 3, "y_scale": 2})
                budget[0] -= 1


def _marks(
    problems: list[Problem], shape: tuple[int, ...]
) -> dict[tuple[int, int], tuple[str, str]]:
    out: dict[tuple[int, int], tuple[str, str]] = {}
    for p in problems:
        if p.row is None or not 0 < p.row <= shape[0]:
            continue
        cols = range(shape[1]) if p.column is None else [column_index(p.column)]
        for c in cols:
            key = (p.row - 1, c)
            old = out.get(key)
            severity = (
                "error"
                if p.severity == "error" or (old and old[0] == "error")
                else "warning"
            )
            text = p.message if old is None else old[1] + "\n" + p.message
            out[key] = (severity, text)
    return out


def _write(ws: Worksheet, r: int, c: int, value: object, fmt: object) -> None:
    if isinstance(value, bool):
        ws.write_boolean(r, c, value, fmt)
    elif isinstance(value, int | float | np.floating):
        ws.write_number(r, c, float(value), fmt)
    elif isinstance(value, datetime | date):
        ws.write_datetime(
            r,
            c,
            value if isinstance(value, datetime) else datetime.combine(value, time()),
            fmt,
        )
    elif value is None or value == "":
        if fmt is not None:
            ws.write_blank(r, c, None, fmt)
    else:
        ws.write_string(r, c, str(value), fmt)
