"""Problems found in an upload, each tied to the cell a user has to fix.

A :class:`Problem` carries the sheet, the Excel row number and the column letter
exactly as the user sees them, a stable ``code`` (tests and the UI key on it) and a
message already translated. :class:`ProblemLog` collects them in one pass; for the
vectorised checks it takes arrays of offending rows and builds Problem objects only
for those, up to :data:`MAX_PER_KIND` per code and column (then one summary line),
so a file with a million bad cells still yields a readable list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from impact.i18n import t

Severity = Literal["error", "warning"]

#: Problems listed one by one per (code, sheet, column); the rest are summarised
MAX_PER_KIND = 1000


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an upload.

    ``row`` is the Excel row number (1-based) and ``column`` the column letter
    (``"C"``); both ``None`` when the problem is not about one cell. ``sheet`` is
    ``""`` for problems with the file as a whole (a refused file).
    """

    sheet: str
    row: int | None
    column: str | None
    code: str
    message: str
    severity: Severity = "error"

    def to_dict(self) -> dict[str, object]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.location(),
            "code": self.code,
            "message": self.message,
            "severity": self.severity,
        }

    def location(self) -> str:
        """Excel-style reference: ``Gegevens!C14``, ``Gegevens!14:14``, ``Gegevens``."""
        if not self.sheet:
            return ""
        sheet = self.sheet
        if not sheet.replace("_", "").isalnum():
            sheet = "'" + sheet.replace("'", "''") + "'"
        if self.row is not None and self.column is not None:
            return f"{sheet}!{self.column}{self.row}"
        if self.row is not None:
            return f"{sheet}!{self.row}:{self.row}"
        if self.column is not None:
            return f"{sheet}!{self.column}:{self.column}"
        return sheet


def column_letter(index: int) -> str:
    """0 → ``A``, 25 → ``Z``, 26 → ``AA``."""
    out = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letters: str) -> int:
    """``A`` → 0, ``AA`` → 26 (inverse of :func:`column_letter`)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def show(value: object, limit: int = 60) -> str:
    """A cell value as a user typed it, shortened for a message."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ProblemLog:
    """Collects problems in the order found; messages use the current language."""

    def __init__(self, max_per_kind: int = MAX_PER_KIND) -> None:
        self._items: list[Problem] = []
        self._counts: dict[tuple[str, str, str | None], int] = {}
        self._max = max_per_kind

    def add(
        self,
        code: str,
        *,
        sheet: str = "",
        row: int | None = None,
        column: str | None = None,
        header: str | None = None,
        severity: Severity = "error",
        **params: object,
    ) -> None:
        """Add a problem whose text is ``ingest.<code>`` filled with ``params``."""
        kind = (code, sheet, column)
        count = self._counts.get(kind, 0) + 1
        self._counts[kind] = count
        if count > self._max:
            return
        text = t(f"ingest.{code}", None, **params)
        prefix = _prefix(row, column, header)
        self._items.append(Problem(sheet, row, column, code, prefix + text, severity))

    def add_cells(
        self,
        code: str,
        *,
        sheet: str,
        rows: np.ndarray,
        column: str | None,
        header: str | None,
        values: Sequence[object] | np.ndarray | None = None,
        severity: Severity = "error",
        **params: object,
    ) -> None:
        """One problem per offending row; ``values`` (same length) fill ``{value}``."""
        n = len(rows)
        limit = min(n, max(0, self._max - self._counts.get((code, sheet, column), 0)))
        for i in range(limit):
            extra = {} if values is None else {"value": show(values[i])}
            self.add(
                code,
                sheet=sheet,
                row=int(rows[i]),
                column=column,
                header=header,
                severity=severity,
                **params,
                **extra,
            )
        if n > limit:
            self._counts[(code, sheet, column)] = self._counts.get(
                (code, sheet, column), 0
            ) + (n - limit)

    def skip(self, code: str, sheet: str, column: str | None, count: int) -> None:
        """Count ``count`` more problems of a kind without building them."""
        kind = (code, sheet, column)
        self._counts[kind] = self._counts.get(kind, 0) + count

    def full(self, code: str, sheet: str, column: str | None) -> bool:
        return self._counts.get((code, sheet, column), 0) >= self._max

    def problems(self) -> tuple[Problem, ...]:
        """All problems, with one summary line per kind that went over the cap."""
        out = list(self._items)
        for (code, sheet, column), count in self._counts.items():
            if count > self._max:
                severity = next(
                    p.severity
                    for p in self._items
                    if (p.code, p.sheet) == (code, sheet)
                )
                out.append(
                    Problem(
                        sheet,
                        None,
                        column,
                        code,
                        t("ingest.more_of_same", count=count - self._max, code=code),
                        severity,
                    )
                )
        return tuple(out)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self._items)


def _prefix(row: int | None, column: str | None, header: str | None) -> str:
    if row is not None and column is not None:
        if header:
            return t("ingest.at_cell_header", row=row, column=column, header=header)
        return t("ingest.at_cell", row=row, column=column)
    if row is not None:
        return t("ingest.at_row", row=row)
    if column is not None:
        if header:
            return t("ingest.at_column_header", column=column, header=header)
        return t("ingest.at_column", column=column)
    return ""
