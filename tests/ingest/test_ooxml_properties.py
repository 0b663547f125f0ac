"""Generated OOXML packages (sheets, relationships, targets, duplicate names and
entries, used ranges): every one ends in an import or a refusal with a message,
never an abort or an empty import, and the scan and the reader agree on what
each sheet is (its name; the reader never holds more than the scan bounded)."""

from __future__ import annotations

import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact.errors import ImportRefused
from impact.ingest import parse_upload
from impact.ingest.workbook import open_upload
from tests.ingest.helpers import context
from tests.ingest.ooxml import Sheet, book, good_rows

EXAMPLES = 12
TARGETS = [
    "",  # worksheets/sheetN.xml
    "/xl/worksheets/other{i}.xml",
    "elsewhere/s{i}.xml",
    "/data/s{i}",
    "worksheets/sheet{i}",
    "../../escape{i}.xml",
]
FAR = [None, "C40", "AB3", "XFD1048576", "A1048577", "ZZ60000"]


@st.composite
def packages(draw: st.DrawFn) -> bytes:
    n = draw(st.integers(0, 3))
    sheets = []
    for i in range(1, n + 1):
        sheets.append(
            Sheet(
                draw(st.sampled_from(["Gegevens", "Data", "data", "Blad1"])),
                target=draw(st.sampled_from(TARGETS)).format(i=i),
                rows=draw(st.sampled_from([good_rows(), good_rows()[:1], []])),
                far_cell=draw(st.sampled_from(FAR)),
                prefix=draw(st.sampled_from(["", "", "x"])),
                state=draw(st.sampled_from(["visible", "hidden"])),
                kind=draw(st.sampled_from(["worksheet", "worksheet", "chartsheet"])),
            )
        )
    duplicate = draw(st.sampled_from([None, "xl/workbook.xml", "_rels/.rels"]))
    strict = draw(st.booleans())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate
        return book(sheets, strict=strict, duplicate=duplicate)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(packages())
def test_every_package_imports_or_is_refused_and_scan_and_reader_agree(
    data: bytes,
) -> None:
    result = parse_upload(data, "upload.xlsx", context())  # never raises
    if result.ok:
        assert len(result.measurements) > 0  # never an empty import
    else:
        assert result.measurements.empty
        assert all(p.message for p in result.errors)
    try:
        sheets = open_upload(data, "upload.xlsx", 10**8)
    except ImportRefused as refused:
        assert refused.problems and not result.ok
        return
    for sheet in sheets:
        # the same sheet, and the reader never holds more than the scan bounded
        assert sheet.scan is not None and sheet.scan.name == sheet.name
        rows, cols = sheet.grid.shape
        assert (rows <= sheet.scan.max_row and cols <= sheet.scan.max_col) or (
            rows * cols == 0
        ), (sheet.name, sheet.grid.shape, sheet.scan.max_row, sheet.scan.max_col)
