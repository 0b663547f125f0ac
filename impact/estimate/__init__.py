"""The estimation engine: pure functions on pandas frames -> frozen results.

Map: ``did`` (2x2), ``twfe`` and ``event_study`` (two-way fixed effects),
``staggered`` (Callaway & Sant'Anna), ``prepost`` (no comparison group),
``power`` (minimum detectable effect, Holm), ``diagnostics`` (balance,
attrition). Inference choices live in ``inference``; the few-cluster methods in
``wild`` (wild cluster bootstrap) and ``randinf`` (randomization inference).
"""

from __future__ import annotations

from impact.estimate.did import DidResult, did

__all__ = ["DidResult", "did"]
