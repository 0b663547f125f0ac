"""The column-wise read of large sheets gives exactly the plain read's cells.

The fast path (fastexcel into Arrow below python-calamine's exact head rows) is
forced on small files here by lowering its thresholds; every test compares it
cell by cell, type included, with python-calamine's ``to_python``, and checks
that files it cannot read identically fall back to the plain read.
"""

from __future__ import annotations

import io
import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

import numpy as np
import openpyxl
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact.ingest import fastread, parse_upload
from impact.ingest.child import ReadLimits
from impact.ingest.columns import ColumnCells
from impact.ingest.reader import Grid, read_xlsx
from impact.ingest.xmlscan import scan_workbook
from tests.ingest.helpers import context, long_row, xlsx_openpyxl, xlsx_xlsxwriter

ROOT = Path(__file__).resolve().parents[2]
HEAD = 20


@pytest.fixture(autouse=True)
def _small_head(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastread, "HEAD_ROWS", HEAD)


def _read(data: bytes, fast: bool) -> list[Grid]:
    reads = fastread.start_reads(data, min_bytes=0 if fast else 10**12)
    return read_xlsx(reads, scan_workbook(reads.package))


def _cells(grid: Grid) -> list[list[object]]:
    rows, cols = grid.shape
    return [[grid.cells[i, j] for j in range(cols)] for i in range(rows)]


def _typed(rows: list[list[object]]) -> list[list[tuple[str, object]]]:
    return [[(type(v).__name__, v) for v in row] for row in rows]


def assert_same_read(data: bytes, *, expect_fast: bool = True) -> None:
    fast, plain = _read(data, True), _read(data, False)
    assert [g.name for g in fast] == [g.name for g in plain]
    for f, p in zip(fast, plain, strict=True):
        assert isinstance(f.cells, ColumnCells) is expect_fast, f.name
        assert f.shape == p.shape
        assert _typed(_cells(f)) == _typed(_cells(p))
        for j in range(p.shape[1]):  # the factors the parsers use, too
            a, b = f.factor(j), p.factor(j)
            assert np.array_equal(a.codes, b.codes)
            assert _typed([list(a.uniques)]) == _typed([list(b.uniques)])


