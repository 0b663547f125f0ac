"""Detect Dutch citizen service numbers (BSN) so they are never stored.

A BSN has nine digits and passes the *elfproef*:
``9*d1 + 8*d2 + ... + 2*d8 - 1*d9`` is divisible by 11 (and not all zeros).
Eight-digit *numbers* are BSNs whose leading zero Excel dropped, so they are
checked padded too (unless they read as a yyyymmdd date). In text, only runs of
exactly nine digits count.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(?<!\d)(\d{9})(?!\d)")
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def passes_elfproef(digits: str) -> bool:
    """True for a nine-digit string that passes the BSN eleven test."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True))
    return total % 11 == 0


def looks_like_bsn(value: object) -> bool:
    """True when ``value`` is, or contains, a number that could be a BSN.

    Integers and floats (as Excel stores them) and text with separators such as
    ``"1234.56.782"`` or ``"BSN: 123456782"`` are all checked.
    """
    if value is None or isinstance(value, bool):
        return False
    if isinstance(value, float):
        if not value.is_integer():
            return False
        value = int(value)
    if isinstance(value, int):
        if not 10_000_000 <= value <= 999_999_999 or _is_yyyymmdd(value):
            return False
        return passes_elfproef(f"{value:09d}")
    text = str(value)
    if len(text) < 8:
        return False
    compact = re.sub(r"(?<=\d)[ .\-](?=\d)", "", text)
    return any(passes_elfproef(m) for m in _DIGITS.findall(compact))


def _is_yyyymmdd(value: int) -> bool:
    """An eight-digit number that reads as a date (20240131) is not a lost-zero BSN."""
    from datetime import date

    if value >= 100_000_000:
        return False
    year, month, day = value // 10_000, value // 100 % 100, value % 100
    try:
        date(year, month, day)
    except ValueError:
        return False
    return 1900 <= year <= 2100
