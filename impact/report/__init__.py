"""Evidence reports: one :class:`EvidenceReport` model, rendered to PDF, XLSX, DOCX.

The model holds aggregates only (see ``model``); ``privacy.suppress`` hides small
cells before anything is rendered; ``render(report, fmt)`` is the one entry
point; ``read_embedded(data)`` returns the report JSON a file carries.
"""

from __future__ import annotations

from impact.report.embed import read_embedded
from impact.report.model import EvidenceReport, Request
from impact.report.render import FORMATS, Format, render

__all__ = ["FORMATS", "EvidenceReport", "Format", "Request", "read_embedded", "render"]
