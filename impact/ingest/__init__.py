"""Ingest: an uploaded workbook or CSV → validated, normalised frames + problems.

No database: the import service (``impact.services``) passes an
:class:`IngestContext`, calls :func:`parse_upload` and writes the frames when
``result.ok`` (after :func:`pseudonymise_frame`). See :mod:`impact.ingest.models`
for the canonical columns and :mod:`impact.ingest.pipeline` for the order of the
checks.

Map of the package:

* ``guard`` refuses hostile files from the zip directory; ``xmlscan`` bounds the
  used range before the cell reader runs; ``xmldetails`` finds formulas without
  values, hidden rows and merged cells; ``reader`` reads cells (calamine, CSV);
* ``mapping``/``vocabulary``/``catalog`` find the header row and map headers;
* ``convert`` parses distinct cell values; ``fields``, ``participant``,
  ``panel`` and ``area`` build and check rows; ``structure`` and ``bsnscan``
  check the sheet as a whole;
* ``preview``, ``problem_book``, ``pseudonymise``, ``templates``, ``neutralise``
  are the other public entry points.
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
from impact.ingest.preview import inspect_upload
from impact.ingest.problem_book import problems_workbook
from impact.ingest.problems import Problem
from impact.ingest.pseudonymise import pseudonymise_frame
from impact.ingest.templates import write_template

__all__ = [
    "AREA_COLUMNS",
    "MEASUREMENT_COLUMNS",
    "IngestContext",
    "ParsedUpload",
    "Problem",
    "ProgrammeInfo",
    "SheetInfo",
    "UploadPreview",
    "inspect_upload",
    "neutralise_cell",
    "neutralise_formula",
    "parse_upload",
    "problems_workbook",
    "pseudonymise_frame",
    "write_template",
]
