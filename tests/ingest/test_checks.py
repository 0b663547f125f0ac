"""Every validation check: the right code, at the right row and column letter."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pytest

from impact.ingest import ParsedUpload, Problem, parse_upload
from impact.ingest.problems import MAX_PER_KIND
from tests.ingest.helpers import (
    LONG_HEADER,
    PROGRAMME,
    context,
    csv_bytes,
    good_rows,
    long_row,
    xlsx_openpyxl,
)


def parse(
    rows: list[list[object]], header: list[str] | None = None, **ctx: object
) -> ParsedUpload:
    return parse_upload(xlsx_openpyxl(rows, header), "upload.xlsx", context(**ctx))


def only(result: ParsedUpload, code: str) -> Problem:
    found = [p for p in result.problems if p.code == code]
    assert len(found) == 1, [(p.code, p.location()) for p in result.problems]
    return found[0]


def at(result: ParsedUpload, code: str, row: int | None, column: str | None) -> Problem:
    problem = only(result, code)
    assert (problem.sheet, problem.row, problem.column) == ("Gegevens", row, column)
    return problem


def assert_refused(result: ParsedUpload) -> None:
    assert not result.ok
    assert result.measurements.empty and result.area_observations.empty


def test_invalid_date_message_exactly() -> None:
    rows = good_rows()
    rows[2][6] = "31-02-2024"
    result = parse(rows)
    problem = at(result, "date_invalid", 4, "G")
    assert problem.message == (
        "Rij 4, kolom G ('datum'): '31-02-2024' is geen geldige datum. "
        "Gebruik dd-mm-jjjj, bijvoorbeeld 28-02-2024."
    )
    assert problem.location() == "Gegevens!G4"
    assert_refused(result)


@pytest.mark.parametrize(
    ("column", "value", "code", "letter"),
    [
        (8, "drie", "value_not_number", "I"),
        (8, 6, "value_out_of_range", "I"),
        (8, 0, "value_out_of_range", "I"),
        (8, 3.5, "value_not_whole", "I"),
        (4, "zrmm", "instrument_unknown", "E"),
        (5, "geluk", "domain_unknown", "F"),
        (2, "misschien", "group_bad", "C"),
        (2, "", "group_missing", "C"),
        (7, "halverwege", "wave_bad", "H"),
        (1, "Onbekend project", "programme_unknown", "B"),
        (0, "", "client_missing", "A"),
        (3, "WK12", "wijk_bad_code", "D"),
        (6, datetime(2025, 1, 1), "date_future", "G"),
        (6, "2024-13-01", "date_invalid", "G"),
    ],
)
def test_cell_checks(column: int, value: object, code: str, letter: str) -> None:
    rows = good_rows()
    rows[1][column] = value
    result = parse(rows)
    at(result, code, 3, letter)
    assert_refused(result)


def test_unknown_instrument_and_domain_list_valid_ones() -> None:
    rows = good_rows()
    rows[0][4] = "outcomes star"
    rows[1][5] = "geluk"
    result = parse(rows)
    assert "zrm" in only(result, "instrument_unknown").message
    assert "swemwbs" in only(result, "instrument_unknown").message
    assert "werk_opleiding" in only(result, "domain_unknown").message


def test_dates_before_programme_start() -> None:
    rows = good_rows()
    rows[0][6] = datetime(2022, 12, 1)  # intake before start: warning
    rows[1][6] = datetime(2022, 12, 20)  # follow-up before start: error
    result = parse(rows)
    assert at(result, "date_before_start_intake", 2, "G").severity == "warning"
    assert at(result, "date_before_start", 3, "G").severity == "error"


def test_duplicate_measurement_points_to_the_first() -> None:
    rows = [*good_rows(), long_row("k1 ", value=5)]  # same client after normalising
    result = parse(rows)
    problem = at(result, "duplicate", 6, None)
    assert "Gegevens!2" in problem.message
    assert_refused(result)


def test_participant_in_both_groups() -> None:
    rows = good_rows()
    rows[3][2] = "deelnemer"  # K2: comparison on row 4, treated on row 5
    result = parse(rows)
    problem = at(result, "both_groups", 5, "C")
    assert "Gegevens!4" in problem.message


def test_missing_required_columns() -> None:
    header = [h for h in LONG_HEADER if h not in ("score", "cliëntnummer")]
    rows = [r[1:8] for r in good_rows()]
    result = parse(rows, header)
    missing = [p for p in result.problems if p.code == "column_missing"]
    assert len(missing) == 2
    assert all((p.row, p.column) == (1, None) for p in missing)
    assert_refused(result)


def test_programme_from_default_or_missing() -> None:
    header = [h for h in LONG_HEADER if h != "programma"]
    rows = [[c for i, c in enumerate(r) if i != 1] for r in good_rows()]
    assert parse(rows, header, default_programme=PROGRAMME).ok
    missing = parse(rows, header)
    assert "kolom 'programma'" in only(missing, "programme_choose").message
    assert len(missing.problems) == 1


def _workbook_bytes(book: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _good_book() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(xlsx_openpyxl(good_rows())))


def test_merged_cells() -> None:
    book = _good_book()
    book.active.merge_cells("B3:B4")
    result = parse_upload(_workbook_bytes(book), "x.xlsx", context())
    problem = at(result, "merged_cells", 3, "B")
    assert "B3:B4" in problem.message
    assert_refused(result)


def test_formula_without_cached_value_is_never_silently_empty() -> None:
    book = _good_book()
    book.active["I3"] = "=1+1"
    result = parse_upload(_workbook_bytes(book), "x.xlsx", context())
    at(result, "formula_no_value", 3, "I")
    assert_refused(result)


def test_hidden_rows_are_imported_with_a_warning() -> None:
    book = _good_book()
    book.active.row_dimensions[3].hidden = True
    result = parse_upload(_workbook_bytes(book), "x.xlsx", context())
    problem = only(result, "hidden_rows")
    assert problem.severity == "warning" and "3" in problem.message
    assert result.ok and len(result.measurements) == 4


def test_empty_rows_skipped_with_a_warning() -> None:
    rows = good_rows()
    rows.insert(2, [None] * 9)
    result = parse(rows)
    assert only(result, "empty_rows").severity == "warning"
    assert result.ok
    assert result.measurements["source_row"].tolist() == [2, 3, 5, 6]


def test_dates_as_serial_numbers_and_text_are_flagged() -> None:
    rows = good_rows()
    rows[0][6] = 45301.0  # 10-01-2024 as an Excel serial in a general cell
    rows[1][6] = "10-04-2024"
    result = parse(rows)
    assert at(result, "date_serial", 2, "G").severity == "warning"
    assert at(result, "date_text", 3, "G").severity == "warning"
    assert result.ok
    assert str(result.measurements["date"].iloc[0].date()) == "2024-01-10"


def test_personal_columns_are_dropped() -> None:
    header = [*LONG_HEADER, "Naam", "postcode?", "Notitie"]
    rows = [[*r, "Jan Jansen", "1234 AB", "x"] for r in good_rows()]
    result = parse(rows, header)
    dropped = [p for p in result.problems if p.code == "personal_dropped"]
    assert [p.column for p in dropped] == ["J", "K"]
    assert all(p.severity == "warning" for p in dropped)
    assert only(result, "column_ignored").column == "L"
    assert result.ok
    assert "Jan Jansen" not in result.measurements.to_string()
    assert result.mapping["Naam"] == "personal"


def test_postcode_column_found_by_content() -> None:
    header = [*LONG_HEADER, "pc"]
    rows = [[*r, "1011AB"] for r in good_rows()]
    result = parse(rows, header)
    assert only(result, "personal_dropped").column == "J"


def test_names_as_the_only_identifier_are_refused() -> None:
    header = ["naam", *LONG_HEADER[1:]]
    rows = [["Jan Jansen", *r[1:]] for r in good_rows()]
    result = parse(rows, header)
    assert only(result, "column_missing")
    assert_refused(result)
    header = ["cliënt", *LONG_HEADER[1:]]
    result = parse([["Piet de Vries", *r[1:]] for r in good_rows()], header)
    assert at(result, "client_names", None, "A")
    assert_refused(result)


@pytest.mark.parametrize(
    ("value", "where"),
    [
        ("123456782", (3, "A")),
        (123456782, (3, "A")),
        ("BSN 1234.56.782", (3, "J")),
        (12345672.0, (3, "J")),
    ],
)
def test_bsn_anywhere_in_the_sheet(value: object, where: tuple[int, str]) -> None:
    header = [*LONG_HEADER, "notitie"]
    rows = [[*r, ""] for r in good_rows()]
    rows[1][0 if where[1] == "A" else 9] = value
    result = parse(rows, header)
    problem = at(result, "bsn", *where)
    assert "123456782" not in problem.message and "1234.56.782" not in problem.message
    assert_refused(result)


def test_bsn_in_header_and_in_another_sheet() -> None:
    book = _good_book()
    book.active["J1"] = "123456782"
    other = book.create_sheet("Toelichting")
    other["C7"] = "cliënt 111222333 gebeld"
    result = parse_upload(_workbook_bytes(book), "x.xlsx", context())
    bsn = sorted((p.sheet, p.row, p.column) for p in result.problems if p.code == "bsn")
    assert bsn == [("Gegevens", 1, "J"), ("Toelichting", 7, "C")]
    assert_refused(result)


def test_bsn_in_csv() -> None:
    rows = good_rows()
    rows[3][3] = "111222333"
    result = parse_upload(csv_bytes(rows), "data.csv", context())
    problem = only(result, "bsn")
    assert (problem.sheet, problem.row, problem.column) == ("data.csv", 5, "D")


def test_many_bad_cells_are_summarised() -> None:
    rows = [long_row(f"K{i}", value="x") for i in range(MAX_PER_KIND + 5)]
    result = parse(rows)
    bad = [p for p in result.problems if p.code == "value_not_number"]
    assert len(bad) == MAX_PER_KIND + 1
    assert bad[-1].row is None and "5" in bad[-1].message


def test_language_of_messages() -> None:
    rows = good_rows()
    rows[1][8] = "drie"
    problem = only(parse(rows, lang="en"), "value_not_number")
    assert problem.message.startswith(
        "Row 3, column I ('score'): 'drie' is not a number"
    )


def test_area_checks() -> None:
    header = [
        "programma",
        "gebiedscode",
        "periode",
        "indicator",
        "waarde",
        "eerste periode interventie",
    ]
    rows = [
        [PROGRAMME, "WK036307", 2020, "cohesie", 6.1, 2021],
        [PROGRAMME, "Noord", 2021, "cohesie", 6.6, 2021],
        [PROGRAMME, "WK036307", "vorig jaar", "cohesie", 6.6, 2021],
        [PROGRAMME, "WK036307", 202103, "cohesie", 6.6, 2021],
        [PROGRAMME, "WK036307", 2020, "cohesie", 6.2, 2022],
        [PROGRAMME, "WK036308", 2020, "geluk", 6.2, None],
        [PROGRAMME, "WK036309", 2020, "cohesie", 11, None],
    ]
    result = parse(rows, header)
    at(result, "area_code_bad", 3, "B")
    at(result, "period_bad", 4, "C")
    at(result, "period_mixed", 5, "C")
    at(result, "indicator_unknown", 7, "D")
    at(result, "value_out_of_range", 8, "E")
    assert only(result, "area_duplicate").row == 6
    assert only(result, "first_treated_varies").row in (2, 6)
    assert_refused(result)
