"""PDF renderer (fpdf2): A4, Source Sans Pro, contents page, page numbers."""

from __future__ import annotations

import io

from fpdf import FPDF, FontFace
from fpdf.outline import OutlineSection

from impact import __version__
from impact.i18n import t
from impact.report.blocks import (
    Block,
    Document,
    Figure,
    Heading,
    Paragraph,
    Table,
)
from impact.report.embed import ATTACHMENT_NAME, json_sha256
from impact.report.images import CHART_SCALE, chart_png, font_path, png_size

FONT = "SourceSans"
INK = (33, 37, 41)
MUTED = (108, 117, 125)
ACCENT = (0, 84, 139)
RULE = (206, 212, 218)
ZEBRA = (244, 247, 250)
HEAD_FILL = (226, 234, 242)
MARGIN = 20.0
PX_TO_MM = 25.4 / 96
NUMERIC = frozenset({"count", "year", "number", "percent", "money", "ratio", "pvalue"})


class _Pdf(FPDF):
    def __init__(self, doc: Document) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.doc = doc
        self.toc_y = MARGIN
        for style in ("", "B", "I", "BI"):
            self.add_font(FONT, style, str(font_path(style)))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=18)
        self.set_text_color(*INK)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-13)
        self.set_draw_color(*RULE)
        self.line(MARGIN, self.get_y() - 1.5, self.w - MARGIN, self.get_y() - 1.5)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, self.doc.title, align="L")
        self.set_x(MARGIN)
        page = t("report.page", lang=self.doc.lang, page=self.page_no(), pages="{nb}")
        self.cell(0, 5, page, align="R")
        self.set_text_color(*INK)


def render_pdf(doc: Document, metadata_json: str) -> bytes:
    """The document as PDF bytes, with the report JSON attached."""
    pdf = _Pdf(doc)
    pdf.set_title(doc.title)
    pdf.set_author(doc.subtitle[0] if doc.subtitle else "")
    pdf.set_subject(t("report.section.summary", lang=doc.lang) + " – " + doc.title)
    pdf.set_keywords(f"wijkimpact; sha256={json_sha256(metadata_json)}")
    pdf.set_creator(t("report.made_with", lang=doc.lang, version=__version__))
    pdf.set_lang(doc.lang)
    _cover(pdf, doc)
    for index, section in enumerate(doc.sections):
        if index > 0 and pdf.get_y() > pdf.h * 0.55:
            pdf.add_page()
        elif index > 0:
            pdf.ln(8)
        _heading(pdf, section.title, 1)
        for block in section.blocks:
            _block(pdf, block, doc)
    pdf.embed_file(
        bytes=metadata_json.encode(),
        basename=ATTACHMENT_NAME,
        mime_type="application/json",
    )
    return bytes(pdf.output())


