"""Small-cell suppression for anything funders see.

A figure describing fewer than ``min_cell`` people is replaced by ``None``
(shown as "< {min_cell}"). Complementary suppression: when exactly one cell of a
row of counts is suppressed, its value could be recovered from the total, so the
next smallest cell is suppressed too.
"""

from __future__ import annotations

from collections.abc import Sequence


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
