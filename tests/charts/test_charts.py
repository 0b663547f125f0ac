"""Charts: the Vega-Lite spec holds the right data, encodings and titles."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from impact.charts import (
    before_after_chart,
    change_shares_chart,
    event_study_chart,
    reach_chart,
    trend_chart,
)
from impact.errors import DataError

MIN_CELL = 10
EXACT = 1e-12


def _rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec.get("layer", [spec])


def _before_after() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "group": ["treated", "treated", "comparison", "comparison"],
            "moment": ["before", "after", "before", "after"],
            "mean": [2.6, 3.4, 2.7, 2.9],
            "ci_low": [2.4, 3.2, 2.5, 2.7],
            "ci_high": [2.8, 3.6, 2.9, 3.1],
            "n": [120, 120, 7, 7],
        }
    )


def test_before_after_spec_has_means_intervals_and_dutch_labels() -> None:
    spec = before_after_chart(_before_after(), y_title="ZRM Financiën").to_dict()
    rows = _rows(spec)
    assert sorted(r["mean"] for r in rows) == [2.6, 2.7, 2.9, 3.4]
    assert {r["moment_label"] for r in rows} == {"Voormeting", "Nameting"}
    point = next(lay for lay in _layers(spec) if lay["mark"]["type"] == "point")
    assert point["encoding"]["y"]["field"] == "mean"
    assert point["encoding"]["y"]["title"] == "ZRM Financiën"
    assert point["encoding"]["color"]["scale"]["domain"] == [
        "Deelnemers",
        "Vergelijkingsgroep",
    ]
    rule = next(lay for lay in _layers(spec) if lay["mark"]["type"] == "rule")
    assert rule["encoding"]["y"]["field"] == "ci_low"
    assert rule["encoding"]["y2"]["field"] == "ci_high"


def test_before_after_in_english_and_small_groups_left_out() -> None:
    chart = before_after_chart(
        _before_after(), y_title="x", min_cell=MIN_CELL, lang="en"
    )
    rows = _rows(chart.to_dict())
    assert {r["group_label"] for r in rows} == {"Participants"}
    assert {r["moment_label"] for r in rows} == {"Before", "After"}
    assert 2.7 not in {r["mean"] for r in rows}


def test_trend_keeps_period_order_and_draws_a_band() -> None:
    frame = pd.DataFrame(
        {
            "group": ["treated"] * 3,
            "period": ["Intake", "6 mnd", "12 mnd"],
            "mean": [2.0, 2.5, 3.0],
            "ci_low": [1.8, 2.3, 2.8],
            "ci_high": [2.2, 2.7, 3.2],
        }
    )
    spec = trend_chart(frame, y_title="Score", title="Trend").to_dict()
    marks = [lay["mark"]["type"] for lay in _layers(spec)]
    assert marks == ["area", "line"]
    assert spec["layer"][1]["encoding"]["x"]["sort"] == ["Intake", "6 mnd", "12 mnd"]
    assert spec["title"]["text"] == "Trend"
    assert [r["mean"] for r in _rows(spec)] == [2.0, 2.5, 3.0]


def test_event_study_adds_reference_period_and_reference_lines() -> None:
    coefficients = pd.DataFrame(
        {
            "estimate": [0.05, -0.02, 0.2, 0.35],
            "ci_low": [-0.1, -0.15, 0.05, 0.18],
            "ci_high": [0.2, 0.11, 0.35, 0.52],
        },
        index=pd.Index([-3, -2, 0, 1], name="rel_period"),
    )
    spec = event_study_chart(coefficients).to_dict()
    rows = _rows(spec)
    reference = [r for r in rows if r.get("rel_period") == -1]
    assert len(reference) == 1 and reference[0]["estimate"] == 0.0
    # no interval at the reference period (NaN here, null in the JSON spec)
    assert all(pd.isna(reference[0][c]) for c in ("ci_low", "ci_high"))
    assert {"y": 0.0} in rows and {"x": -1} in rows
    dashed = [lay for lay in spec["layer"] if lay["mark"].get("strokeDash")]
    assert len(dashed) == 1
    point = spec["layer"][-1]
    assert point["encoding"]["y"]["title"].startswith("Verschil met")
    assert point["encoding"]["x"]["axis"]["values"] == [-3, -2, -1, 0, 1]


def test_change_shares_are_computed_and_small_counts_hidden() -> None:
    frame = pd.DataFrame(
        {
            "group": ["treated"] * 3 + ["comparison"] * 3,
            "category": ["improved", "unchanged", "deteriorated"] * 2,
            "n": [45, 60, 15, 12, 60, 8],
        }
    )
    rows = _rows(change_shares_chart(frame).to_dict())
    shares = {(r["group_label"], r["category_label"]): r["share"] for r in rows}
    assert shares[("Deelnemers", "Betrouwbaar vooruit")] == pytest.approx(45 / 120)
    assert shares[("Vergelijkingsgroep", "Betrouwbaar achteruit")] == pytest.approx(
        8 / 80
    )
    hidden = _rows(change_shares_chart(frame, min_cell=MIN_CELL).to_dict())
    comparison = {
        r["category_label"] for r in hidden if r["group_label"] != "Deelnemers"
    }
    # 8 is below the threshold, and 12 would reveal it from the total
    assert comparison == {"Geen betrouwbare verandering"}


def test_reach_sorts_and_suppresses_small_wijken() -> None:
    frame = pd.DataFrame({"area": ["Oost", "Noord", "Zuid"], "n": [8, 45, 30]})
    spec = reach_chart(frame, min_cell=MIN_CELL).to_dict()
    rows = [r for r in _rows(spec) if "area" in r]
    assert [r["area"] for r in rows] == ["Noord", "Zuid", "Oost"]
    oost = rows[-1]
    assert oost["n"] is None and oost["label"] == "< 10"
    assert all(r.get("n") != 8 and r.get("label") != "8" for r in rows)
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Aantal deelnemers"


def test_missing_columns_are_named() -> None:
    with pytest.raises(DataError, match="ci_high"):
        before_after_chart(_before_after().drop(columns="ci_high"), y_title="x")
    with pytest.raises(DataError, match="'n'"):
        trend_chart(
            pd.DataFrame({"group": ["a"], "period": ["1"], "mean": [1.0]}),
            y_title="x",
            min_cell=MIN_CELL,
        )
