"""Each ``impact`` command, run as a user would (through the Typer runner)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from impact.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(autouse=True)
def _fresh_engines():  # type: ignore[no-untyped-def]
    yield


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for name in ("demo", "serve", "sample", "status", "db", "org", "user"):
        assert name in result.output


def test_db_upgrade_creates_the_embedded_database(isolated_settings: Path) -> None:
    result = run("db", "upgrade")
    assert result.exit_code == 0, result.output
    from impact.store.migrate import head_revision

    assert f"versie {head_revision()}." in result.output
    assert (isolated_settings / "wijkimpact.db").exists()


def test_org_user_status_flow() -> None:
    assert run("org", "create", "buurtwerk", "--name", "Buurtwerk Oost").exit_code == 0
    again = run("org", "create", "buurtwerk", "--name", "X")
    assert again.exit_code == 1 and "bestaat al" in again.output
    added = run(
        "user",
        "add",
        "Piet@Buurtwerk.nl",
        "--org",
        "buurtwerk",
        "--role",
        "uploader",
        "--password-stdin",
        input="een lang wachtwoord\n",
    )
    assert added.exit_code == 0, added.output
    assert "piet@buurtwerk.nl" in added.output
    bad_role = run("user", "add", "x@y.nl", "--org", "buurtwerk", "--role", "baas")
    assert bad_role.exit_code == 2 and "uploader" in bad_role.output
    status = run("status", "--org", "buurtwerk", "--json")
    assert json.loads(status.output) == {
        "participants": 0,
        "measurements": 0,
        "area_observations": 0,
        "import_batches": 0,
    }


def test_unknown_org_gives_a_message_not_a_traceback() -> None:
    result = run("--lang", "en", "status", "--org", "nope")
    assert result.exit_code == 1
    assert "Organisation 'nope' does not exist" in result.output
    assert "Traceback" not in result.output


def test_demo_load_only_is_idempotent() -> None:
    first = run("demo", "--load-only")
    assert first.exit_code == 0, first.output
    assert "admin@demo.wijkimpact.nl" in first.output
    counts = json.loads(run("status", "--org", "demo", "--json").output)
    assert counts == {
        "participants": 850,
        "measurements": 3400,
        "area_observations": 240,
        "import_batches": 1,
    }
    second = run("demo", "--load-only")
    assert second.exit_code == 0
    assert json.loads(run("status", "--org", "demo", "--json").output) == counts


def test_sample_writes_exactly_n_rows(isolated_settings: Path) -> None:
    out = isolated_settings / "s.xlsx"
    result = run("sample", "--rows", "1001", "--out", str(out))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1002 and rows[0][0] == "cliëntnummer"


@pytest.mark.slow
def test_serve_starts_the_app(isolated_settings: Path) -> None:
    port = 8765
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMPACT_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "impact.cli", "serve", "--port", str(port)],
        cwd=isolated_settings,
        env=env,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline, body = time.monotonic() + 60, b""
        while time.monotonic() < deadline and body != b"ok":
            time.sleep(0.5)
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/_stcore/health", timeout=2
                ) as response:
                    body = response.read()
            except OSError:
                continue
        assert body == b"ok"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
