"""docs/security.md and docs/deploy.md stay true: every test file, command and
setting they name exists."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from impact.cli import app
from impact.config import Settings

ROOT = Path(__file__).resolve().parents[2]
DOCS = {
    name: (ROOT / "docs" / name).read_text() for name in ("security.md", "deploy.md")
}


def test_named_test_files_exist() -> None:
    named = set(re.findall(r"`(test_\w+\.py)`", DOCS["security.md"]))
    assert len(named) >= 8
    missing = [n for n in named if not (ROOT / "tests" / "security" / n).exists()]
    assert missing == []


def test_named_commands_and_settings_exist() -> None:
    root = get_command(app)
    text = "\n".join(DOCS.values())
    for command in set(re.findall(r"`impact ([a-z]+(?: [a-z]+)?)", text)):
        words = command.split()
        group = root.commands.get(words[0])  # type: ignore[attr-defined]
        assert group is not None, command
        if hasattr(group, "commands") and len(words) > 1:
            assert words[1] in group.commands, command
    for name in set(re.findall(r"IMPACT_([A-Z_]+)", text)):
        assert name.lower() in Settings.model_fields, name


#: every level 1 and 2 requirement of ASVS 5.0 chapters V6, V7 and V8
ASVS_L2 = (
    [f"6.1.{i}" for i in range(1, 4)]
    + [f"6.2.{i}" for i in range(1, 13)]
    + [f"6.3.{i}" for i in range(1, 5)]
    + [f"6.4.{i}" for i in range(1, 5)]
    + [f"6.5.{i}" for i in range(1, 6)]
    + [f"6.6.{i}" for i in range(1, 4)]
    + [f"6.8.{i}" for i in range(1, 5)]
    + [f"7.1.{i}" for i in range(1, 4)]
    + [f"7.2.{i}" for i in range(1, 5)]
    + [f"7.3.{i}" for i in range(1, 3)]
    + [f"7.4.{i}" for i in range(1, 6)]
    + [f"7.5.{i}" for i in range(1, 3)]
    + [f"7.6.{i}" for i in range(1, 3)]
    + ["8.1.1", "8.1.2", "8.2.1", "8.2.2", "8.2.3", "8.3.1", "8.4.1"]
)


def _asvs_rows() -> list[list[str]]:
    section = DOCS["security.md"].split("## OWASP ASVS 5.0", 1)[1]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in section.splitlines()
        if re.match(r"\|\s*\d+\.\d+\.\d+\s*\|", line)
    ]
    assert all(len(row) == 5 for row in rows), [r for r in rows if len(r) != 5]
    return rows


def test_asvs_table_has_one_row_per_requirement() -> None:
    ids = [row[0] for row in _asvs_rows()]
    assert sorted(ids) == sorted(ASVS_L2)


def test_asvs_rows_name_real_tests_or_say_why_not() -> None:
    for ident, _req, _code, tests, status in _asvs_rows():
        named = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", tests)
        for path, name in named:
            source = (ROOT / path).read_text()
            assert re.search(rf"def {name}\b", source), f"{ident}: {path}::{name}"
        assert re.match(r"(done|N/A: \S.*|open \(\w+\))$", status), (ident, status)
        if status == "done":
            assert named, f"{ident} is done but names no test"
