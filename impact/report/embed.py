"""Machine-readable report data embedded in each file, and reading it back.

Each rendered file carries the *suppressed* report's JSON (numbers, data
fingerprint, plan hash): a PDF as an attached file, an XLSX in a hidden sheet,
a DOCX as a custom XML part. :func:`read_embedded` detects the format and
returns the dict, which :meth:`EvidenceReport.from_dict` turns back into a model.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from typing import Any
from xml.sax.saxutils import escape

from impact.errors import ReportError
from impact.i18n import t
from impact.report.model import EvidenceReport

ATTACHMENT_NAME = "wijkimpact-report.json"
META_SHEET = "_wijkimpact"
CHUNK = 30_000  # characters per Excel cell (limit 32,767)
DOCX_PART = "/customXml/wijkimpact-report.xml"
XML_NS = "urn:wijkimpact:evidence-report"


def report_json(report: EvidenceReport) -> str:
    """Canonical JSON of the report (sorted keys, UTF-8 text)."""
    return json.dumps(report.to_dict(), sort_keys=True, ensure_ascii=False)


def json_sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def chunks(text: str) -> list[str]:
    return [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]


def docx_xml(text: str) -> bytes:
    body = f'<report xmlns="{XML_NS}">{escape(text)}</report>'
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body).encode()


def read_embedded(data: bytes) -> dict[str, Any]:
    """The report dict embedded in a PDF, XLSX or DOCX made by Wijkimpact."""
    if data[:5] == b"%PDF-":
        text = _from_pdf(data)
    elif data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                text = _from_xlsx(data)
            elif "word/document.xml" in names:
                text = _from_docx(archive, names)
            else:
                raise ReportError(t("report.unknown_file"))
    else:
        raise ReportError(t("report.unknown_file"))
    try:
        return dict(json.loads(text))
    except (ValueError, TypeError) as exc:
        raise ReportError(t("report.no_metadata")) from exc


def _from_pdf(data: bytes) -> str:
    from pypdf import PdfReader

    attachments = PdfReader(io.BytesIO(data)).attachments
    if ATTACHMENT_NAME not in attachments:
        raise ReportError(t("report.no_metadata"))
    return attachments[ATTACHMENT_NAME][0].decode()


def _from_xlsx(data: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    if META_SHEET not in book.sheetnames:
        raise ReportError(t("report.no_metadata"))
    parts = [row[0] for row in book[META_SHEET].iter_rows(values_only=True) if row]
    return "".join(str(p) for p in parts if p is not None)


def _from_docx(archive: zipfile.ZipFile, names: set[str]) -> str:
    from defusedxml import ElementTree

    name = DOCX_PART.lstrip("/")
    if name not in names:
        raise ReportError(t("report.no_metadata"))
    root = ElementTree.fromstring(archive.read(name))
    return root.text or ""
