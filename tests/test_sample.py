"""The sample generator is deterministic and its true effects are recoverable."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from impact.sample import generate as sample

ROOT = Path(__file__).resolve().parents[1]
#: a simple difference of mean changes must land within 4 standard errors
Z_TOLERANCE = 4.0


def test_same_seed_same_data_other_seed_other_data() -> None:
    a, b = sample.demo_data(), sample.demo_data()
    pd.testing.assert_frame_equal(a.measurements, b.measurements)
    pd.testing.assert_frame_equal(a.area_observations, b.area_observations)
    c = sample.demo_data(seed=7)
    assert not a.measurements["value"].equals(c.measurements["value"])


def test_scores_stay_on_their_scales() -> None:
    m = sample.measurement_rows(20_000)
    assert len(m) == 20_000
    ranges = {
        "zrm": (1, 5),
        "swemwbs": (7, 35),
        "problematische_schulden": (0, 1),
        "voortijdig_schoolverlaten": (0, 1),
    }
    for code, (low, high) in ranges.items():
        values = m.loc[m["instrument"] == code, "value"]
        assert values.between(low, high).all() and len(values) > 0


def _did(frame: pd.DataFrame, instrument: str) -> tuple[float, float]:
    wide = (
        frame[frame["instrument"] == instrument]
        .pivot_table(index=["client_ref", "group"], columns="wave", values="value")
        .reset_index()
    )
    wide["change"] = wide[1] - wide[0]
    g = wide.groupby("group")["change"]
    effect = g.mean()["treated"] - g.mean()["comparison"]
    se = float(np.sqrt((g.var() / g.count()).sum()))
    return float(effect), se


def test_participant_effects_are_recovered() -> None:
    m = sample.measurement_rows(200_000, seed=11)
    for (programme, outcome), truth in sample.TRUE_EFFECTS.items():
        if programme == sample.BUURTHUIS:
            continue
        effect, se = _did(m, outcome.split("/")[0])
        assert abs(effect - truth) < Z_TOLERANCE * se, (outcome, effect, truth)


def test_readme_states_the_generator_true_effects() -> None:
    readme = (ROOT / "sample_data" / "README.md").read_text()
    for (_programme, outcome), truth in sample.TRUE_EFFECTS.items():
        line = next(ln for ln in readme.splitlines() if f"`{outcome}`" in ln)
        number = float(
            re.findall(r"[-−]?\d+[.,]\d+", line)[-1].replace("−", "-").replace(",", ".")
        )
        assert abs(number - truth) < 1e-9, outcome
