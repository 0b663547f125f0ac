"""Adversarial property: an attacker who collects *every* release a funder can
obtain for a programme cannot pin down a group of 1 .. MIN_CELL-1 people.

Hypothesis builds random programmes (1-4 wijken, 1-3 intake years, treated and
comparison groups, many cells below MIN_CELL). The attacker asks the release
path for every filter combination (all wijken or one, all years or one), reads
every count the dashboard shows (the headline, the reach table, the outcome
table's people with two measurements, the per-year table) and the report's
reach (every format renders the same numbers). Each number is a known sum of
unknown cell counts: people ``x`` and people with two measurements ``y`` per
(wijk, group, year). The attacker solves the integer program

    x >= 1 on the cells that have people (absent cells are known zeros),
    y >= 1 where the cell has pairs, every released sum fixed,

and for every group the tables define (any wijk/group/year or their totals)
holding 1 .. MIN_CELL-1 people, minimises and maximises its count with
``scipy.optimize.milp``. The property: the minimum and maximum differ (the
count is not determined).

Covered: differencing and linear combination of every released count and
margin across filters, pages and the report, with integer and positivity
bounds. Known open: the inequality *between* the tables (people with two
measurements <= people in the same cell) can pin a one-person cell; the
strict xfail test below holds the counterexample Hypothesis found.
Not covered: the means and shares (non-linear in the counts; they are only
published beside a published count), the per-wave counts, the effect
estimates, background knowledge about individuals (e.g. "my neighbour took
part"), and collusion with the organisation's staff.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp

from impact.domain.suppression import TOTAL
from impact.services.dashboard import DashboardCells
from impact.services.release import FunderFilters, build_release, dashboard_view
from impact.services.release.reports import _reach as report_reach
from impact.store.aggregates import CHANGE_COLUMNS, REACH_COLUMNS

MIN_CELL = 10
MAX_EXAMPLES = 40
PID = 7
Cell = tuple[str, str, int]  # wijk, group, year


@dataclass(frozen=True)
class World:
    people: dict[Cell, int]
    pairs: dict[Cell, int]


@st.composite
def worlds(draw: st.DrawFn) -> World:
    wijken = [f"WK0001{i:02d}" for i in range(draw(st.integers(1, 4)))]
    years = list(range(2022, 2022 + draw(st.integers(1, 3))))
    size = st.sampled_from([0, 0, 1, 2, 3, 4, 6, 8, 9, 10, 11, 14, 25, 40])
    people, pairs = {}, {}
    for cell in itertools.product(wijken, ("treated", "comparison"), years):
        n = draw(size)
        if n:
            people[cell] = n
            pairs[cell] = draw(st.integers(0, n))
    if not people:
        people[(wijken[0], "treated", years[0])] = 3
        pairs[(wijken[0], "treated", years[0])] = 3
    return World(people, pairs)


def cells_of(world: World) -> DashboardCells:
    reach = pd.DataFrame(
        [(PID, g, w, y * 4, n) for (w, g, y), n in world.people.items()],
        columns=REACH_COLUMNS,
    )
    rows = []
    for (w, g, y), n in world.people.items():
        k = world.pairs[(w, g, y)]
        row = dict.fromkeys(CHANGE_COLUMNS, 0.0)
        row.update(
            programme_id=PID, instrument="zrm", domain="financien", group=g,
            wijk=w, period=float(y * 4), n_people=n, n_pairs=k,
            sum_before=2.5 * k, sum_after=3.0 * k, n_improved=k // 2,
            n_deteriorated=0, n_classified=k, wave_n0=n, wave_sum0=2.5 * n,
        )  # fmt: skip
        rows.append(row)
    programmes = pd.DataFrame(
        [(PID, "P", "did", "")], columns=["id", "name", "design", "theme"]
    )
    area = pd.DataFrame(
        columns=["programme_id", "indicator", "period", "ever_treated", "n_areas",
                 "sum_value"]
    )  # fmt: skip
    return DashboardCells(
        programmes, pd.DataFrame(rows, columns=CHANGE_COLUMNS), reach, area, {},
        {"zrm": ("ZRM", 13)},
    )  # fmt: skip


Equation = tuple[str, frozenset[Cell], int]  # measure x|y, cells summed, value


def _match(cells: list[Cell], wijk: str, group: str, year: str) -> frozenset[Cell]:
    return frozenset(
        c
        for c in cells
        if wijk in (TOTAL, c[0])
        and group in (TOTAL, c[1])
        and year in (TOTAL, str(c[2]))
    )


def released(world: World) -> list[Equation]:
    """Every count the funder can obtain, as an equation over the cells."""
    release = build_release(cells_of(world), {PID: 0}, MIN_CELL)
    cells = list(world.people)
    wijken = sorted({c[0] for c in cells})
    years = sorted({c[2] for c in cells})
    out: list[Equation] = []
    for wijk, year in itertools.product([None, *wijken], [None, *years]):
        w, y = wijk or TOTAL, str(year) if year else TOTAL
        view = dashboard_view(release, FunderFilters((PID,), wijk, year))
        _no_figures_beside_hidden_counts(view)
        if view.participants is not None:
            out.append(("x", _match(cells, w, TOTAL, y), int(view.participants)))
        for r in view.reach.itertuples():
            if r.n is not None:
                out.append(("x", _match(cells, r.wijk, r.group, y), int(r.n)))
        for r in view.outcomes.itertuples():
            if r.n is not None:
                out.append(("y", _match(cells, w, r.group, y), int(r.n)))
        for r in view.periods.itertuples():
            if r.n is not None:
                out.append(("y", _match(cells, w, r.group, str(r.period)), int(r.n)))
    reach = report_reach(release)
    for group, n in (
        ("treated", reach.n_participants),
        ("comparison", reach.n_comparison),
    ):
        if n is not None:
            out.append(("x", _match(cells, TOTAL, group, TOTAL), int(n)))
    for row in reach.by_area:
        if row.n is not None:
            out.append(("x", _match(cells, row.area, "treated", TOTAL), int(row.n)))
    return out


def _no_figures_beside_hidden_counts(view) -> None:  # type: ignore[no-untyped-def]
    """Means and shares of a hidden group never leave the server."""
    for frame, stats in (
        (view.outcomes, ["mean_before", "mean_after", "share_improved"]),
        (view.waves, ["mean"]),
        (view.periods, ["share_improved", "share_deteriorated"]),
    ):
        hidden = frame[frame["n"].isna()]
        assert hidden[stats].isna().all().all(), hidden


def attack(world: World, equations: list[Equation], link: bool = False) -> list[str]:
    """Groups of 1 .. MIN_CELL-1 people (or pairs) the equations determine
    (``link``: the attacker also uses pairs <= people per cell)."""
    cells = list(world.people)
    n = len(cells)
    index = {c: i for i, c in enumerate(cells)}
    rows, values = [], []
    for measure, group, value in equations:
        row = np.zeros(2 * n)
        for c in group:
            row[index[c] + (n if measure == "y" else 0)] = 1
        rows.append(row)
        values.append(value)
    constraints = []
    if link:  # y - x <= 0
        constraints.append(
            LinearConstraint(np.hstack([-np.eye(n), np.eye(n)]), -np.inf, 0)
        )
    if rows:
        constraints.append(LinearConstraint(np.array(rows), values, values))
    low = np.r_[np.ones(n), [1.0 if world.pairs[c] else 0.0 for c in cells]]
    high = np.r_[np.full(n, np.inf), [np.inf if world.pairs[c] else 0.0 for c in cells]]
    bounds = Bounds(low, high)
    found = []
    keys = {
        (w, g, y)
        for c in cells
        for w, g, y in itertools.product(
            (c[0], TOTAL), (c[1], TOTAL), (str(c[2]), TOTAL)
        )
    }
    for measure, key in itertools.product(("x", "y"), sorted(keys)):
        group = _match(cells, *key)
        truth = world.people if measure == "x" else world.pairs
        value = sum(truth[c] for c in group)
        if not 0 < value < MIN_CELL:
            continue
        objective = np.zeros(2 * n)
        for c in group:
            objective[index[c] + (n if measure == "y" else 0)] = 1
        lo = _solve(objective, constraints, bounds)
        hi = _solve(-objective, constraints, bounds)
        assert lo is not None, "the attacker's system must admit the truth"
        if hi is not None and abs(-hi - lo) < 0.5:
            found.append(f"{measure}{key} = {value} determined")
    return found


def _solve(objective, constraints, bounds) -> float | None:  # type: ignore[no-untyped-def]
    result = milp(
        objective, constraints=constraints, bounds=bounds,
        integrality=np.ones(len(objective)),
    )  # fmt: skip
    if result.status == 0:
        return float(result.fun)
    if result.status == 3 or "unbounded" in str(result.message):
        return None  # unbounded: the truth is feasible, so not infeasible
    raise AssertionError(result.message)


@pytest.mark.slow
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(world=worlds())
def test_no_small_group_is_determined_by_all_releases(world: World) -> None:
    equations = released(world)
    assert attack(world, equations) == []


def test_the_attack_finds_what_one_line_suppression_leaves_open() -> None:
    """The attack is real: with only the old per-row rule (one complement in a
    row), a small comparison group follows from the released totals."""
    counts = {
        ("WK000101", "treated", 2023): 22,
        ("WK000101", "comparison", 2023): 8,
        ("WK000102", "treated", 2023): 30,
        ("WK000102", "comparison", 2023): 20,
    }
    world = World(people=counts, pairs=dict(counts))
    cells = list(world.people)
    w1 = "WK000101"
    # the case: headline 30 for WK000101, treated 22 shown, comparison hidden
    naive = [
        ("x", _match(cells, w1, TOTAL, TOTAL), 30),
        ("x", _match(cells, w1, "treated", TOTAL), 22),
    ]
    assert any("comparison" in f for f in attack(world, naive))
    assert attack(world, released(world)) == []


@pytest.mark.xfail(strict=True, reason="open: the pairs <= people link between tables")
def test_the_link_between_tables_is_not_yet_closed() -> None:
    people = {
        ("WK000100", "treated", 2022): 1,
        ("WK000100", "treated", 2023): 11,
        ("WK000100", "comparison", 2022): 14,
        ("WK000100", "comparison", 2023): 8,
        ("WK000100", "comparison", 2024): 6,
        ("WK000101", "treated", 2022): 40,
        ("WK000101", "treated", 2023): 10,
        ("WK000101", "treated", 2024): 10,
        ("WK000101", "comparison", 2022): 1,
        ("WK000101", "comparison", 2023): 3,
        ("WK000101", "comparison", 2024): 9,
        ("WK000102", "treated", 2022): 2,
        ("WK000102", "treated", 2023): 8,
        ("WK000102", "treated", 2024): 10,
        ("WK000102", "comparison", 2022): 6,
        ("WK000102", "comparison", 2023): 25,
        ("WK000102", "comparison", 2024): 9,
        ("WK000103", "treated", 2023): 6,
        ("WK000103", "treated", 2024): 4,
        ("WK000103", "comparison", 2022): 11,
        ("WK000103", "comparison", 2023): 1,
    }
    pairs = {
        ("WK000100", "treated", 2022): 0,
        ("WK000100", "treated", 2023): 5,
        ("WK000100", "comparison", 2022): 1,
        ("WK000100", "comparison", 2023): 4,
        ("WK000100", "comparison", 2024): 1,
        ("WK000101", "treated", 2022): 8,
        ("WK000101", "treated", 2023): 6,
        ("WK000101", "treated", 2024): 10,
        ("WK000101", "comparison", 2022): 0,
        ("WK000101", "comparison", 2023): 3,
        ("WK000101", "comparison", 2024): 9,
        ("WK000102", "treated", 2022): 0,
        ("WK000102", "treated", 2023): 7,
        ("WK000102", "treated", 2024): 4,
        ("WK000102", "comparison", 2022): 5,
        ("WK000102", "comparison", 2023): 9,
        ("WK000102", "comparison", 2024): 1,
        ("WK000103", "treated", 2023): 2,
        ("WK000103", "treated", 2024): 3,
        ("WK000103", "comparison", 2022): 8,
        ("WK000103", "comparison", 2023): 0,
    }
    world = World(people, pairs)
    assert attack(world, released(world), link=True) == []
