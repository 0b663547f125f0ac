"""One result protocol for every estimator: :class:`EffectResult`.

Every effect estimate (2x2 DiD, TWFE, event study, staggered, pre/post, and the
estimators added later) is a frozen dataclass deriving from
:class:`EffectResult`, so services and reports read the same names from all of
them (as linearmodels' ``params``/``cov``/``cov_type`` and pyfixest's
``tidy()``):

- ``estimate, std_error, ci_low, ci_high, p_value``: the headline effect;
- ``cov()``: the covariance matrix of the coefficients where the method defines
  one (a labelled frame), else ``None``;
- ``method_code`` (= ``vcov``): the inference method code (``iid``, ``hc1``,
  ``cr1``, ``cv3``, ``wild``, ``randomization``, ``influence``, ``multiplier``,
  ``paired_t``, ``placebo``, ``jackknife``, ``none``); ``vcov_reason``: why, as
  a :class:`~impact.codes.Coded`; ``reason_code``: its catalogue key;
- ``n_obs``, ``n_clusters`` (``None`` without clustering);
- ``warnings``: :class:`~impact.codes.Coded` notes, never text;
- ``tidy()``: a frame indexed by term with the columns ``estimate, std_error,
  statistic, p_value, ci_low, ci_high``; ``summary(lang)``: a text table in
  Dutch or English (also shown in notebooks via ``_repr_html_``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy import stats

from impact.codes import Coded
from impact.codes import render as say

COLUMNS: tuple[str, ...] = (
    "estimate",
    "std_error",
    "statistic",
    "p_value",
    "ci_low",
    "ci_high",
)


def coef_table(
    terms: Sequence[object],
    estimate: Sequence[float] | np.ndarray,
    std_error: Sequence[float] | np.ndarray,
    statistic: Sequence[float] | np.ndarray,
    p_value: Sequence[float] | np.ndarray,
    ci_low: Sequence[float] | np.ndarray,
    ci_high: Sequence[float] | np.ndarray,
    index_name: str = "term",
) -> pd.DataFrame:
    """The standard coefficient frame (float64 columns, one row per term)."""
    cols = (estimate, std_error, statistic, p_value, ci_low, ci_high)
    frame = pd.DataFrame(
        {
            name: np.asarray(col, dtype=np.float64)
            for name, col in zip(COLUMNS, cols, strict=True)
        },
        index=pd.Index(list(terms), name=index_name),
    )
    return frame


def t_inference(
    estimate: np.ndarray | float,
    std_error: np.ndarray | float,
    df: float | None,
    alpha: float = 0.05,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """t statistic, two-sided p-value and interval; ``df=None`` means normal."""
    est = np.atleast_1d(np.asarray(estimate, dtype=np.float64))
    se = np.atleast_1d(np.asarray(std_error, dtype=np.float64))
    with np.errstate(divide="ignore", invalid="ignore"):
        stat = est / se
    dist = stats.norm if df is None else stats.t(df)
    p = 2.0 * dist.sf(np.abs(stat))
    crit = dist.ppf(1.0 - alpha / 2.0)
    return stat, p, est - crit * se, est + crit * se


def render(
    title: Coded,
    table: pd.DataFrame,
    lines: Sequence[tuple[Coded | str, object]],
    warnings: Sequence[Coded] = (),
    lang: str | None = None,
) -> str:
    """A plain-text summary in ``lang``: title, key facts, the table, warnings."""
    heading = title.render(lang)
    facts = [(say(k, lang), say(v, lang)) for k, v in lines]
    out = [heading, "=" * len(heading)]
    width = max((len(k) for k, _ in facts), default=0)
    out += [f"{k.ljust(width)}  {v}" for k, v in facts]
    out.append("")
    shown = table.copy()
    out.append(shown.to_string(float_format=lambda v: f"{v:.4g}"))
    if warnings:
        out.append("")
        out.append(Coded.of("estimate.summary.warnings").render(lang) + ":")
        out += [f"- {w.render(lang)}" for w in warnings]
    return "\n".join(out)


class EffectResult:
    """The protocol every estimator's result implements (see module docstring).

    A subclass is a frozen, slotted dataclass with ``table``, ``warnings``,
    ``vcov`` (method code) and ``vcov_reason`` (a ``Coded``) as fields or
    properties, and provides ``estimate``, ``std_error``, ``ci_low``, ``ci_high``,
    ``p_value``, ``n_obs`` and ``n_clusters`` as fields or properties, plus
    ``_title`` and
    ``_summary_lines`` for :meth:`summary`.
    """

    __slots__ = ()
    # only names no result uses for a field may be defined here at run time: a
    # dataclass takes a base class attribute of a field's name as its default

    if TYPE_CHECKING:  # fields or properties of each result
        table: pd.DataFrame
        warnings: tuple[Coded, ...]

        @property
        def vcov(self) -> str: ...

        @property
        def vcov_reason(self) -> Coded: ...

        @property
        def reason_code(self) -> str:
            """The catalogue key of ``vcov_reason``."""
            ...

        @property
        def estimate(self) -> float:
            """The headline effect (NaN where a design has none: see ``tidy()``)."""
            ...

        @property
        def std_error(self) -> float: ...

        @property
        def ci_low(self) -> float: ...

        @property
        def ci_high(self) -> float: ...

        @property
        def p_value(self) -> float: ...

        @property
        def n_obs(self) -> int: ...

        @property
        def n_clusters(self) -> int | None:
            """Number of clusters of the inference; ``None`` without clustering."""
            ...

        @property
        def method(self) -> str:
            """The inference method code (SDID: the estimator; see method_code)."""
            ...

    @property
    def method_code(self) -> str:
        """The inference method code (``vcov``)."""
        return self.vcov

    def cov(self) -> pd.DataFrame | None:
        """Covariance matrix of the coefficients (terms x terms) where defined."""
        return None

    def tidy(self) -> pd.DataFrame:
        """Coefficient frame indexed by term (a copy; the result stays frozen)."""
        return self.table.copy()

    def coef(self) -> pd.Series:
        return self.table["estimate"].copy()

    def se(self) -> pd.Series:
        return self.table["std_error"].copy()

    def _title(self) -> Coded:
        raise NotImplementedError

    def _summary_lines(self) -> list[tuple[Coded | str, object]]:
        raise NotImplementedError

    def summary(self, lang: str | None = None) -> str:
        """A readable text table in ``lang`` (default: the current language)."""
        return render(
            self._title(), self.table, self._summary_lines(), self.warnings, lang
        )

    def _repr_html_(self) -> str:
        facts = "".join(
            f"<tr><th>{say(k)}</th><td>{say(v)}</td></tr>"
            for k, v in self._summary_lines()
        )
        notes = "".join(f"<li>{w.render()}</li>" for w in self.warnings)
        return (
            f"<h4>{self._title().render()}</h4><table>{facts}</table>"
            f"{self.table.to_html(float_format=lambda v: f'{v:.4g}')}"
            f"<ul>{notes}</ul>"
        )


#: the earlier name of :class:`EffectResult`
ResultMixin = EffectResult


def labelled_cov(V: np.ndarray, names: Sequence[object]) -> pd.DataFrame:
    """A covariance matrix as a frame indexed and labelled by term."""
    index = pd.Index(list(names), name="term")
    return pd.DataFrame(np.asarray(V, dtype=np.float64), index=index, columns=index)
