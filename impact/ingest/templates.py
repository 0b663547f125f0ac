"""Excel templates: participant panels (long, or wide per instrument) and areas.

``write_template(kind, instrument=None, lang="nl")`` returns the .xlsx bytes;
``python -m impact.ingest.templates templates/`` regenerates every committed
template (a test checks the committed files still match the code). Each
template has an instructions sheet, a data sheet whose row 2 is an example
(client or area code ``VOORBEELD``/``EXAMPLE``: never imported), drop-down lists
for group, wave, instrument and domain on a hidden lists sheet, and date-formatted
date columns.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from impact.domain.instruments import SHIPPED, Instrument, domain_label
from impact.errors import check_option
from impact.i18n import t, use_language

TemplateKind = Literal["participant", "area"]
WIDE_INSTRUMENTS: tuple[str, ...] = ("zrm", "pg", "djg6", "djg11", "swemwbs")
LAST_ROW = 1_048_575
FIXED_TIME = datetime(2024, 1, 1)
EXAMPLE_DATE = datetime(2024, 1, 15)


@dataclass(frozen=True, slots=True)
class Words:
    """The words of one template language (all recognised by the parser)."""

    lang: str
    groups: tuple[str, ...]
    waves: tuple[str, ...]
    raters: tuple[str, ...]
    long: tuple[str, ...]
    area: tuple[str, ...]
    example: str
    programme: str


WORDS = {
    "nl": Words(
        lang="nl",
        groups=("deelnemer", "vergelijkingsgroep"),
        waves=("voormeting", "nameting", "nameting 2", "nameting 3"),
        raters=("professional", "zelf"),
        long=(
            "cliëntnummer",
            "programma",
            "groep",
            "wijk",
            "instrument",
            "domein",
            "datum",
            "meetmoment",
            "score",
            "beoordeeld door",
        ),
        area=(
            "programma",
            "gebiedscode",
            "periode",
            "indicator",
            "waarde",
            "eerste periode interventie",
        ),
        example="VOORBEELD",
        programme="Buurtteam Noord",
    ),
    "en": Words(
        lang="en",
        groups=("treated", "comparison"),
        waves=("baseline", "follow-up", "follow-up 2", "follow-up 3"),
        raters=("professional", "self"),
        long=(
            "client id",
            "programme",
            "group",
            "wijk",
            "instrument",
            "domain",
            "date",
            "wave",
            "score",
            "rated by",
        ),
        area=(
            "programme",
            "area code",
            "period",
            "indicator",
            "value",
            "first treated",
        ),
        example="EXAMPLE",
        programme="Neighbourhood team North",
    ),
}


def template_filename(kind: TemplateKind, instrument: str | None, lang: str) -> str:
    middle = f"_{instrument}" if instrument else ""
    return f"{kind}{middle}_{lang}.xlsx"


def write_template(
    kind: TemplateKind, *, instrument: str | None = None, lang: str = "nl"
) -> bytes:
    """The template workbook as bytes (deterministic content)."""
    check_option("kind", kind, ("participant", "area"))
    check_option("lang", lang, ("nl", "en"))
    if instrument is not None:
        check_option("instrument", instrument, WIDE_INSTRUMENTS)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"created": FIXED_TIME, "title": "Wijkimpact"})
    with use_language(lang):
        words = WORDS[lang]
        _instructions(book, kind, instrument)
        data = book.add_worksheet(t("ingest.tpl_data_sheet"))
        lists = _lists(book, words)
        if kind == "area":
            _area_sheet(book, data, words)
        elif instrument is None:
            _long_sheet(book, data, words, lists)
        else:
            _wide_sheet(book, data, words, SHIPPED[instrument])
        data.activate()
    book.close()
    return out.getvalue()


def _instructions(book: xlsxwriter.Workbook, kind: str, instrument: str | None) -> None:
    ws = book.add_worksheet(t("ingest.tpl_instructions_sheet"))
    title = book.add_format({"bold": True, "font_size": 14})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    ws.set_column(0, 0, 110)
    ws.write_string(0, 0, t("ingest.tpl_title"), title)
    keys = ["tpl_intro", f"tpl_{kind}"]
    if kind == "participant":
        keys.append("tpl_wide" if instrument else "tpl_long")
    keys += ["tpl_example", "tpl_privacy", "tpl_dates"]
    for i, key in enumerate(keys, start=2):
        ws.write_string(i, 0, t(f"ingest.{key}", instrument=instrument or ""), wrap)


def _lists(book: xlsxwriter.Workbook, words: Words) -> dict[str, str]:
    """A hidden sheet with the drop-down lists; returns name → range formula."""
    ws = book.add_worksheet(t("ingest.tpl_lists_sheet"))
    participant = [i for i in SHIPPED.values() if not i.area_level]
    columns: dict[str, list[str]] = {
        "groups": list(words.groups),
        "waves": list(words.waves),
        "raters": list(words.raters),
        "instruments": [i.code for i in participant],
        "domains": sorted({d for i in participant for d in i.domains}),
        "indicators": [i.code for i in SHIPPED.values() if i.area_level],
    }
    refs = {}
    sheet = ws.get_name()
    for j, (name, values) in enumerate(columns.items()):
        ws.write_string(0, j, name)
        for i, value in enumerate(values, start=1):
            ws.write_string(i, j, value)
        letter = chr(65 + j)
        refs[name] = f"='{sheet}'!${letter}$2:${letter}${len(values) + 1}"
    ws.hide()
    return refs


def _header(book: xlsxwriter.Workbook, ws: Worksheet, headers: list[str]) -> None:
    bold = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    ws.write_row(0, 0, headers, bold)
    ws.freeze_panes(1, 0)
    ws.set_column(0, len(headers) - 1, 18)


def _dropdown(ws: Worksheet, col: int, source: str | list[str], strict: bool) -> None:
    ws.data_validation(
        1,
        col,
        LAST_ROW,
        col,
        {
            "validate": "list",
            "source": source,
            "error_type": "stop" if strict else "warning",
            "error_title": t("ingest.tpl_dropdown_title"),
            "error_message": t("ingest.tpl_dropdown_message"),
        },
    )


def _date_column(book: xlsxwriter.Workbook, ws: Worksheet, col: int) -> None:
    ws.set_column(col, col, 14, book.add_format({"num_format": "dd-mm-yyyy"}))


def _long_sheet(
    book: xlsxwriter.Workbook, ws: Worksheet, words: Words, lists: dict[str, str]
) -> None:
    headers = list(words.long)
    _header(book, ws, headers)
    _date_column(book, ws, 6)
    for col, name, strict in (
        (2, "groups", True),
        (4, "instruments", False),
        (5, "domains", False),
        (7, "waves", True),
        (9, "raters", True),
    ):
        _dropdown(ws, col, lists[name], strict)
    example = [words.example, words.programme, words.groups[0], "WK036307", "zrm"]
    example.append("financien")
    ws.write_row(1, 0, example, _example_format(book))
    ws.write_datetime(1, 6, EXAMPLE_DATE, _example_format(book, date=True))
    ws.write_string(1, 7, words.waves[0], _example_format(book))
    ws.write_number(1, 8, 3, _example_format(book))
    ws.write_string(1, 9, "professional", _example_format(book))


def _wide_sheet(
    book: xlsxwriter.Workbook, ws: Worksheet, words: Words, inst: Instrument
) -> None:
    base = words.long
    fixed = [base[0], base[1], base[2], base[3], base[6], base[7], base[9]]
    scores = [f"{domain_label(d, words.lang)} ({inst.code})" for d in inst.domains]
    _header(book, ws, fixed + scores)
    _date_column(book, ws, 4)
    for col, values in ((2, words.groups), (5, words.waves), (6, words.raters)):
        _dropdown(ws, col, list(values), True)
    for k in range(len(scores)):
        ws.data_validation(1, 7 + k, LAST_ROW, 7 + k, _score_rule(inst))
    fmt = _example_format(book)
    ws.write_row(
        1, 0, [words.example, words.programme, words.groups[0], "WK036307"], fmt
    )
    ws.write_datetime(1, 4, EXAMPLE_DATE, _example_format(book, date=True))
    ws.write_string(1, 5, words.waves[0], fmt)
    ws.write_string(1, 6, "professional", fmt)
    middle = (inst.scale_min + inst.scale_max) // 2
    for k in range(len(scores)):
        ws.write_number(1, 7 + k, middle, fmt)


def _score_rule(inst: Instrument) -> dict[str, object]:
    return {
        "validate": "integer" if inst.integer_scores else "decimal",
        "criteria": "between",
        "minimum": inst.scale_min,
        "maximum": inst.scale_max,
        "error_title": t("ingest.tpl_score_title"),
        "error_message": t(
            "ingest.tpl_score_message",
            instrument=inst.code,
            low=f"{inst.scale_min:g}",
            high=f"{inst.scale_max:g}",
        ),
    }


def _area_sheet(book: xlsxwriter.Workbook, ws: Worksheet, words: Words) -> None:
    headers = list(words.area)
    _header(book, ws, headers)
    fmt = _example_format(book)
    ws.write_row(1, 0, [words.programme, words.example], fmt)
    ws.write_number(1, 2, 2021, fmt)
    ws.write_string(1, 3, "cohesie", fmt)
    ws.write_number(1, 4, 6.4, fmt)
    ws.write_number(1, 5, 2022, fmt)
    ws.data_validation(
        1,
        2,
        LAST_ROW,
        2,
        {
            "validate": "integer",
            "criteria": "between",
            "minimum": 1900,
            "maximum": 210012,
        },
    )


def _example_format(book: xlsxwriter.Workbook, date: bool = False) -> object:
    props: dict[str, object] = {"italic": True, "font_color": "#7F7F7F"}
    if date:
        props["num_format"] = "dd-mm-yyyy"
    return book.add_format(props)


def all_templates() -> dict[str, bytes]:
    """File name → bytes of every template shipped in ``templates/``."""
    out = {}
    kinds: tuple[TemplateKind, ...] = ("participant", "area")
    for lang in ("nl", "en"):
        for kind in kinds:
            out[template_filename(kind, None, lang)] = write_template(kind, lang=lang)
        for code in WIDE_INSTRUMENTS:
            name = template_filename("participant", code, lang)
            out[name] = write_template("participant", instrument=code, lang=lang)
    return out


def write_all(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in all_templates().items():
        path = directory / name
        path.write_bytes(data)
        paths.append(path)
    return paths


if __name__ == "__main__":  # pragma: no cover - thin command
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "templates")
    for written in write_all(target):
        sys.stdout.write(f"{written}\n")
