"""Random-effects meta-analysis: many organisations' effects -> one pooled effect.

``meta(data, effect=, std_error=)`` pools one row per study (here: one
organisation's estimate of one outcome) with a random-effects model: each
study estimates its own true effect, and those true effects vary around a mean
with variance tau^2. ``method`` chooses the tau^2 estimator (REML, DL or
Paule-Mandel), ``ci`` the interval of the mean: ``"hksj"`` (Hartung-Knapp-
Sidik-Jonkman, t with k-1 df, recommended: the Wald interval is too narrow when
studies are few) or ``"wald"`` (normal). ``subgroups`` pools per group (e.g.
intervention kind) and tests whether the group means differ.

Reproduces metafor's BCG vaccine example (``dat.bcg``, log risk ratios; see
``tests/estimate/test_meta.py``). Formulas: :mod:`impact.estimate._meta_core`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from impact.codes import Coded
from impact.errors import DataError
from impact.estimate._checks import as_float, require_columns
from impact.estimate._meta_core import TAU2, fixed, i_squared, pool
from impact.estimate._results import EffectResult, coef_table

Method = Literal["REML", "DL", "PM"]
Ci = Literal["hksj", "wald"]
METHODS: tuple[Method, ...] = ("REML", "DL", "PM")
CIS: tuple[Ci, ...] = ("hksj", "wald")
#: warnings (faces render them in their language)
FEW_STUDIES = Coded.of("estimate.meta.few_studies")
ONE_STUDY = Coded.of("estimate.meta.one_study")


@dataclass(frozen=True, slots=True)
class MetaResult(EffectResult):
    """A pooled random-effects estimate (the :class:`EffectResult` protocol).

    ``std_error`` is the one the interval uses (HKSJ-adjusted with
    ``ci="hksj"``); ``se_wald`` is the unadjusted one. ``i2`` is a percentage.
    ``method`` is the tau^2 estimator; ``vcov`` the interval (``hksj``/``wald``);
    ``n_obs`` the number of studies.
    ``studies`` has one row per study: ``effect, std_error, weight`` (percent
    of the random-effects weight), indexed like the input rows.
    """

    estimate: float
    std_error: float
    ci_low: float
    ci_high: float
    statistic: float
    p_value: float
    tau2: float
    i2: float
    q: float
    q_df: int
    q_p: float
    pi_low: float
    pi_high: float
    k: int
    method: str
    ci: str
    se_wald: float
    warnings: tuple[Coded, ...]
    studies: pd.DataFrame = field(repr=False)
    table: pd.DataFrame = field(repr=False)

    @property
    def tau(self) -> float:
        return float(np.sqrt(self.tau2))

    @property
    def df(self) -> int | None:
        """Degrees of freedom of the interval (None: normal)."""
        return self.k - 1 if self.ci == "hksj" else None

    @property
    def vcov(self) -> str:
        return self.ci

    @property
    def vcov_reason(self) -> Coded:
        return Coded.of(f"estimate.meta.reason.{self.ci}", k=self.k)

    @property
    def reason_code(self) -> str:
        return self.vcov_reason.code

    @property
    def n_obs(self) -> int:
        return self.k

    @property
    def n_clusters(self) -> int | None:
        return None

    def cov(self) -> pd.DataFrame:
        return pd.DataFrame([[self.std_error**2]], index=["pooled"], columns=["pooled"])

    def _title(self) -> Coded:
        return Coded.of("meta.summary.title", k=self.k)

    def _summary_lines(self) -> list[tuple[Coded | str, object]]:
        return [
            (Coded.of("meta.summary.method"), f"{self.method}, {self.ci.upper()}"),
            (
                Coded.of("meta.summary.prediction"),
                f"[{self.pi_low:.4f}, {self.pi_high:.4f}]",
            ),
            ("tau^2", f"{self.tau2:.4f}"),
            ("I^2", f"{self.i2:.2f}%"),
            (f"Q(df = {self.q_df})", f"{self.q:.4f} (p = {self.q_p:.4g})"),
        ]


@dataclass(frozen=True, slots=True)
class SubgroupResult:
    """Pooled estimates per group and the test that the group means differ.

    ``q_between`` = sum (mu_g - mu_bar)^2 / SE_g^2 with SE_g the Wald standard
    error of each group's random-effects mean (each group has its own tau^2)
    and mu_bar their inverse-variance mean; chi^2 with ``df`` = groups - 1
    (Borenstein et al. 2009, ch. 19).
    """

    groups: dict[str, MetaResult]
    q_between: float
    df: int
    p_value: float

    def tidy(self) -> pd.DataFrame:
        frames = [r.table.rename(index={"pooled": g}) for g, r in self.groups.items()]
        out = pd.concat(frames)
        out.index.name = "group"
        return out


def meta(
    data: pd.DataFrame,
    *,
    effect: str,
    std_error: str,
    method: Method = "REML",
    ci: Ci = "hksj",
    alpha: float = 0.05,
) -> MetaResult:
    """Pool the ``effect`` column (with its ``std_error``) of ``data``'s rows."""
    y, v, index = _inputs(data, effect, std_error, method, ci)
    return _fit(y, v, index, method, ci, alpha)


