"""Templates: committed files match the code; filled templates parse back."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from impact.domain.instruments import SHIPPED
from impact.errors import OptionError
from impact.ingest import parse_upload
from impact.ingest.templates import (
    WIDE_INSTRUMENTS,
    WORDS,
    all_templates,
    write_template,
)
from tests.ingest.helpers import PROGRAMME, context

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def _cells(data: bytes) -> dict[str, list[tuple[object, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    out: dict[str, list[tuple[object, ...]]] = {}
    for ws in book.worksheets:
        rows = [tuple(c.value for c in row) for row in ws.iter_rows()]
        rules = sorted(
            (str(dv.sqref), dv.type, dv.formula1)
            for dv in ws.data_validations.dataValidation
        )
        out[ws.title] = [*rows, *rules]
    return out


def test_committed_templates_match_the_generator() -> None:
    expected = all_templates()
    committed = {p.name for p in TEMPLATES.glob("*.xlsx")}
    assert committed == set(expected), (
        "run: python -m impact.ingest.templates templates/"
    )
    for name, data in expected.items():
        assert _cells((TEMPLATES / name).read_bytes()) == _cells(data), name


def test_template_structure() -> None:
    book = openpyxl.load_workbook(io.BytesIO(write_template("participant", lang="nl")))
    assert book.sheetnames == ["Instructies", "Gegevens", "Lijsten"]
    assert book["Lijsten"].sheet_state == "hidden"
    data = book["Gegevens"]
    assert [c.value for c in data[1]][:3] == ["cliëntnummer", "programma", "groep"]
    assert data["A2"].value == "VOORBEELD"
    assert data["G2"].number_format == "dd-mm-yyyy"
    kinds = {dv.type for dv in data.data_validations.dataValidation}
    assert kinds == {"list"}
    assert len(data.data_validations.dataValidation) == 5
    wide = openpyxl.load_workbook(
        io.BytesIO(write_template("participant", instrument="zrm", lang="en"))
    )
    headers = [c.value for c in wide["Data"][1]]
    assert headers[7] == "Finances (zrm)" and len(headers) == 7 + 13


def test_bad_options_are_refused() -> None:
    with pytest.raises(OptionError):
        write_template("people")  # type: ignore[arg-type]
    with pytest.raises(OptionError):
        write_template("participant", instrument="outcomes_star")


def _fill_openpyxl(template: bytes, rows: list[list[object]]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(template))
    ws = book.worksheets[1]
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _fill_xlsxwriter(template: bytes, rows: list[list[object]]) -> bytes:
    """Re-create the template's data sheet with xlsxwriter, then add the rows."""
    source = openpyxl.load_workbook(io.BytesIO(template)).worksheets[1]
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = book.add_worksheet(source.title)
    fmt = book.add_format({"num_format": "dd-mm-yyyy"})
    existing = [[c.value for c in r] for r in source.iter_rows()]
    for i, row in enumerate(existing + rows):
        for j, value in enumerate(row):
            if isinstance(value, datetime):
                ws.write_datetime(i, j, value, fmt)
            elif value is not None:
                ws.write(i, j, value)
    book.close()
    return out.getvalue()


@pytest.mark.parametrize("fill", [_fill_openpyxl, _fill_xlsxwriter])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_long_template_round_trip(fill, lang: str) -> None:  # type: ignore[no-untyped-def]
    words = WORDS[lang]
    rows = [
        [
            "K-1",
            PROGRAMME,
            words.groups[0],
            "WK036307",
            "zrm",
            "financien",
            datetime(2024, 1, 8),
            words.waves[0],
            2,
            words.raters[0],
        ],
        [
            "K-1",
            PROGRAMME,
            words.groups[0],
            "WK036307",
            "zrm",
            "financien",
            datetime(2024, 4, 8),
            words.waves[1],
            4,
            words.raters[1],
        ],
        [
            "K-2",
            PROGRAMME,
            words.groups[1],
            "Oost",
            "pg",
            "zingeving",
            datetime(2024, 1, 9),
            words.waves[0],
            6.5,
            None,
        ],
    ]
    data = fill(write_template("participant", lang=lang), rows)
    result = parse_upload(data, "ingevuld.xlsx", context())
    assert result.ok, [p.message for p in result.problems]
    frame = result.measurements
    assert frame["value"].tolist() == [2.0, 4.0, 6.5]
    assert frame["wave"].tolist() == [0, 1, 0]
    assert frame["group"].tolist() == ["treated", "treated", "comparison"]
    assert frame["rated_by"].tolist()[:2] == ["professional", "self"]
    assert frame["rated_by"].isna().tolist()[2]
    assert frame["date"].dt.strftime("%d-%m-%Y").tolist() == [
        "08-01-2024",
        "08-04-2024",
        "09-01-2024",
    ]
    assert frame["source_row"].tolist() == [3, 4, 5]


@pytest.mark.parametrize("code", WIDE_INSTRUMENTS)
@pytest.mark.parametrize("fill", [_fill_openpyxl, _fill_xlsxwriter])
def test_wide_template_round_trip(code: str, fill) -> None:  # type: ignore[no-untyped-def]
    inst = SHIPPED[code]
    n = len(inst.domains)
    low, high = int(inst.scale_min), int(inst.scale_max)
    rows = [
        [
            "K-1",
            PROGRAMME,
            "deelnemer",
            "WK036307",
            datetime(2024, 1, 8),
            "voormeting",
            "professional",
            *[low + (k % (high - low + 1)) for k in range(n)],
        ],
        [
            "K-1",
            PROGRAMME,
            "deelnemer",
            "WK036307",
            datetime(2024, 5, 8),
            "nameting",
            "professional",
            *[high for _ in range(n)],
        ],
    ]
    data = fill(write_template("participant", instrument=code, lang="nl"), rows)
    result = parse_upload(data, "ingevuld.xlsx", context())
    assert result.ok, [p.message for p in result.problems]
    frame = result.measurements
    assert len(frame) == 2 * n
    assert set(frame["instrument"]) == {code}
    assert sorted(set(frame["domain"])) == sorted(inst.domains)
    first = frame[frame.wave == 0].set_index("domain")["value"]
    assert [first[d] for d in inst.domains] == [
        float(low + (k % (high - low + 1))) for k in range(n)
    ]
    assert (frame[frame.wave == 1]["value"] == high).all()


def test_area_template_round_trip() -> None:
    rows = [
        [PROGRAMME, "WK036307", 2021, "cohesie", 6.5, 2022],
        [PROGRAMME, "WK036308", 2021, "cohesie", 6.1, None],
    ]
    result = parse_upload(
        _fill_openpyxl(write_template("area", lang="en"), rows), "a.xlsx", context()
    )
    assert result.ok, [p.message for p in result.problems]
    assert result.area_observations["value"].tolist() == [6.5, 6.1]


def test_untouched_template_is_refused_not_an_empty_import() -> None:
    result = parse_upload(write_template("participant"), "leeg.xlsx", context())
    assert not result.ok and result.measurements.empty and result.n_rows_read == 0
    assert [p.code for p in result.errors] == ["no_data_rows"]
