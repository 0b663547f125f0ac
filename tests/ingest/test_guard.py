"""Hostile and wrong files are refused before parsing, fast, with a plain message."""

from __future__ import annotations

import io
import time
import zipfile

import numpy as np
import pytest

from impact.ingest import guard, parse_upload, xmlscan
from tests.ingest.helpers import context, good_rows, rezip, sheet_xml, xlsx_openpyxl

MAX_SECONDS = 1.0


def refused(data: bytes, filename: str = "upload.xlsx") -> tuple[str, float]:
    start = time.perf_counter()
    result = parse_upload(data, filename, context())
    elapsed = time.perf_counter() - start
    assert not result.ok
    assert result.measurements.empty and result.area_observations.empty
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert (problem.sheet, problem.row, problem.column) == ("", None, None)
    assert problem.message and "{" not in problem.message
    return problem.code, elapsed


def _bomb(size: int = 200 * 1024 * 1024) -> bytes:
    good = xlsx_openpyxl(good_rows())
    out = io.BytesIO(good)
    block = b"\0" * (1024 * 1024)
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/media/zeros.bin", "w", force_zip64=True) as handle,
    ):
        for _ in range(size // len(block)):
            handle.write(block)
    return out.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return _bomb()


def test_zip_bomb_by_ratio(bomb: bytes) -> None:
    code, elapsed = refused(bomb)
    assert code == "zip_ratio"
    assert elapsed < MAX_SECONDS


def test_zip_with_too_many_entries() -> None:
    extra = {f"xl/media/{i}.txt": b"x" for i in range(guard.MAX_ZIP_ENTRIES + 1)}
    code, elapsed = refused(rezip(xlsx_openpyxl(good_rows()), extra))  # type: ignore[arg-type]
    assert code == "zip_entries" and elapsed < MAX_SECONDS


def test_total_uncompressed_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "MAX_TOTAL_UNCOMPRESSED", 2 * 1024 * 1024)
    noise = np.random.default_rng(7).bytes(3 * 1024 * 1024)  # incompressible
    code, elapsed = refused(
        rezip(xlsx_openpyxl(good_rows()), {"xl/media/n.bin": noise})
    )
    assert code == "zip_total" and elapsed < MAX_SECONDS


@pytest.mark.parametrize(
    "declaration",
    [
        b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>',
        b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ],
)
def test_entity_bomb_and_external_entity(declaration: bytes) -> None:
    data = xlsx_openpyxl(good_rows())
    xml = sheet_xml(data)
    root = xml.index(b"<worksheet")
    poisoned = xml[:root] + declaration + xml[root:]
    code, elapsed = refused(rezip(data, {"xl/worksheets/sheet1.xml": poisoned}))
    assert code == "xml_dtd" and elapsed < MAX_SECONDS


def test_dtd_hidden_behind_a_long_prolog() -> None:
    data = xlsx_openpyxl(good_rows())
    xml = sheet_xml(data)
    root = xml.index(b"<worksheet")
    padding = b"<!--" + b"x" * (guard.XML_HEAD_BYTES + 10) + b"-->"
    poisoned = xml[:root] + padding + b"<!DOCTYPE x []>" + xml[root:]
    code, _ = refused(rezip(data, {"xl/worksheets/sheet1.xml": poisoned}))
    assert code == "xml_dtd"


def test_macro_enabled_workbook() -> None:
    data = rezip(xlsx_openpyxl(good_rows()), {"xl/vbaProject.bin": b"\x00vba"})
    code, elapsed = refused(data)
    assert code == "file_macro" and elapsed < MAX_SECONDS
    assert refused(xlsx_openpyxl(good_rows()), "upload.xlsm")[0] == "file_macro"


def test_macro_content_type() -> None:
    data = xlsx_openpyxl(good_rows())
    types = sheet_xml(data, "[Content_Types].xml").replace(
        b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"
    )
    code, _ = refused(rezip(data, {"[Content_Types].xml": types}))
    assert code == "file_macro"


