"""Configuration errors name the variable, never its value, and reach the
terminal as one line without a traceback (run as a user would: the ``impact``
command in a child process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "hunter2"


def _impact(
    tmp_path: Path, env: dict[str, str], *args: str
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("IMPACT_")}
    clean["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "impact.cli", "--lang", "en", *args],
        cwd=tmp_path,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _one_clean_line(result: subprocess.CompletedProcess[str]) -> str:
    output = result.stdout + result.stderr
    assert "Traceback" not in output and SECRET not in output, output
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    return lines[0]


def test_the_issues_mysql_url_names_the_variable_not_the_password(
    tmp_path: Path,
) -> None:
    result = _impact(
        tmp_path,
        {"IMPACT_DATABASE_URL": f"mysql://user:{SECRET}@host/db"},
        "status", "--org", "demo",
    )  # fmt: skip
    assert result.returncode == 2
    line = _one_clean_line(result)
    assert "IMPACT_DATABASE_URL" in line and "mysql" in line
    assert "user" not in line.split("(")[0] and "host/db" not in line


@pytest.mark.parametrize(
    ("variable", "expected"),
    [
        ("IMPACT_MIN_CELL", "whole number"),
        ("IMPACT_MAX_UPLOAD_MB", "whole number"),
        ("IMPACT_ENVIRONMENT", "development, production"),
        ("IMPACT_LANGUAGE", "nl, en"),
    ],
)
def test_a_malformed_setting_is_named_with_what_it_may_be(
    tmp_path: Path, variable: str, expected: str
) -> None:
    result = _impact(tmp_path, {variable: f"x-{SECRET}"}, "status", "--org", "demo")
    assert result.returncode == 2
    line = _one_clean_line(result)
    assert variable in line and expected in line


def test_an_unreachable_database_is_one_line_without_its_password(
    tmp_path: Path,
) -> None:
    url = f"postgresql://app:{SECRET}@127.0.0.1:9/impact?connect_timeout=3"
    result = _impact(tmp_path, {"IMPACT_DATABASE_URL": url}, "status", "--org", "x")
    assert result.returncode == 2
    assert "IMPACT_DATABASE_URL" in _one_clean_line(result)


def test_a_placeholder_secret_is_not_repeated(tmp_path: Path) -> None:
    result = _impact(tmp_path, {"IMPACT_SECRET_KEY": "changeme"}, "doctor")
    assert result.returncode == 1
    assert "IMPACT_SECRET_KEY" in result.stdout and "changeme" not in result.stdout


def test_production_refuses_a_minimum_cell_under_ten(tmp_path: Path) -> None:
    env = {"IMPACT_ENVIRONMENT": "production", "IMPACT_MIN_CELL": "5"}
    refused = _impact(tmp_path, env, "status", "--org", "demo")
    assert refused.returncode == 2
    assert "IMPACT_MIN_CELL" in _one_clean_line(refused)
    doctor = _impact(tmp_path, env, "doctor", "--json")
    assert doctor.returncode == 1 and '"min_cell"' in doctor.stdout
    assert not (tmp_path / "wijkimpact.db").exists()  # refused before any write


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--verify", "/nonexistent/rapport.pdf"),
        ("db", "backup", "/nonexistent/folder/copy.db"),
    ],
)
def test_a_missing_file_or_folder_is_one_line(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    result = _impact(tmp_path, {}, *args)
    assert result.returncode == 1
    assert "/nonexistent/" in _one_clean_line(result)
