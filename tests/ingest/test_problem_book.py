"""The problems workbook: highlighted cells, comments, a neutralised problem list."""

from __future__ import annotations

import io

import openpyxl
import pytest

from impact.ingest import Problem, neutralise_formula, parse_upload
from impact.ingest.neutralise import neutralise_cell
from impact.ingest.problem_book import FILL, problems_workbook
from tests.ingest.helpers import context, csv_bytes, good_rows, xlsx_openpyxl


def _rgb(cell: openpyxl.cell.Cell) -> str:
    return str(cell.fill.fgColor.rgb)[-6:]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("gewone tekst", "gewone tekst"),
        ("", ""),
    ],
)
def test_neutralise_formula(text: str, expected: str) -> None:
    assert neutralise_formula(text) == expected
    assert neutralise_cell(3.5) == 3.5


def test_offending_cells_highlighted_and_listed() -> None:
    rows = good_rows()
    rows[1][8] = "drie"
    rows[2][6] = "31-02-2024"
    data = xlsx_openpyxl(rows)
    result = parse_upload(data, "x.xlsx", context())
    assert not result.ok
    hostile = Problem("=cmd|'/C calc'!A0", None, None, "@x", '=HYPERLINK("http://x")')
    problems = [*result.problems, hostile]
    book = openpyxl.load_workbook(
        io.BytesIO(problems_workbook(data, "x.xlsx", problems, "nl"))
    )
    assert book.sheetnames[0] == "Problemen"
    listing = book["Problemen"]
    assert [c.value for c in listing[1]][:2] == ["Blad", "Cel"]
    cells = {row[1].value for row in listing.iter_rows(min_row=2)}
    assert {"Gegevens!I3", "Gegevens!G4"} <= cells
    for row in listing.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type == "s"
            assert not str(cell.value).startswith(("=", "+", "-", "@"))
    assert listing.cell(listing.max_row, 5).value == '\'=HYPERLINK("http://x")'
    sheet = book["Gegevens"]
    assert _rgb(sheet["I3"]) == FILL["error"][1:]
    assert _rgb(sheet["G4"]) == FILL["error"][1:]
    assert sheet["I3"].comment is not None and "getal" in sheet["I3"].comment.text
    assert sheet["A2"].comment is None
    assert sheet["A3"].value == "K1" and sheet["I2"].value == 2
    assert sheet["I3"].data_type == "s"  # the copy never turns text into a formula


def test_warnings_are_yellow_and_english_labels() -> None:
    rows = good_rows()
    rows[0][6] = "10-01-2024"
    data = xlsx_openpyxl(rows)
    result = parse_upload(data, "x.xlsx", context(lang="en"))
    assert result.ok
    book = openpyxl.load_workbook(
        io.BytesIO(problems_workbook(data, "x.xlsx", result.problems, "en"))
    )
    assert book.sheetnames[0] == "Problems"
    assert _rgb(book["Gegevens"]["G2"]) == FILL["warning"][1:]


def test_refused_file_gives_a_list_only() -> None:
    result = parse_upload(b"%PDF-1.4", "x.xlsx", context())
    book = openpyxl.load_workbook(
        io.BytesIO(problems_workbook(b"%PDF-1.4", "x.xlsx", result.problems))
    )
    assert book.sheetnames == ["Problemen"]
    assert book["Problemen"]["D2"].value == "file_not_excel"


def test_csv_upload_is_copied_as_a_sheet() -> None:
    rows = good_rows()
    rows[0][8] = "@drie"
    data = csv_bytes(rows)
    result = parse_upload(data, "data.csv", context())
    book = openpyxl.load_workbook(
        io.BytesIO(problems_workbook(data, "data.csv", result.problems))
    )
    assert book.sheetnames == ["Problemen", "data.csv"]
    assert book["data.csv"]["I2"].value == "@drie"
    assert _rgb(book["data.csv"]["I2"]) == FILL["error"][1:]


def test_problem_to_dict_and_location() -> None:
    problem = Problem("Mijn blad", 14, "C", "date_invalid", "x")
    assert problem.location() == "'Mijn blad'!C14"
    assert Problem("Gegevens", 3, None, "duplicate", "x").location() == "Gegevens!3:3"
    assert Problem("", None, None, "file_empty", "x").location() == ""
    assert problem.to_dict()["cell"] == "'Mijn blad'!C14"
    assert problem.to_dict()["severity"] == "error"
