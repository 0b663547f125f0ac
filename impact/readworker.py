"""Every native read of an upload happens here, in a child process.

The cell readers (python-calamine, fastexcel: Rust) run only in this process
(``python -m impact.readworker``), started by :mod:`impact.ingest.child`, with
an address-space limit (``RLIMIT_AS``) and a CPU-time limit set before the file
is touched; the parent adds a wall-clock limit. A hostile file (one cell at
XFD1048576 makes calamine ask for 512 GiB and abort) kills only this process;
the parent turns that into a refusal. It usually starts while the parent still
scans the file, and its output is only used once the scan has cleared it.

Kept outside the ``impact.ingest`` package on purpose: importing the package
would cost the child a second of pandas. It imports only the standard library,
python-calamine, fastexcel and pyarrow.

Protocol: on stdin a pickled request (from the parent: ``mode``, ``memory``,
``cpu`` and the mode's fields), then the file to its end. On stdout:

* ``mode="plain"`` (python-calamine, sheets by name, or all with their
  visibility when ``names`` is None): a pickled ``("ok", [(name, visible,
  rows), ...])`` or ``("error", code)``;
* ``mode="columns"`` (a large sheet column-wise, see
  :mod:`impact.ingest.fastread`): a pickled ``(head, start, first_col,
  height)`` (or ``None``), then one Arrow IPC record batch.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import pickle
import re
import sys
import zipfile
from dataclasses import dataclass
from typing import Any

#: rows read exactly (python-calamine) before the column-wise read takes over
HEAD_ROWS = 500
_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
_ROW_END = b"</row>"
_BLOCK = 1 << 20
_EMPTY_SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData/></worksheet>"
)

# fastexcel reports columns it types as text on its own logger; not for users
logging.getLogger("fastexcel").setLevel(logging.ERROR)


@dataclass(frozen=True)
class RawRead:
    """What the cell readers gave: the exact head rows, the row from which the
    Arrow batch starts, its first column and the sheet's height."""

    head: list[list[Any]]
    start: int
    batch: Any  # pyarrow.RecordBatch
    first_col: int
    height: int


def read_raw(
    data: bytes, path: str, name: str, head_rows: int = HEAD_ROWS
) -> RawRead | None:
    """The readers' part (python-calamine head, fastexcel body), or None."""
    head = _head_rows(data, path, name, head_rows)
    if head is None or len(head) < head_rows:
        return None
    start = typed_from(head)
    if start > len(head) - 10:
        return None
    body = _arrow_body(data, name, start)
    if body is None or body[2] < len(head):
        return None
    batch, first_col, height = body
    return RawRead(head, start, batch, first_col, height)


def _head_rows(
    data: bytes, path: str, name: str, head_rows: int
) -> list[list[Any]] | None:
    """The first ``head_rows`` rows as python-calamine reads them (A1-padded)."""
    from python_calamine import CalamineWorkbook

    xml = _head_xml(data, path, head_rows)
    if xml is None:
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            small = io.BytesIO()
            with zipfile.ZipFile(small, "w", zipfile.ZIP_STORED) as copy:
                for info in source.infolist():
                    if info.filename == path:
                        copy.writestr(path, xml)
                    elif info.filename.startswith("xl/worksheets/"):
                        copy.writestr(info.filename, _EMPTY_SHEET)  # not read here
                    else:
                        copy.writestr(info.filename, source.read(info.filename))
        book = CalamineWorkbook.from_filelike(io.BytesIO(small.getvalue()))
        with book:
            sheet = book.get_sheet_by_name(name)
            return [list(r) for r in sheet.to_python(skip_empty_area=False)]
    except Exception:  # any surprise: the plain read decides
        return None


