"""Large sheets read column-wise: typed Arrow columns instead of Python cells.

python-calamine's ``to_python`` makes one Python object per cell, which is most
of the time and memory of a million-row read. For a large sheet:

1. the first :data:`HEAD_ROWS` rows are read with python-calamine from a small
   copy of the workbook (exact cell types: titles, the header, the first rows);
2. the rows below the point where every column keeps one cell type are read
   with fastexcel (calamine into Arrow) in its *strict* mode, so a column that
   mixes types (a text in a score column, say) is never coerced;
3. each Arrow column is dictionary-encoded (in C++) into a
   :class:`~impact.ingest.convert.Factor` with python-calamine's value types.

The result is used only when it is provably the plain read: no error cells, no
integer or unknown column types, the same width, and the rows both reads hold
equal cell by cell. Otherwise :func:`read_columns` returns ``None`` and the
sheet is read the plain way, so behaviour never depends on which path ran.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import pickle
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from impact.errors import ImportRefused
from impact.ingest.child import DEFAULT_LIMITS, ChildRead, PlainRead, ReadLimits
from impact.ingest.columns import ColumnCells, first_seen
from impact.ingest.convert import Factor
from impact.ingest.guard import ZIP_MAGIC, check_zip
from impact.ingest.resolve import Package, SheetPart, resolve
from impact.readworker import RawRead

#: sheets whose XML inflates to more than this are read column-wise
FAST_READ_BYTES = 16 * 1024 * 1024
#: rows read exactly (python-calamine) before the column-wise read takes over
HEAD_ROWS = 500
_EXCEL_DAY_ONE = dt.datetime(1900, 1, 1)


def assemble(raw: RawRead) -> ColumnCells | None:
    """The sheet's columns from a raw read, when provably the plain read's."""
    columns = _columns(raw.head, raw.start, raw.batch, raw.first_col, raw.height)
    if columns is None:
        return None
    cells = ColumnCells(columns, raw.height)
    return cells if _same_rows(raw.head, cells, raw.start) else None


def _columns(
    head: list[list[Any]], start: int, batch: Any, first_col: int, height: int
) -> list[Factor] | None:
    """Per sheet column: the head's rows above ``start`` plus the Arrow rows."""
    width = max(max(len(r) for r in head), first_col + batch.num_columns)
    out = []
    for j in range(width):
        top = np.empty(start, dtype=object)
        top[:] = [r[j] if j < len(r) else "" for r in head[:start]]
        k = j - first_col
        if 0 <= k < batch.num_columns:
            part = _arrow_factor(batch.column(k))
            if part is None:
                return None
        else:
            part = Factor.const("", height - start)
        # each head cell its own label: first_seen merges equal ones
        codes = np.concatenate([np.arange(start), part.codes + start])
        out.append(first_seen(codes, np.concatenate([top, part.uniques])))
    return out


def _arrow_factor(column: Any) -> Factor | None:
    """An Arrow column as a Factor with python-calamine's value types."""
    import pyarrow as pa

    kind = column.type
    convert: Callable[[Any], object]
    if pa.types.is_null(kind):
        return Factor.const("", len(column))
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        convert = str
    elif pa.types.is_floating(kind):
        convert = float
    elif pa.types.is_boolean(kind):
        convert = bool
    elif pa.types.is_timestamp(kind):
        convert = _calamine_datetime
    elif pa.types.is_duration(kind):
        convert = _same
    else:
        return None  # integers, dates without time, ...: read plainly
    encoded = column.dictionary_encode()
    dictionary = encoded.dictionary.to_pylist()
    codes = encoded.indices.fill_null(len(dictionary)).to_numpy(zero_copy_only=False)
    labels = np.empty(len(dictionary) + 1, dtype=object)
    labels[:] = [*(convert(v) for v in dictionary), ""]
    return Factor(codes.astype(np.int64), labels)


def _same(value: object) -> object:
    return value


def _calamine_datetime(value: dt.datetime) -> object:
    """Before 1900-01-01 a time of day, at midnight a date, else a datetime."""
    if value < _EXCEL_DAY_ONE:
        return value.time()
    if value.time() == dt.time(0):
        return value.date()
    return value


