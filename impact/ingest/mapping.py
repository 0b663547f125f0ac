"""Find the header row and map source headers to canonical fields.

Mapping values are field names (``client_ref``, ``date``, ...), ``score:I:D``
(a wide column of instrument ``I``, domain ``D``; ``I`` empty means "from the
instrument column"), ``score:I:D:W`` (the same for wave ``W``), ``date:W`` (the
date of wave ``W`` in a one-row-per-participant layout), ``personal`` (names,
addresses, postcodes, birth dates: dropped) or ``ignore``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from impact.domain.instruments import normalise_code
from impact.ingest.catalog import Catalog
from impact.ingest.columns import ColumnCells
from impact.ingest.convert import as_text
from impact.ingest.models import Kind, Layout
from impact.ingest.problems import column_letter
from impact.ingest.vocabulary import (
    AREA_FIELDS,
    IGNORE,
    PARTICIPANT_FIELDS,
    PERSONAL,
    field_for,
    is_personal_header,
    split_wave,
)

HEADER_SCAN_ROWS = 30
MAX_HEADER_CHARS = 80
_MAPPED = re.compile(r"^(score:[a-z0-9_]*:[a-z0-9_]+(:\d{1,2})?|date:\d{1,2})$")


@dataclass(frozen=True)
class Table:
    """The data block of one sheet: headers and the cells below them."""

    sheet: str
    header_row: int  # Excel row number of the header
    headers: tuple[str, ...]
    cells: np.ndarray | ColumnCells  # (n rows, n cols) object
    rows: np.ndarray  # Excel row number of each data row
    text_only: bool

    def column(self, index: int) -> np.ndarray:
        return np.ascontiguousarray(self.cells[:, index])

    def letter(self, index: int) -> str:
        return column_letter(index)


def header_names(raw: np.ndarray) -> tuple[str, ...]:
    """Header cells as unique display names (empty → ``[C]``, twice → ``x [D]``)."""
    out: list[str] = []
    seen: set[str] = set()
    for j, cell in enumerate(raw):
        name = as_text(cell).strip() if cell is not None else ""
        if not name:
            name = f"[{column_letter(j)}]"
        elif name in seen:
            name = f"{name} [{column_letter(j)}]"
        seen.add(name)
        out.append(name)
    return tuple(out)


def header_score(cells: np.ndarray, catalog: Catalog, known: Mapping[str, str]) -> int:
    score = 0
    for cell in cells:
        if (
            not isinstance(cell, str)
            or not cell.strip()
            or len(cell) > MAX_HEADER_CHARS
        ):
            continue
        text = cell.strip()
        if text in known or field_for(text, "participant") or field_for(text, "area"):
            score += 2
        elif is_personal_header(text) or _wide_field(text, catalog):
            score += 1
    return score


def make_table(
    sheet: str,
    cells: np.ndarray | ColumnCells,
    catalog: Catalog,
    known: Mapping[str, str],
    text_only: bool,
) -> Table:
    """Pick the header row (the best-scoring of the first rows) and cut the table."""
    n = min(cells.shape[0], HEADER_SCAN_ROWS)
    scores = [header_score(cells[i], catalog, known) for i in range(n)]
    best = (
        int(np.argmax(scores)) if scores and max(scores) > 0 else _first_filled(cells)
    )
    return Table(
        sheet=sheet,
        header_row=best + 1,
        headers=header_names(cells[best]) if cells.shape[0] else (),
        cells=cells[best + 1 :],
        rows=np.arange(best + 2, cells.shape[0] + 1, dtype=np.int64),
        text_only=text_only,
    )


def _first_filled(cells: np.ndarray | ColumnCells) -> int:
    for i in range(min(cells.shape[0], HEADER_SCAN_ROWS)):
        if any(as_text(c).strip() for c in cells[i] if c is not None):
            return i
    return 0


def guess_kind(headers: tuple[str, ...]) -> Kind:
    fields = {field_for(h, "participant") for h in headers}
    if "client_ref" in fields:
        return "participant"
    area = {field_for(h, "area") for h in headers}
    return (
        "area"
        if {"area_code", "period"} <= area or "first_treated" in area
        else ("participant")
    )


def guess_mapping(headers: tuple[str, ...], catalog: Catalog) -> dict[str, str]:
    """Source header → field, by synonyms; each field taken by its first header."""
    kind = guess_kind(headers)
    out: dict[str, str] = {}
    used: set[str] = set()
    for header in headers:
        found = field_for(header, kind)
        if found and found not in used:
            out[header] = found
            used.add(found)
        elif is_personal_header(header):
            out[header] = PERSONAL
        else:
            out[header] = _wide_field(header, catalog) or IGNORE
    return out


def _wide_field(header: str, catalog: Catalog) -> str | None:
    code = normalise_code(header)
    if not code:
        return None
    found = _score_field(code, catalog, None)
    if found:
        return found
    split = split_wave(code)
    if split is None:
        return None
    rest, wave = split
    if rest in {"datum", "date", "meetdatum"}:
        return f"date:{wave}"
    return _score_field(rest, catalog, wave)


def _score_field(code: str, catalog: Catalog, wave: int | None) -> str | None:
    hits = catalog.wide_column(code)
    if not hits:
        return None
    domains = {dom for _, dom in hits}
    if len(domains) > 1:
        return None
    inst = catalog.codes[hits[0][0]] if len(hits) == 1 else ""
    suffix = "" if wave is None else f":{wave}"
    return f"score:{inst}:{hits[0][1]}{suffix}"


def kind_of(mapping: Mapping[str, str]) -> Kind:
    values = set(mapping.values())
    if "client_ref" in values:
        return "participant"
    return (
        "area" if values & {"area_code", "period", "first_treated"} else "participant"
    )


def layout_of(mapping: Mapping[str, str]) -> Layout:
    if kind_of(mapping) == "area":
        return "area"
    return "wide" if any(v.startswith("score:") for v in mapping.values()) else "long"


def bad_targets(mapping: Mapping[str, str]) -> list[tuple[str, str]]:
    """(header, target) pairs of a given mapping that name no known field."""
    fields = set(PARTICIPANT_FIELDS) | set(AREA_FIELDS) | {IGNORE, PERSONAL}
    return [
        (h, v) for h, v in mapping.items() if v not in fields and not _MAPPED.match(v)
    ]
