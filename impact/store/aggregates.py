"""Dashboard aggregates: SQL GROUP BY over one organisation's (or funder's) data.

Everything here returns *cells* (counts and sums per programme, outcome, group,
wijk and intake quarter), never rows about single people; the services layer
filters and combines the cells. One pass over the measurements per call:

* ``pp``: per participant and outcome, the value at the first and last wave
  (waves ``0 .. MAX_WAVES-1``), the number of measurements and the first date;
* ``intake``: per participant, the first measurement date (their intake);
* ``spread``: per programme and outcome, the spread of the before scores of the
  people with two measurements (for the Reliable Change Index threshold);
* change cells and reach cells grouped from those.

Scope: with ``as_funder=False`` ``org`` owns the data; with ``as_funder=True``
``org`` is a funder and only the programmes its Funding rows name are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import Integer, case, func
from sqlmodel import Session, col

from impact.domain.instruments import Instrument as InstrumentSpec
from impact.store import orgs, programmes
from impact.store.models import (
    AreaObservation,
    Funding,
    ImportBatch,
    Measurement,
    Organisation,
    Participant,
    Programme,
)

#: waves 0 .. MAX_WAVES - 1 are summarised (0 = voormeting, 1 = nameting, ...)
MAX_WAVES = 6
RuleMode = Literal["rci", "mcid", "binary", "none"]
CHANGE_COLUMNS = [
    "programme_id", "instrument", "domain", "group", "wijk", "period",
    "n_people", "n_pairs", "sum_before", "sumsq_before", "sum_after",
    "sumsq_after", "n_improved", "n_deteriorated", "n_classified",
    *[f"{kind}{k}" for k in range(MAX_WAVES) for kind in ("wave_sum", "wave_n")],
]  # fmt: skip
REACH_COLUMNS = ["programme_id", "group", "wijk", "period", "n_people"]
AREA_COLUMNS = [
    "programme_id", "indicator", "period", "ever_treated", "n_areas", "sum_value",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class ChangeRule:
    """When a participant's change counts as improved or deteriorated.

    ``rci``: ``sign * change > 0`` and ``change**2 > value * var(before)`` (so
    ``value = z**2 * 2 * (1 - reliability)``, Jacobson & Truax); ``mcid``:
    ``sign * change >= value``; ``binary``: a move to the other state; ``none``:
    not classified.
    """

    instrument: str
    higher_better: bool
    mode: RuleMode
    value: float = 0.0


@dataclass(frozen=True, slots=True)
class OutcomeCells:
    """``change``: CHANGE_COLUMNS per programme, outcome, group, wijk and intake
    period (``year * 4 + quarter - 1``); ``reach``: REACH_COLUMNS."""

    change: pd.DataFrame
    reach: pd.DataFrame


def _programme_scope(org: Organisation, as_funder: bool, column: Any) -> Any:
    if as_funder:
        funded = sa.select(col(Funding.programme_id)).where(
            col(Funding.funder_id) == org.id
        )
        return column.in_(funded)
    owned = sa.select(col(Programme.id)).where(col(Programme.organisation_id) == org.id)
    return column.in_(owned)


def scoped_programmes(
    *, session: Session, org: Organisation, as_funder: bool = False
) -> list[Programme]:
    """The programmes a dashboard of ``org`` may show."""
    if as_funder:
        return list(orgs.funded_programmes(session=session, funder=org))
    return list(programmes.list_programmes(session=session, org=org))


def data_version(
    *, session: Session, org: Organisation, as_funder: bool = False
) -> tuple[int, int]:
    """(last import batch id, number of undone batches) of the data in scope;
    changes whenever an import or an undo changes what the dashboard shows."""
    where: Any
    if as_funder:
        owners = sa.select(col(Programme.organisation_id)).where(
            _programme_scope(org, True, col(Programme.id))
        )
        where = col(ImportBatch.organisation_id).in_(owners)
    else:
        where = col(ImportBatch.organisation_id) == org.id
    stmt = sa.select(
        func.coalesce(func.max(ImportBatch.id), 0),
        func.coalesce(
            func.sum(case((col(ImportBatch.status) == "undone", 1), else_=0)), 0
        ),
    ).where(where)
    last, undone = session.execute(stmt).one()
    return int(last), int(undone)


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


def outcome_cells(
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


def _split_cells(rows: Sequence[Any]) -> OutcomeCells:
    frame = pd.DataFrame(
        [tuple(r) for r in rows], columns=["kind", *CHANGE_COLUMNS], dtype=object
    )
    change = frame[frame["kind"] == "change"].drop(columns="kind")
    reach = frame[frame["kind"] == "reach"][REACH_COLUMNS]
    numeric = [c for c in CHANGE_COLUMNS if c not in {"instrument", "domain"}]
    numeric = [c for c in numeric if c not in {"group", "wijk"}]
    change = change.astype(dict.fromkeys(numeric, "float64"))
    reach = reach.astype(
        {"programme_id": "int64", "period": "float64", "n_people": "int64"}
    )
    return OutcomeCells(change.reset_index(drop=True), reach.reset_index(drop=True))


def area_cells(
    *, session: Session, org: Organisation, as_funder: bool = False
) -> pd.DataFrame:
    """Area indicators per programme, indicator, period and arm (wijken that ever
    got the intervention vs never): AREA_COLUMNS."""
    a = AreaObservation
    where = _programme_scope(org, as_funder, col(a.programme_id))
    if not as_funder:
        where = sa.and_(col(a.organisation_id) == org.id, where)
    ever = case((col(a.first_treated).is_(None), 0), else_=1)
    stmt = (
        sa.select(
            col(a.programme_id),
            col(a.indicator),
            col(a.period),
            ever,
            func.count(),
            func.sum(col(a.value)),
        )
        .where(where)
        .group_by(col(a.programme_id), col(a.indicator), col(a.period), ever)
    )
    rows = [tuple(r) for r in session.execute(stmt).all()]
    return pd.DataFrame(rows, columns=AREA_COLUMNS).astype(
        {"programme_id": "int64", "period": "int64", "n_areas": "int64"}
    )


def scoped_instruments(
    *, session: Session, org: Organisation, as_funder: bool = False
) -> dict[str, InstrumentSpec]:
    """Shipped instruments plus the own ones of the organisations whose data is
    in scope (for a funder: the owners of the funded programmes)."""
    if not as_funder:
        return programmes.instrument_registry(session=session, org=org)
    registry: dict[str, InstrumentSpec] = {}
    owners = {
        p.organisation_id
        for p in scoped_programmes(session=session, org=org, as_funder=True)
    }
    for owner_id in sorted(owners):
        owner = orgs.organisation_by_id(session=session, org_id=owner_id)
        registry.update(programmes.instrument_registry(session=session, org=owner))
    return registry or programmes.instrument_registry(session=session, org=org)
