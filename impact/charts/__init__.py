"""Chart functions returning ``alt.Chart``, used by the app and by the reports.

Inputs are tidy pandas frames with the columns each function documents; axis
titles and labels come from :mod:`impact.i18n` in the current (or given) language.
With ``min_cell`` a chart leaves out what describes fewer people.
"""

from __future__ import annotations

from impact.charts.effects import event_study_chart, reach_chart
from impact.charts.outcomes import before_after_chart, change_shares_chart, trend_chart
from impact.charts.synthetic import synthetic_twin_chart

__all__ = [
    "before_after_chart",
    "change_shares_chart",
    "event_study_chart",
    "reach_chart",
    "synthetic_twin_chart",
    "trend_chart",
]
