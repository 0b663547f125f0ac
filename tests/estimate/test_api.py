"""The public interface other layers rely on: names, columns, languages, frozenness."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

import impact.estimate as est
from impact.estimate._results import COLUMNS
from impact.i18n import use_language

SEED = 21


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    units, periods = 80, 5
    u = np.repeat(np.arange(units), periods)
    tt = np.tile(np.arange(2020, 2020 + periods), units)
    first = np.where(np.arange(units) < 40, 2023, 0)[u]
    d = ((first > 0) & (tt >= first)).astype(int)
    y = rng.normal(size=u.size) + d
    return pd.DataFrame(
        {
            "u": u,
            "t": tt,
            "first": first,
            "d": d,
            "y": y,
            "treated": (first > 0).astype(int),
            "post": (tt >= 2023).astype(int),
            "area": u % 50,
        }
    )


def _results(panel: pd.DataFrame) -> list[object]:
    return [
        est.did(panel, outcome="y", treated="treated", post="post", cluster="area"),
        est.twfe(panel, outcome="y", unit="u", time="t", treatment="d"),
        est.event_study(panel, outcome="y", unit="u", time="t", first_treated="first"),
        est.staggered(panel, outcome="y", unit="u", time="t", first_treated="first"),
        est.staggered(
            panel, outcome="y", unit="u", time="t", first_treated="first"
        ).aggregate("dynamic"),
        est.prepost(
            panel[panel.treated == 1],
            outcome="y",
            unit="u",
            period="t",
            reliability=0.8,
        ),
    ]


def test_every_result_has_the_common_interface(panel: pd.DataFrame) -> None:
    for res in _results(panel):
        tidy = res.tidy()  # type: ignore[attr-defined]
        assert tuple(tidy.columns[: len(COLUMNS)]) == COLUMNS
        assert tidy.index.name
        assert isinstance(res.summary(), str)  # type: ignore[attr-defined]
        assert res.vcov_reason and res.method  # type: ignore[attr-defined]
        assert isinstance(res.warnings, tuple)  # type: ignore[attr-defined]
        assert dataclasses.is_dataclass(res)
        with pytest.raises(dataclasses.FrozenInstanceError):
            res.warnings = ()  # type: ignore[attr-defined,misc]


def test_headline_attributes(panel: pd.DataFrame) -> None:
    res = est.did(panel, outcome="y", treated="treated", post="post", cluster="area")
    for name in (
        "att",
        "std_error",
        "ci_low",
        "ci_high",
        "p_value",
        "n_obs",
        "n_clusters",
        "vcov",
    ):
        assert hasattr(res, name)
    assert res.n_clusters == 50 and res.vcov == "cr1"
    es = est.event_study(panel, outcome="y", unit="u", time="t", first_treated="first")
    assert {"estimate", "std_error", "ci_low", "ci_high"} <= set(
        es.coefficients.columns
    )
    assert 0.0 <= es.pretrend_p <= 1.0
    st = est.staggered(panel, outcome="y", unit="u", time="t", first_treated="first")
    assert {"group", "time", "att", "std_error"} <= set(st.att_gt.columns)


def test_summaries_in_both_languages(panel: pd.DataFrame) -> None:
    res = est.did(panel, outcome="y", treated="treated", post="post", cluster="area")
    with use_language("en"):
        en = est.did(panel, outcome="y", treated="treated", post="post", cluster="area")
        assert "Difference-in-differences" in en.summary()
    assert "Verschil-in-verschillen" in res.summary()
    # codes inside: the result does not depend on the language it was made in
    assert res.vcov_reason == en.vcov_reason
    assert res.reason_code == "estimate.vcov.cr1_auto"
    assert "Difference-in-differences" in res.summary(lang="en")
    assert "Verschil-in-verschillen" in en.summary(lang="nl")
    assert res.vcov_reason.render("en") != res.vcov_reason.render("nl")
    assert "<table>" in res._repr_html_()


def test_staggered_with_bootstrap_gives_uniform_bands(panel: pd.DataFrame) -> None:
    st = est.staggered(
        panel,
        outcome="y",
        unit="u",
        time="t",
        first_treated="first",
        bootstrap=True,
        draws=499,
    )
    dyn = st.aggregate("dynamic")
    assert st.vcov == "multiplier"
    assert dyn.crit_value > 1.96  # a sup-t band is wider than pointwise
    assert np.all(dyn.effects["ci_high"] > dyn.effects["ci_low"])
