"""Small-cell suppression of a whole report, before anything is rendered.

:func:`suppress` returns a copy of the report in which every count below
``min_cell`` is ``None`` (shown as "< {min_cell}") and every figure describing
fewer people is gone: group means, trend points, change shares, estimates whose
groups are small, and the social value built on a suppressed estimate. Where one
hidden count of a row could be recovered from the total, one more is hidden
(:func:`impact.domain.suppression.suppress_counts`). Every renderer and the
embedded metadata use the suppressed copy, so a small cell appears in no format.
"""

from __future__ import annotations

from dataclasses import replace

from impact.domain.suppression import is_disclosive, suppress_counts
from impact.report.model import (
    AttritionRow,
    BalanceRow,
    ChangeCounts,
    EvidenceReport,
    GroupMeans,
    Outcome,
    Reach,
    TrendPoint,
)


def suppress(report: EvidenceReport) -> EvidenceReport:
    """The report as it may be shown: small cells hidden, what was hidden listed."""
    k = report.min_cell
    hidden: list[str] = []
    outcomes = tuple(_outcome(o, k, hidden) for o in report.outcomes)
    value = report.value
    suppressed_keys = {o.key for o in outcomes if o.suppressed}
    if value is not None and (
        _small(value.n_participants, k) or value.outcome_key in suppressed_keys
    ):
        value = None
        hidden.append("value")
    methods = replace(
        report.methods,
        attrition=tuple(_attrition(a, k) for a in report.methods.attrition),
        balance=tuple(_balance(b, k) for b in report.methods.balance),
    )
    return replace(
        report,
        reach=_reach(report.reach, k, hidden),
        outcomes=outcomes,
        value=value,
        methods=methods,
        suppressed=tuple(dict.fromkeys((*report.suppressed, *hidden))),
    )


def _small(n: int | None, k: int) -> bool:
    return is_disclosive(n, k)


def _count(n: int | None, k: int) -> int | None:
    return None if _small(n, k) else n


def _reach(reach: Reach, k: int, hidden: list[str]) -> Reach:
    if reach.unit == "areas":
        return reach  # wijken, not people: public-grade aggregates
    counts = [r.n for r in reach.by_area]
    if any(n is None for n in counts):  # already protected (the release)
        shown: list[int | None] = [None if _small(n, k) else n for n in counts]
    else:
        shown = suppress_counts([n or 0 for n in counts], k) if counts else []
    rows = tuple(replace(r, n=s) for r, s in zip(reach.by_area, shown, strict=True))
    if any(s is None for s in shown):
        hidden.append("reach.by_area")
    return Reach(
        n_participants=_count(reach.n_participants, k),
        n_comparison=_count(reach.n_comparison, k),
        n_measurements=reach.n_measurements,
        by_area=rows,
        unit=reach.unit,
    )


def _outcome(o: Outcome, k: int, hidden: list[str]) -> Outcome:
    if o.unit == "areas":
        # an area indicator already aggregates a whole wijk: the rule is for people
        return o
    groups = tuple(_group(g, k) for g in o.groups)
    trend = tuple(_trend(p, k) for p in o.trend)
    change = tuple(_change(c, k) for c in o.change)
    small = _small(o.n_treated, k) or (
        o.n_comparison is not None and _small(o.n_comparison, k)
    )
    if (
        any(g.n is None for g in groups)
        or any(p.n is None for p in trend)
        or any(None in (c.improved, c.unchanged, c.deteriorated) for c in change)
    ):
        hidden.append(f"outcome:{o.key}:cells")
    out = replace(o, groups=groups, trend=trend, change=change)
    if not small:
        return out
    hidden.append(f"outcome:{o.key}")
    return replace(
        out,
        n_treated=_count(o.n_treated, k),
        n_comparison=_count(o.n_comparison, k) if o.n_comparison is not None else None,
        estimate=None,
        std_error=None,
        ci_low=None,
        ci_high=None,
        p_value=None,
        p_holm=None,
        effect_size=None,
        pretrend_p=None,
        event_study=(),
        suppressed=True,
    )


def _group(g: GroupMeans, k: int) -> GroupMeans:
    if not _small(g.n, k):
        return g
    return GroupMeans(group=g.group, n=None, mean_before=None, mean_after=None)


def _trend(p: TrendPoint, k: int) -> TrendPoint:
    if not _small(p.n, k):
        return p
    return TrendPoint(group=p.group, period=p.period, n=None, mean=None)


def _change(c: ChangeCounts, k: int) -> ChangeCounts:
    counts = [c.improved or 0, c.unchanged or 0, c.deteriorated or 0]
    if None in (c.improved, c.unchanged, c.deteriorated) or _small(sum(counts), k):
        return ChangeCounts(c.group, None, None, None)
    shown = suppress_counts(counts, k)
    return ChangeCounts(c.group, shown[0], shown[1], shown[2])


def _attrition(a: AttritionRow, k: int) -> AttritionRow:
    return AttritionRow(a.group, _count(a.n_start, k), _count(a.n_end, k))


def _balance(b: BalanceRow, k: int) -> BalanceRow:
    if _small(b.n_treated, k) or _small(b.n_comparison, k):
        return BalanceRow(
            b.variable,
            _count(b.n_treated, k),
            _count(b.n_comparison, k),
            None,
            None,
            None,
        )
    return b