def _head_xml(data: bytes, path: str, head_rows: int) -> bytes | None:
    """The sheet XML cut after its ``head_rows``-th row, closed again."""
    xml = b""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(path) as part:
            while xml.count(_ROW_END) < head_rows and (block := part.read(_BLOCK)):
                xml += block
    except Exception:
        return None
    at = -1
    for _ in range(head_rows):
        at = xml.find(_ROW_END, at + 1)
        if at < 0:
            return None  # a short sheet: read plainly
    xml = xml[: at + len(_ROW_END)]
    if b"<sheetData>" not in xml[:65536]:
        return None  # prefixed element names: read plainly
    return _DIMENSION.sub(b"", xml, count=1) + b"</sheetData></worksheet>"


def _kind(value: object) -> str:
    """python-calamine's cell type of a value ("" = empty, fits any column)."""
    if isinstance(value, str):
        return "" if value == "" else "text"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, float):
        return "number"
    if isinstance(value, dt.date | dt.time):
        return "date"
    if isinstance(value, dt.timedelta):
        return "duration"
    return "other"


def typed_from(head: list[list[Any]]) -> int:
    """First row from which every column of ``head`` keeps one cell type."""
    width = max((len(r) for r in head), default=0)
    start = 0
    for j in range(width):
        kind = ""
        for i in range(len(head) - 1, -1, -1):
            this = _kind(head[i][j]) if j < len(head[i]) else ""
            if this == "other":
                return len(head)
            if not this:
                continue
            if kind and this != kind:
                start = max(start, i + 1)
                break
            kind = this
    return start


def _arrow_body(data: bytes, name: str, start: int) -> tuple[Any, int, int] | None:
    """Rows ``start ..`` of the sheet as one Arrow record batch, the index of its
    first column and the sheet's height (rows from row 1); None when a column
    mixes cell types."""
    import fastexcel

    try:
        sheet = fastexcel.read_excel(data).load_sheet(
            name,
            header_row=None,
            skip_rows=start,
            schema_sample_rows=None,
            dtype_coercion="strict",
        )
        batch, errors = sheet.to_arrow_with_errors()
    except Exception:  # mixed types in a column, or anything unexpected
        return None
    if errors is not None and len(errors.errors):
        return None  # error cells (#N/A, ...): the plain read handles them
    columns = [c.absolute_index for c in sheet.available_columns()]
    if not columns or columns != list(range(columns[0], columns[0] + len(columns))):
        return None
    if batch.num_rows != sheet.total_height - start:
        return None
    return batch, columns[0], sheet.total_height


def limit_resources(memory: int, cpu: int) -> None:
    """Address space and CPU seconds of this process, before any parsing."""
    import resource

    if memory:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    if cpu:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))


def read_plain(data: bytes, names: list[str] | None) -> tuple[str, object]:
    """Sheets as python-calamine's rows (A1-padded); all of them when ``names``
    is None (an OpenDocument file: the reader's sheet list is the truth)."""
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        with book:
            if names is None:
                wanted = [
                    (m.name, m.visible == SheetVisibleEnum.Visible)
                    for m in book.sheets_metadata
                ]
            else:
                wanted = [(n, True) for n in names]
            out = []
            for name, visible in wanted:
                sheet = book.get_sheet_by_name(name)
                out.append((name, visible, sheet.to_python(skip_empty_area=False)))
    except Exception:  # the reader's errors are not all CalamineError
        return "error", "file_corrupt"
    return "ok", out


def main(argv: list[str]) -> int:
    # our own parent's request, written just before the upload
    request = pickle.load(sys.stdin.buffer)  # noqa: S301
    limit_resources(request["memory"], request["cpu"])
    data = sys.stdin.buffer.read()
    out = sys.stdout.buffer
    if request["mode"] == "plain":
        pickle.dump(read_plain(data, request["names"]), out)
        out.flush()
        return 0
    return _columns(data, request["path"], request["name"], request["head_rows"])


def _columns(data: bytes, path: str, name: str, head_rows: int) -> int:
    import pyarrow as pa

    raw = read_raw(data, path, name, head_rows)
    out = sys.stdout.buffer
    if raw is None:
        pickle.dump(None, out)
        return 0
    pickle.dump((raw.head, raw.start, raw.first_col, raw.height), out)
    with pa.ipc.new_stream(out, raw.batch.schema) as stream:
        stream.write_batch(raw.batch)
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
