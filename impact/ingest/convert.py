"""Cell kernels: turn the distinct values of a column into typed values.

A column is factorised once (:func:`factor`): ``codes`` index ``uniques`` per row.
Every conversion here runs on the uniques only and is broadcast back with
``result[codes]``, so a million-row column costs one hash pass plus Python work
proportional to its number of distinct values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TypeVar

import numpy as np
import pandas as pd

T = TypeVar("T")

#: status codes of parsed cells
OK, BLANK, BAD, SERIAL, TEXT = 0, 1, 2, 3, 4
EXCEL_EPOCH = date(1899, 12, 30)
MIN_YEAR, MAX_YEAR = 1900, 2100

_SPACES = re.compile(r"[\s\u00a0\u2009\u202f']")
_NL_DECIMAL = re.compile(r"^[+-]?\d+(,\d+)?$")
_NL_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_EN_DECIMAL = re.compile(r"^[+-]?(\d+)?\.\d+$|^[+-]?\d+\.?$")
_EN_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_ISO = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$"
)
_DMY = re.compile(
    r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?: \d{1,2}:\d{2}(:\d{2})?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL_TEXT = re.compile(r"^\d{5}(\.\d+)?$")
_NAMED = re.compile(r"^(\d{1,2})[ -]([a-z]+)\.?[ -](\d{4})$")
MONTHS = {
    name: i + 1
    for names in (
        "januari februari maart april mei juni juli augustus september oktober "
        "november december",
        "jan feb mrt apr mei jun jul aug sep okt nov dec",
        "january february march april may june july august september october "
        "november december",
        "jan feb mar apr may jun jul aug sep oct nov dec",
    )
    for i, name in enumerate(names.split())
}
YES = frozenset({"ja", "j", "yes", "y", "waar", "true", "wel", "x"})
NO = frozenset({"nee", "n", "no", "onwaar", "false", "niet"})


@dataclass(frozen=True, slots=True)
class Factor:
    """A column as codes into distinct values: ``uniques[codes]`` is the column.

    Also used for results: :meth:`relabel` swaps the distinct raw values for
    their parsed labels, so a million rows are never parsed one by one.
    """

    codes: np.ndarray
    uniques: np.ndarray

    def take(self, per_unique: np.ndarray) -> np.ndarray:
        return per_unique[self.codes]

    def relabel(self, labels: Sequence[object] | np.ndarray) -> Factor:
        out = np.empty(len(labels), dtype=object)
        out[:] = list(labels)
        return Factor(self.codes, out)

    def subset(self, index: np.ndarray) -> Factor:
        return Factor(self.codes[index], self.uniques)

    def values(self) -> np.ndarray:
        return self.uniques[self.codes]

    def dense_ids(self) -> np.ndarray:
        """Per row an id that is equal exactly when the labels are equal."""
        ids, _ = pd.factorize(self.uniques, use_na_sentinel=False)
        return np.asarray(ids, dtype=np.int64)[self.codes]

    def string_array(self) -> pd.api.extensions.ExtensionArray:
        """The column as pandas ``str`` dtype (None → missing), built by ``take``."""
        return pd.array(self.uniques, dtype="str").take(self.codes)

    @staticmethod
    def const(value: object, n: int) -> Factor:
        labels = np.empty(1, dtype=object)
        labels[0] = value
        return Factor(np.zeros(n, dtype=np.int64), labels)

    @staticmethod
    def concat(parts: Sequence[Factor]) -> Factor:
        if not parts:
            return Factor(np.empty(0, dtype=np.int64), np.empty(0, dtype=object))
        offsets = np.cumsum([0] + [len(p.uniques) for p in parts[:-1]])
        return Factor(
            np.concatenate(
                [p.codes + off for p, off in zip(parts, offsets, strict=True)]
            ),
            np.concatenate([p.uniques for p in parts]),
        )


def factor(values: np.ndarray) -> Factor:
    """Factorise an object column; None and NaN become one more distinct value."""
    codes, uniques = pd.factorize(values)
    codes = np.asarray(codes, dtype=np.int64)
    labels = np.asarray(uniques, dtype=object)
    missing = codes < 0
    if missing.any():
        labels = np.concatenate([labels, np.array([None], dtype=object)])
        codes[missing] = len(labels) - 1
    return Factor(codes, labels)


def per_unique(fac: Factor, fn: Callable[[object], T]) -> list[T]:
    return [fn(u) for u in fac.uniques]


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, float) and value != value


def blank_mask(fac: Factor) -> np.ndarray:
    return fac.take(np.array(per_unique(fac, is_blank), dtype=bool))


def as_text(value: object) -> str:
    """A cell as text: ``12.0`` → ``"12"``, dates as dd-mm-yyyy, strings trimmed."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (
            value.strftime("%d-%m-%Y %H:%M")
            if value.time()
            else value.strftime("%d-%m-%Y")
        )
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return " ".join(str(value).split())


