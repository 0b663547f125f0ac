"""Synthetic difference-in-differences and synthetic control for one start date.

Arkhangelsky, Athey, Hirshberg, Imbens & Wager (2021), "Synthetic difference-
in-differences", AER 111(12), 4088-4118, as the R package ``synthdid``
(estimation in :mod:`impact.estimate._sdid_core`). ``treated`` is a 0/1 column
marking treated unit-periods; every treated unit starts in the same period.

Inference (the paper's section 5, ``vcov.synthdid_estimate``):

* ``placebo`` (Algorithm 4): the treated units' places are given to randomly
  chosen comparison units; the spread of those placebo estimates is the
  standard error. The only method with one treated unit; it assumes the
  comparison units' noise is like the treated units'.
* ``jackknife`` (Algorithm 3, weights fixed): leave one unit out at a time.
  Needs at least two treated units and two comparison units with weight.
* ``auto``: placebo when fewer than ``JACKKNIFE_MIN_TREATED`` units are
  treated (the jackknife is unstable with so few), else the jackknife.
  Either needs enough comparison units (``MIN_PLACEBO_CONTROLS``); otherwise
  there is no interval and ``reason`` says why.

Intervals: estimate +/- t * std_error. The placebo spread is learnt from the
N0 comparison units only (with one treated unit there are just N0 different
placebo estimates), so its critical value is t(N0 - 1) rather than the paper's
normal one: with 11 comparison wijken the normal interval covered 0.90 in
``benchmarks/coverage_area.py``. The jackknife keeps the normal value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from impact.codes import Coded
from impact.errors import DataError, check_option
from impact.estimate import _sdid_core as core
from impact.estimate._checks import as_binary, as_float, need, require_columns
from impact.estimate._results import EffectResult, coef_table, render, t_inference

Inference = Literal["auto", "placebo", "jackknife", "none"]
INFERENCE: tuple[Inference, ...] = ("auto", "placebo", "jackknife", "none")
PLACEBO_REPLICATIONS = 200
MIN_PLACEBO_CONTROLS = 4
JACKKNIFE_MIN_TREATED = 4
NAMES = {"sdid": "synthdid", "sc": "synthetic_control", "did": "did"}


@dataclass(frozen=True, slots=True)
class SdidResult(EffectResult):
    """Effect on the treated, its interval, and the weights behind it.

    ``unit_weights``: Series over comparison units (sum 1); ``time_weights``:
    Series over periods before the start (sum 1; zeros for synthetic control).
    ``path``: per period the treated mean and its synthetic twin.
    ``reason``/``reason_params``: a message code saying why this inference.
    """

    method: str
    estimate: float
    std_error: float
    ci_low: float
    ci_high: float
    p_value: float
    inference: str
    reason: str
    reason_params: dict[str, Any]
    unit_weights: pd.Series
    time_weights: pd.Series
    path: pd.DataFrame
    n_treated: int
    n_control: int
    n_pre: int
    n_post: int
    treated_units: tuple[object, ...]
    warnings: tuple[Coded, ...] = ()
    table: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)

    @property
    def att(self) -> float:
        return self.estimate

    @property
    def vcov(self) -> str:
        return self.inference

    @property
    def vcov_reason(self) -> Coded:
        return Coded(self.reason, self.reason_params)

    @property
    def reason_code(self) -> str:
        return self.reason

    @property
    def n_obs(self) -> int:
        return (self.n_treated + self.n_control) * (self.n_pre + self.n_post)

    @property
    def n_clusters(self) -> int:
        return self.n_treated + self.n_control  # placebo/jackknife over units

    def tidy(self) -> pd.DataFrame:
        return self.table.copy()

    def coef(self) -> pd.Series:
        return self.table["estimate"].copy()

    def se(self) -> pd.Series:
        return self.table["std_error"].copy()

    def top_donors(self, k: int = 5, minimum: float = 0.005) -> pd.Series:
        """The ``k`` largest unit weights above ``minimum``."""
        w = self.unit_weights[self.unit_weights > minimum]
        return w.sort_values(ascending=False).head(k)

    def summary(self, lang: str | None = None) -> str:
        donors = ", ".join(f"{u} {w:.2f}" for u, w in self.top_donors().items())
        lines: list[tuple[Coded | str, object]] = [
            (Coded.of("estimate.summary.effect"), f"{self.estimate:.4g}"),
            (
                Coded.of("estimate.summary.interval"),
                f"[{self.ci_low:.4g}, {self.ci_high:.4g}]",
            ),
            (Coded.of("estimate.summary.method"), self.inference),
            (Coded.of("estimate.summary.reason"), self.vcov_reason),
            (Coded.of("estimate.sdid.treated"), self.n_treated),
            (Coded.of("estimate.sdid.donors"), donors),
        ]
        title = Coded.of(f"estimate.sdid.title_{self.method}")
        return render(title, self.table, lines, self.warnings, lang)

    def _repr_html_(self) -> str:
        return "<pre>" + self.summary() + "</pre>"


@dataclass(frozen=True, slots=True)
class _Panel:
    Y: np.ndarray  # (N, T), comparison rows first
    n0: int
    t0: int
    units: np.ndarray
    times: np.ndarray


def _panel(
    data: pd.DataFrame, outcome: str, unit: str, time: str, treated: str
) -> _Panel:
    require_columns(data, [outcome, unit, time, treated])
    frame = pd.DataFrame(
        {
            "u": data[unit].to_numpy(),
            "t": as_float(data, time),
            "y": as_float(data, outcome),
            "d": as_binary(data, treated),
        }
    )
    if frame.isna().any().any():
        raise DataError.of("estimate.sdid.missing", outcome=outcome, treated=treated)
    if frame.duplicated(["u", "t"]).any():
        raise DataError.of("estimate.panel.duplicates", unit=unit, time=time)
    Y = frame.pivot(index="u", columns="t", values="y")
    D = frame.pivot(index="u", columns="t", values="d")
    if Y.isna().any().any():
        raise DataError.of("estimate.sdid.unbalanced", unit=unit, time=time)
    ever = D.max(axis=1) > 0
    need(ever.any(), "estimate.sdid.no_treated", column=treated)
    need((~ever).any(), "estimate.sdid.no_control", column=treated)
    on = D[ever].to_numpy()
    starts = on.argmax(axis=1)
    start = int(starts[0])
    same = (starts == start).all() and (on[:, start:] == 1).all()
    need(bool(same), "estimate.sdid.one_start", column=treated)
    need(start >= 2, "estimate.sdid.too_few_pre", periods=start)
    order = np.concatenate([np.flatnonzero(~ever.to_numpy()), np.flatnonzero(ever)])
    return _Panel(
        Y.to_numpy()[order],
        int((~ever).sum()),
        start,
        Y.index.to_numpy()[order],
        Y.columns.to_numpy(),
    )


def _placebo_se(
    p: _Panel, f: core.Fit, o: core.Options, rng: np.random.Generator
) -> float:
    """Algorithm 4: placebo estimates among the comparison units (batched)."""
    se = core.placebo_se_many(
        p.Y[None], p.n0, p.t0, o, f.omega[None], PLACEBO_REPLICATIONS, rng
    )
    return float(se[0])


def placebo_df(n_control: int) -> int:
    """Degrees of freedom of the placebo interval's t critical value."""
    return max(n_control - 1, 1)


