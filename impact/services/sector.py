"""Sector evidence: the hub's current packages pooled per intervention kind,
outcome and design family.

Pooling is on Hedges' g (positive = better for the people served), so
organisations using different instruments for one outcome can be combined;
results without a standardised effect are listed, not pooled. Pre/post results
are never pooled with comparison designs: each (kind, outcome) is pooled
separately per design family, and ``mixed`` lists where both exist. Words are
codes (``sector.heterogeneity.*``, ``sector.conclusion.*``,
``sector.strength.*``); the faces translate them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine

from impact.codes import Coded
from impact.domain import evidence as ev
from impact.errors import DataError
from impact.estimate import meta, subgroups
from impact.i18n import t
from impact.services.permissions import require
from impact.store import evidence as store
from impact.store import orgs
from impact.store.engine import session_scope
from impact.store.models import EvidencePackage

#: I^2 bands (Cochrane Handbook 10.10.2, made non-overlapping)
I2_BANDS = ((30.0, "low"), (50.0, "moderate"), (75.0, "substantial"))


@dataclass(frozen=True)
class Study:
    """One organisation's result in a pool; ``name`` only when it agreed."""

    source: str
    name: str | None
    number: int
    programme: str
    design: str
    g: float
    std_error: float
    weight: float

    def label(self, lang: str) -> str:
        return self.name or t("sector.anonymous", lang, number=self.number)


@dataclass(frozen=True)
class Pool:
    kind: str
    outcome: str
    label: str
    family: str
    k: int
    estimate: float
    std_error: float
    ci_low: float | None
    ci_high: float | None
    pi_low: float | None
    pi_high: float | None
    tau2: float
    i2: float | None
    q_p: float | None
    heterogeneity: str
    conclusion: str
    strength: str
    studies: tuple[Study, ...]


@dataclass(frozen=True)
class KindDifference:
    """Do intervention kinds differ on one outcome (Q-between)?"""

    outcome: str
    family: str
    kinds: tuple[str, ...]
    q_between: float
    df: int
    p_value: float


@dataclass(frozen=True)
class SectorEvidence:
    hub: str
    hub_name: str
    packages: int
    organisations: int
    pools: tuple[Pool, ...]
    mixed: tuple[tuple[str, str], ...]
    not_standardised: int
    differences: tuple[KindDifference, ...]


def sector_evidence(
    *, engine: Engine, hub_slug: str, role: str | None = None
) -> SectorEvidence:
    """Pool the hub's current packages (see the module text).

    ``role``: the signed-in member's role, checked for ``view_sector`` (the
    command line runs as the operator and passes none).
    """
    if role is not None:
        require(role, "view_sector")
    with session_scope(engine) as session:
        hub = orgs.get_organisation(session=session, slug=hub_slug)
        if hub.kind != "sector":
            raise DataError(
                Coded.of("evidence.not_a_hub", org=hub_slug), code="evidence.not_hub"
            )
        packages = _newest_per_organisation(
            store.current_packages(session=session, hub=hub)
        )
        hub_name = hub.name
    rows = _rows(packages)
    usable = rows.dropna(subset=["g", "g_se"]) if len(rows) else rows
    pools = tuple(_pools(usable))
    mixed = _mixed(usable)
    return SectorEvidence(
        hub=hub_slug,
        hub_name=hub_name,
        packages=len(packages),
        organisations=len({p["organisation"]["slug"] for _d, p in packages}),
        pools=pools,
        mixed=mixed,
        not_standardised=len(rows) - len(usable),
        differences=tuple(_differences(usable)),
    )


def _newest_per_organisation(
    stored: Sequence[EvidencePackage],
) -> list[tuple[str, dict[str, Any]]]:
    """One package per organisation in the pool: the most recently signed one.

    Packages of one organisation for different periods may describe the same
    clients (overlapping periods); pooling them would count them twice.
    """
    newest: dict[str, EvidencePackage] = {}
    for package in stored:
        held = newest.get(package.source_slug)
        if held is None or _signed(package) > _signed(held):
            newest[package.source_slug] = package
    return [(p.digest, p.payload) for p in newest.values()]


def _signed(package: EvidencePackage) -> datetime:
    return datetime.fromisoformat(str(package.payload["created_at"]))


