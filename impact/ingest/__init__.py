"""Ingest: an uploaded workbook or CSV → validated, normalised frames + problems.

No database: the import service (``impact.services``) passes an
:class:`IngestContext`, calls :func:`parse_upload` and writes the frames when
``result.ok``. See :mod:`impact.ingest.models` for the canonical columns.
"""

from __future__ import annotations

from impact.ingest.models import (
    AREA_COLUMNS,
    MEASUREMENT_COLUMNS,
    IngestContext,
    ParsedUpload,
    ProgrammeInfo,
    SheetInfo,
    UploadPreview,
)
from impact.ingest.neutralise import neutralise_cell, neutralise_formula
from impact.ingest.pipeline import parse_upload
from impact.ingest.problems import Problem

__all__ = [
    "AREA_COLUMNS",
    "MEASUREMENT_COLUMNS",
    "IngestContext",
    "ParsedUpload",
    "Problem",
    "ProgrammeInfo",
    "SheetInfo",
    "UploadPreview",
    "neutralise_cell",
    "neutralise_formula",
    "parse_upload",
]
