"""impact import / template / report as a user runs them, on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from impact.cli import app

SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _demo():  # type: ignore[no-untyped-def]
    assert runner.invoke(app, ["demo", "--load-only"]).exit_code == 0
    yield


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def counts() -> dict[str, int]:
    return json.loads(run("status", "--org", "demo", "--json").output)


def test_committed_sample_links_to_the_demo_participants() -> None:
    before = counts()
    result = run("import", str(SAMPLES / "schuldhulp.xlsx"), "--org", "demo")
    assert result.exit_code == 0, result.output
    assert "2000 rijen gelezen, 0 nieuw, 2000 al aanwezig" in result.output
    after = counts()
    assert after["measurements"] == before["measurements"]
    assert after["participants"] == before["participants"]
    again = run("import", str(SAMPLES / "schuldhulp.xlsx"), "--org", "demo")
    assert again.exit_code == 0 and "al eerder geïmporteerd" in again.output


def test_new_file_imports_dry_runs_and_undoes(isolated_settings: Path) -> None:
    book = isolated_settings / "new.xlsx"
    assert (
        run("sample", "--rows", "400", "--seed", "99", "--out", str(book)).exit_code
        == 0
    )
    before = counts()
    dry = run("import", str(book), "--org", "demo", "--dry-run")
    assert dry.exit_code == 0 and "niets opgeslagen" in dry.output
    assert counts() == before
    done = run("import", str(book), "--org", "demo")
    assert done.exit_code == 0, done.output
    assert counts()["measurements"] == before["measurements"] + 400
    batch = done.output.split("batch ")[1].split(":")[0]
    undone = run("import", "--undo", batch, "--org", "demo")
    assert undone.exit_code == 0 and "400 rijen verwijderd" in undone.output
    assert counts()["measurements"] == before["measurements"]


def test_refused_file_lists_every_problem_and_writes_nothing(
    isolated_settings: Path,
) -> None:
    book = load_workbook(SAMPLES / "jongerenwerk.xlsx")
    sheet = book.active
    sheet["A5"] = "123456782"
    sheet["G7"] = "31-02-2024"
    sheet["I9"] = 99
    bad = isolated_settings / "bad.xlsx"
    book.save(bad)
    before = counts()
    result = run("--lang", "en", "import", str(bad), "--org", "demo")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(ln.startswith("Gegevens!A5:") and "BSN" in ln for ln in lines)
    assert any(ln.startswith("Gegevens!G7:") and "31-02-2024" in ln for ln in lines)
    assert any(ln.startswith("Gegevens!I9:") and "7 to 35" in ln for ln in lines)
    assert "123456782" not in result.output  # the BSN itself is never echoed
    assert counts() == before


def test_template_is_a_workbook_with_instructions(isolated_settings: Path) -> None:
    out = isolated_settings / "zrm.xlsx"
    result = run(
        "template",
        "participant",
        "--instrument",
        "zrm",
        "--lang",
        "en",
        "--out",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert len(load_workbook(out).sheetnames) >= 2
    bad = run("template", "people", "--out", str(out))
    assert bad.exit_code == 2 and "participant" in bad.output


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx"])
def test_report_writes_and_verifies(fmt: str, isolated_settings: Path) -> None:
    out = isolated_settings / f"r.{fmt}"
    result = run(
        "report",
        "--org",
        "demo",
        "--programme",
        "Jongerenwerk Toekomst",
        "--format",
        fmt,
        "--out",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 5000
    check = run("report", "--verify", str(out))
    assert check.exit_code == 0 and "klopt" in check.output
    extra = isolated_settings / "extra.xlsx"
    run("sample", "--rows", "200", "--seed", "5", "--out", str(extra))
    assert run("import", str(extra), "--org", "demo").exit_code == 0
    stale = run("report", "--verify", str(out))
    assert stale.exit_code == 1 and "verschillen" in stale.output
