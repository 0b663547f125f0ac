"""Small display helpers shared by the pages (formatting, suppressed cells)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
from common import language, tr

from impact.i18n import fmt_number, fmt_percent


def shown(value: object, fmt: Callable[[float], str], min_cell: int | None) -> str:
    """A formatted figure, "< 10" for a suppressed one, "–" for a missing one."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return f"< {min_cell}" if min_cell is not None else "–"
    return fmt(float(value))  # type: ignore[arg-type]


def count(value: float) -> str:
    return fmt_number(value, 0, lang=language())


def mean(value: float) -> str:
    return fmt_number(value, 2, lang=language())


def percent(value: float) -> str:
    return fmt_percent(value, 0, lang=language())


def table(
    frame: pd.DataFrame,
    columns: Mapping[str, tuple[str, Callable[[float], str] | None]],
    min_cell: int | None,
) -> pd.DataFrame:
    """``columns``: source column -> (message key of the header, formatter or
    None for text). Numbers become strings so "< 10" can stand in a cell."""
    out = pd.DataFrame(index=frame.index)
    for source, (key, fmt) in columns.items():
        values = frame[source]
        if fmt is None:
            out[tr(key)] = [
                tr(f"app.group.{v}") if source == "group" else v for v in values
            ]
        else:
            out[tr(key)] = [shown(v, fmt, min_cell) for v in values]
    return out.reset_index(drop=True)
