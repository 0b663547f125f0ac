"""Dashboard aggregates: SQL GROUP BY over one organisation's (or funder's) data.

Everything here returns *cells* (counts and sums per programme, outcome, group,
wijk and intake quarter), never rows about single people; the services layer
filters and combines the cells. The measurements are not read: every write keeps
the ChangeCell and ReachCell tables current (``impact.store.summary``), which
hold per person and outcome the value at the first and last wave (waves
``0 .. MAX_WAVES-1``), summed per cell and per change ``after - before``. From
those, one query:

* ``spread``: per programme and outcome, the spread of the before scores of the
  people with two measurements (for the Reliable Change Index threshold);
* change cells, classified with the current rules, and reach cells.

Scope: with ``as_funder=False`` ``org`` owns the data; with ``as_funder=True``
``org`` is a funder and only the programmes its Funding rows name are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import case, func
from sqlmodel import Session, col

from impact.domain.instruments import Instrument as InstrumentSpec
from impact.store import orgs, programmes, versions
from impact.store.models import (
    AreaObservation,
    ChangeCell,
    Funding,
    Organisation,
    Programme,
    ReachCell,
)
from impact.store.summary import MAX_WAVES

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
    """(the organisation's data version, the sum of the versions of the
    organisations whose programmes it funds): a cache key that changes with
    every write to the data in scope (see :mod:`impact.store.versions`)."""
    own = versions.current(session=session, org_ids=[org.id or 0])
    if not as_funder:
        return own, 0
    owners = session.execute(
        sa.select(col(Programme.organisation_id)).where(
            _programme_scope(org, True, col(Programme.id))
        )
    ).scalars()
    return own, versions.current(session=session, org_ids=[int(o) for o in owners])


def _classified(
    cells: Any, spread: Any, rules: Sequence[ChangeRule]
) -> tuple[Any, Any]:
    """SQL expressions on a change cell: 1/0 improved and deteriorated (NULL: not
    classified), from its ``delta`` (NULL: measured once)."""
    delta = cells.c.delta
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
        is_rule = cells.c.instrument == rule.instrument
        improved.append((is_rule, case((up, 1), else_=0)))
        worse.append((is_rule, case((down, 1), else_=0)))
    if not improved:
        return sa.null(), sa.null()
    paired = delta.is_not(None)
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
    """Change and reach cells of every programme in scope (see module docstring),
    summed from the cells every write keeps current (``impact.store.summary``)."""
    c = ChangeCell.__table__  # type: ignore[attr-defined]
    where = _programme_scope(org, as_funder, c.c.programme_id)
    if not as_funder:
        where = sa.and_(c.c.organisation_id == org.id, where)
    cells = sa.select(c).where(where).cte("cells")
    keys = (cells.c.programme_id, cells.c.instrument, cells.c.domain)
    spread = (
        sa.select(
            *keys,
            func.sum(cells.c.n).label("k"),
            func.sum(cells.c.sum_before).label("sb"),
            func.sum(cells.c.sumsq_before).label("sbb"),
        )
        .where(cells.c.delta.is_not(None))
        .group_by(*keys)
        .cte("spread")
    )
    improved, worse = _classified(cells, spread, rules)
    stmt = sa.union_all(
        _change_select(cells, spread, improved, worse),
        _reach_select(org, as_funder),
    )
    rows = session.execute(stmt).all()
    return _split_cells(rows)


def _change_select(cells: Any, spread: Any, improved: Any, worse: Any) -> Any:
    c = cells.c
    paired = c.delta.is_not(None)
    sums = []
    for k in range(MAX_WAVES):
        sums += [func.sum(c[f"wave_sum{k}"]), func.sum(c[f"wave_n{k}"])]
    return (
        sa.select(
            sa.literal("change").label("kind"),
            c.programme_id,
            c.instrument,
            c.domain,
            c["group"],
            c.wijk,
            c.period,
            func.sum(c.n),
            func.sum(case((paired, c.n), else_=0)),
            func.sum(case((paired, c.sum_before))),
            func.sum(case((paired, c.sumsq_before))),
            func.sum(case((paired, c.sum_after))),
            func.sum(case((paired, c.sumsq_after))),
            func.sum(improved * c.n),
            func.sum(worse * c.n),
            func.coalesce(func.sum(case((improved.is_not(None), c.n))), 0),
            *sums,
        )
        .select_from(cells)
        .outerjoin(
            spread,
            sa.and_(
                spread.c.programme_id == c.programme_id,
                spread.c.instrument == c.instrument,
                spread.c.domain == c.domain,
            ),
        )
        .group_by(c.programme_id, c.instrument, c.domain, c["group"], c.wijk, c.period)
    )


def _reach_select(org: Organisation, as_funder: bool) -> Any:
    r = ReachCell.__table__  # type: ignore[attr-defined]
    where = _programme_scope(org, as_funder, r.c.programme_id)
    if not as_funder:
        where = sa.and_(r.c.organisation_id == org.id, where)
    n_null = len(CHANGE_COLUMNS) - 7
    return (
        sa.select(
            sa.literal("reach").label("kind"),
            r.c.programme_id,
            sa.null(),
            sa.null(),
            r.c["group"],
            r.c.wijk,
            r.c.period,
            func.sum(r.c.n_people),
            *([sa.null()] * n_null),
        )
        .where(where)
        .group_by(r.c.programme_id, r.c["group"], r.c.wijk, r.c.period)
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
