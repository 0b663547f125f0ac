"""What the import service passes in and gets back: context, preview, result.

Canonical columns (the contract with :mod:`impact.services`):

* measurements: ``client_ref`` (raw reference; the service pseudonymises it with
  :func:`impact.ingest.pseudonymise_frame`), ``programme``, ``group``
  (``treated``/``comparison``), ``wijk``, ``instrument``, ``domain``, ``date``
  (datetime64[ns]), ``wave`` (0 = voormeting, 1 = nameting, 2 ...), ``value``
  (float64), ``rated_by`` (``professional``/``self``/None), ``sheet``, ``source_row``.
* area observations: ``programme``, ``area_code``, ``period``, ``indicator``,
  ``value``, ``first_treated`` (Int64, <NA> = never treated), ``sheet``,
  ``source_row``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import pandas as pd

from impact.domain.instruments import Instrument
from impact.errors import ImportRefused
from impact.ingest.problems import Problem

Kind = Literal["participant", "area"]
Layout = Literal["long", "wide", "area"]

MEASUREMENT_COLUMNS: tuple[str, ...] = (
    "client_ref",
    "programme",
    "group",
    "wijk",
    "instrument",
    "domain",
    "date",
    "wave",
    "value",
    "rated_by",
    "sheet",
    "source_row",
)
AREA_COLUMNS: tuple[str, ...] = (
    "programme",
    "area_code",
    "period",
    "indicator",
    "value",
    "first_treated",
    "sheet",
    "source_row",
)
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ProgrammeInfo:
    name: str
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class IngestContext:
    """Everything from the database the checks need, passed in by the service."""

    instruments: Mapping[str, Instrument]
    programmes: Mapping[str, ProgrammeInfo]
    default_programme: str | None = None
    #: the group of every row when the file has no group column (the page asks)
    default_group: str | None = None
    mapping: Mapping[str, str] | None = None
    today: date = field(default_factory=date.today)
    lang: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class ParsedUpload:
    """The validated, normalised content of one upload (nothing written yet)."""

    kind: Kind
    layout: Layout
    measurements: pd.DataFrame
    area_observations: pd.DataFrame
    problems: tuple[Problem, ...]
    mapping: dict[str, str]
    file_sha256: str
    n_rows_read: int

    @property
    def ok(self) -> bool:
        """True when no problem is an error (warnings do not stop an import)."""
        return not any(p.severity == "error" for p in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    def raise_for_errors(self) -> None:
        """Raise :class:`ImportRefused` listing every problem when any is an error."""
        if not self.ok:
            from impact.i18n import t

            raise ImportRefused(
                t("ingest.refused_summary", count=len(self.errors)), self.problems
            )


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    visible: bool
    n_rows: int
    n_cols: int


@dataclass(frozen=True)
class UploadPreview:
    """What the UI shows before the user confirms an import."""

    filename: str
    file_sha256: str
    kind: Kind
    layout: Layout
    sheets: tuple[SheetInfo, ...]
    data_sheets: tuple[str, ...]
    header_row: int | None
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    mapping: dict[str, str]
    fields: tuple[str, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def empty_measurements() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "client_ref": pd.Series([], dtype="str"),
            "programme": pd.Series([], dtype="str"),
            "group": pd.Series([], dtype="str"),
            "wijk": pd.Series([], dtype="object"),
            "instrument": pd.Series([], dtype="str"),
            "domain": pd.Series([], dtype="str"),
            "date": pd.Series([], dtype="datetime64[ns]"),
            "wave": pd.Series([], dtype="int64"),
            "value": pd.Series([], dtype="float64"),
            "rated_by": pd.Series([], dtype="object"),
            "sheet": pd.Series([], dtype="str"),
            "source_row": pd.Series([], dtype="int64"),
        }
    )


def empty_area_observations() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "programme": pd.Series([], dtype="str"),
            "area_code": pd.Series([], dtype="str"),
            "period": pd.Series([], dtype="int64"),
            "indicator": pd.Series([], dtype="str"),
            "value": pd.Series([], dtype="float64"),
            "first_treated": pd.Series([], dtype="Int64"),
            "sheet": pd.Series([], dtype="str"),
            "source_row": pd.Series([], dtype="int64"),
        }
    )
