"""Cached text is keyed by language: switching the page to English shows the
effects table in English, not the Dutch table cached a moment before."""

from __future__ import annotations

from impact.i18n import t
from tests.apps.conftest import demo_email, login


def _effects_table(at):  # type: ignore[no-untyped-def]
    frames = [d.value for d in at.dataframe]
    return next(f for f in frames if t("app.effects.col.design", "en") in f.columns
                or t("app.effects.col.design", "nl") in f.columns)  # fmt: skip


def test_switching_language_shows_the_effects_table_in_english(app_db: str) -> None:
    at = login(demo_email("analyst"))
    at.toggle(key="dash_effects").set_value(True)
    at.run()
    assert not at.exception
    dutch = _effects_table(at)
    designs_nl = set(dutch[t("app.effects.col.design", "nl")])
    assert t("app.effects.design.did", "nl") in designs_nl
    at.radio(key="ui_lang").set_value("en")
    at.run()
    assert not at.exception
    english = _effects_table(at)
    designs_en = set(english[t("app.effects.col.design", "en")])
    assert t("app.effects.design.did", "en") in designs_en
    assert not designs_en & designs_nl  # no Dutch design left in the English table
    assert len(english) == len(dutch)
