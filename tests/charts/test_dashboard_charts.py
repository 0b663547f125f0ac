"""Dashboard charts: the Vega-Lite spec carries exactly the shown cells."""

from __future__ import annotations

import pandas as pd

from impact.charts import dashboard as charts
from impact.i18n import use_language


def _values(spec: dict) -> list[dict]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


OUTCOMES = pd.DataFrame(
    {
        "outcome": ["ZRM · Financiën", "ZRM · Financiën", "Schulden", "Schulden"],
        "group": ["treated", "comparison", "treated", "comparison"],
        "n": [40, 30, None, 25],
        "mean_before": [2.4, 2.5, None, 0.8],
        "mean_after": [3.1, 2.7, None, 0.7],
        "share_improved": [0.6, 0.35, None, 0.2],
        "share_deteriorated": [0.05, 0.1, None, 0.3],
    },
    dtype=object,
)


def test_improved_chart_leaves_out_suppressed_cells() -> None:
    spec = charts.improved_chart(OUTCOMES).to_dict()
    rows = _values(spec)
    improved = [r["share"] for r in rows if r["measure"] == "improved"]
    assert sorted(improved) == [0.2, 0.35, 0.6]
    worse = {
        (r["outcome"], r["group"]): r["share"]
        for r in rows
        if r["measure"] == "deteriorated"
    }
    assert worse == {
        ("ZRM · Financiën", "treated"): 0.05,
        ("ZRM · Financiën", "comparison"): 0.1,
        ("Schulden", "comparison"): 0.3,
    }
    layer = spec["spec"]["layer"][0]
    assert layer["encoding"]["color"]["scale"]["domain"] == [
        "Deelnemers",
        "Vergelijkingsgroep",
    ]
    assert layer["encoding"]["x"]["axis"]["format"] == "%"
    assert spec["facet"]["column"]["field"] == "measure_label"


def test_before_after_has_one_panel_per_outcome_with_its_own_scale() -> None:
    with use_language("en"):
        spec = charts.before_after_chart(OUTCOMES).to_dict()
    rows = _values(spec)
    assert {r["moment"] for r in rows} == {"Before (first)", "After (last)"}
    assert len(rows) == 6  # 3 shown cells x before/after
    assert spec["facet"]["field"] == "outcome"
    assert spec["resolve"]["scale"]["x"] == "independent"


def test_reach_chart_sums_groups_per_wijk() -> None:
    reach = pd.DataFrame(
        {
            "programme": ["A", "A", "A", "B"],
            "wijk": ["WK1", "WK1", "WK2", "WK1"],
            "group": ["treated", "comparison", "treated", "treated"],
            "n": [12, 15, None, 20],
        },
        dtype=object,
    )
    partly = reach.assign(wijk=["WK1", "WK1", "WK1", "WK2"])
    marked = _values(charts.reach_chart(partly).to_dict())
    assert {r["wijk"] for r in marked} == {"WK1 *", "WK2"}
    rows = _values(charts.reach_chart(reach).to_dict())
    assert {(r["programme"], r["wijk"]): r["n"] for r in rows} == {
        ("A", "WK1"): 27,
        ("B", "WK1"): 20,
    }  # WK2's only cell is suppressed: no bar at all


def test_trend_charts_label_waves_and_arms() -> None:
    waves = pd.DataFrame(
        {
            "outcome": ["S"] * 3,
            "group": ["treated"] * 3,
            "wave": [0, 1, 2],
            "n": [20, 18, 15],
            "mean": [20.0, 23.0, 24.0],
        }
    )
    rows = _values(charts.wave_trend_chart(waves).to_dict())
    assert [r["wave_label"] for r in rows] == ["Voormeting", "Nameting", "Meting 3"]
    area = pd.DataFrame(
        {
            "indicator_label": ["Cohesie"] * 2,
            "period": [2020, 2020],
            "arm": ["with", "without"],
            "n": [8, 4],
            "mean": [6.8, 6.4],
        }
    )
    spec = charts.area_trend_chart(area).to_dict()
    assert {r["arm_label"] for r in _values(spec)} == {
        "Wijken met voorziening",
        "Wijken zonder voorziening",
    }
