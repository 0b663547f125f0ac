"""Small-cell suppression for anything aggregate-only readers (funders) see.

Two levels:

* :func:`is_disclosive` / :func:`suppress_counts`: the primary rule on one
  figure or one row (kept for the report renderers' own tables);
* :func:`protect`: a whole table of counts with *every* margin (a "cube": each
  dimension also has its total ``"*"``), protected jointly: primary suppression
  of cells of 1 .. ``min_cell - 1`` people, then secondary (complementary)
  suppression until no hidden cell can be computed from the published ones.

Secondary suppression of a cube (cf. tau-ARGUS and sdcTable's
``SIMPLEHEURISTIC``, checked by an attacker as in Hundepool et al. 2012, 4.3):

1. every *line* of the cube (one dimension varying, the others fixed, plus the
   line's total) hides either nothing or at least two cells, and when the
   line's total is published its hidden members together hold at least
   ``min_cell`` people (a group recovered by subtracting the published cells
   from the total is itself no small group); the smallest published non-zero
   member is hidden next, the total when no member is left;
2. an audit solves the linear system of all lines over the hidden cells: a
   hidden cell fixed by it (its unit vector lies in the row space) gets one more
   complement in one of its lines, and the loop repeats until nothing is fixed;
3. a second audit adds what an attacker knows besides the equations (every
   hidden cell holds at least one person): for each primary cell it minimises
   and maximises the cell by linear programming, rounds inwards to whole
   people, and treats an interval of one value as fixed (step 2's remedy).

Zeros (cells absent from the data) are published: they describe nobody.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

#: the key value of a margin ("all wijken", "all groups", ...)
TOTAL = "*"
Key = tuple[str, ...]
#: singular values below this are zero in the audit's null-space computation
_RANK_TOL = 1e-9
#: a hidden cell moves with the null space when its component exceeds this
_FREE_TOL = 1e-6


def is_disclosive(n_people: int | None, min_cell: int) -> bool:
    """True when a cell of ``n_people`` people (``None``: unknown) must not be shown."""
    return n_people is None or 0 < n_people < min_cell


def suppress_counts(counts: Sequence[int], min_cell: int) -> list[int | None]:
    """Suppress small counts, plus one more where a single hidden one is derivable."""
    out: list[int | None] = [None if is_disclosive(c, min_cell) else c for c in counts]
    hidden = [i for i, v in enumerate(out) if v is None]
    if len(hidden) == 1 and len(out) > 1:
        visible = sorted(
            (c, i) for i, c in enumerate(counts) if out[i] is not None and c > 0
        )
        if visible:
            out[visible[0][1]] = None
    return out


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a cube: ``total`` is the sum of ``members``."""

    total: Key
    members: tuple[Key, ...]


@dataclass(frozen=True, slots=True)
class Protected:
    """A protected cube: ``values`` of every cell and margin, ``hidden`` keys.

    ``primary`` are the hidden cells of 1 .. min_cell-1 people; the rest of
    ``hidden`` are complements.
    """

    values: dict[Key, int]
    hidden: frozenset[Key]
    primary: frozenset[Key]
    lines: tuple[Line, ...]

    def shown(self, key: Key) -> int | None:
        """The published count of ``key`` (``0`` when absent, ``None`` when hidden)."""
        if key in self.hidden:
            return None
        return self.values.get(key, 0)


def with_margins(base: Mapping[Key, int]) -> dict[Key, int]:
    """Every cell of ``base`` plus every margin (any subset of dimensions summed)."""
    out: dict[Key, int] = {}
    for key, n in base.items():
        if n == 0:
            continue
        for mask in itertools.product((False, True), repeat=len(key)):
            k = tuple(TOTAL if m else v for v, m in zip(key, mask, strict=True))
            out[k] = out.get(k, 0) + int(n)
    return out


def lines_of(values: Mapping[Key, int]) -> tuple[Line, ...]:
    """Every line of the cube: per dimension, per key with a total there."""
    members: dict[tuple[int, Key], list[Key]] = {}
    for key in values:
        for d, v in enumerate(key):
            if v != TOTAL:
                total = (*key[:d], TOTAL, *key[d + 1 :])
                members.setdefault((d, total), []).append(key)
    return tuple(
        Line(total, tuple(sorted(m)))
        for (_d, total), m in sorted(members.items())
        if len(m) > 0
    )


def protect(
    base: Mapping[Key, int],
    min_cell: int,
    *,
    also_hide: Iterable[Key] = (),
) -> Protected:
    """Primary and secondary suppression of ``base`` with all its margins.

    ``also_hide``: keys (cells or margins) hidden from the start, e.g. those
    hidden in a related table, so that the two tables stay consistent.
    """
    values = with_margins(base)
    lines = lines_of(values)
    primary = {k for k, n in values.items() if is_disclosive(n, min_cell)}
    hidden = set(primary) | {k for k in also_hide if k in values}
    while True:
        _close_lines(values, lines, hidden, min_cell)
        fixed = determined(values, lines, hidden) or bounded(
            values, lines, hidden, primary
        )
        before = len(hidden)
        for key in sorted(fixed):
            _hide_one_more(values, lines, hidden, key)
        if len(hidden) == before:  # nothing fixed, or nothing left to hide
            break
    return Protected(values, frozenset(hidden), frozenset(primary), lines)


