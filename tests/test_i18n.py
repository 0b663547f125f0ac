"""Every text exists in Dutch and English, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from impact.i18n import (
    catalogue,
    fmt_money,
    fmt_number,
    fmt_percent,
    t,
    use_language,
)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_key_has_both_languages_and_same_placeholders() -> None:
    cat = catalogue()
    assert len(cat) > 10
    for key, texts in cat.items():
        assert set(texts) == {"nl", "en"}, key
        assert texts["nl"].strip() and texts["en"].strip(), key
        assert _fields(texts["nl"]) == _fields(texts["en"]), key


def test_dutch_is_default_and_language_switches() -> None:
    assert t("errors.org_exists", slug="x").startswith("Organisatie")
    with use_language("en"):
        assert t("errors.org_exists", slug="x").startswith("Organisation")
    assert (
        t("errors.org_exists", lang="en", slug="x")
        == "Organisation 'x' already exists."
    )


def test_unknown_key_is_a_bug() -> None:
    with pytest.raises(KeyError):
        t("no.such.key")


@pytest.mark.parametrize(
    ("lang", "number", "percent", "money"),
    [("nl", "1.234,6", "25%", "€ 1.235"), ("en", "1,234.6", "25%", "€1,235")],
)
def test_locale_formats(lang: str, number: str, percent: str, money: str) -> None:
    assert fmt_number(1234.56, 1, lang=lang) == number
    assert fmt_percent(0.25, lang=lang) == percent
    assert fmt_money(1234.6, lang=lang).replace("\xa0", " ") == money
