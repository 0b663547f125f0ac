"""impact import on the files of issue #13: a refusal with the message, exit
code 1, no batch; the command itself never crashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from impact.cli import app
from tests.ingest.ooxml import HEADER, Sheet, book

runner = CliRunner()
FAR = "XFD1048576"


@pytest.fixture(autouse=True)
def _demo():  # type: ignore[no-untyped-def]
    assert runner.invoke(app, ["demo", "--load-only"]).exit_code == 0
    yield


def counts() -> dict[str, int]:
    return json.loads(runner.invoke(app, ["status", "--org", "demo", "--json"]).output)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        (
            "twee-data.xlsx",
            book(
                [
                    Sheet("Data", target="../evil/d.xml", rows=[["x"]], far_cell=FAR),
                    Sheet("Data"),
                ]
            ),
            "twee bladen met de naam 'Data'",
        ),
        (
            "buiten.xlsx",
            book([Sheet("Gegevens", target="/xl/elsewhere/s.xml", far_cell=FAR)]),
            "loopt door tot cel XFD1048576",
        ),
        ("leeg.xlsx", book([Sheet("Gegevens", rows=[HEADER])]), "geen rijen"),
        ("niets.xlsx", book([]), "geen blad met gegevens"),
        ("binair.xlsb", b"PK\x03\x04" + b"\0" * 40, "Opslaan als"),
    ],
)
def test_hostile_files_are_refused_by_the_cli_without_a_batch(
    isolated_settings: Path, name: str, data: bytes, words: str
) -> None:
    path = isolated_settings / name
    path.write_bytes(data)
    before = counts()
    result = runner.invoke(app, ["import", str(path), "--org", "demo"])
    assert result.exit_code == 1, result.output
    assert words in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert counts() == before
