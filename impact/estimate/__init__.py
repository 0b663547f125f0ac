"""The estimation engine: pure functions on pandas frames -> frozen results.

Map: ``did`` (2x2), ``twfe`` and ``event_study`` (two-way fixed effects),
``staggered`` (Callaway & Sant'Anna), ``prepost`` (no comparison group), ``sdid`` and
``synthetic_control`` (one start date, few treated areas),
``power`` (minimum detectable effect, Holm), ``meta`` (random-effects
meta-analysis of many organisations' effects), ``diagnostics`` (balance,
attrition). Inference choices live in ``inference``; the few-cluster methods in
``wild`` (wild cluster bootstrap) and ``randinf`` (randomization inference).
Every effect result implements :class:`EffectResult` (``_results``):
``estimate``, ``std_error``, ``ci_low``, ``ci_high``, ``p_value``, ``cov()``,
``method`` with ``reason`` (a code), ``n_obs``, ``n_clusters``, ``warnings``
(codes), ``tidy()`` and ``summary(lang)``. Nothing here reads settings or makes
text: messages are :class:`~impact.codes.Coded`. See docs/methods.md.
"""

from __future__ import annotations

from impact.estimate._cs_aggregate import AggregateResult
from impact.estimate._results import EffectResult
from impact.estimate.diagnostics import (
    AttritionResult,
    BalanceResult,
    attrition,
    balance,
)
from impact.estimate.did import DidResult, did
from impact.estimate.event_study import EventStudyResult, event_study
from impact.estimate.meta import MetaResult, SubgroupResult, meta, subgroups
from impact.estimate.power import MdeResult, holm, min_detectable_effect
from impact.estimate.prepost import PrePostResult, prepost
from impact.estimate.sdid import SdidResult, sdid, synthetic_control
from impact.estimate.staggered import StaggeredResult, staggered
from impact.estimate.twfe import TwfeResult, twfe

__all__ = [
    "AggregateResult",
    "AttritionResult",
    "BalanceResult",
    "DidResult",
    "EffectResult",
    "EventStudyResult",
    "MdeResult",
    "MetaResult",
    "PrePostResult",
    "SdidResult",
    "StaggeredResult",
    "SubgroupResult",
    "TwfeResult",
    "attrition",
    "balance",
    "did",
    "event_study",
    "holm",
    "meta",
    "min_detectable_effect",
    "prepost",
    "sdid",
    "staggered",
    "subgroups",
    "synthetic_control",
    "twfe",
]
