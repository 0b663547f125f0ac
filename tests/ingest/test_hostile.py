"""Files from issue #13, built with zipfile: each is refused with the right
message or imported, never an abort, never an empty import; the resolver, the
scan and the reader agree on what each sheet is."""

from __future__ import annotations

import io
import os
import warnings
import zipfile

import pytest

from impact.errors import ImportRefused
from impact.ingest import parse_upload
from impact.ingest.child import DEFAULT_LIMITS, PlainRead
from impact.ingest.resolve import resolve
from tests.ingest.helpers import context
from tests.ingest.ooxml import HEADER, Sheet, book, good_rows

warnings.filterwarnings("ignore", "Duplicate name", UserWarning)

FAR = "XFD1048576"
#: (file, expected error codes; [] = imports the 4 measurements)
CASES: dict[str, tuple[bytes, list[str]]] = {
    "issue: two sheets 'Data', the first outside xl/worksheets/ at XFD1048576": (
        book(
            [
                Sheet("Data", target="../evil/data.xml", rows=[["x"]], far_cell=FAR),
                Sheet("Data"),
            ]
        ),
        ["sheet_name_twice"],
    ),
    "the same, with different names: the scan now checks the first": (
        book(
            [
                Sheet("Data", target="/evil/data.xml", rows=[["x"]], far_cell=FAR),
                Sheet("Data2"),
            ]
        ),
        ["used_range"],
    ),
    "outside xl/worksheets/ with a huge used range": (
        book([Sheet("Gegevens", target="/xl/elsewhere/s.xml", far_cell=FAR)]),
        ["used_range"],
    ),
    "prefixed elements (<x:c>) at XFD1048576": (
        book([Sheet("Gegevens", prefix="x", far_cell=FAR)]),
        ["used_range"],
    ),
    "a target that leaves the package": (
        book([Sheet("Gegevens", target="../../x.xml")]),
        ["file_corrupt"],
    ),
    "a zip entry twice": (
        book([Sheet("Gegevens")], duplicate="xl/worksheets/sheet1.xml"),
        ["zip_duplicate"],
    ),
    "no sheets": (book([]), ["no_sheets"]),
    "an empty sheet": (book([Sheet("Gegevens", rows=[])]), ["no_sheets"]),
    "headers, no data rows": (
        book([Sheet("Gegevens", rows=[HEADER])]),
        ["no_data_rows"],
    ),
    "data rows without headers": (
        book([Sheet("Gegevens", rows=good_rows()[1:])]),
        ["column_missing"],
    ),
    "prefixed elements": (book([Sheet("Gegevens", prefix="x")]), []),
    "strict OOXML": (book([Sheet("Gegevens")], strict=True), []),
    "a sheet part without .xml": (
        book([Sheet("Gegevens", target="worksheets/sheet1")]),
        [],
    ),
    "an absolute target": (
        book([Sheet("Gegevens", target="/xl/worksheets/sheet1.xml")]),
        [],
    ),
    "the workbook part elsewhere": (
        book([Sheet("Gegevens")], workbook_path="other/book.xml"),
        [],
    ),
    "a chart sheet before the data": (
        book([Sheet("Grafiek", kind="chartsheet", rows=[]), Sheet("Gegevens")]),
        [],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_issue_files_are_refused_with_a_message_or_imported(case: str) -> None:
    data, expected = CASES[case]
    result = parse_upload(data, "upload.xlsx", context())
    assert [p.code for p in result.errors] == expected
    if expected:
        assert result.measurements.empty and result.area_observations.empty
        assert all(p.message for p in result.errors)
    else:
        assert len(result.measurements) == 4


def test_the_reader_itself_aborts_on_a_far_cell_and_only_the_child_dies() -> None:
    """Without the scan, calamine dies on XFD1048576: in the child, as a
    refusal; this process goes on."""
    data = resolve(book([Sheet("Data", far_cell=FAR)])).data
    with pytest.raises(ImportRefused) as refused:
        PlainRead(data, ["Data"], DEFAULT_LIMITS).result()
    assert [p.code for p in refused.value.problems] == ["read_failed"]
    assert "geheugen" in refused.value.problems[0].message
    assert os.getpid() > 0  # still here


def test_xlsb_is_refused_with_save_as_xlsx() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
        archive.writestr("[Content_Types].xml", b"<Types/>")
    for name in ("upload.xlsb", "upload.xlsx"):
        result = parse_upload(out.getvalue(), name, context())
        assert [p.code for p in result.errors] == ["file_xlsb"]
        assert ".xlsx" in result.errors[0].message


def test_a_csv_field_over_the_csv_module_limit_is_a_cell_problem() -> None:
    rows = [";".join(HEADER)] + [";".join(str(c) for c in r) for r in good_rows()[1:]]
    rows[2] = rows[2].replace("Buurtteam Noord", "x" * 200_000)
    result = parse_upload("\n".join(rows).encode(), "upload.csv", context())
    long = [p for p in result.errors if p.code == "cell_too_long"]
    assert [(p.row, p.column) for p in long] == [(3, "B")]
    assert "200.000" in long[0].message


def test_a_csv_longer_than_excel_is_refused_before_it_fills_memory() -> None:
    data = (";".join(HEADER) + "\n" + "K1;a\n" * 1_048_576).encode()
    result = parse_upload(data, "upload.csv", context())
    assert [p.code for p in result.errors] == ["too_many_rows"]


def test_resolver_copy_holds_only_resolved_parts() -> None:
    data = book(
        [Sheet("A", target="/elsewhere/a"), Sheet("B", state="hidden")],
        extra={"xl/evil.xml": b"<x/>"},
    )
    package = resolve(data)
    with zipfile.ZipFile(io.BytesIO(package.data)) as copy:
        names = sorted(copy.namelist())
        assert copy.testzip() is None  # CRCs of the copied bytes hold
    assert names == sorted(
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/_rels/workbook.xml.rels",
            "xl/workbook.xml",
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
        ]
    )
    assert [(s.name, s.source, s.visible) for s in package.sheets] == [
        ("A", "elsewhere/a", True),
        ("B", "xl/worksheets/sheet2.xml", False),
    ]


def test_a_doctype_in_a_part_without_xml_extension_is_refused() -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet/>'
    data = book([Sheet("Gegevens", target="worksheets/s")])
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    parts["xl/worksheets/s"] = evil
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    result = parse_upload(out.getvalue(), "upload.xlsx", context())
    assert [p.code for p in result.errors] == ["xml_dtd"]
