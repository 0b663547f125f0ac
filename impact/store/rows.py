"""Validated import frames as rows for the store's bulk inserts.

Pure functions over a frame (no session): the distinct participants of a
frame and its measurement rows, with every key factorised once and handled as
integer codes, sorted by each table's unique key so B-tree inserts append.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

#: rows per insert chunk (built while the previous chunk is written)
CHUNK_ROWS = 131_072


@dataclass(frozen=True)
class People:
    """The distinct (programme, pseudonym) of a frame, sorted by that key; ``row``
    maps each frame row to its person."""

    programme: np.ndarray  # int64
    pseudonym: np.ndarray  # object (str)
    group: np.ndarray
    wijk: np.ndarray
    row: np.ndarray  # per frame row: index into the arrays above

    @property
    def programme_ids(self) -> list[int]:
        return sorted(set(self.programme.tolist()))

    def match(self, known: pd.DataFrame) -> np.ndarray:
        """Per person the ``id`` in ``known`` (programme_id, pseudonym), else -1."""
        out = np.full(len(self.programme), -1, dtype=np.int64)
        if known.empty:
            return out
        # a cheap hash test first: usually few of a file's people are known
        maybe = np.flatnonzero(pd.Index(self.pseudonym).isin(known["pseudonym"]))
        if not len(maybe):
            return out
        index = pd.MultiIndex.from_arrays(
            [known["programme_id"].to_numpy(), known["pseudonym"].to_numpy()]
        )
        found = index.get_indexer(
            pd.MultiIndex.from_arrays([self.programme[maybe], self.pseudonym[maybe]])
        )
        hit = found >= 0
        out[maybe[hit]] = known["id"].to_numpy(dtype=np.int64)[found[hit]]
        return out

    def take_added(self, new: np.ndarray, added: pd.DataFrame) -> np.ndarray:
        """Ids of the people ``new`` from the rows just inserted for them
        (``added``, in id order): inserted in key order, they come back in the
        same order, which is checked; otherwise they are matched by key."""
        same = (
            len(added) == len(new)
            and np.array_equal(added["programme_id"].to_numpy(), self.programme[new])
            and np.array_equal(
                added["pseudonym"].to_numpy(dtype=object), self.pseudonym[new]
            )
        )
        if same:
            return added["id"].to_numpy(dtype=np.int64)
        return self.match(added)[new]


def people_of(frame: pd.DataFrame, programme_ids: Mapping[str, int]) -> People:
    prog_codes, prog_names = pd.factorize(frame["programme"])
    prog = np.array([programme_ids[str(n)] for n in prog_names], dtype=np.int64)[
        prog_codes
    ]
    codes, labels = pd.factorize(frame["participant"])
    names = np.asarray(labels, dtype=object)
    rank = np.empty(len(names), dtype=np.int64)  # codes in pseudonym order
    rank[np.argsort(names, kind="stable")] = np.arange(len(names))
    key = prog * len(names) + rank[codes]
    _, first, row = np.unique(key, return_index=True, return_inverse=True)
    return People(
        programme=prog[first],
        pseudonym=names[codes[first]],
        group=frame["group"].to_numpy(dtype=object)[first],
        wijk=objects(frame["wijk"].iloc[first]),
        row=row.reshape(-1),
    )


@dataclass(frozen=True)
class Measurements:
    """A frame's measurements keyed for the store, sorted by the unique key
    (participant, instrument, domain, wave): ``order`` lists frame positions."""

    order: np.ndarray
    programme: np.ndarray
    participant: np.ndarray
    instrument: np.ndarray  # sorted labels; ``ins_codes`` per frame row
    ins_codes: np.ndarray
    domain: np.ndarray
    dom_codes: np.ndarray
    day_text: np.ndarray  # "YYYY-MM-DD" labels, None last; ``day_codes`` per row
    day_codes: np.ndarray
    wave: np.ndarray
    value: np.ndarray
    rated_by: np.ndarray

    def chunks(self, size: int = CHUNK_ROWS) -> Iterator[list[tuple[Any, ...]]]:
        """Rows for ``measurement`` (MEASUREMENT_COLUMNS), ``size`` at a time."""
        for start in range(0, len(self.order), size):
            at = self.order[start : start + size]
            yield list(
                zip(
                    self.programme[at].tolist(),
                    self.participant[at].tolist(),
                    self.instrument[self.ins_codes[at]].tolist(),
                    self.domain[self.dom_codes[at]].tolist(),
                    self.day_text[self.day_codes[at]].tolist(),
                    self.wave[at].tolist(),
                    self.value[at].tolist(),
                    self.rated_by[at].tolist(),
                    strict=True,
                )
            )

    def table(self) -> pd.DataFrame:
        """The rows as a frame in key order, indexed by frame position (for the
        dashboard cells, :func:`impact.store.summary.record_import`)."""
        at = self.order
        return pd.DataFrame(
            {
                "participant_id": self.participant[at],
                "programme_id": self.programme[at],
                "instrument": self.instrument[self.ins_codes[at]],
                "domain": self.domain[self.dom_codes[at]],
                "date": self.day_text[self.day_codes[at]],
                "wave": self.wave[at],
                "value": self.value[at],
            },
            index=pd.Index(at),
        )


@dataclass(frozen=True)
class MeasurementKeys:
    """The id-independent keys of a frame's measurements, factorised once."""

    ins_codes: np.ndarray
    instrument: np.ndarray
    dom_codes: np.ndarray
    domain: np.ndarray
    day_codes: np.ndarray
    day_text: np.ndarray
    wave: np.ndarray
    value: np.ndarray
    rated_by: np.ndarray

    def with_ids(self, people: People, ids: np.ndarray) -> Measurements:
        """Sorted by the unique key, once every person has an id."""
        participant = ids[people.row]
        order = np.lexsort((self.wave, self.dom_codes, self.ins_codes, participant))
        return Measurements(
            order=order,
            programme=people.programme[people.row],
            participant=participant,
            instrument=self.instrument,
            ins_codes=self.ins_codes,
            domain=self.domain,
            dom_codes=self.dom_codes,
            day_text=self.day_text,
            day_codes=self.day_codes,
            wave=self.wave,
            value=self.value,
            rated_by=self.rated_by,
        )


def keys_of(frame: pd.DataFrame) -> MeasurementKeys:
    """Factorise instrument, domain and date, and take the plain columns."""
    ins_codes, ins = sorted_codes(frame["instrument"])
    dom_codes, dom = sorted_codes(frame["domain"])
    day_codes, days = pd.factorize(frame["date"])
    day_text = np.empty(len(days) + 1, dtype=object)
    day_text[:-1] = [d.strftime("%Y-%m-%d") for d in pd.DatetimeIndex(days)]
    day_text[-1] = None  # factorize marks a missing date with -1
    return MeasurementKeys(
        ins_codes=ins_codes,
        instrument=ins,
        dom_codes=dom_codes,
        domain=dom,
        day_codes=day_codes,
        day_text=day_text,
        wave=frame["wave"].to_numpy(dtype=np.int64),
        value=frame["value"].to_numpy(dtype=np.float64),
        rated_by=objects(frame["rated_by"]),
    )


def sorted_codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes of a text column numbered in sorted order, and the sorted labels."""
    codes, labels = pd.factorize(column, sort=True)
    return codes, np.asarray(labels, dtype=object)


def objects(column: pd.Series) -> np.ndarray:
    """Values as Python objects with every missing value as ``None`` (SQL NULL)."""
    values = column.astype(object).to_numpy(copy=True)
    values[pd.isna(values)] = None
    return values