def _close_lines(
    values: Mapping[Key, int], lines: Sequence[Line], hidden: set[Key], k: int
) -> None:
    """Rule 1 of the module docstring, repeated until every line satisfies it."""
    changed = True
    while changed:
        changed = False
        for line in lines:
            if _line_needs_more(values, line, hidden, k):
                _hide_next(values, line, hidden)
                changed = True


def _line_needs_more(
    values: Mapping[Key, int], line: Line, hidden: set[Key], k: int
) -> bool:
    cells = (line.total, *line.members)
    n_hidden = sum(c in hidden for c in cells)
    if n_hidden == 0:
        return False
    if n_hidden == 1:
        return True
    if line.total in hidden:
        return False
    return sum(values[m] for m in line.members if m in hidden) < k


def _hide_next(values: Mapping[Key, int], line: Line, hidden: set[Key]) -> bool:
    """Hide the smallest published member of ``line``, else its total."""
    shown = [(values[m], m) for m in line.members if m not in hidden]
    if shown:
        hidden.add(min(shown)[1])
        return True
    if line.total not in hidden:
        hidden.add(line.total)
        return True
    return False


def _hide_one_more(
    values: Mapping[Key, int], lines: Sequence[Line], hidden: set[Key], key: Key
) -> None:
    """A complement for a hidden ``key`` the audit found fixed."""
    own = [ln for ln in lines if key == ln.total or key in ln.members]
    for line in sorted(own, key=lambda ln: len(ln.members)):
        if _hide_next(values, line, hidden):
            return


def determined(
    values: Mapping[Key, int], lines: Sequence[Line], hidden: set[Key]
) -> set[Key]:
    """Hidden keys whose value follows from the published ones (linear system
    of every line; a cell is fixed when its unit vector is in the row space)."""
    order = sorted(hidden)
    if not order:
        return set()
    index = {key: i for i, key in enumerate(order)}
    rows = []
    for line in lines:
        row = np.zeros(len(order))
        if line.total in index:
            row[index[line.total]] = -1.0
        for m in line.members:
            if m in index:
                row[index[m]] = 1.0
        if row.any():
            rows.append(row)
    if not rows:
        return set()
    reduced, pivots = _rref(np.array(rows))
    free_columns = np.setdiff1d(np.arange(len(order)), pivots)
    fixed = set()
    for i, column in enumerate(pivots):
        if not np.any(np.abs(reduced[i, free_columns]) > _FREE_TOL):
            fixed.add(order[column])
    return fixed


def _rref(matrix: np.ndarray) -> tuple[np.ndarray, list[int]]:
    """Reduced row echelon form by Gauss-Jordan with partial pivoting.

    Row operations are element-wise (no BLAS call), so a small table costs
    microseconds even on a busy machine where threaded BLAS would stall.
    """
    m = matrix.astype(np.float64, copy=True)
    pivots: list[int] = []
    row = 0
    for column in range(m.shape[1]):
        if row == m.shape[0]:
            break
        best = row + int(np.argmax(np.abs(m[row:, column])))
        if abs(m[best, column]) < _RANK_TOL:
            continue
        m[[row, best]] = m[[best, row]]
        m[row] /= m[row, column]
        factors = m[:, column].copy()
        factors[row] = 0.0
        m -= np.multiply.outer(factors, m[row])
        pivots.append(column)
        row += 1
    return m[: len(pivots)], pivots


def bounded(
    values: Mapping[Key, int],
    lines: Sequence[Line],
    hidden: set[Key],
    primary: Iterable[Key],
) -> set[Key]:
    """Primary cells whose whole-number interval, given the published cells and
    ``>= 1`` on every hidden cell, holds one value only."""
    from scipy.optimize import linprog

    order = sorted(hidden)
    index = {key: i for i, key in enumerate(order)}
    rows, rhs = [], []
    for line in lines:
        row = np.zeros(len(order))
        known = 0.0
        for key, sign in ((line.total, -1.0), *((m, 1.0) for m in line.members)):
            if key in index:
                row[index[key]] += sign
            else:
                known += sign * values.get(key, 0)
        if row.any():
            rows.append(row)
            rhs.append(-known)
    if not rows:
        return set()
    matrix, target = np.array(rows), np.array(rhs)
    fixed = set()
    for key in sorted(set(primary) & hidden):
        cost = np.zeros(len(order))
        cost[index[key]] = 1.0
        low = linprog(cost, A_eq=matrix, b_eq=target, bounds=(1, None), method="highs")
        high = linprog(
            -cost, A_eq=matrix, b_eq=target, bounds=(1, None), method="highs"
        )
        if low.status != 0 or high.status != 0:
            continue  # unbounded above (or no solution): not fixed
        if math.floor(-high.fun + 1e-6) - math.ceil(low.fun - 1e-6) < 1:
            fixed.add(key)
    return fixed