def _rows(packages: list[tuple[str, dict[str, Any]]]) -> pd.DataFrame:
    """One row per result; anonymous organisations numbered by package digest."""
    numbers = {
        p["organisation"]["slug"]: i + 1
        for i, (_d, p) in enumerate(sorted(packages, key=lambda dp: dp[0]))
    }
    records = []
    for _digest, payload in packages:
        org = payload["organisation"]
        for r in payload["results"]:
            var = r.get("hedges_g_variance")
            records.append(
                {
                    "source": org["slug"],
                    "name": org.get("name") if org.get("named") else None,
                    "number": numbers[org["slug"]],
                    "programme": r["programme"],
                    "kind": r["intervention_kind"],
                    "outcome": r["outcome"],
                    "label": r.get("label") or r["outcome"],
                    "design": r["design"],
                    "family": ev.design_family(r["design"]),
                    "g": r.get("hedges_g"),
                    "g_se": math.sqrt(var) if var is not None and var > 0 else None,
                }
            )
    columns = ["source", "name", "number", "programme", "kind", "outcome", "label",
               "design", "family", "g", "g_se"]  # fmt: skip
    return pd.DataFrame.from_records(records, columns=columns)


def _pools(rows: pd.DataFrame) -> list[Pool]:
    out: list[Pool] = []
    if rows.empty:
        return out
    for (kind, outcome, family), part in rows.groupby(["kind", "outcome", "family"]):
        res = meta(part, effect="g", std_error="g_se")
        studies = tuple(
            _study(r, float(w))
            for r, w in zip(part.to_dict("records"), res.studies["weight"], strict=True)
        )
        out.append(
            Pool(
                kind=str(kind),
                outcome=str(outcome),
                label=str(part["label"].iloc[0]),
                family=str(family),
                k=res.k,
                estimate=res.estimate,
                std_error=res.std_error,
                ci_low=_num(res.ci_low),
                ci_high=_num(res.ci_high),
                pi_low=_num(res.pi_low),
                pi_high=_num(res.pi_high),
                tau2=res.tau2,
                i2=_num(res.i2),
                q_p=_num(res.q_p),
                heterogeneity=heterogeneity(res.i2, res.k),
                conclusion=conclusion(res.ci_low, res.ci_high, res.k, str(family)),
                strength=strength(str(family), res.k, res.i2, res.ci_low, res.ci_high),
                studies=studies,
            )
        )
    return out


def _study(r: dict[Any, Any], weight: float) -> Study:
    return Study(
        str(r["source"]), r["name"] if isinstance(r["name"], str) else None,
        int(r["number"]), str(r["programme"]),
        str(r["design"]), float(r["g"]), float(r["g_se"]), weight,
    )  # fmt: skip


def _num(value: float) -> float | None:
    return float(value) if value is not None and np.isfinite(value) else None


def heterogeneity(i2: float, k: int) -> str:
    if k < 2 or not np.isfinite(i2):
        return "unknown"
    return next((word for bound, word in I2_BANDS if i2 < bound), "considerable")


def conclusion(ci_low: float, ci_high: float, k: int, family: str) -> str:
    """single | better | worse | unclear; pre/post: improved | declined | unclear
    (change over time, not an effect)."""
    if k < 2 or not (np.isfinite(ci_low) and np.isfinite(ci_high)):
        return "single"
    if ci_low > 0:
        return "better" if family == "comparison" else "improved"
    if ci_high < 0:
        return "worse" if family == "comparison" else "declined"
    return "unclear"


def strength(family: str, k: int, i2: float, ci_low: float, ci_high: float) -> str:
    """weak: pre/post or fewer than 3 organisations; strong: 5 or more
    comparison studies, I^2 under 50% and an interval excluding 0; else moderate."""
    if family == "prepost" or k < 3:
        return "weak"
    excludes_zero = ci_low > 0 or ci_high < 0
    if k >= 5 and np.isfinite(i2) and i2 < 50 and excludes_zero:
        return "strong"
    return "moderate"


def _mixed(rows: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    if rows.empty:
        return ()
    families = rows.groupby(["kind", "outcome"])["family"].nunique()
    return tuple((str(k[0]), str(k[1])) for k, n in families.items() if n > 1)  # type: ignore[index]


def _differences(rows: pd.DataFrame) -> list[KindDifference]:
    out: list[KindDifference] = []
    if rows.empty:
        return out
    for (outcome, family), part in rows.groupby(["outcome", "family"]):
        counts = part["kind"].value_counts()
        kinds = tuple(sorted(counts[counts >= 2].index))
        if len(kinds) < 2:
            continue
        res = subgroups(
            part[part["kind"].isin(kinds)], effect="g", std_error="g_se", by="kind"
        )
        out.append(
            KindDifference(
                str(outcome), str(family), kinds, res.q_between, res.df, res.p_value
            )
        )
    return out
