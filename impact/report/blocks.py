"""Format-neutral building blocks of a rendered report.

The section builders (:mod:`impact.report.document`) turn a suppressed report into
headings, paragraphs, tables of typed cells and figures; each renderer (PDF, XLSX,
DOCX) only lays these out. A :class:`Cell` keeps the real number and its kind, so
Excel gets numbers with a number format and the other formats get locale text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from impact.i18n import fmt_money, fmt_number, fmt_percent
from impact.report.formatting import fmt_p

CellKind = Literal[
    "text",
    "count",
    "year",
    "number",
    "percent",
    "money",
    "ratio",
    "pvalue",
    "suppressed",
]


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: ``value`` (number, text or ``None``) and how to show it.

    ``suppressed`` cells show "< {min_cell}"; ``None`` values show a dash.
    """

    value: float | int | str | None
    kind: CellKind = "text"
    decimals: int = 1

    def text(self, lang: str, min_cell: int) -> str:
        if self.kind == "suppressed":
            return f"< {min_cell}"
        if self.value is None:
            return "–"
        if isinstance(self.value, str):
            return self.value
        return _number_text(float(self.value), self.kind, self.decimals, lang)

    def excel_format(self, lang: str) -> str:
        """An Excel number format for this cell (locale-neutral codes)."""
        decimals = "." + "0" * self.decimals if self.decimals > 0 else ""
        return {
            "count": "#,##0",
            "year": "0",
            "number": "#,##0" + decimals,
            "percent": "0" + decimals + "%",
            "money": "€ #,##0" + decimals,
            "ratio": "0.00",
            "pvalue": '[<0.001]"< 0.001";0.000',
        }.get(self.kind, "General")


def _number_text(value: float, kind: str, decimals: int, lang: str) -> str:
    if kind == "count":
        return fmt_number(value, 0, lang=lang)
    if kind == "year":
        return str(int(value))
    if kind == "percent":
        return fmt_percent(value, decimals, lang=lang)
    if kind == "money":
        return fmt_money(value, lang=lang, decimals=decimals)
    if kind == "ratio":
        return fmt_number(value, 2, lang=lang)
    if kind == "pvalue":
        return fmt_p(value, lang)
    text = fmt_number(value, decimals, lang=lang)
    return text.replace("-", "−") if value < 0 else text


def count(n: int | None) -> Cell:
    """A count cell: ``None`` (suppressed) shows "< min_cell"."""
    return Cell(None, "suppressed") if n is None else Cell(n, "count")


def number(value: float | None, decimals: int = 1, hidden: bool = False) -> Cell:
    if hidden:
        return Cell(None, "suppressed")
    return Cell(value, "number", decimals)


def text(value: str | None) -> Cell:
    return Cell(value, "text")


@dataclass(frozen=True, slots=True)
class Table:
    """A table; ``widths`` are relative column widths."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""
    widths: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    style: Literal["body", "note", "bullet", "lead"] = "body"


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Figure:
    """A chart as a Vega-Lite spec (JSON-ready dict)."""

    name: str
    spec: dict[str, Any]
    caption: str = ""


Block = Table | Paragraph | Heading | Figure


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    subtitle: tuple[str, ...]
    lang: str
    min_cell: int
    sections: tuple[Section, ...]
    metadata: dict[str, Any] = field(default_factory=dict)