@pytest.mark.parametrize("filename", ["oud.xls", "geheim.xlsx"])
def test_ole_files_legacy_or_encrypted(filename: str) -> None:
    data = guard.OLE_MAGIC + b"\0" * 4096
    code, elapsed = refused(data, filename)
    assert code == "file_ole" and elapsed < MAX_SECONDS
    message = parse_upload(data, filename, context()).problems[0].message
    assert ".xlsx" in message and "wachtwoord" in message


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"%PDF-1.7\n1 0 obj <<>> endobj", "PDF"),
        (b"<!DOCTYPE html><html><body>hoi</body></html>", "HTML"),
    ],
)
def test_non_excel_content_with_excel_name(content: bytes, what: str) -> None:
    code, elapsed = refused(content)
    assert code == "file_not_excel" and elapsed < MAX_SECONDS
    assert what in parse_upload(content, "x.xlsx", context()).problems[0].message


def test_word_document_renamed() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert refused(out.getvalue())[0] == "file_not_excel"


def test_empty_and_too_large() -> None:
    assert refused(b"")[0] == "file_empty"
    big = parse_upload(b"x" * 2048, "data.csv", context(max_bytes=1024))
    assert [p.code for p in big.problems] == ["file_too_large"]


def test_pdf_named_csv_and_unknown_type() -> None:
    assert refused(b"%PDF-1.4 binary\0\0", "data.csv")[0] == "file_not_csv"
    assert refused(b"a;b\n1;2\n", "data.pages")[0] == "file_type"
    assert refused(b"a;b\n1;2\n", "data.ods")[0] == "file_not_excel"


def test_corrupt_zip() -> None:
    data = xlsx_openpyxl(good_rows())
    assert refused(data[: len(data) // 2])[0] == "file_corrupt"


def _far_cell_workbook(extra_cells: bytes) -> bytes:
    data = xlsx_openpyxl(good_rows())
    xml = sheet_xml(data)
    xml = xml.replace(b"</sheetData>", extra_cells + b"</sheetData>")
    return rezip(data, {"xl/worksheets/sheet1.xml": xml})


@pytest.mark.parametrize(
    "cells",
    [
        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
        b'<row r="200"><c r="ZZ200"><v>1</v></c></row><row r="1048576">'
        b'<c r="A1048576"><v>1</v></c></row>',
        b'<row r="1048576">' + b"<c><v>1</v></c>" * 2000 + b"</row>",
        b'<row r="2000000"><c r="A2000000"><v>1</v></c></row>',
    ],
    ids=["XFD1048576", "ZZ-and-last-row", "cells-without-ref", "beyond-excel"],
)
def test_used_range_far_beyond_the_data(cells: bytes) -> None:
    code, elapsed = refused(_far_cell_workbook(cells))
    assert code == "used_range"
    assert elapsed < MAX_SECONDS


def test_dimension_claiming_a_huge_range_is_harmless() -> None:
    data = xlsx_openpyxl(good_rows())
    xml = sheet_xml(data).replace(
        b'<dimension ref="A1:I5"/>', b'<dimension ref="A1:XFD1048576"/>'
    )
    assert b"XFD1048576" in xml
    result = parse_upload(
        rezip(data, {"xl/worksheets/sheet1.xml": xml}), "x.xlsx", context()
    )
    assert result.ok and len(result.measurements) == 4


def test_lying_entry_size_fails_the_crc() -> None:
    data = bytearray(xlsx_openpyxl(good_rows()))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    # shrink the declared size in the local header and the central directory
    smaller = (info.file_size // 2).to_bytes(4, "little")
    original = info.file_size.to_bytes(4, "little")
    patched = bytes(data).replace(original, smaller)
    assert patched != bytes(data)
    result = parse_upload(patched, "x.xlsx", context())
    assert [p.code for p in result.problems] == ["file_corrupt"]
    assert result.measurements.empty


def test_refusal_messages_follow_the_language() -> None:
    result = parse_upload(b"", "x.xlsx", context(lang="en"))
    assert result.problems[0].message.startswith("The file is empty")
    assert xmlscan.MAX_GRID_CELLS >= 1_048_576 * 26


@pytest.mark.parametrize(
    "row",
    [
        999_999,
        1_000_000,
        1_048_576,
        1_048_577,
        1_048_580,
        1_049_000,
        1_100_000,
        2_000_000,
        9_999_999,
    ],
)
def test_rows_beyond_excel_are_recognised(row: int) -> None:
    match = xmlscan._BEYOND_EXCEL.search(f'<c r="B{row}" t="s">'.encode())
    assert (match is not None) is (row > xmlscan.EXCEL_MAX_ROWS)
