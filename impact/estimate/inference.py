"""Which standard errors and intervals to use, and a plain-language reason why.

The ``auto`` policy for designs with a comparison group:

1. no cluster column: heteroskedasticity-robust HC1;
2. at least ``MIN_CLUSTERS_CR1`` clusters with at least ``MIN_SIDE_CR1`` treated
   and control clusters: CR1 with t(G-1) critical values;
3. at least ``MIN_SIDE_WILD`` treated and control clusters: the restricted wild
   cluster bootstrap (WCR), Webb weights below ``FEW_CLUSTERS_WEBB`` clusters,
   else Rademacher (MacKinnon & Webb 2017, J. Applied Econometrics 32(2));
   below ``FEW_CLUSTERS_JACKKNIFE`` clusters, where WCR covered only 0.88 in
   ``benchmarks/coverage.py``, the cluster jackknife CV3 with t(G-1) (where the
   caller supports it: the 2x2 DiD);
4. one or two treated (or control) clusters: randomization inference over
   clusters when treatment is assigned per cluster and there are at least
   ``1/alpha`` possible assignments (Conley & Taber 2011), else no interval:
   with so few treated clusters no method gives a trustworthy one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from impact.codes import Coded

Vcov = Literal["auto", "iid", "hc1", "cr1", "cv3", "wild"]
VCOV_OPTIONS: tuple[Vcov, ...] = ("auto", "iid", "hc1", "cr1", "cv3", "wild")
Method = Literal["iid", "hc1", "cr1", "cv3", "wild", "randomization", "none"]

MIN_CLUSTERS_CR1 = 40
MIN_SIDE_CR1 = 10
MIN_SIDE_WILD = 3
FEW_CLUSTERS_WEBB = 12
FEW_CLUSTERS_JACKKNIFE = 8
MIN_CLUSTERS = 2


@dataclass(frozen=True, slots=True)
class Design:
    """Cluster counts that decide the inference method."""

    n_clusters: int | None
    treated_clusters: int = 0
    control_clusters: int = 0
    cluster_level: bool = False
    assignments: int = 0


@dataclass(frozen=True, slots=True)
class Choice:
    method: Method
    reason: Coded
    weights: Literal["rademacher", "webb"] = "rademacher"


def _side(design: Design) -> int:
    return min(design.treated_clusters, design.control_clusters)


def choose(
    requested: Vcov,
    design: Design,
    *,
    allow_permutation: bool,
    allow_jackknife: bool = False,
    alpha: float = 0.05,
) -> Choice:
    """The method to use for ``requested`` in ``design`` (see module docstring)."""
    g = design.n_clusters
    if requested == "iid":
        return Choice("iid", Coded.of("estimate.vcov.iid_requested"))
    if requested == "hc1" or (requested == "auto" and g is None):
        key = (
            "estimate.vcov.hc1_requested"
            if requested == "hc1"
            else "estimate.vcov.hc1_auto"
        )
        return Choice("hc1", Coded.of(key))
    if g is None:  # cr1/wild without clusters is refused by the callers
        return Choice("hc1", Coded.of("estimate.vcov.hc1_auto"))
    weights: Literal["rademacher", "webb"] = (
        "webb" if g < FEW_CLUSTERS_WEBB else "rademacher"
    )
    if requested == "cr1":
        return Choice("cr1", Coded.of("estimate.vcov.cr1_requested", clusters=g))
    if requested == "cv3":
        return Choice("cv3", Coded.of("estimate.vcov.cv3_requested", clusters=g))
    if requested == "wild":
        return Choice(
            "wild",
            Coded.of("estimate.vcov.wild_requested", clusters=g, weights=weights),
            weights,
        )
    side = _side(design)
    g1, g0 = design.treated_clusters, design.control_clusters
    if g >= MIN_CLUSTERS_CR1 and side >= MIN_SIDE_CR1:
        return Choice(
            "cr1",
            Coded.of("estimate.vcov.cr1_auto", clusters=g, treated=g1, control=g0),
        )
    if side >= MIN_SIDE_WILD and allow_jackknife and g < FEW_CLUSTERS_JACKKNIFE:
        return Choice(
            "cv3",
            Coded.of("estimate.vcov.cv3_auto", clusters=g, treated=g1, control=g0),
        )
    if side >= MIN_SIDE_WILD:
        return Choice(
            "wild",
            Coded.of(
                "estimate.vcov.wild_auto",
                weights=weights,
                clusters=g,
                treated=g1,
                control=g0,
            ),
            weights,
        )
    enough = design.assignments >= round(1.0 / alpha)
    if allow_permutation and design.cluster_level and enough:
        return Choice(
            "randomization",
            Coded.of(
                "estimate.vcov.ri_auto",
                assignments=design.assignments,
                clusters=g,
                treated=g1,
                control=g0,
            ),
        )
    return Choice(
        "none", Coded.of("estimate.vcov.declined", clusters=g, treated=g1, control=g0)
    )


def few_cluster_warnings(choice: Choice, design: Design) -> tuple[Coded, ...]:
    """Warnings when a requested method is known to be unreliable here."""
    g = design.n_clusters
    if g is None or choice.method not in ("cr1", "cv3", "wild"):
        return ()
    side = _side(design)
    if choice.method == "cr1" and (g < MIN_CLUSTERS_CR1 or side < MIN_SIDE_CR1):
        return (
            Coded.of(
                "estimate.warn.cr1_few", clusters=g, treated=design.treated_clusters
            ),
        )
    if choice.method in ("wild", "cv3") and side < MIN_SIDE_WILD:
        return (Coded.of("estimate.warn.wild_few", treated=design.treated_clusters),)
    return ()
