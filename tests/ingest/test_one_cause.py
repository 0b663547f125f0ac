"""Files as staff write them: the wave labels people use, no programme or group
column, short programme names, and one problem per root cause (no cascade)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest

from impact.ingest import ParsedUpload, parse_upload
from impact.ingest.vocabulary import parse_wave
from tests.ingest.helpers import PROGRAMME, context, xlsx_openpyxl

HEADER = ["Cliënt", "Datum", "Meting", "Instrument", "Domein", "Score"]
N_CLIENTS = 51  # 102 rows, as in the file of issue 17


def _rows(before: str = "voor", after: str = "na") -> list[list[object]]:
    rows: list[list[object]] = []
    for i in range(N_CLIENTS):
        start = datetime(2024, 1, 8) + timedelta(days=i)
        rows.append([f"K{i:03}", start, before, "zrm", "financien", 2])
        rows.append(
            [f"K{i:03}", start + timedelta(days=90), after, "zrm", "financien", 3]
        )
    return rows


def _parse(rows: list[list[object]], **ctx: object) -> ParsedUpload:
    base: dict[str, object] = {
        "default_programme": PROGRAMME,
        "default_group": "treated",
    }
    base.update(ctx)
    return parse_upload(xlsx_openpyxl(rows, HEADER), "eigen.xlsx", context(**base))


@pytest.mark.parametrize(
    ("before", "after", "later"),
    [
        ("voor", "na", None),
        ("VM", "NM", None),
        ("T0", "T1", "T2"),
        ("begin", "eind", None),
        ("intake", "evaluatie", None),
        ("0", "1", "2"),
        ("before", "after", None),
        ("start", "end", None),
        ("intake", "evaluation", None),
        ("Voormeting", "Nameting", "nameting 2"),
    ],
)
def test_wave_labels_people_use(before: str, after: str, later: str | None) -> None:
    assert (parse_wave(before), parse_wave(after)) == (0, 1)
    if later:
        assert parse_wave(later) == 2
    result = _parse(_rows(before, after))
    assert result.ok, [p.message for p in result.problems]
    assert sorted(set(result.measurements["wave"])) == [0, 1]


def test_one_impossible_score_gives_exactly_one_problem() -> None:
    rows = _rows()
    rows[31][5] = 7  # a 7 on the 1-5 ZRM scale (row 33 in Excel)
    result = _parse(rows)
    assert [(p.code, p.location()) for p in result.problems] == [
        ("value_out_of_range", "Gegevens!F33")
    ]
    assert "1 tot en met 5" in result.problems[0].message


def test_unreadable_wave_labels_give_only_that_problem() -> None:
    result = _parse(_rows("eerste keer", "tweede keer"))
    codes = Counter(p.code for p in result.problems)
    assert set(codes) == {"wave_bad"}, codes  # no "missing", no duplicates
    assert codes["wave_bad"] == 2 * N_CLIENTS


def test_blank_clients_and_groups_do_not_cascade() -> None:
    rows = _rows()
    rows[0][0] = rows[2][0] = None  # two rows without a client
    result = _parse(rows)
    assert Counter(p.code for p in result.problems) == {"client_missing": 2}
    header = [*HEADER, "Groep"]
    grouped = [[*r, "deelnemer"] for r in _rows()]
    grouped[1][6] = "???"
    found = parse_upload(
        xlsx_openpyxl(grouped, header),
        "g.xlsx",
        context(default_programme=PROGRAMME),
    )
    assert [p.code for p in found.problems] == ["group_bad"]


def test_without_group_column_the_file_asks_and_does_not_assume() -> None:
    asked = _parse(_rows(), default_group=None)
    assert [p.code for p in asked.problems] == ["group_choose"]
    assert not asked.ok
    waiting = _parse(_rows(), default_group="comparison")
    assert set(waiting.measurements["group"]) == {"comparison"}


def test_without_programme_column_the_chosen_programme_is_used() -> None:
    asked = _parse(_rows(), default_programme=None)
    assert [p.code for p in asked.problems] == ["programme_choose"]
    chosen = _parse(_rows())
    assert set(chosen.measurements["programme"]) == {PROGRAMME}


def test_short_and_case_different_programme_names_match_when_unambiguous() -> None:
    header = [*HEADER, "Programma"]
    rows = [[*r, "buurtteam"] for r in _rows()]
    rows[0][6] = "BUURTTEAM NOORD"
    rows[1][6] = None  # blank: the chosen programme
    result = parse_upload(
        xlsx_openpyxl(rows, header),
        "p.xlsx",
        context(default_programme="Jongerenwerk", default_group="treated"),
    )
    assert result.ok, [p.message for p in result.problems]
    by_row = dict(
        zip(
            result.measurements["source_row"],
            result.measurements["programme"],
            strict=True,
        )
    )
    assert by_row[2] == PROGRAMME and by_row[3] == "Jongerenwerk"
    assert {p.code for p in result.problems} == {"programme_matched"}
    two = context(
        programmes={
            "Schuldhulp Oost": context().programmes[PROGRAMME],
            "Schuldhulp West": context().programmes[PROGRAMME],
        },
        default_group="treated",
    )
    ambiguous = parse_upload(
        xlsx_openpyxl([[*r, "Schuldhulp"] for r in _rows()], header), "a.xlsx", two
    )
    assert {p.code for p in ambiguous.problems} == {"programme_unknown"}
