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
