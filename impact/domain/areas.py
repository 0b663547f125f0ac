"""CBS area codes: GM + 4 (gemeente), WK + 6 (wijk), BU + 8 (buurt).

Letters may appear where a gemeente has 100 or more wijken or a wijk 100 or more
buurten, so the check allows alphanumerics after the fixed gemeente digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from impact.errors import DataError

AreaLevel = Literal["gemeente", "wijk", "buurt"]

_PATTERNS: dict[AreaLevel, re.Pattern[str]] = {
    "gemeente": re.compile(r"^GM\d{4}$"),
    "wijk": re.compile(r"^WK\d{4}[0-9A-Z]{2}$"),
    "buurt": re.compile(r"^BU\d{4}[0-9A-Z]{4}$"),
}


@dataclass(frozen=True, slots=True)
class AreaCode:
    code: str
    level: AreaLevel

    @property
    def gemeente(self) -> str:
        return "GM" + self.code[2:6]

    @property
    def wijk(self) -> str | None:
        if self.level == "gemeente":
            return None
        return "WK" + self.code[2:8]


def parse_area_code(text: str) -> AreaCode:
    """Parse and normalise a code (``" wk036307"`` → ``WK036307``)."""
    code = str(text).strip().upper().replace(" ", "")
    for level, pattern in _PATTERNS.items():
        if pattern.match(code):
            return AreaCode(code, level)
    raise DataError.of("errors.bad_area_code", code=text)


def is_area_code(text: str) -> bool:
    try:
        parse_area_code(text)
    except DataError:
        return False
    return True
