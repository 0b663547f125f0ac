"""Dutch and English texts, and locale-aware number and date formatting.

Every user-facing string goes through :func:`t`. Texts live in
``impact/i18n/messages/<area>.py`` as ``MESSAGES = {key: {"nl": ..., "en": ...}}``;
each area (errors, ingest, estimate, report, app, ...) owns one file, so work on
different areas never touches the same catalogue. Dutch is the default language.

This module depends on nothing else in the package (it reads no settings): the
faces (CLI, pages, report renderers) choose the language, from ``--lang``, the
sidebar or ``IMPACT_LANGUAGE``, and pass it to :func:`t` or set it for a block
with :func:`use_language`.

>>> t("errors.bad_option", lang="en", name="vcov", value="'x'", allowed="'iid'")
"Option vcov cannot be 'x'. Choose one of: 'iid'."
"""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from typing import Literal, cast

from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal, format_percent

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
_LOCALES: dict[Language, str] = {"nl": "nl_NL", "en": "en_GB"}

DEFAULT_LANGUAGE: Language = "nl"

_current: ContextVar[Language] = ContextVar("impact_language", default=DEFAULT_LANGUAGE)


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """All messages of all areas, merged; a key defined twice is an error."""
    from impact.i18n import messages

    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(messages.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{messages.__name__}.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice ({info.name})")
            merged[key] = texts
    return merged


def current_language() -> Language:
    """The language of this context: set by :func:`use_language`, else Dutch."""
    return _current.get()


@contextlib.contextmanager
def use_language(lang: str | None) -> Iterator[Language]:
    """Run a block in ``lang`` (``None`` keeps the current one)."""
    chosen = normalise_language(lang) if lang else current_language()
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def normalise_language(lang: str) -> Language:
    code = lang.strip().lower()[:2]
    if code not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    return cast(Language, code)


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The text for ``key`` in ``lang`` (default: current), with ``{params}`` filled.

    An unknown key raises ``KeyError``: a missing translation is a bug, and the
    catalogue test finds it before a user does.
    """
    language = normalise_language(lang) if lang else current_language()
    text = catalogue()[key][language]
    return text.format(**params) if params else text


def locale_of(lang: str | None = None) -> str:
    return _LOCALES[normalise_language(lang) if lang else current_language()]


def fmt_number(value: float, decimals: int = 1, lang: str | None = None) -> str:
    """``1234.5`` → ``"1.234,5"`` (nl) or ``"1,234.5"`` (en)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(value, format=pattern, locale=locale_of(lang))


def fmt_percent(share: float, decimals: int = 0, lang: str | None = None) -> str:
    """``0.25`` → ``"25%"``."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "") + "%"
    return format_percent(share, format=pattern, locale=locale_of(lang))


def fmt_money(amount: float, lang: str | None = None, decimals: int = 0) -> str:
    """``1234`` → ``"€ 1.234"`` (nl) or ``"€1,234"`` (en)."""
    pattern = "¤ #,##0" if (lang or current_language()) == "nl" else "¤#,##0"
    if decimals:
        pattern += "." + "0" * decimals
    return format_currency(
        amount, "EUR", format=pattern, locale=locale_of(lang), currency_digits=False
    )


def fmt_date(value: date | datetime, lang: str | None = None) -> str:
    """``2024-03-01`` → ``"1 mrt 2024"`` (nl) or ``"1 Mar 2024"`` (en)."""
    if isinstance(value, datetime):
        return format_datetime(value, format="d MMM y HH:mm", locale=locale_of(lang))
    return format_date(value, format="d MMM y", locale=locale_of(lang))