def subgroups(
    data: pd.DataFrame,
    *,
    effect: str,
    std_error: str,
    by: str,
    method: Method = "REML",
    ci: Ci = "hksj",
    alpha: float = 0.05,
) -> SubgroupResult:
    """``meta`` per value of ``by`` plus the Q-between test of their difference."""
    require_columns(data, [effect, std_error, by])
    groups = {
        str(name): meta(
            part, effect=effect, std_error=std_error, method=method, ci=ci, alpha=alpha
        )
        for name, part in data.groupby(by, sort=True)
    }
    mus = np.array([g.estimate for g in groups.values()])
    ws = 1.0 / np.array([g.se_wald for g in groups.values()]) ** 2
    mu_bar = float((ws * mus).sum() / ws.sum())
    q_b = float((ws * (mus - mu_bar) ** 2).sum())
    df = len(groups) - 1
    p = float(stats.chi2.sf(q_b, df)) if df > 0 else float("nan")
    return SubgroupResult(groups, q_b, df, p)


def _inputs(
    data: pd.DataFrame, effect: str, std_error: str, method: str, ci: str
) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    from impact.errors import check_option

    check_option("method", method, METHODS)
    check_option("ci", ci, CIS)
    require_columns(data, [effect, std_error])
    y = as_float(data, effect)
    se = as_float(data, std_error)
    keep = np.isfinite(y) & np.isfinite(se)
    if (se[keep] <= 0).any():
        raise DataError(
            f"{std_error}: standard errors must be > 0", code="meta.bad_std_error"
        )
    if not keep.any():
        raise DataError(f"{effect}: no usable rows", code="meta.no_studies")
    return y[keep], se[keep] ** 2, data.index[keep]


def _fit(
    y: np.ndarray, v: np.ndarray, index: pd.Index, method: str, ci: str, alpha: float
) -> MetaResult:
    k = len(y)
    tau2 = np.asarray(TAU2[method](y, v)) if k > 1 else np.asarray(0.0)
    _mu_fe, q = fixed(y, v)
    res = {key: float(val) for key, val in pool(y, v, tau2, ci, alpha).items()}
    if k == 1:
        res.update(ci_low=np.nan, ci_high=np.nan, pi_low=np.nan, pi_high=np.nan)
    w = 1.0 / (v + float(tau2))
    studies = pd.DataFrame(
        {"effect": y, "std_error": np.sqrt(v), "weight": 100 * w / w.sum()},
        index=index,
    )
    table = coef_table(
        ["pooled"],
        [res["estimate"]],
        [res["std_error"]],
        [res["statistic"]],
        [res["p_value"]],
        [res["ci_low"]],
        [res["ci_high"]],
    )
    warnings = (ONE_STUDY,) if k == 1 else (FEW_STUDIES,) if k < 5 else ()
    return MetaResult(
        estimate=res["estimate"],
        std_error=res["std_error"],
        ci_low=res["ci_low"],
        ci_high=res["ci_high"],
        statistic=res["statistic"],
        p_value=res["p_value"],
        tau2=float(tau2),
        i2=float(i_squared(v, tau2)) if k > 1 else float("nan"),
        q=float(q),
        q_df=k - 1,
        q_p=float(stats.chi2.sf(q, k - 1)) if k > 1 else float("nan"),
        pi_low=res["pi_low"],
        pi_high=res["pi_high"],
        k=k,
        method=method,
        ci=ci,
        se_wald=res["se_wald"],
        warnings=warnings,
        studies=studies,
        table=table,
    )
