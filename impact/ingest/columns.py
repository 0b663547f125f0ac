"""A sheet held as one factorised column per sheet column (large sheets).

:class:`ColumnCells` answers the few questions the ingest layer asks of a grid
(its shape, a row, a cell, a slice of rows, a whole column) from per-column
:class:`~impact.ingest.convert.Factor` objects, so a million-row sheet never
becomes ten million Python objects. Values are exactly those of
python-calamine's ``to_python``: text as ``str``, numbers as ``float``, dates
as ``date``/``datetime``/``time``, empty cells as ``""``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

from impact.ingest.convert import Factor


class ColumnCells:
    """Rows ``start .. stop`` of a sheet stored column-wise (a read-only view)."""

    def __init__(
        self, columns: Sequence[Factor], n_rows: int, start: int = 0, stop: int = -1
    ) -> None:
        self._columns = list(columns)
        self._n_rows = n_rows
        self._start = start
        self._stop = n_rows if stop < 0 else stop

    @property
    def shape(self) -> tuple[int, int]:
        return self._stop - self._start, len(self._columns)

    @property
    def size(self) -> int:
        rows, cols = self.shape
        return rows * cols

    def __len__(self) -> int:
        return self.shape[0]

    def factor(self, j: int) -> Factor:
        """Column ``j`` of the rows in view, factorised."""
        fac = self._columns[j]
        if self._start == 0 and self._stop == self._n_rows:
            return fac
        return fac.subset(np.arange(self._start, self._stop))

    def row(self, i: int) -> np.ndarray:
        at = self._start + i
        out = np.empty(len(self._columns), dtype=object)
        out[:] = [fac.uniques[fac.codes[at]] for fac in self._columns]
        return out

    def __iter__(self) -> Iterator[np.ndarray]:
        for i in range(len(self)):
            yield self.row(i)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, slice):
            first, last, step = key.indices(len(self))
            if step != 1:
                raise IndexError("only contiguous row slices")
            return ColumnCells(
                self._columns,
                self._n_rows,
                self._start + first,
                self._start + max(first, last),
            )
        if isinstance(key, tuple):
            rows, j = key
            if isinstance(rows, slice) and rows == slice(None):
                return self.factor(int(j)).values()
            fac = self._columns[int(j)]
            return fac.uniques[fac.codes[self._start + self._index(rows)]]
        return self.row(self._index(key))

    def _index(self, i: Any) -> int:
        i = int(i)
        n = len(self)
        if not -n <= i < n:
            raise IndexError(i)
        return i + n if i < 0 else i


def first_seen(codes: np.ndarray, uniques: np.ndarray) -> Factor:
    """The factor ``pandas.factorize`` gives for the column ``uniques[codes]``.

    Labels are renumbered in order of first appearance and equal labels merged
    under the first one seen, so a column built from parts factorises exactly
    as if it had been read in one piece.
    """
    if len(codes) == 0:
        return Factor(codes.astype(np.int64), uniques[:0])
    used, first = np.unique(codes, return_index=True)
    order = used[np.argsort(first, kind="stable")]
    merged, labels = pd.factorize(uniques[order])
    remap = np.empty(len(uniques), dtype=np.int64)
    remap[order] = merged
    out = np.empty(len(labels), dtype=object)
    out[:] = list(labels)
    return Factor(remap[codes], out)
