"""Shared pieces of result objects: the coefficient table and its printing.

Every result has ``tidy()`` returning a frame indexed by term with the columns
``estimate, std_error, statistic, p_value, ci_low, ci_high`` and ``summary()``
returning a readable text table (also shown in notebooks via ``_repr_html_``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

from impact.i18n import t

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
    title: str,
    table: pd.DataFrame,
    lines: Sequence[tuple[str, object]],
    warnings: Sequence[str] = (),
) -> str:
    """A plain-text summary: title, key facts, the table, then warnings."""
    out = [title, "=" * len(title)]
    width = max((len(k) for k, _ in lines), default=0)
    out += [f"{k.ljust(width)}  {v}" for k, v in lines]
    out.append("")
    shown = table.copy()
    out.append(shown.to_string(float_format=lambda v: f"{v:.4g}"))
    if warnings:
        out.append("")
        out.append(t("estimate.summary.warnings") + ":")
        out += [f"- {w}" for w in warnings]
    return "\n".join(out)


class ResultMixin:
    """``tidy``/``coef``/``se``/``summary`` for frozen result dataclasses.

    A subclass provides ``table`` (the coefficient frame) and ``_summary_lines``.
    """

    __slots__ = ()
    table: pd.DataFrame
    warnings: tuple[str, ...]

    def tidy(self) -> pd.DataFrame:
        """Coefficient frame indexed by term (a copy; the result stays frozen)."""
        return self.table.copy()

    def coef(self) -> pd.Series:
        return self.table["estimate"].copy()

    def se(self) -> pd.Series:
        return self.table["std_error"].copy()

    def _title(self) -> str:
        raise NotImplementedError

    def _summary_lines(self) -> list[tuple[str, object]]:
        raise NotImplementedError

    def summary(self) -> str:
        """A readable text table (print it)."""
        return render(self._title(), self.table, self._summary_lines(), self.warnings)

    def _repr_html_(self) -> str:
        facts = "".join(
            f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in self._summary_lines()
        )
        notes = "".join(f"<li>{w}</li>" for w in self.warnings)
        return (
            f"<h4>{self._title()}</h4><table>{facts}</table>"
            f"{self.table.to_html(float_format=lambda v: f'{v:.4g}')}"
            f"<ul>{notes}</ul>"
        )
