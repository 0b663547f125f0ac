"""Find every cell that looks like a BSN, in every sheet, fast.

The rule is :func:`impact.domain.bsn.looks_like_bsn`. Each column is factorised
once; numbers are tested with vectorised elfproef arithmetic, text with one
regular-expression pass over all distinct strings of the column joined together,
and only the few candidates it finds go through ``looks_like_bsn`` itself.
"""

from __future__ import annotations

import re

import numpy as np

from impact.domain.bsn import looks_like_bsn
from impact.ingest.convert import Factor

_CANDIDATE = re.compile(r"\d(?:[ .\-]?\d){7,}")
_WEIGHTS = np.array([9, 8, 7, 6, 5, 4, 3, 2, -1], dtype=np.int64)
_SEP = "\x00"


def bsn_uniques(uniques: np.ndarray) -> np.ndarray:
    """Per distinct value: True when it looks like a BSN."""
    out = np.zeros(len(uniques), dtype=bool)
    kinds = np.array([_kind(u) for u in uniques], dtype=np.int8)
    numeric = np.flatnonzero(kinds == 1)
    if len(numeric):
        out[numeric] = numbers_look_like_bsn(
            np.array([float(uniques[i]) for i in numeric], dtype=np.float64)
        )
    text = np.flatnonzero(kinds == 2)
    if len(text):
        out[text] = _texts_look_like_bsn([uniques[i] for i in text])
    return out


def _kind(value: object) -> int:
    kind = type(value)
    if kind is float or kind is int:
        return 1
    return 2 if kind is str else 0


def numbers_look_like_bsn(values: np.ndarray) -> np.ndarray:
    """Vectorised ``looks_like_bsn`` for floats (as Excel stores numbers)."""
    whole = np.isfinite(values) & (values == np.floor(values)) & (np.abs(values) < 1e10)
    n = np.where(whole, values, 0).astype(np.int64)
    candidate = whole & (n >= 10_000_000) & (n <= 999_999_999)
    digits = (n[:, None] // 10 ** np.arange(8, -1, -1, dtype=np.int64)) % 10
    total = digits @ _WEIGHTS
    passes = candidate & (total % 11 == 0) & (n != 0)
    return passes & ~_yyyymmdd(n)


def _yyyymmdd(n: np.ndarray) -> np.ndarray:
    year, month, day = n // 10_000, n // 100 % 100, n % 100
    plausible = (n < 100_000_000) & (year >= 1900) & (year <= 2100)
    plausible &= (month >= 1) & (month <= 12) & (day >= 1)
    days_in = np.array([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    plausible &= day <= days_in[np.clip(month, 1, 12) - 1]
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    return plausible & ~((month == 2) & (day == 29) & ~leap)


def _texts_look_like_bsn(texts: list[str]) -> np.ndarray:
    out = np.zeros(len(texts), dtype=bool)
    cleaned = [t.replace(_SEP, " ") for t in texts]
    joined = _SEP.join(cleaned)
    starts = np.cumsum([0] + [len(t) + 1 for t in cleaned[:-1]])
    hits = {
        int(np.searchsorted(starts, m.start(), side="right")) - 1
        for m in _CANDIDATE.finditer(joined)
    }
    for i in hits:
        out[i] = looks_like_bsn(texts[i])
    return out


def bsn_rows(fac: Factor) -> np.ndarray:
    """Positions in the column whose value looks like a BSN."""
    return np.flatnonzero(fac.take(bsn_uniques(fac.uniques)))