def parse_number(value: object) -> float | None:
    """A number as Dutch and English users type it; ``None`` if it is not one."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float):
        out = float(value)
        return out if np.isfinite(out) else None
    if not isinstance(value, str):
        return None
    text = _SPACES.sub("", value)
    scale = 1.0
    if text.endswith("%"):
        text, scale = text[:-1], 0.01
    if _NL_DECIMAL.match(text):
        return float(text.replace(",", ".")) * scale
    if _NL_THOUSANDS.match(text):
        return float(text.replace(".", "").replace(",", ".")) * scale
    if _EN_DECIMAL.match(text) and text not in {"+", "-", "."}:
        return float(text) * scale
    if _EN_THOUSANDS.match(text):
        return float(text.replace(",", "")) * scale
    return None


def parse_yes_no(value: object) -> float | None:
    """``ja``/``nee``/``yes``/``no``/``1``/``0`` → 1.0/0.0, else ``None``."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, str):
        word = value.strip().lower()
        if word in YES:
            return 1.0
        if word in NO:
            return 0.0
    number = parse_number(value)
    return number if number in (0.0, 1.0) else None


def parse_date(value: object, today: date) -> tuple[datetime | None, int]:
    """A date cell → (datetime, status OK/SERIAL/TEXT) or (None, BAD/BLANK)."""
    if is_blank(value):
        return None, BLANK
    if isinstance(value, datetime):
        return value.replace(tzinfo=None), OK
    if isinstance(value, date):
        return datetime.combine(value, time()), OK
    if isinstance(value, (bool, time | timedelta)):
        return None, BAD
    if isinstance(value, int | float):
        return _from_serial(float(value))
    text = " ".join(str(value).lower().split())
    if _SERIAL_TEXT.match(text):
        return _from_serial(float(text))
    found = _parse_text_date(text, today)
    return (found, TEXT) if found is not None else (None, BAD)


def _from_serial(serial: float) -> tuple[datetime | None, int]:
    if not 1 <= serial < 2958466:
        return None, BAD
    day = EXCEL_EPOCH + timedelta(days=int(serial))
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return None, BAD
    return datetime.combine(day, time()), SERIAL


def _parse_text_date(text: str, today: date) -> datetime | None:
    parts: tuple[int, int, int] | None = None
    if m := _ISO.match(text):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := _DMY.match(text):
        parts = _full_year(m[3], today), int(m[2]), int(m[1])
    elif m := _COMPACT.match(text):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif (m := _NAMED.match(text)) and m[2] in MONTHS:
        parts = int(m[3]), MONTHS[m[2]], int(m[1])
    if parts is None or not MIN_YEAR <= parts[0] <= MAX_YEAR:
        return None
    try:
        return datetime(*parts)
    except ValueError:
        return None


def _full_year(text: str, today: date) -> int:
    if len(text) == 4:
        return int(text)
    year = int(text)
    return 2000 + year if year <= today.year % 100 + 1 else 1900 + year


def date_array(fac: Factor, today: date) -> tuple[np.ndarray, np.ndarray]:
    """Per row: datetime64[ns] (NaT where not a date) and status codes."""
    parsed = per_unique(fac, lambda u: parse_date(u, today))
    stamps = np.array(
        [
            np.datetime64(d, "ns") if d else np.datetime64("NaT", "ns")
            for d, _ in parsed
        ],
        dtype="datetime64[ns]",
    )
    status = np.array([s for _, s in parsed], dtype=np.int8)
    return fac.take(stamps), fac.take(status)


def number_array(fac: Factor) -> np.ndarray:
    """Per row: float64 (NaN where blank or not a number)."""
    out = np.array(
        [np.nan if (v := parse_number(u)) is None else v for u in fac.uniques],
        dtype=np.float64,
    )
    return fac.take(out)
