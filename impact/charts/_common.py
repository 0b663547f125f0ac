"""Shared pieces of the charts: palette, group labels, small-cell suppression."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from impact.domain.suppression import is_disclosive
from impact.errors import DataError
from impact.i18n import t

#: Okabe-Ito colours (readable with colour-vision deficiency)
GROUP_COLOURS: dict[str, str] = {"treated": "#0072B2", "comparison": "#E69F00"}
EXTRA_COLOURS: tuple[str, ...] = ("#009E73", "#CC79A7", "#56B4E9", "#D55E00")
CHANGE_COLOURS: dict[str, str] = {
    "improved": "#009E73",
    "unchanged": "#BBBBBB",
    "deteriorated": "#D55E00",
}
WIDTH = 440
HEIGHT = 260


def require_columns(frame: pd.DataFrame, columns: Sequence[str], chart: str) -> None:
    """Raise :class:`DataError` naming the missing columns of a chart's input."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataError(
            t("charts.missing_columns", chart=chart, columns=", ".join(missing))
        )


def group_label(group: object, lang: str | None = None) -> str:
    """``treated``/``comparison`` in the current language; other names as given."""
    name = str(group)
    if name in GROUP_COLOURS:
        return t(f"charts.group.{name}", lang=lang)
    return name


def group_scale(groups: Sequence[object], lang: str | None = None) -> alt.Scale:
    """A colour scale with fixed colours for the standard groups."""
    labels, colours = [], []
    extra = iter(EXTRA_COLOURS * 4)
    for group in groups:
        labels.append(group_label(group, lang))
        colours.append(GROUP_COLOURS.get(str(group)) or next(extra))
    return alt.Scale(domain=labels, range=colours)


def suppress_rows(frame: pd.DataFrame, min_cell: int | None) -> pd.DataFrame:
    """Drop rows whose ``n`` describes fewer than ``min_cell`` people.

    Without an ``n`` column nothing can be checked, so a ``min_cell`` is refused.
    """
    if min_cell is None:
        return frame
    if "n" not in frame.columns:
        raise DataError(t("charts.needs_n"))
    keep = [not is_disclosive(_as_count(v), min_cell) for v in frame["n"]]
    return frame.loc[keep]


def _as_count(value: object) -> int | None:
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    return int(value)  # type: ignore[call-overload]


def layer(*charts: alt.Chart) -> alt.LayerChart:
    """Layer charts (typed: ``alt.layer`` may also return a facet chart)."""
    return alt.LayerChart(layer=list(charts))


def titled(
    chart: alt.LayerChart, title: str | None, height: object = HEIGHT
) -> alt.LayerChart:
    """Set the chart's title (or none) and the standard size."""
    out = chart.properties(width=WIDTH, height=height)
    if title:
        out = out.properties(title=alt.Title(title, anchor="start"))
    return out
