"""Synthetic DiD and synthetic control: Proposition 99 and known-truth simulations."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from impact.errors import EstimationError
from impact.estimate import sdid, synthetic_control
from impact.estimate.sdid import did_weights

DATA = Path(__file__).parent / "data" / "california_prop99.csv"
# Arkhangelsky et al. (2021, AER 111(12)), Table 1; synthdid README.
PROP99 = {"sdid": -15.604, "sc": -19.620, "did": -27.349}
DECIMALS = 3
TRUE = 1.0


@pytest.fixture(scope="module")
def prop99() -> pd.DataFrame:
    return pd.read_csv(DATA, sep=";")


@pytest.mark.parametrize(
    ("name", "fn"),
    [("sdid", sdid), ("sc", synthetic_control), ("did", did_weights)],
)
def test_prop99_reproduces_synthdid(prop99: pd.DataFrame, name: str, fn) -> None:
    res = fn(
        prop99,
        outcome="PacksPerCapita",
        unit="State",
        time="Year",
        treated="treated",
        inference="none",
    )
    assert round(res.estimate, DECIMALS) == PROP99[name]
    assert res.unit_weights.sum() == pytest.approx(1.0)
    assert np.isnan(res.ci_low) and res.inference == "none"
    assert res.n_treated == 1 and res.n_control == 38 and res.n_pre == 19


def test_prop99_weights_as_published(prop99: pd.DataFrame) -> None:
    """SC puts most weight on Utah, Montana, Nevada (Abadie et al. 2010)."""
    res = synthetic_control(
        prop99,
        outcome="PacksPerCapita",
        unit="State",
        time="Year",
        treated="treated",
        inference="none",
    )
    top = list(res.top_donors(3).index)
    assert top == ["Utah", "Montana", "Nevada"]
    assert (res.time_weights == 0).all()
    path = res.path.set_index("period")
    gap = (path["treated"] - path["synthetic"]).loc[1989:].mean()
    assert gap == pytest.approx(res.estimate, abs=1e-9)


def _panel(rng: np.random.Generator, areas: int, treated: int) -> pd.DataFrame:
    """Area panel with AR(1) area shocks, a common trend and effect TRUE."""
    periods, start = 10, 6
    u = np.repeat(np.arange(areas), periods)
    tt = np.tile(np.arange(periods), areas)
    shock = np.zeros((areas, periods))
    for k in range(periods):
        shock[:, k] = (0.6 * shock[:, k - 1] if k else 0) + rng.normal(0, 0.3, areas)
    d = ((u < treated) & (tt >= start)).astype(int)
    y = rng.normal(size=areas)[u] + 0.1 * tt + TRUE * d + shock[u, tt]
    return pd.DataFrame({"wijk": u, "jaar": tt, "y": y, "d": d})


@pytest.mark.parametrize("treated", [1, 3])
def test_sdid_recovers_known_effect(treated: int) -> None:
    rng = np.random.default_rng(7 + treated)
    res = sdid(
        _panel(rng, 14, treated), outcome="y", unit="wijk", time="jaar", treated="d"
    )
    assert res.inference == "placebo"
    assert res.ci_low < TRUE < res.ci_high
    assert 0 < res.std_error < 1.0
    assert abs(res.estimate - TRUE) < 3 * res.std_error


def test_sdid_declines_with_too_few_comparison_units() -> None:
    rng = np.random.default_rng(3)
    res = sdid(_panel(rng, 5, 1), outcome="y", unit="wijk", time="jaar", treated="d")
    assert res.inference == "none" and np.isnan(res.ci_low)
    assert res.reason == "estimate.sdid.declined_placebo"
    reason = res.vcov_reason.render()
    assert "impact cbs import" in reason or "CBS" in reason


def test_sdid_refuses_two_start_dates() -> None:
    df = _panel(np.random.default_rng(1), 8, 2)
    df.loc[(df["wijk"] == 1) & (df["jaar"] == 6), "d"] = 0
    with pytest.raises(EstimationError, match="start"):
        sdid(df, outcome="y", unit="wijk", time="jaar", treated="d")


def test_summary_in_both_languages(prop99: pd.DataFrame) -> None:
    res = sdid(
        prop99,
        outcome="PacksPerCapita",
        unit="State",
        time="Year",
        treated="treated",
        inference="none",
    )
    assert "Synthetisch" in res.summary("nl")
    assert "Synthetic difference" in res.summary("en")
    assert list(res.tidy().columns[:2]) == ["estimate", "std_error"]
