"""The treated wijk against its synthetic twin (synthetic DiD)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from impact.charts._common import GROUP_COLOURS, layer, require_columns, titled
from impact.i18n import t


def synthetic_twin_chart(
    frame: pd.DataFrame,
    *,
    start: int | None = None,
    y_title: str | None = None,
    title: str | None = None,
    lang: str | None = None,
) -> alt.LayerChart:
    """Lines per period: the treated wijk(en) and the weighted comparison mix.

    ``frame`` columns ``period``, ``treated``, ``synthetic`` (``SdidResult.path``).
    A dashed rule marks the first treated period; after it, the gap between the
    lines is the effect.
    """
    require_columns(frame, ["period", "treated", "synthetic"], "synthetic_twin")
    names = {
        "treated": t("charts.sdid.treated", lang=lang),
        "synthetic": t("charts.sdid.synthetic", lang=lang),
    }
    long = frame.melt(
        id_vars="period", value_vars=["treated", "synthetic"], var_name="series"
    )
    long["series"] = long["series"].map(names)
    colours = [GROUP_COLOURS["treated"], GROUP_COLOURS["comparison"]]
    lines = (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=alt.X("period:O", title=t("charts.period", lang=lang)),
            y=alt.Y(
                "value:Q",
                title=y_title or t("charts.sdid.value", lang=lang),
                scale=alt.Scale(zero=False),
            ),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=list(names.values()), range=colours),
            ),
            strokeDash=alt.StrokeDash("series:N", legend=None),
            tooltip=["period:O", "series:N", alt.Tooltip("value:Q", format=".2f")],
        )
    )
    if start is None:
        return titled(layer(lines), title)
    rule = (
        alt.Chart(pd.DataFrame({"period": [start]}))
        .mark_rule(color="#888888", strokeDash=[4, 4])
        .encode(x="period:O")
    )
    return titled(layer(lines, rule), title)
