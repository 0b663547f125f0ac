"""One data sheet after mapping: its kept rows and factorised columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from impact.ingest.convert import Factor, as_text, per_unique
from impact.ingest.mapping import Table
from impact.ingest.problems import ProblemLog, Severity
from impact.ingest.vocabulary import IGNORE


@dataclass
class MappedSheet:
    """Rows to import (``keep``) of a :class:`Table` and the mapping used."""

    table: Table
    mapping: dict[str, str]
    keep: np.ndarray  # indices of data rows to import
    log: ProblemLog
    columns: Callable[[int], Factor]  # column j over the whole grid, factorised
    _factors: dict[int, Factor] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.table.sheet

    @cached_property
    def rows(self) -> np.ndarray:
        """Excel row numbers of the kept rows."""
        return self.table.rows[self.keep]

    @property
    def n(self) -> int:
        return len(self.keep)

    def index_of(self, target: str) -> int | None:
        """Column index of the (first) header mapped to ``target``."""
        for j, header in enumerate(self.table.headers):
            if self.mapping.get(header, IGNORE) == target:
                return j
        return None

    def require(self, target: str) -> int:
        """Column index of ``target``; callers checked it is mapped."""
        j = self.index_of(target)
        if j is None:
            raise RuntimeError(f"column {target!r} is not mapped")
        return j

    def columns_where(self, prefix: str) -> list[tuple[int, str]]:
        """(index, target) of every column whose target starts with ``prefix``."""
        out = []
        for j, header in enumerate(self.table.headers):
            target = self.mapping.get(header, IGNORE)
            if target.startswith(prefix):
                out.append((j, target))
        return out

    def factor(self, j: int) -> Factor:
        if j not in self._factors:
            self._factors[j] = self.columns(j).subset(self.rows - 1)
        return self._factors[j]

    def texts(self, j: int) -> tuple[Factor, list[str]]:
        fac = self.factor(j)
        return fac, per_unique(fac, as_text)

    def report(
        self,
        problem: str,
        j: int,
        mask: np.ndarray,
        severity: Severity = "error",
        **params: object,
    ) -> None:
        """Log ``problem`` for every kept row where ``mask`` holds, at column ``j``."""
        where = np.flatnonzero(mask)
        if not len(where):
            return
        fac = self.factor(j)
        values = fac.uniques[fac.codes[where]]
        self.log.add_cells(
            problem,
            sheet=self.name,
            rows=self.rows[where],
            column=self.table.letter(j),
            header=self.table.headers[j],
            values=values,
            severity=severity,
            **params,
        )

    def report_column(
        self,
        problem: str,
        j: int | None,
        severity: Severity = "error",
        row: int | None = None,
        **params: object,
    ) -> None:
        """A problem about a whole column (or the header row when ``j`` is None)."""
        if row is not None and j is not None:
            self.log.add(
                problem,
                sheet=self.name,
                row=row,
                column=self.table.letter(j),
                header=self.table.headers[j],
                severity=severity,
                **params,
            )
            return
        self.log.add(
            problem,
            severity=severity,
            sheet=self.name,
            row=self.table.header_row if j is None else None,
            column=None if j is None else self.table.letter(j),
            header=None if j is None else self.table.headers[j],
            **params,
        )