def _cover(pdf: _Pdf, doc: Document) -> None:
    pdf.add_page()
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, pdf.w, 8, style="F")
    pdf.set_y(34)
    pdf.set_font(FONT, "B", 24)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(0, 11, doc.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(FONT, "", 12)
    pdf.set_text_color(*MUTED)
    for line in doc.subtitle:
        pdf.multi_cell(0, 6.5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(8)
    pdf.set_draw_color(*RULE)
    pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
    pdf.ln(6)
    pdf.set_font(FONT, "B", 14)
    pdf.cell(0, 8, t("report.toc", lang=doc.lang), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.toc_y = pdf.get_y()
    pdf.insert_toc_placeholder(_toc, pages=1, reset_page_indices=False)


def _toc(pdf: FPDF, outline: list[OutlineSection]) -> None:
    pdf.set_y(getattr(pdf, "toc_y", MARGIN))
    for entry in outline:
        if entry.level > 1:
            continue
        indent = 6 if entry.level == 1 else 0
        pdf.set_font(
            FONT, "B" if entry.level == 0 else "", 11 if entry.level == 0 else 10
        )
        pdf.set_x(MARGIN + indent)
        link = pdf.add_link(page=entry.page_number)
        width = pdf.w - 2 * MARGIN - indent - 12
        pdf.cell(width, 6.5, entry.name, link=link)
        pdf.cell(
            12,
            6.5,
            str(entry.page_number),
            align="R",
            link=link,
            new_x="LMARGIN",
            new_y="NEXT",
        )


def _heading(pdf: _Pdf, text: str, level: int) -> None:
    size = {1: 17, 2: 13, 3: 11}.get(level, 11)
    if pdf.get_y() > pdf.page_break_trigger - 30:
        pdf.add_page()
    if level > 1:
        pdf.ln(4 if level == 2 else 2)
    pdf.start_section(text, level=min(level - 1, 2), strict=False)
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(*(ACCENT if level < 3 else INK))
    pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(2 if level == 1 else 1.5)


def _block(pdf: _Pdf, block: Block, doc: Document) -> None:
    if isinstance(block, Heading):
        _heading(pdf, block.text, block.level)
    elif isinstance(block, Paragraph):
        _paragraph(pdf, block)
    elif isinstance(block, Table):
        _table(pdf, block, doc)
    elif isinstance(block, Figure):
        _figure(pdf, block)


def _paragraph(pdf: _Pdf, p: Paragraph) -> None:
    if p.style == "bullet":
        pdf.set_font(FONT, "", 10.5)
        pdf.set_x(MARGIN + 1)
        pdf.cell(5, 5.4, "•")
        pdf.multi_cell(0, 5.4, p.text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.2)
        return
    style, size, colour = {"note": ("I", 8.5, MUTED), "lead": ("B", 11, INK)}.get(
        p.style, ("", 10.5, INK)
    )
    pdf.set_font(FONT, style, size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, size * 0.5, p.text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*INK)
    pdf.ln(1.5)


def _table(pdf: _Pdf, table: Table, doc: Document) -> None:
    align = _alignments(table)
    pdf.set_font(FONT, "", 8.5 if len(table.header) > 5 else 9.5)
    head = FontFace(emphasis="BOLD", fill_color=HEAD_FILL, color=INK)
    pdf.set_fill_color(*ZEBRA)
    pdf.set_draw_color(*RULE)
    with pdf.table(
        col_widths=table.widths or None,
        text_align=align,
        borders_layout="HORIZONTAL_LINES",
        headings_style=head,
        cell_fill_color=ZEBRA,
        cell_fill_mode="ROWS",
        line_height=pdf.font_size * 1.6,
        padding=(0.8, 1.4),
        width=(pdf.w - 2 * MARGIN) * (0.6 if len(table.header) <= 2 else 1.0),
        align="LEFT",
    ) as grid:
        header = grid.row()
        for title in table.header:
            header.cell(title)
        for cells in table.rows:
            row = grid.row()
            for cell in cells:
                row.cell(cell.text(doc.lang, doc.min_cell))
    if table.caption:
        pdf.ln(1)
        _paragraph(pdf, Paragraph(table.caption, "note"))
    pdf.ln(2.5)


def _alignments(table: Table) -> tuple[str, ...]:
    def numeric(col: int) -> bool:
        kinds = {row[col].kind for row in table.rows if row[col].value is not None}
        kinds |= {row[col].kind for row in table.rows if row[col].kind == "suppressed"}
        return bool(kinds) and kinds <= NUMERIC | {"suppressed"}

    return tuple("RIGHT" if numeric(i) else "LEFT" for i in range(len(table.header)))


def _figure(pdf: _Pdf, figure: Figure) -> None:
    png = chart_png(figure.spec)
    width_px, height_px = png_size(png)
    width = min(pdf.w - 2 * MARGIN, width_px / CHART_SCALE * PX_TO_MM)
    height = width * height_px / width_px
    if pdf.get_y() + height + 10 > pdf.page_break_trigger:
        pdf.add_page()
    pdf.image(io.BytesIO(png), x=MARGIN, w=width, h=height)
    if figure.caption:
        pdf.ln(1)
        _paragraph(pdf, Paragraph(figure.caption, "note"))
    pdf.ln(2)
