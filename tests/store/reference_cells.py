"""The dashboard cells computed straight from the measurements: the GROUP BY
that ``impact.store.aggregates.outcome_cells`` ran before the cells were kept
current at write time (migration 0003), kept verbatim as a reference for the
tests of the write-time maintenance. Its change classification repeats the
production rule, so the rule itself is checked independently, against the
published formulas computed in pandas, by tests/store/test_change_oracle.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Integer, case, func
from sqlmodel import Session, col

from impact.store.aggregates import (
    CHANGE_COLUMNS,
    ChangeRule,
    OutcomeCells,
    _programme_scope,
    _split_cells,
)
from impact.store.models import Measurement, Organisation, Participant

MAX_WAVES = 6


def _period(date: Any) -> Any:
    """``year * 4 + quarter - 1`` of a date column (NULL stays NULL)."""
    year = sa.cast(sa.extract("year", date), Integer)
    month = sa.cast(sa.extract("month", date), Integer)
    return year * 4 + (month - 1) // 3


def _participant_outcomes(where: Any) -> Any:
    m = Measurement
    slots = {
        k: func.sum(case((col(m.wave) == k, col(m.value)))) for k in range(MAX_WAVES)
    }
    first, last = func.min(col(m.wave)), func.max(col(m.wave))
    return (
        sa.select(
            col(m.participant_id).label("pid"),
            func.min(col(m.programme_id)).label("prog"),
            col(m.instrument).label("ins"),
            col(m.domain).label("dom"),
            func.count().label("n"),
            func.min(col(m.date)).label("d0"),
            case(*((first == k, v) for k, v in slots.items())).label("before"),
            case(*((last == k, v) for k, v in slots.items())).label("after"),
            *(v.label(f"v{k}") for k, v in slots.items()),
        )
        .where(where, col(m.wave) >= 0, col(m.wave) < MAX_WAVES)
        .group_by(col(m.participant_id), col(m.instrument), col(m.domain))
        .cte("pp")
    )


def _classified(pp: Any, spread: Any, rules: Sequence[ChangeRule]) -> tuple[Any, Any]:
    """SQL expressions: 1/0 improved and deteriorated (NULL: not classified)."""
    delta = pp.c.after - pp.c.before
    var = (spread.c.sbb - spread.c.sb * spread.c.sb / spread.c.k) / (spread.c.k - 1)
    improved, worse = [], []
    for rule in rules:
        signed = delta if rule.higher_better else -delta
        if rule.mode == "rci":
            big = sa.and_(spread.c.k > 1, delta * delta > rule.value * var)
            up, down = sa.and_(signed > 0, big), sa.and_(signed < 0, big)
        elif rule.mode == "mcid":
            up, down = signed >= rule.value, signed <= -rule.value
        elif rule.mode == "binary":
            up, down = signed > 0.5, signed < -0.5
        else:
            continue
        is_rule = pp.c.ins == rule.instrument
        improved.append((is_rule, case((up, 1), else_=0)))
        worse.append((is_rule, case((down, 1), else_=0)))
    if not improved:
        return sa.null(), sa.null()
    paired = pp.c.n >= 2
    return (
        case((paired, case(*improved, else_=None)), else_=None),
        case((paired, case(*worse, else_=None)), else_=None),
    )


def reference_cells(
    *,
    session: Session,
    org: Organisation,
    rules: Sequence[ChangeRule] = (),
    as_funder: bool = False,
) -> OutcomeCells:
    """Change and reach cells of every programme in scope (see module docstring)."""
    where = _programme_scope(org, as_funder, col(Measurement.programme_id))
    if not as_funder:
        where = sa.and_(col(Measurement.organisation_id) == org.id, where)
    pp = _participant_outcomes(where)
    intake = (
        sa.select(pp.c.pid, func.min(pp.c.d0).label("d0"))
        .group_by(pp.c.pid)
        .cte("intake")
    )
    spread = (
        sa.select(
            pp.c.prog,
            pp.c.ins,
            pp.c.dom,
            func.count().label("k"),
            func.sum(pp.c.before).label("sb"),
            func.sum(pp.c.before * pp.c.before).label("sbb"),
        )
        .where(pp.c.n >= 2)
        .group_by(pp.c.prog, pp.c.ins, pp.c.dom)
        .cte("spread")
    )
    improved, worse = _classified(pp, spread, rules)
    stmt = sa.union_all(
        _change_select(pp, intake, spread, improved, worse),
        _reach_select(intake),
    )
    rows = session.execute(stmt).all()
    return _split_cells(rows)


def _change_select(pp: Any, intake: Any, spread: Any, improved: Any, worse: Any) -> Any:
    p = Participant
    paired = pp.c.n >= 2
    period = _period(intake.c.d0)
    sums = []
    for k in range(MAX_WAVES):
        value = getattr(pp.c, f"v{k}")
        sums += [func.sum(value), func.count(value)]
    return (
        sa.select(
            sa.literal("change").label("kind"),
            pp.c.prog,
            pp.c.ins,
            pp.c.dom,
            col(p.group),
            col(p.wijk),
            period,
            func.count(),
            func.sum(case((paired, 1), else_=0)),
            func.sum(case((paired, pp.c.before))),
            func.sum(case((paired, pp.c.before * pp.c.before))),
            func.sum(case((paired, pp.c.after))),
            func.sum(case((paired, pp.c.after * pp.c.after))),
            func.sum(improved),
            func.sum(worse),
            func.count(improved),
            *sums,
        )
        .select_from(pp)
        .join(p, col(p.id) == pp.c.pid)
        .join(intake, intake.c.pid == pp.c.pid)
        .outerjoin(
            spread,
            sa.and_(
                spread.c.prog == pp.c.prog,
                spread.c.ins == pp.c.ins,
                spread.c.dom == pp.c.dom,
            ),
        )
        .group_by(pp.c.prog, pp.c.ins, pp.c.dom, col(p.group), col(p.wijk), period)
    )


def _reach_select(intake: Any) -> Any:
    p = Participant
    period = _period(intake.c.d0)
    n_null = len(CHANGE_COLUMNS) - 7
    return (
        sa.select(
            sa.literal("reach").label("kind"),
            col(p.programme_id),
            sa.null(),
            sa.null(),
            col(p.group),
            col(p.wijk),
            period,
            func.count(),
            *([sa.null()] * n_null),
        )
        .select_from(intake)
        .join(p, col(p.id) == intake.c.pid)
        .group_by(col(p.programme_id), col(p.group), col(p.wijk), period)
    )
