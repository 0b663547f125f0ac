"""Neutralise text against formula injection in XLSX and CSV exports.

A spreadsheet program treats a cell that starts with ``=``, ``+``, ``-``, ``@``
(or a tab or carriage return before one of those) as a formula. Text we write
that came from a user, a file or the database is prefixed with an apostrophe,
the convention spreadsheet programs show as plain text (OWASP "CSV injection").
Use it for every string cell of an export; numbers and dates are left alone.
"""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise_formula(text: str) -> str:
    """``"=HYPERLINK(...)"`` → ``"'=HYPERLINK(...)"``; other text unchanged."""
    if text and (text.startswith(TRIGGERS) or text.lstrip().startswith(TRIGGERS[:4])):
        return "'" + text
    return text


def neutralise_cell(value: object) -> object:
    """:func:`neutralise_formula` for strings; any other value is returned as is."""
    return neutralise_formula(value) if isinstance(value, str) else value
