"""Excel renderer (xlsxwriter): one sheet per section, real numbers, charts.

Numbers are written as numbers with a number format (Excel shows them in the
reader's locale); every text is written with ``write_string`` and neutralised
against formula injection, so no cell of the workbook is a formula.
"""

from __future__ import annotations

import io
import re
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from impact import __version__
from impact.report.blocks import (
    Block,
    Cell,
    Document,
    Figure,
    Heading,
    Paragraph,
    Table,
)
from impact.report.embed import META_SHEET, chunks, json_sha256
from impact.report.images import chart_png, png_size

#: a leading character that makes spreadsheet software read text as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
LABEL_WIDTH = 46
VALUE_WIDTH = 15
N_COLUMNS = 9
CHARS_PER_LINE = 150
IMAGE_SCALE = 0.5
ROW_PX = 20


def neutralise(text: str) -> str:
    """Prefix ``'`` to text that a spreadsheet could take for a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


def sheet_name(title: str, used: set[str]) -> str:
    """A valid, unique sheet name (max. 31 characters, no []:*?/\\)."""
    name = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "Sheet"
    base, i = name, 2
    while name.lower() in used:
        name = f"{base[:28]} {i}"
        i += 1
    used.add(name.lower())
    return name


class _Writer:
    def __init__(self, book: Workbook, doc: Document) -> None:
        self.book = book
        self.doc = doc
        self.formats: dict[str, Any] = {}
        self.title = book.add_format(
            {"bold": True, "font_size": 15, "font_color": "#00548B"}
        )
        self.h2 = book.add_format(
            {"bold": True, "font_size": 12, "font_color": "#00548B"}
        )
        self.h3 = book.add_format({"bold": True, "font_size": 11})
        self.head = book.add_format(
            {
                "bold": True,
                "bg_color": "#E2EAF2",
                "bottom": 1,
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.body = book.add_format({"text_wrap": True, "valign": "top"})
        self.note = book.add_format(
            {
                "italic": True,
                "font_color": "#6C757D",
                "text_wrap": True,
                "valign": "top",
            }
        )
        self.muted = book.add_format({"font_color": "#6C757D"})
        self.right = book.add_format({"align": "right"})

    def number_format(self, cell: Cell) -> Any:
        code = cell.excel_format(self.doc.lang)
        if code not in self.formats:
            self.formats[code] = self.book.add_format({"num_format": code})
        return self.formats[code]

    def string(
        self, sheet: Worksheet, row: int, col: int, text: str, fmt: Any = None
    ) -> None:
        sheet.write_string(row, col, neutralise(text), fmt)

    def paragraph(self, sheet: Worksheet, row: int, p: Paragraph) -> int:
        fmt = self.note if p.style == "note" else self.body
        text = ("• " + p.text) if p.style == "bullet" else p.text
        sheet.merge_range(row, 0, row, N_COLUMNS - 1, "", fmt)
        self.string(sheet, row, 0, text, fmt)
        lines = max(1, -(-len(text) // CHARS_PER_LINE))
        sheet.set_row(row, 15 * lines)
        return row + 1

    def table(self, sheet: Worksheet, row: int, table: Table) -> int:
        for col, title in enumerate(table.header):
            self.string(sheet, row, col, title, self.head)
        for cells in table.rows:
            row += 1
            for col, cell in enumerate(cells):
                self.cell(sheet, row, col, cell)
        row += 1
        if table.caption:
            row = self.paragraph(sheet, row, Paragraph(table.caption, "note"))
        return row + 1

    def cell(self, sheet: Worksheet, row: int, col: int, cell: Cell) -> None:
        if cell.kind == "suppressed":
            sheet.write_string(row, col, f"< {self.doc.min_cell}", self.right)
        elif cell.value is None:
            sheet.write_blank(row, col, None)
        elif isinstance(cell.value, str):
            self.string(sheet, row, col, cell.value)
        elif cell.kind == "text":
            self.string(sheet, row, col, str(cell.value))
        else:
            sheet.write_number(row, col, float(cell.value), self.number_format(cell))

    def figure(self, sheet: Worksheet, row: int, figure: Figure) -> int:
        png = chart_png(figure.spec)
        _, height = png_size(png)
        sheet.insert_image(
            row,
            0,
            f"{figure.name}.png",
            {
                "image_data": io.BytesIO(png),
                "x_scale": IMAGE_SCALE,
                "y_scale": IMAGE_SCALE,
                "object_position": 3,
            },
        )
        row += int(height * IMAGE_SCALE / ROW_PX) + 2
        if figure.caption:
            row = self.paragraph(sheet, row, Paragraph(figure.caption, "note"))
        return row + 1

    def block(self, sheet: Worksheet, row: int, block: Block) -> int:
        if isinstance(block, Heading):
            self.string(
                sheet, row + 1, 0, block.text, self.h2 if block.level <= 2 else self.h3
            )
            return row + 3
        if isinstance(block, Paragraph):
            return self.paragraph(sheet, row, block)
        if isinstance(block, Table):
            return self.table(sheet, row, block)
        return self.figure(sheet, row, block)


def render_xlsx(doc: Document, metadata_json: str) -> bytes:
    """The document as an XLSX workbook, with the report JSON in a hidden sheet."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    book.set_properties(
        {
            "title": doc.title,
            "author": doc.subtitle[0] if doc.subtitle else "",
            "keywords": "wijkimpact",
            "comments": f"Wijkimpact {__version__}",
        }
    )
    book.set_custom_property("wijkimpact_sha256", json_sha256(metadata_json))
    writer = _Writer(book, doc)
    used: set[str] = {META_SHEET.lower()}
    for index, section in enumerate(doc.sections):
        sheet = book.add_worksheet(sheet_name(section.title, used))
        sheet.set_column(0, 0, LABEL_WIDTH)
        sheet.set_column(1, N_COLUMNS - 1, VALUE_WIDTH)
        row = _sheet_header(writer, sheet, doc, section.title, index == 0)
        for block in section.blocks:
            row = writer.block(sheet, row, block)
    meta = book.add_worksheet(META_SHEET)
    for i, part in enumerate(chunks(metadata_json)):
        meta.write_string(i, 0, part)
    meta.hide()
    book.close()
    return buffer.getvalue()


def _sheet_header(
    writer: _Writer, sheet: Worksheet, doc: Document, title: str, first: bool
) -> int:
    writer.string(sheet, 0, 0, doc.title if first else title, writer.title)
    row = 1
    if first:
        for line in doc.subtitle:
            writer.string(sheet, row, 0, line, writer.muted)
            row += 1
        writer.string(sheet, row + 1, 0, title, writer.h2)
        row += 2
    return row + 1
