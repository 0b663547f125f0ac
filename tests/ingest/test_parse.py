"""Happy paths: xlsx by two writers, CSV dialects, long, wide and mapped layouts."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd
import pytest

from impact.ingest import MEASUREMENT_COLUMNS, parse_upload
from impact.ingest.preview import inspect_upload
from impact.ingest.pseudonymise import pseudonymise_frame
from tests.ingest.helpers import (
    PROGRAMME,
    context,
    csv_bytes,
    find,
    good_rows,
    long_row,
    xlsx_openpyxl,
    xlsx_xlsxwriter,
)

EXPECTED_VALUES = [2.0, 4.0, 3.0, 3.0]


def _check_good(result) -> None:  # type: ignore[no-untyped-def]
    assert result.ok, [p.message for p in result.problems]
    frame = result.measurements
    assert list(frame.columns) == list(MEASUREMENT_COLUMNS)
    assert frame["value"].tolist() == EXPECTED_VALUES
    assert frame["wave"].tolist() == [0, 1, 0, 1]
    assert frame["group"].tolist() == ["treated", "treated", "comparison", "comparison"]
    assert frame["client_ref"].tolist() == ["K1", "K1", "K2", "K2"]
    assert frame["source_row"].tolist() == [2, 3, 4, 5]
    assert frame["date"].dtype == "datetime64[ns]"
    assert frame["date"].iloc[1] == pd.Timestamp("2024-04-10")
    assert set(frame["programme"]) == {PROGRAMME}
    assert set(frame["instrument"]) == {"zrm"} and set(frame["domain"]) == {"financien"}
    assert frame["value"].dtype == np.float64 and frame["wave"].dtype == np.int64


@pytest.mark.parametrize("writer", [xlsx_openpyxl, xlsx_xlsxwriter])
def test_xlsx_long_layout(writer) -> None:  # type: ignore[no-untyped-def]
    result = parse_upload(writer(good_rows()), "metingen.xlsx", context())
    _check_good(result)
    assert result.layout == "long" and result.kind == "participant"
    assert result.n_rows_read == 4 and len(result.file_sha256) == 64
    assert result.mapping["cliëntnummer"] == "client_ref"


@pytest.mark.parametrize(
    ("sep", "encoding"),
    [
        (";", "utf-8"),
        (",", "utf-8"),
        (";", "utf-8-sig"),
        (";", "cp1252"),
        ("\t", "utf-16"),
    ],
)
def test_csv_dialects(sep: str, encoding: str) -> None:
    rows = good_rows()
    rows[0][8] = "2,0" if sep != "," else "2.0"
    data = csv_bytes(rows, sep=sep, encoding=encoding)
    result = parse_upload(data, "metingen.csv", context())
    _check_good(result)
    assert result.measurements["sheet"].iloc[0] == "metingen.csv"
    assert not find(result.problems, "date_text")  # text dates are normal in CSV


def test_csv_decimal_comma_and_dutch_dates() -> None:
    rows = [
        long_row("K1", instrument="pg", domain="zingeving", when="1-2-24", value="7,5"),
        long_row(
            "K1",
            instrument="pg",
            domain="Zingeving",
            when="2024-05-01",
            wave="T1",
            value="8.25",
        ),
    ]
    result = parse_upload(csv_bytes(rows), "pg.csv", context())
    assert result.ok, result.problems
    frame = result.measurements
    assert frame["value"].tolist() == [7.5, 8.25]
    assert frame["date"].tolist() == [
        pd.Timestamp("2024-02-01"),
        pd.Timestamp("2024-05-01"),
    ]
    assert frame["wave"].tolist() == [0, 1]


def test_labels_in_english_and_numbers() -> None:
    rows = [
        long_row("A", group="treated", wave="baseline"),
        long_row("A", group="treated", wave="follow-up", when=datetime(2024, 3, 1)),
        long_row("B", group="waiting list", wave=0),
        long_row("B", group="control", wave="2", when=datetime(2024, 3, 1)),
        long_row("C", group="wachtlijst", wave="nameting 2", when=datetime(2024, 5, 1)),
    ]
    result = parse_upload(xlsx_openpyxl(rows), "x.xlsx", context())
    assert result.ok, result.problems
    assert result.measurements["wave"].tolist() == [0, 1, 0, 2, 2]
    assert result.measurements["group"].tolist() == ["treated"] * 2 + ["comparison"] * 3


def test_binary_outcome_yes_no() -> None:
    rows = [
        long_row("K1", instrument="schulden", domain=None, value="ja"),
        long_row(
            "K1",
            instrument="schulden",
            domain="",
            value="nee",
            wave=1,
            when=datetime(2024, 3, 1),
        ),
        long_row("K2", instrument="Problematische schulden", domain=None, value=1),
    ]
    result = parse_upload(xlsx_openpyxl(rows), "x.xlsx", context())
    assert result.ok, result.problems
    assert result.measurements["value"].tolist() == [1.0, 0.0, 1.0]
    assert set(result.measurements["domain"]) == {"schulden"}


def test_wijk_codes_normalised_and_names_kept() -> None:
    rows = [
        long_row("K1", wijk=" wk036307"),
        long_row("K2", wijk="BU03630704"),
        long_row("K3", wijk="Oost"),
    ]
    result = parse_upload(xlsx_openpyxl(rows), "x.xlsx", context())
    assert result.measurements["wijk"].tolist() == ["WK036307", "WK036307", "Oost"]


def test_wide_per_wave_columns_normalised_to_long() -> None:
    header = [
        "deelnemer",
        "groep",
        "datum voormeting",
        "datum nameting",
        "financien_voormeting",
        "financien_nameting",
        "Huisvesting T0",
        "huisvesting t1",
    ]
    rows = [
        ["K1", "deelnemer", datetime(2024, 1, 5), datetime(2024, 6, 1), 2, 3, 1, 4],
        ["K2", "wachtlijst", datetime(2024, 1, 6), None, 3, None, 2, None],
    ]
    result = parse_upload(
        xlsx_openpyxl(rows, header), "wide.xlsx", context(default_programme=PROGRAMME)
    )
    assert result.ok, [p.message for p in result.problems]
    assert result.layout == "wide"
    frame = result.measurements.sort_values(["client_ref", "domain", "wave"])
    assert len(frame) == 6
    k1 = frame[frame.client_ref == "K1"]
    assert k1["value"].tolist() == [2.0, 3.0, 1.0, 4.0]
    assert k1["wave"].tolist() == [0, 1, 0, 1]
    assert k1["date"].tolist()[1] == pd.Timestamp("2024-06-01")
    assert result.mapping["financien_nameting"] == "score:zrm:financien:1"
    assert result.mapping["datum voormeting"] == "date:0"


def test_confirmed_mapping_is_used_as_is() -> None:
    header = [
        "Code",
        "Wanneer",
        "Moment",
        "Uitslag",
        "Meetlat",
        "Onderdeel",
        "Opmerking",
    ]
    rows = [
        [
            "X1",
            datetime(2024, 1, 5),
            "voormeting",
            3,
            "zrm",
            "financien",
            "vrije tekst",
        ],
        ["X1", datetime(2024, 5, 5), "nameting", 4, "zrm", "financien", ""],
    ]
    mapping = {
        "Code": "client_ref",
        "Wanneer": "date",
        "Moment": "wave",
        "Uitslag": "value",
        "Meetlat": "instrument",
        "Onderdeel": "domain",
        "Opmerking": "ignore",
    }
    ctx = context(mapping=mapping, default_programme=PROGRAMME, default_group="treated")
    result = parse_upload(xlsx_openpyxl(rows, header), "eigen.xlsx", ctx)
    assert result.ok, [p.message for p in result.problems]
    assert result.mapping == mapping
    assert result.measurements["value"].tolist() == [3.0, 4.0]
    preview = inspect_upload(xlsx_openpyxl(rows, header), "eigen.xlsx", ctx)
    assert preview.mapping == mapping and preview.headers == tuple(header)


def test_guessed_mapping_of_own_layout_in_preview() -> None:
    header = ["Titel van het overzicht"]
    data = xlsx_openpyxl(
        [
            [],
            [
                "Client ID",
                "Datum",
                "Meetmoment",
                "Score",
                "Instrument",
                "Domein",
                "Groep",
            ],
            ["X1", datetime(2024, 1, 5), "T0", 3, "zrm", "financien", "deelnemer"],
        ],
        header,
    )
    preview = inspect_upload(data, "eigen.xlsx", context())
    assert preview.header_row == 3
    assert preview.mapping["Client ID"] == "client_ref"
    assert preview.mapping["Meetmoment"] == "wave"
    assert preview.rows[0][:3] == ("X1", "05-01-2024", "T0")
    assert "score:zrm:financien" in preview.fields
    result = parse_upload(data, "eigen.xlsx", context(default_programme=PROGRAMME))
    assert result.ok and result.measurements["source_row"].tolist() == [4]


def test_wave_derived_from_dates_when_no_wave_column() -> None:
    header = ["client", "datum", "instrument", "domein", "score"]
    rows = [
        ["K1", datetime(2024, 5, 1), "zrm", "financien", 4],
        ["K1", datetime(2024, 1, 1), "zrm", "financien", 2],
        ["K2", datetime(2024, 2, 1), "zrm", "financien", 3],
    ]
    result = parse_upload(
        xlsx_openpyxl(rows, header),
        "x.xlsx",
        context(default_programme=PROGRAMME, default_group="treated"),
    )
    assert result.ok
    assert result.measurements["wave"].tolist() == [1, 0, 0]
    assert find(result.problems, "wave_from_date")[0].severity == "warning"  # type: ignore[attr-defined]
    assert not find(result.problems, "group_choose")


def test_area_panel() -> None:
    header = [
        "programma",
        "gebiedscode",
        "periode",
        "indicator",
        "waarde",
        "eerste periode interventie",
    ]
    rows = [
        [PROGRAMME, "WK036307", 2020, "cohesie", "6,1", 2021],
        [PROGRAMME, "wk036307", 2021, "cohesie", 6.6, 2021],
        [PROGRAMME, "WK036308", "2020", "cohesie", 6.0, "nooit"],
        [PROGRAMME, "BU03630801", 2021, "cohesie", 5.9, None],
    ]
    result = parse_upload(xlsx_openpyxl(rows, header), "gebieden.xlsx", context())
    assert result.ok, [p.message for p in result.problems]
    assert result.kind == "area" and result.layout == "area"
    frame = result.area_observations
    assert frame["area_code"].tolist() == [
        "WK036307",
        "WK036307",
        "WK036308",
        "BU03630801",
    ]
    assert frame["period"].tolist() == [2020, 2021, 2020, 2021]
    assert frame["first_treated"].tolist()[:2] == [2021, 2021]
    assert frame["first_treated"].isna().tolist() == [False, False, True, True]
    assert frame["value"].tolist() == [6.1, 6.6, 6.0, 5.9]
    assert result.measurements.empty


def test_pseudonymise_frame_hashes_each_client_once() -> None:
    result = parse_upload(xlsx_openpyxl(good_rows()), "x.xlsx", context())
    key = b"k" * 32
    out = pseudonymise_frame(result.measurements, key)
    assert "client_ref" not in out.columns and out.columns[0] == "participant"
    assert out["participant"].nunique() == 2
    assert out["participant"].iloc[0] == out["participant"].iloc[1]
    assert not out["participant"].str.contains("K1").any()
    assert out["participant"].str.startswith("p_").all()
    from impact.domain.pseudonym import pseudonymise

    assert out["participant"].iloc[0] == pseudonymise("K1", key)


def test_progress_is_reported_in_order() -> None:
    seen: list[tuple[float, str]] = []
    parse_upload(
        xlsx_openpyxl(good_rows()),
        "x.xlsx",
        context(),
        progress=lambda f, m: seen.append((f, m)),
    )
    fractions = [f for f, _ in seen]
    assert (
        fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 1.0
    )
    assert all(m for _, m in seen)


def test_raise_for_errors_lists_every_problem() -> None:
    from impact.errors import ImportRefused

    rows = good_rows()
    rows[0][8] = "x"
    rows[1][6] = "32-01-2024"
    result = parse_upload(xlsx_openpyxl(rows), "x.xlsx", context())
    with pytest.raises(ImportRefused) as info:
        result.raise_for_errors()
    assert len(info.value.problems) == len(result.problems) >= 2
    assert info.value.to_dict()["problems"][0]["cell"].startswith("Gegevens!")