def _jackknife_se(p: _Panel, f: core.Fit, o: core.Options) -> float:
    n = p.Y.shape[0]
    u = np.empty(n)
    for i in range(n):
        keep = np.delete(np.arange(n), i)
        n0 = p.n0 - (i < p.n0)
        om = core.normalise(np.delete(f.omega, i) if i < p.n0 else f.omega)
        fixed = core.Fit(0.0, om, f.lam)
        u[i] = _fixed(p.Y[keep], n0, p.t0, fixed)
    return float(np.sqrt((n - 1) / n * (n - 1) * np.var(u, ddof=1)))


def _fixed(Y: np.ndarray, n0: int, t0: int, f: core.Fit) -> float:
    n1, t1 = Y.shape[0] - n0, Y.shape[1] - t0
    left = np.concatenate([-f.omega, np.full(n1, 1.0 / n1)])
    right = np.concatenate([-f.lam, np.full(t1, 1.0 / t1)])
    return float(left @ Y @ right)


def _choose(
    requested: Inference, p: _Panel, f: core.Fit
) -> tuple[str, str, dict[str, Any]]:
    """(method, reason code, params): see the module docstring."""
    n1 = p.Y.shape[0] - p.n0
    donors = int((f.omega > 0).sum())
    params: dict[str, Any] = {"treated": n1, "controls": p.n0, "donors": donors}
    if requested == "none":
        return "none", "estimate.sdid.none_requested", params
    jack_ok = n1 >= 2 and donors >= 2
    placebo_ok = p.n0 - n1 >= MIN_PLACEBO_CONTROLS
    want = requested
    if requested == "auto":
        want = "jackknife" if n1 >= JACKKNIFE_MIN_TREATED and jack_ok else "placebo"
    if want == "jackknife" and jack_ok:
        return "jackknife", f"estimate.sdid.jackknife_{requested}", params
    if want == "placebo" and placebo_ok:
        return "placebo", f"estimate.sdid.placebo_{requested}", params
    params["minimum"] = MIN_PLACEBO_CONTROLS + n1
    return "none", f"estimate.sdid.declined_{want}", params


