"""Small display helpers shared by the pages (formatting, suppressed cells)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
from common import language, tr

from impact.i18n import fmt_date, fmt_number, fmt_percent


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
                "–"
                if v is None or (isinstance(v, float) and pd.isna(v))
                else tr(f"app.group.{v}")
                if source == "group"
                else v
                for v in values
            ]
        else:
            out[tr(key)] = [shown(v, fmt, min_cell) for v in values]
    return out.reset_index(drop=True)


def when(value: object) -> str:
    """A timestamp as "29 nov 2026 23:46" in the chosen language."""
    ts = pd.Timestamp(value)  # type: ignore[arg-type]
    return fmt_date(ts.to_pydatetime(), lang=language())


def field_label(code: str) -> str:
    """An import field code (``score:zrm:financien:0``) in words for the user."""
    from impact.domain.instruments import domain_label

    parts = code.split(":")
    if parts[0] == "score" and len(parts) >= 3:
        names = {
            "instrument": parts[1].upper(),
            "domain": domain_label(parts[2], language()),
        }
        if len(parts) == 4:
            return tr("field.score_wave", wave=parts[3], **names)
        return tr("field.score", **names)
    if parts[0] == "date" and len(parts) == 2:
        return tr("field.date_wave", wave=parts[1])
    try:
        return tr(f"field.{code}")
    except KeyError:
        return code