def _mixed_book(n: int, *, title: bool, offset: int) -> bytes:
    """Text, numbers, dates, datetimes, times, yes/no and blanks, A1 or lower."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = book.add_worksheet("Gegevens")
    day = book.add_format({"num_format": "dd-mm-yyyy"})
    stamp = book.add_format({"num_format": "dd-mm-yyyy hh:mm"})
    clock = book.add_format({"num_format": "hh:mm"})
    top = 0
    if title:
        ws.write_string(0, offset + 1, "Metingen 2024")
        top = 2
    ws.write_row(top, offset, ["ref", "score", "datum", "tijdstip", "uur", "ja"])
    for i in range(n):
        r = top + 1 + i
        if i % 7 == 3:
            continue  # an empty row
        ws.write_string(r, offset, f"K{i % 50}")
        if i % 5:
            ws.write_number(r, offset + 1, (i % 9) / 2)
        ws.write_datetime(r, offset + 2, datetime(2024, 1, 1) + timedelta(i), day)
        ws.write_datetime(r, offset + 3, datetime(2024, 2, 1, i % 24, 30), stamp)
        ws.write_datetime(r, offset + 4, datetime(1899, 12, 31, i % 24, 15), clock)
        ws.write_boolean(r, offset + 5, i % 3 == 0)
    book.close()
    return out.getvalue()


@pytest.mark.parametrize(("title", "offset"), [(False, 0), (True, 0), (True, 2)])
def test_mixed_types_titles_and_offsets_read_identically(
    title: bool, offset: int
) -> None:
    assert_same_read(_mixed_book(120, title=title, offset=offset))


@pytest.mark.parametrize("writer", [xlsx_openpyxl, xlsx_xlsxwriter])
def test_long_upload_by_both_writers(writer) -> None:  # type: ignore[no-untyped-def]
    rows = [
        long_row(f"K{i}", value=1 + i % 5, when=datetime(2024, 1, 1 + i % 28))
        for i in range(80)
    ]
    assert_same_read(writer(rows))


@pytest.mark.parametrize(
    "name", ["schuldhulp.xlsx", "jongerenwerk.xlsx", "buurthuizen.xlsx"]
)
def test_committed_sample_workbooks(name: str) -> None:
    assert_same_read((ROOT / "sample_data" / name).read_bytes())


def test_a_text_among_numbers_below_the_head_falls_back() -> None:
    rows = [long_row(f"K{i}", value=3) for i in range(60)]
    rows[45][8] = "drie"  # strict typing refuses the column: read plainly
    assert_same_read(xlsx_xlsxwriter(rows), expect_fast=False)


def test_error_cells_fall_back() -> None:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = book.add_worksheet("S")
    ws.write_row(0, 0, ["ref", "score"])
    for i in range(1, 60):
        ws.write_string(i, 0, f"K{i}")
        ws.write_number(i, 1, i)
    ws.write_formula(50, 1, "=NA()", None, "#N/A")
    book.close()
    assert_same_read(out.getvalue(), expect_fast=False)


def test_short_sheets_are_read_plainly() -> None:
    assert_same_read(xlsx_xlsxwriter([long_row("K1")]), expect_fast=False)


def test_an_openpyxl_book_with_a_second_sheet() -> None:
    book = openpyxl.Workbook()
    info = book.active
    info.title = "Uitleg"
    info.append(["Vul het tweede blad in."])
    data = book.create_sheet("Gegevens")
    data.append(["ref", "score", "datum"])
    for i in range(70):
        data.append([f"K{i}", i % 4, datetime(2024, 3, 1) + timedelta(i)])
        data.cell(row=i + 2, column=3).number_format = "dd-mm-yyyy"
    out = io.BytesIO()
    book.save(out)
    fast, plain = _read(out.getvalue(), True), _read(out.getvalue(), False)
    assert not isinstance(fast[0].cells, ColumnCells)  # one row: too short
    assert isinstance(fast[1].cells, ColumnCells)
    assert _typed(_cells(fast[1])) == _typed(_cells(plain[1]))


def _count_column_reads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The column-wise reads that produced a sheet, recorded as they happen."""
    seen: list[object] = []
    real = fastread.assemble

    def counted(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        if result is not None:
            seen.append(result)
        return result

    monkeypatch.setattr(fastread, "assemble", counted)
    return seen


def test_parse_upload_is_the_same_on_both_paths(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = [
        long_row(
            f"K{i // 2}",
            value=1 + i % 6,  # 6 is out of the ZRM range: problems
            wave="voormeting" if i % 2 == 0 else "nameting",
            when=datetime(2023 + (i % 2), 1 + i % 5, 1 + i % 27),
        )
        for i in range(200)
    ]
    data = xlsx_xlsxwriter(rows)
    columns_read = _count_column_reads(monkeypatch)
    monkeypatch.setattr("impact.ingest.fastread.FAST_READ_BYTES", 10**12)
    plain = parse_upload(data, "upload.xlsx", context())
    assert columns_read == []  # the plain path read no column
    monkeypatch.setattr("impact.ingest.fastread.FAST_READ_BYTES", 0)
    fast = parse_upload(data, "upload.xlsx", context())
    assert len(columns_read) == 1  # the fast path ran (not a silent fall-back)
    assert plain.problems and fast.problems == plain.problems
    rows[5][8] = 2  # now a valid file: the same measurements
    data = xlsx_xlsxwriter([r for r in rows if r[8] != 6])
    fast = parse_upload(data, "upload.xlsx", context())
    assert len(columns_read) == 2
    monkeypatch.setattr("impact.ingest.fastread.FAST_READ_BYTES", 10**12)
    plain = parse_upload(data, "upload.xlsx", context())
    assert len(columns_read) == 2
    assert fast.ok and plain.ok, [p.message for p in plain.problems]
    assert fast.measurements.equals(plain.measurements)


_VALUE = st.one_of(
    st.none(),
    st.integers(-1000, 10**6),
    st.floats(-1e6, 1e6, allow_nan=False),
    st.text(min_size=0, max_size=6),
    st.booleans(),
    st.datetimes(datetime(1900, 1, 2), datetime(2100, 1, 1)),
    st.dates(date(1900, 3, 1), date(2100, 1, 1)),
    st.times(),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(columns=st.lists(_VALUE, min_size=1, max_size=5), seed=st.integers(0, 99))
def test_random_typed_columns(columns: list[object], seed: int) -> None:
    """Each column one random kind of value (with blanks) or, rarely, mixed:
    whichever path runs, the cells equal the plain read's."""
    rng = random.Random(seed)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = book.add_worksheet("S")
    formats = {
        datetime: book.add_format({"num_format": "dd-mm-yyyy hh:mm"}),
        date: book.add_format({"num_format": "dd-mm-yyyy"}),
        time: book.add_format({"num_format": "hh:mm:ss"}),
    }
    ws.write_row(0, 0, [f"c{j}" for j in range(len(columns))])
    for j, value in enumerate(columns):
        for i in range(1, HEAD + 30):
            if value is None or rng.random() < 0.2:
                continue
            cell = value if rng.random() > 0.02 else "x"  # a rare type clash
            if isinstance(cell, datetime | date | time):
                ws.write_datetime(i, j, cell, formats[type(cell)])
            else:
                ws.write(i, j, cell)
    book.close()
    data = out.getvalue()
    fast, plain = _read(data, True), _read(data, False)
    assert fast[0].shape == plain[0].shape
    assert _typed(_cells(fast[0])) == _typed(_cells(plain[0]))


def test_uploads_read_large_sheets_in_a_child_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """open_upload starts the column-wise read before the scan (in a child
    process) and gets the same cells as the plain read."""
    from impact.ingest.workbook import open_upload

    monkeypatch.setattr(fastread, "FAST_READ_BYTES", 0)
    data = _mixed_book(120, title=True, offset=1)
    sheets = open_upload(data, "upload.xlsx", 10**8)
    assert isinstance(sheets[0].grid.cells, ColumnCells)
    assert _typed(_cells(sheets[0].grid)) == _typed(_cells(_read(data, False)[0]))


def test_a_child_without_a_column_read_falls_back_to_the_plain_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from impact.ingest.workbook import open_upload

    monkeypatch.setattr(fastread, "FAST_READ_BYTES", 0)
    monkeypatch.setattr(fastread, "HEAD_ROWS", 10**6)  # more than the sheet: None
    data = _mixed_book(120, title=False, offset=0)
    sheets = open_upload(data, "upload.xlsx", 10**8)
    assert not isinstance(sheets[0].grid.cells, ColumnCells)
    assert _typed(_cells(sheets[0].grid)) == _typed(_cells(_read(data, False)[0]))


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    ("limits", "code"),
    [
        (ReadLimits(memory_bytes=8 * 1024 * 1024), "read_failed"),
        (ReadLimits(wall_seconds=0.05), "read_timeout"),
    ],
)
def test_a_child_over_its_limits_refuses_the_file(
    monkeypatch: pytest.MonkeyPatch, fast: bool, limits: ReadLimits, code: str
) -> None:
    """A child that runs out of memory or time is a refusal, whichever read."""
    from impact.errors import ImportRefused
    from impact.ingest.workbook import open_upload

    monkeypatch.setattr(fastread, "FAST_READ_BYTES", 0 if fast else 10**12)
    data = _mixed_book(120, title=False, offset=0)
    with pytest.raises(ImportRefused) as refused:
        open_upload(data, "upload.xlsx", 10**8, limits=limits)
    assert [p.code for p in refused.value.problems] == [code]


def test_a_hostile_used_range_is_refused_and_the_child_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The child may read before the scan has cleared the file: a cell at
    XFD1048576 is still refused by the scan, and the child is stopped."""
    from tests.ingest.helpers import rezip, sheet_xml

    monkeypatch.setattr(fastread, "FAST_READ_BYTES", 0)
    cancelled: list[str] = []
    cancel = fastread.PendingRead.cancel

    def spy(self: fastread.PendingRead) -> None:
        cancelled.append(self.name)
        cancel(self)

    monkeypatch.setattr(fastread.PendingRead, "cancel", spy)
    data = xlsx_xlsxwriter([long_row(f"K{i}") for i in range(60)])
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    xml = sheet_xml(data).replace(b"</sheetData>", far + b"</sheetData>")
    result = parse_upload(
        rezip(data, {"xl/worksheets/sheet1.xml": xml}), "x.xlsx", context()
    )
    assert [p.code for p in result.problems] == ["used_range"]
    assert cancelled == ["Gegevens"]
