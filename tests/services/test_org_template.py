"""``impact template --org SLUG``: the organisation's own template with its
programmes, instruments, wijken and groups as Excel drop-down lists; a row
filled in from those lists imports."""

from __future__ import annotations

import io
from datetime import datetime

import openpyxl
import pytest
from typer.testing import CliRunner

from impact.cli import app
from impact.config import get_settings
from impact.sample import generate as sample
from impact.services.org_template import organisation_template
from impact.services.uploads import check_upload
from tests.factories import add_org_with_data, migrated_engine


@pytest.fixture()
def engine(sqlite_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("IMPACT_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "buurtwerk", n=5)
    yield engine


def _lists(data: bytes) -> dict[str, list[str]]:
    """Data-sheet column letter -> the values its drop-down offers."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Gegevens"]
    lists = book["Lijsten"]
    out = {}
    for rule in sheet.data_validations.dataValidation:
        column = str(rule.sqref).split(":")[0].rstrip("0123456789")
        ref = rule.formula1.split("!")[1].replace("$", "")
        start, end = ref.split(":")
        cells = lists[f"{start}:{end}"]
        out[column] = [str(c[0].value) for c in cells if c[0].value is not None]
    return out


def test_the_organisations_own_lists(engine) -> None:  # type: ignore[no-untyped-def]
    name, data = organisation_template(engine=engine, org_slug="buurtwerk")
    assert name == "sjabloon_buurtwerk_nl.xlsx"
    lists = _lists(data)
    # participant programmes only (not the area programme)
    assert lists["B"] == sorted([sample.DEBT, sample.YOUTH])
    assert lists["C"] == ["deelnemer", "vergelijkingsgroep"]
    assert "zrm" in lists["E"] and "problematische_schulden" in lists["E"]
    assert "cohesie" not in lists["E"]  # an area indicator, not for people
    assert "financien" in lists["F"]
    assert lists["H"][:2] == ["voormeting", "nameting"]
    assert lists["D"]  # the wijken the organisation's data use


def test_a_row_from_the_lists_imports(engine) -> None:  # type: ignore[no-untyped-def]
    _name, data = organisation_template(engine=engine, org_slug="buurtwerk")
    book = openpyxl.load_workbook(io.BytesIO(data))
    lists = _lists(data)
    ws = book["Gegevens"]
    for wave, when, score in (
        (0, datetime(2024, 2, 1), 2),
        (1, datetime(2024, 8, 1), 4),
    ):
        ws.append(
            [
                "T-1",
                lists["B"][0],
                lists["C"][0],
                lists["D"][0],
                "zrm",
                "financien",
                when,
                lists["H"][wave],
                score,
                None,
            ]
        )
    out = io.BytesIO()
    book.save(out)
    parsed = check_upload(
        engine=engine, org_slug="buurtwerk", data=out.getvalue(), filename="t.xlsx"
    )
    assert parsed.ok, [p.message for p in parsed.problems]
    assert len(parsed.measurements) == 2


def test_cli_writes_the_own_template(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "eigen.xlsx"
    result = CliRunner().invoke(
        app, ["template", "--org", "buurtwerk", "--out", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert _lists(target.read_bytes())["B"] == sorted([sample.DEBT, sample.YOUTH])
