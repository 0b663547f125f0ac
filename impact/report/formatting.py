"""Locale-aware formatting of report figures (effects, intervals, p-values)."""

from __future__ import annotations

from impact.i18n import fmt_number, t
from impact.report.model import Outcome

P_FLOOR = 0.001


def scaled(value: float, outcome: Outcome) -> float:
    """An effect on the display scale (proportions as percentage points)."""
    return value * 100 if outcome.scale == "proportion" else value


def fmt_effect(value: float, outcome: Outcome, lang: str, signed: bool = True) -> str:
    """``0.6`` → ``"0,6"``; ``-0.6`` → ``"-0,6"`` (``"0,6"`` when not signed)."""
    shown = scaled(value if signed else abs(value), outcome)
    text = fmt_number(shown, outcome.decimals, lang=lang)
    return text.replace("-", "−") if shown < 0 else text


def unit_word(outcome: Outcome, lang: str) -> str:
    return t(f"report.unit.{outcome.scale}", lang=lang)


def fmt_interval(low: float, high: float, outcome: Outcome, lang: str) -> str:
    return t(
        "report.interval",
        lang=lang,
        low=fmt_effect(low, outcome, lang),
        high=fmt_effect(high, outcome, lang),
    )


def fmt_p(p: float, lang: str) -> str:
    """p-values with three decimals, small ones as ``< 0,001``."""
    if p < P_FLOOR:
        return "< " + fmt_number(P_FLOOR, 3, lang=lang)
    return fmt_number(p, 3, lang=lang)


def fmt_count(n: int | None, min_cell: int, lang: str) -> str:
    """A count of people, or "< 10" when suppressed."""
    if n is None:
        return f"< {min_cell}"
    return fmt_number(n, 0, lang=lang)


def includes_zero(low: float, high: float) -> bool:
    return low <= 0 <= high


def translated(text: str, lang: str) -> str:
    """An i18n key's text, or the text itself when it is not a known key."""
    from impact.i18n import catalogue

    return t(text, lang=lang) if text in catalogue() else text
