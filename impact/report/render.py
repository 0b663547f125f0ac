"""``render(report, fmt)``: the one entry point of the three renderers."""

from __future__ import annotations

from typing import Literal

from impact.errors import check_option
from impact.report.document import build_document
from impact.report.embed import report_json
from impact.report.model import EvidenceReport
from impact.report.privacy import suppress

Format = Literal["pdf", "xlsx", "docx"]
FORMATS: tuple[Format, ...] = ("pdf", "xlsx", "docx")


def render(report: EvidenceReport, fmt: Format, lang: str | None = None) -> bytes:
    """The report as a file in ``fmt``, in ``lang`` (default: the report's language).

    Small cells are suppressed first; the file shows and embeds only the
    suppressed report.
    """
    check_option("fmt", fmt, FORMATS)
    shown = suppress(report)
    language = lang or shown.language
    doc = build_document(shown, language)
    metadata = report_json(shown)
    if fmt == "pdf":
        from impact.report.pdf import render_pdf

        return render_pdf(doc, metadata)
    if fmt == "xlsx":
        from impact.report.xlsx import render_xlsx

        return render_xlsx(doc, metadata)
    from impact.report.docx import render_docx

    return render_docx(doc, metadata)
