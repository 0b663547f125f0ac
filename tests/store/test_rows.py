"""Import frames as store rows: people keyed and sorted, ids matched back."""

from __future__ import annotations

import numpy as np
import pandas as pd

from impact.store.rows import keys_of, people_of


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "participant": ["p_b", "p_a", "p_b", "p_c", "p_a"],
            "programme": ["Y", "X", "Y", "X", "Y"],
            "group": ["treated", "comparison", "treated", "treated", "treated"],
            "wijk": ["WK1", None, "WK1", "WK2", "WK3"],
            "instrument": ["zrm", "zrm", "pg", "zrm", "zrm"],
            "domain": ["werk", "geld", "a", "geld", "geld"],
            "date": pd.to_datetime(
                ["2024-01-02", "2024-01-03", None, "2024-02-01", "2024-03-01"]
            ),
            "wave": [1, 0, 0, 0, 0],
            "value": [3.0, 2.0, 7.0, 4.0, 1.0],
            "rated_by": [None, "client", None, None, None],
        }
    )


def test_people_are_distinct_and_sorted_by_programme_and_pseudonym() -> None:
    people = people_of(_frame(), {"X": 1, "Y": 2})
    keys = list(zip(people.programme.tolist(), people.pseudonym.tolist(), strict=True))
    assert keys == [(1, "p_a"), (1, "p_c"), (2, "p_a"), (2, "p_b")]
    assert people.wijk.tolist() == [None, "WK2", "WK3", "WK1"]  # first row's
    assert [keys[i] for i in people.row] == [
        (2, "p_b"), (1, "p_a"), (2, "p_b"), (1, "p_c"), (2, "p_a"),
    ]  # fmt: skip


def test_ids_from_stored_rows_and_from_the_rows_just_added() -> None:
    people = people_of(_frame(), {"X": 1, "Y": 2})
    stored = pd.DataFrame(
        {"id": [10, 11], "programme_id": [2, 3], "pseudonym": ["p_b", "p_b"]}
    )
    ids = people.match(stored)
    assert ids.tolist() == [-1, -1, -1, 10]
    new = np.flatnonzero(ids < 0)
    added = pd.DataFrame(
        {
            "id": [20, 21, 22],
            "programme_id": [1, 1, 2],
            "pseudonym": ["p_a", "p_c", "p_a"],
        }
    )
    assert people.take_added(new, added).tolist() == [20, 21, 22]
    shuffled = added.iloc[[2, 0, 1]]  # another order: matched by key instead
    assert people.take_added(new, shuffled).tolist() == [20, 21, 22]


def test_measurement_rows_in_unique_key_order_and_chunks() -> None:
    frame = _frame()
    people = people_of(frame, {"X": 1, "Y": 2})
    ids = np.array([5, 6, 7, 8])  # (1,p_a) (1,p_c) (2,p_a) (2,p_b)
    keyed = keys_of(frame).with_ids(people, ids)
    rows = [r for chunk in keyed.chunks(2) for r in chunk]
    assert [r[1:5] for r in rows] == [
        (5, "zrm", "geld", "2024-01-03"),
        (6, "zrm", "geld", "2024-02-01"),
        (7, "zrm", "geld", "2024-03-01"),
        (8, "pg", "a", None),
        (8, "zrm", "werk", "2024-01-02"),
    ]
    assert rows[0][0] == 1 and rows[0][7] == "client"
    assert rows[3][5:7] == (0, 7.0)  # wave, value
