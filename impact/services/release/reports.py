"""Funder reports through the release (part of :mod:`impact.services.release`).

A funder's report of a programme takes its counts from the programme's release
(the same protected tables as the funder's dashboard, all wijken and all
years), so the report and the dashboard cannot be differenced against each
other. An outcome whose group is hidden in the release loses every figure
(estimate, interval, means, change counts); area programmes are reported in
wijken. The renderers then hide anything still under ``min_cell``
(:func:`impact.report.privacy.suppress`), in every format and in the embedded
JSON alike.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.engine import Engine

from impact.domain.suppression import TOTAL
from impact.report import EvidenceReport
from impact.report.model import (
    AttritionRow,
    BalanceRow,
    ChangeCounts,
    GroupMeans,
    Methods,
    Outcome,
    Reach,
    ReachRow,
    TrendPoint,
)
from impact.services.release import Release, programme_release
from impact.services.release.cubes import UNKNOWN


def apply_release(report: EvidenceReport, release: Release) -> EvidenceReport:
    """``report`` with the release's counts and hidden groups (see module)."""
    hidden = _hidden_outcomes(report, release)
    outcomes = tuple(_blank(o) if o.key in hidden else o for o in report.outcomes)
    methods = report.methods
    if report.outcomes and report.outcomes[0].key in hidden:
        methods = _blank_methods(methods)
    return replace(
        report,
        reach=_reach(release),
        outcomes=outcomes,
        methods=methods,
        value=None
        if report.value and report.value.outcome_key in hidden
        else report.value,
    )


def _reach(release: Release) -> Reach:
    ids = sorted(release.names)
    if ids and all(i in release.area_programmes for i in ids):
        return _area_reach(release, ids)
    cubes = [release.reach[i] for i in ids if i in release.reach]

    def total(key: tuple[str, str, str]) -> int | None:
        counts = [c.count(key) for c in cubes]
        return None if None in counts else release.round(sum(n or 0 for n in counts))

    wijken = sorted({w for c in cubes for w, _g, _y in c.table.values} - {TOTAL})
    people = total((TOTAL, TOTAL, TOTAL))
    return Reach(
        n_participants=total((TOTAL, "treated", TOTAL)),
        n_comparison=total((TOTAL, "comparison", TOTAL)),
        n_measurements=sum(release.measurements.get(i, 0) for i in ids)
        if people is not None
        else None,
        by_area=tuple(
            ReachRow(w, total((w, "treated", TOTAL)))
            for w in wijken
            if w != UNKNOWN
            and any((w, "treated", TOTAL) in c.table.values for c in cubes)
        ),
    )


def _area_reach(release: Release, ids: list[int]) -> Reach:
    """An area programme: wijken with and without the intervention (whole
    wijken are public-grade aggregates; nothing here counts people)."""
    area = release.area[release.area["programme_id"].isin(ids)]
    first = area[area["period"] == area["period"].max()] if not area.empty else area
    per_arm = first.groupby("ever_treated")["n_areas"].max()
    return Reach(
        n_participants=int(per_arm.get(1, 0)),
        n_comparison=int(per_arm.get(0, 0)),
        n_measurements=sum(release.measurements.get(i, 0) for i in ids),
        unit="areas",
    )


def _hidden_outcomes(report: EvidenceReport, release: Release) -> set[str]:
    hidden = set()
    for o in report.outcomes:
        if o.unit == "areas":
            continue
        instrument, _, domain = o.key.partition("/")
        cubes = [
            c
            for (pid, i, d), c in release.outcomes.items()
            if i == instrument and d == (domain or instrument)
        ]
        groups = {g.group for g in o.groups} or {"treated"}
        if not cubes or any(
            c.count((TOTAL, g, TOTAL)) is None for c in cubes for g in groups
        ):
            hidden.add(o.key)
    return hidden


def _blank(o: Outcome) -> Outcome:
    return replace(
        o,
        n_treated=None,
        n_comparison=None,
        estimate=None,
        std_error=None,
        ci_low=None,
        ci_high=None,
        p_value=None,
        p_holm=None,
        effect_size=None,
        pretrend_p=None,
        event_study=(),
        groups=tuple(GroupMeans(g.group, None, None, None) for g in o.groups),
        trend=tuple(TrendPoint(p.group, p.period, None, None) for p in o.trend),
        change=tuple(ChangeCounts(c.group, None, None, None) for c in o.change),
        suppressed=True,
    )


def _blank_methods(m: Methods) -> Methods:
    return replace(
        m,
        attrition=tuple(AttritionRow(a.group, None, None) for a in m.attrition),
        balance=tuple(
            BalanceRow(b.variable, None, None, None, None, None) for b in m.balance
        ),
    )


def released(
    engine: Engine, owner_slug: str, ids: list[int], report: EvidenceReport
) -> EvidenceReport:
    """``report`` (audience funder) of ``ids`` through their release."""
    release = programme_release(
        engine=engine, owner_slug=owner_slug, programme_ids=tuple(sorted(ids))
    )
    return apply_release(report, release)
