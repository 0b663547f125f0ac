"""Fonts and chart images shared by the renderers.

The report font is Source Sans Pro (SIL Open Font License), installed from PyPI
(``font-source-sans-pro``): it has the euro sign, Dutch diacritics and tabular
figures. Charts are rendered with vl-convert in the same font, at 2x resolution.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

FONT_FAMILY = "Source Sans Pro"
FONT_FILES = {
    "": "SourceSansPro-Regular.ttf",
    "B": "SourceSansPro-Bold.ttf",
    "I": "SourceSansPro-It.ttf",
    "BI": "SourceSansPro-BoldIt.ttf",
}
CHART_SCALE = 2.0


@cache
def font_directory() -> Path:
    import font_source_sans_pro

    return Path(font_source_sans_pro.font_directory)


def font_path(style: str = "") -> Path:
    return font_directory() / FONT_FILES[style]


@cache
def _register_fonts() -> None:
    import vl_convert

    vl_convert.register_font_directory(str(font_directory()))


def chart_png(spec: dict[str, Any], scale: float = CHART_SCALE) -> bytes:
    """The chart as PNG (cached by spec), in the report font on white."""
    return _png(json.dumps(spec, sort_keys=True), scale)


@lru_cache(maxsize=128)
def _png(spec_json: str, scale: float) -> bytes:
    import vl_convert

    _register_fonts()
    spec = json.loads(spec_json)
    config = spec.setdefault("config", {})
    config["font"] = FONT_FAMILY
    config.setdefault("background", "white")
    config.setdefault("view", {})["stroke"] = "#DDDDDD"
    return bytes(vl_convert.vegalite_to_png(spec, scale=scale))


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from the PNG header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
