"""One result protocol: every estimator's result is an EffectResult whose
headline numbers, method and reason codes, warnings and summary the services
read by the same names; no text is made until a language is asked for."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import impact.estimate as est
from impact.codes import Coded
from impact.config import get_settings
from impact.i18n import catalogue
from tests.estimate.test_api import _results, panel  # noqa: F401 - fixture

SE_TOLERANCE = 1e-12


def test_every_result_implements_the_protocol(panel: pd.DataFrame) -> None:  # noqa: F811
    keys = catalogue()
    for res in _results(panel):
        assert isinstance(res, est.EffectResult)
        for name in ("estimate", "std_error", "ci_low", "ci_high", "p_value"):
            assert isinstance(getattr(res, name), float)
        assert isinstance(res.n_obs, int) and res.n_obs > 0
        assert res.n_clusters is None or res.n_clusters > 0
        assert isinstance(res.method_code, str) and res.method_code == res.vcov
        assert isinstance(res.vcov_reason, Coded) and res.reason_code in keys
        assert all(isinstance(w, Coded) and w.code in keys for w in res.warnings)
        nl, en = res.summary(lang="nl"), res.summary(lang="en")
        assert nl != en


def test_headline_numbers_are_the_effect_row_of_the_table(
    panel: pd.DataFrame,  # noqa: F811
) -> None:
    res = est.did(panel, outcome="y", treated="treated", post="post", cluster="area")
    row = res.tidy().loc["treated:post"]
    assert res.estimate == res.att == row["estimate"]
    assert (res.ci_low, res.ci_high) == (row["ci_low"], row["ci_high"])
    pp = est.prepost(
        panel[panel.treated == 1], outcome="y", unit="u", period="t", reliability=0.8
    )
    assert pp.estimate == pp.mean_change and pp.n_clusters is None
    stag = est.staggered(panel, outcome="y", unit="u", time="t", first_treated="first")
    assert stag.estimate == stag.aggregate("simple").att


def test_did_covariance_matrix_gives_the_standard_errors(
    panel: pd.DataFrame,  # noqa: F811
) -> None:
    res = est.did(panel, outcome="y", treated="treated", post="post", cluster="area")
    cov = res.cov()
    assert cov is not None
    assert list(cov.index) == list(res.tidy().index) == list(cov.columns)
    se = np.sqrt(np.diag(cov.to_numpy()))
    np.testing.assert_allclose(se, res.tidy()["std_error"], rtol=SE_TOLERANCE)
    # a Wald test across terms is now possible: treated and treated:post jointly
    terms = ["treated", "treated:post"]
    b = res.tidy().loc[terms, "estimate"].to_numpy()
    wald = float(b @ np.linalg.solve(cov.loc[terms, terms].to_numpy(), b))
    assert math.isfinite(wald) and wald > 0


def test_estimators_do_not_read_settings(
    panel: pd.DataFrame,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """IMPACT_MIN_CELL=abc (or any broken setting) must not break did()."""
    get_settings.cache_clear()
    monkeypatch.setenv("IMPACT_MIN_CELL", "abc")
    monkeypatch.setenv("IMPACT_LANGUAGE", "xx")
    try:
        for res in _results(panel):
            assert res.summary()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