def _estimate(
    kind: core.Kind,
    data: pd.DataFrame,
    outcome: str,
    unit: str,
    time: str,
    treated: str,
    inference: Inference,
    alpha: float,
    seed: int | None,
) -> SdidResult:
    check_option("inference", inference, INFERENCE)
    p = _panel(data, outcome, unit, time, treated)
    o = core.options(p.Y, p.n0, p.t0, kind)
    f = core.fit(p.Y, p.n0, p.t0, o)
    method, reason, params = _choose(inference, p, f)
    if method == "placebo":
        se = _placebo_se(p, f, o, np.random.default_rng(seed))
    elif method == "jackknife":
        se = _jackknife_se(p, f, o)
    else:
        se = np.nan
    df = placebo_df(p.n0) if method == "placebo" else None
    stat, pv, lo, hi = t_inference(f.estimate, se, df, alpha)
    treated_mean, twin = core.synthetic_path(p.Y, p.n0, f)
    return SdidResult(
        method=NAMES[kind],
        estimate=f.estimate,
        std_error=float(se),
        ci_low=float(lo[0]),
        ci_high=float(hi[0]),
        p_value=float(pv[0]),
        inference=method,
        reason=reason,
        reason_params=params,
        unit_weights=pd.Series(f.omega, index=pd.Index(p.units[: p.n0], name=unit)),
        time_weights=pd.Series(f.lam, index=pd.Index(p.times[: p.t0], name=time)),
        path=pd.DataFrame(
            {"period": p.times, "treated": treated_mean, "synthetic": twin}
        ),
        n_treated=p.Y.shape[0] - p.n0,
        n_control=p.n0,
        n_pre=p.t0,
        n_post=p.Y.shape[1] - p.t0,
        treated_units=tuple(p.units[p.n0 :].tolist()),
        table=coef_table(["att"], [f.estimate], [se], stat, pv, lo, hi),
    )


def sdid(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    treated: str,
    inference: Inference = "auto",
    alpha: float = 0.05,
    seed: int | None = 20240601,
) -> SdidResult:
    """Synthetic difference-in-differences (unit and time weights, intercept)."""
    return _estimate("sdid", data, outcome, unit, time, treated, inference, alpha, seed)


def synthetic_control(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    treated: str,
    inference: Inference = "auto",
    alpha: float = 0.05,
    seed: int | None = 20240601,
) -> SdidResult:
    """Synthetic control (Abadie et al. 2010) as ``synthdid::sc_estimate``."""
    return _estimate("sc", data, outcome, unit, time, treated, inference, alpha, seed)


def did_weights(
    data: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    time: str,
    treated: str,
    inference: Inference = "auto",
    alpha: float = 0.05,
    seed: int | None = 20240601,
) -> SdidResult:
    """Plain DiD in the same frame (uniform weights), as ``synthdid::did_estimate``."""
    return _estimate("did", data, outcome, unit, time, treated, inference, alpha, seed)