def _same_rows(head: list[list[Any]], cells: ColumnCells, start: int) -> bool:
    """Rows ``start ..`` of the exact head equal the column-wise read, by type too."""
    width = cells.shape[1]
    for i in range(start, len(head)):
        row = cells.row(i)
        plain = [*head[i], *([""] * (width - len(head[i])))]
        if len(plain) != width:
            return False
        for a, b in zip(plain, row, strict=True):
            if type(a) is not type(b) or a != b:
                return False
    return True


class PendingRead:
    """A column-wise read running in a child process (see
    :mod:`impact.readworker`); :meth:`result` after the scan cleared the
    file, :meth:`cancel` when it did not."""

    def __init__(
        self, data: bytes, path: str, name: str, limits: ReadLimits = DEFAULT_LIMITS
    ) -> None:
        self.name = name
        request = {"mode": "columns", "path": path, "name": name}
        self._child = ChildRead({**request, "head_rows": HEAD_ROWS}, data, limits)

    def result(self) -> ColumnCells | None:
        """The sheet's columns, or None (the caller reads the sheet plainly);
        ImportRefused when the child died or ran out of time."""
        import pyarrow as pa

        stdout = self._child.stdout
        try:
            # our own child's output: cell values made by python-calamine
            meta = pickle.load(stdout)  # noqa: S301
            batches = [] if meta is None else list(pa.ipc.open_stream(stdout))
        except Exception:
            meta, batches = None, []
        self._child.finish()
        if meta is None or len(batches) != 1:
            return None
        head, start, first_col, height = meta
        return assemble(RawRead(head, start, batches[0], first_col, height))

    def cancel(self) -> None:
        self._child.cancel()


@dataclass
class Reads:
    """The reader's copy of a workbook and the child reads started on it."""

    package: Package
    columns: list[PendingRead]
    plain: PlainRead | None
    limits: ReadLimits

    def cancel(self) -> None:
        for read in self.columns:
            read.cancel()
        if self.plain is not None:
            self.plain.cancel()


@contextlib.contextmanager
def early_reads(
    data: bytes, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[Reads | None]:
    """Start the reads of ``data`` now, for a caller that will parse this very
    bytes object later (the command line, before its slower imports and the
    database check) and passes them on as ``pending``; reads nobody collected
    are stopped when the block ends. None for anything but a workbook the zip
    guard and the resolver accept (``open_upload`` says what is wrong)."""
    reads = None
    if data.startswith(ZIP_MAGIC):
        with contextlib.suppress(ImportRefused):
            if check_zip(data) == "xlsx":
                reads = start_reads(data, limits=limits)
    try:
        yield reads
    finally:
        if reads is not None:
            reads.cancel()


def large_sheets(package: Package, min_bytes: int | None = None) -> list[SheetPart]:
    """The worksheets whose XML is at least ``min_bytes`` (default
    :data:`FAST_READ_BYTES`): the ones read column-wise."""
    limit = FAST_READ_BYTES if min_bytes is None else min_bytes
    with zipfile.ZipFile(io.BytesIO(package.data)) as archive:
        sizes = {i.filename: i.file_size for i in archive.infolist()}
    return [p for p in package.sheets if sizes.get(p.path, 0) >= limit]


def start_reads(
    data: bytes, min_bytes: int | None = None, limits: ReadLimits = DEFAULT_LIMITS
) -> Reads:
    """Resolve the workbook (:mod:`impact.ingest.resolve`) and start its reads
    in child processes: large worksheets column-wise, the others cell by cell.
    They start before the scan has cleared the file (see impact.readworker)."""
    package = resolve(data)
    large = large_sheets(package, min_bytes)
    names = {p.name for p in large}
    small = [p.name for p in package.sheets if p.name not in names]
    return Reads(
        package,
        [PendingRead(package.data, p.path, p.name, limits) for p in large],
        PlainRead(package.data, small, limits) if small else None,
        limits,
    )
