"""The command line chooses the language at its edge: --lang, else IMPACT_LANGUAGE."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from impact.cli import app
from impact.config import get_settings
from impact.i18n import t


@pytest.fixture(autouse=True)
def _fresh_settings(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_impact_language_setting_chooses_the_cli_language(
    monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv("IMPACT_LANGUAGE", lang)
    result = CliRunner().invoke(app, ["template", "nonsense", "--out", "x.xlsx"])
    assert result.exit_code != 0
    expected = t("errors.bad_option", lang, name="kind", value="'nonsense'",
                 allowed="'participant', 'area'")  # fmt: skip
    assert expected in result.output


def test_lang_option_wins_over_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPACT_LANGUAGE", "nl")
    result = CliRunner().invoke(
        app, ["--lang", "en", "template", "nonsense", "--out", "x.xlsx"]
    )
    assert "Choose one of" in result.output


def test_a_broken_setting_does_not_hide_behind_the_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IMPACT_MIN_CELL", "abc")
    result = CliRunner().invoke(app, ["template", "nonsense", "--out", "x.xlsx"])
    assert "Traceback" not in result.output
    assert result.exit_code == 2  # the option error, in the default language
