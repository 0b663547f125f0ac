"""Word renderer (python-docx): headings, tables and charts as PNG.

The report JSON travels in a custom XML part (``/customXml/wijkimpact-report.xml``).
"""

from __future__ import annotations

import io

from docx import Document as new_document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from impact import __version__
from impact.report.blocks import Block, Document, Figure, Heading, Paragraph, Table
from impact.report.embed import DOCX_PART, docx_xml, json_sha256
from impact.report.images import FONT_FAMILY, chart_png, png_size

ACCENT = RGBColor(0x00, 0x54, 0x8B)
MUTED = RGBColor(0x6C, 0x75, 0x7D)
HEAD_FILL = "E2EAF2"
TEXT_WIDTH_CM = 16.0
NUMERIC = frozenset({"count", "year", "number", "percent", "money", "ratio", "pvalue"})


def render_docx(doc: Document, metadata_json: str) -> bytes:
    """The document as DOCX bytes, with the report JSON in a custom XML part."""
    word = new_document()
    _styles(word)
    props = word.core_properties
    props.title = doc.title
    props.author = doc.subtitle[0] if doc.subtitle else ""
    props.keywords = f"wijkimpact; sha256={json_sha256(metadata_json)}"
    props.comments = f"Wijkimpact {__version__}"
    props.language = doc.lang
    _cover(word, doc)
    for section in doc.sections:
        word.add_heading(section.title, level=1)
        for block in section.blocks:
            _block(word, block, doc)
    _embed(word, metadata_json)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _styles(word: DocxDocument) -> None:
    normal = word.styles["Normal"]
    normal.font.name = FONT_FAMILY
    normal.font.size = Pt(10.5)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        style = word.styles[name]
        style.font.name = FONT_FAMILY
        style.font.color.rgb = ACCENT
    for section in word.sections:
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2.0)


def _cover(word: DocxDocument, doc: Document) -> None:
    word.add_heading(doc.title, level=0)
    for line in doc.subtitle:
        run = word.add_paragraph().add_run(line)
        run.font.color.rgb = MUTED


def _block(word: DocxDocument, block: Block, doc: Document) -> None:
    if isinstance(block, Heading):
        word.add_heading(block.text, level=min(block.level, 3))
    elif isinstance(block, Paragraph):
        _paragraph(word, block)
    elif isinstance(block, Table):
        _table(word, block, doc)
    elif isinstance(block, Figure):
        _figure(word, block)


def _paragraph(word: DocxDocument, p: Paragraph) -> None:
    style = "List Bullet" if p.style == "bullet" else None
    para = word.add_paragraph(style=style)
    run = para.add_run(p.text)
    if p.style == "note":
        run.italic = True
        run.font.size = Pt(8.5)
        run.font.color.rgb = MUTED
    elif p.style == "lead":
        run.bold = True


def _table(word: DocxDocument, table: Table, doc: Document) -> None:
    grid = word.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    numeric = [
        any(row[i].kind in NUMERIC | {"suppressed"} for row in table.rows)
        for i in range(len(table.header))
    ]
    for i, title in enumerate(table.header):
        cell = grid.rows[0].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(title)
        run.bold = True
        _shade(cell, HEAD_FILL)
    for cells in table.rows:
        row = grid.add_row()
        for i, value in enumerate(cells):
            para = row.cells[i].paragraphs[0]
            para.add_run(value.text(doc.lang, doc.min_cell))
            if numeric[i]:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _font_size(grid, 8.5 if len(table.header) > 5 else 9.5)
    if table.caption:
        _paragraph(word, Paragraph(table.caption, "note"))
    else:
        word.add_paragraph()


def _shade(cell: object, fill: str) -> None:
    props = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    props.append(shading)


def _font_size(grid: object, size: float) -> None:
    for row in grid.rows:  # type: ignore[attr-defined]
        for cell in row.cells:
            for para in cell.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(size)


def _figure(word: DocxDocument, figure: Figure) -> None:
    png = chart_png(figure.spec)
    width_px, _ = png_size(png)
    width = min(TEXT_WIDTH_CM, width_px / 2 * 2.54 / 96)
    word.add_picture(io.BytesIO(png), width=Cm(width))
    if figure.caption:
        _paragraph(word, Paragraph(figure.caption, "note"))


def _embed(word: DocxDocument, metadata_json: str) -> None:
    package = word.part.package
    part = Part(PackURI(DOCX_PART), "application/xml", docx_xml(metadata_json), package)
    word.part.relate_to(part, RT.CUSTOM_XML)
