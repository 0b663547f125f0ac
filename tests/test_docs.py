"""README and --help stay true to the code: every setting and command is documented."""

from __future__ import annotations

from pathlib import Path

from typer.main import get_command

from impact.cli import app
from impact.config import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def test_every_setting_is_in_the_readme_table() -> None:
    for name in Settings.model_fields:
        assert f"`IMPACT_{name.upper()}`" in README, name


def _commands(group, prefix=""):  # type: ignore[no-untyped-def]
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


def test_every_command_is_documented_in_readme_and_help() -> None:
    commands = dict(_commands(get_command(app)))
    assert {
        "demo",
        "serve",
        "sample",
        "status",
        "db upgrade",
        "org create",
        "user add",
    } <= set(commands)
    for name, command in commands.items():
        assert f"`impact {name}" in README, name
        assert command.help, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, (name, param.name)
