"""Assemble participant measurements: per sheet, then checks across sheets.

Per sheet: required columns, row fields, entries, value ranges, waves (from a
wave column, the header, or the order of dates), future dates and dates before
the programme start. Across sheets: duplicate measurements and participants in
both groups. The frame is built only when no error was found.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.domain.pseudonym import normalise_reference
from impact.ingest import fields
from impact.ingest.catalog import Catalog
from impact.ingest.convert import Factor
from impact.ingest.models import IngestContext, empty_measurements
from impact.ingest.participant import (
    Entries,
    check_ranges,
    long_entries,
    wide_entries,
)
from impact.ingest.problems import MAX_PER_KIND, ProblemLog
from impact.ingest.sheet import MappedSheet

FIELD_LABELS = {
    "client_ref": "cliëntnummer / client id",
    "value": "score",
    "instrument": "instrument",
    "date": "datum / date",
    "wave": "meetmoment / wave",
}


@dataclass(frozen=True)
class SheetPanel:
    """One sheet's measurements, column by column (one item per entry)."""

    sheet: str
    client: Factor
    programme: Factor
    group: Factor
    wijk: Factor
    instrument: Factor
    domain: Factor
    date: np.ndarray
    wave: np.ndarray
    value: np.ndarray
    rater: Factor
    source_row: np.ndarray
    group_column: str | None


def build_sheet(
    sheet: MappedSheet, ctx: IngestContext, catalog: Catalog
) -> SheetPanel | None:
    """The sheet's measurements, or None when a required column is missing."""
    wide = bool(sheet.columns_where("score:"))
    if not _has_required(sheet, wide):
        return None
    client = fields.client_refs(sheet)
    programme = fields.programmes(sheet, ctx)
    group, wijk, rater = (
        fields.groups(sheet, ctx.default_group),
        fields.wijken(sheet),
        fields.raters(sheet),
    )
    when, wave = fields.dates(sheet, ctx.today), fields.waves(sheet)
    if wide:
        entries = wide_entries(sheet, catalog, ctx, wave, when)
    else:
        entries = long_entries(sheet, catalog, wave, when)
    check_ranges(sheet, entries, catalog)
    rows = entries.row
    client, programme = client.subset(rows), programme.subset(rows)
    entries = _complete_waves(sheet, entries, client, programme)
    _check_dates(sheet, entries, programme, ctx)
    j_group = sheet.index_of("group")
    return SheetPanel(
        sheet=sheet.name,
        client=client,
        programme=programme,
        group=group.subset(rows),
        wijk=wijk.subset(rows),
        instrument=Factor(entries.inst, np.array([*catalog.codes, ""], dtype=object)),
        domain=entries.domain,
        date=entries.date,
        wave=entries.wave,
        value=entries.value,
        rater=rater.subset(rows),
        source_row=sheet.rows[rows],
        group_column=None if j_group is None else sheet.table.letter(j_group),
    )


def _has_required(sheet: MappedSheet, wide: bool) -> bool:
    needed = ["client_ref"] if wide else ["client_ref", "instrument", "value"]
    missing = [f for f in needed if sheet.index_of(f) is None]
    has_time = (
        sheet.index_of("date") is not None
        or sheet.index_of("wave") is not None
        or any(len(t.split(":")) == 4 for _, t in sheet.columns_where("score:"))
    )
    if not has_time:
        missing.append("date")
    for name in missing:
        sheet.report_column("column_missing", None, field=FIELD_LABELS[name])
    return not missing


def _complete_waves(
    sheet: MappedSheet, entries: Entries, client: Factor, programme: Factor
) -> Entries:
    """Fill blank waves from the order of dates when there is no wave column."""
    blank = entries.wave == -1  # unreadable waves were reported already
    if not blank.any():
        return entries
    has_date = ~np.isnat(entries.date)
    rows = np.zeros(sheet.n, dtype=bool)
    rows[entries.row[blank & ~has_date]] = True
    j_wave, j_date = sheet.index_of("wave"), sheet.index_of("date")
    if j_wave is not None:
        rows[entries.row[blank & has_date]] = True
        sheet.report("wave_missing", j_wave, rows)
        return entries
    sheet.report("date_or_wave_missing", j_date if j_date is not None else 0, rows)
    key = (client.dense_ids() * 4096 + programme.dense_ids()) * 1024 + entries.inst
    wave = fields.derive_waves(key, entries.date)
    sheet.report_column(
        "wave_from_date", j_date, severity="warning", row=int(sheet.rows[0])
    )
    return Entries(
        entries.row,
        entries.inst,
        entries.domain,
        np.where(blank, wave, entries.wave),
        entries.date,
        entries.value,
        entries.column,
    )


def _check_dates(
    sheet: MappedSheet, entries: Entries, programme: Factor, ctx: IngestContext
) -> None:
    """Dates in the future (error) or before the programme start."""
    j = sheet.index_of("date")
    if j is None or not len(entries.row):
        return
    today = np.datetime64(ctx.today, "ns")
    start_of = [
        ctx.programmes[p].start if p in ctx.programmes else None
        for p in programme.uniques
    ]
    starts = np.array(
        [np.datetime64(s, "ns") if s else np.datetime64("NaT", "ns") for s in start_of],
        dtype="datetime64[ns]",
    )[programme.codes]
    future = entries.date > today
    early = (entries.date < starts) & ~np.isnat(starts)
    for code, mask, severity in (
        ("date_future", future, "error"),
        ("date_before_start", early & (entries.wave >= 1), "error"),
        ("date_before_start_intake", early & (entries.wave == 0), "warning"),
    ):
        rows = np.zeros(sheet.n, dtype=bool)
        rows[entries.row[mask]] = True
        sheet.report(code, j, rows, severity=severity)  # type: ignore[arg-type]


def cross_checks(panels: list[SheetPanel], log: ProblemLog) -> None:
    """Duplicate measurements and participants in both groups, over all sheets."""
    if not panels:
        return
    clients = Factor.concat([p.client for p in panels])
    client = clients.relabel(
        [normalise_reference(u) for u in clients.uniques]
    ).dense_ids()
    prog = Factor.concat([p.programme for p in panels]).dense_ids()
    inst = Factor.concat([p.instrument for p in panels]).dense_ids()
    dom = Factor.concat([p.domain for p in panels]).dense_ids()
    wave = np.concatenate([p.wave for p in panels])
    person = client * 4096 + prog
    key = ((person * 1024 + inst) * 1024 + dom) * 128 + np.clip(wave, 0, 127)
    # rows already reported (no client, wave or group readable) are left out of
    # the checks across rows: one cause, one problem, never a cascade
    blank = np.concatenate([_blank(p.client) for p in panels])
    key = np.where(blank | (wave < 0), -1 - np.arange(len(key)), key)
    where = _Where(panels)
    _duplicates(key, where, log)
    groups = Factor.concat([p.group for p in panels])
    known = ~blank & ~_blank(groups)
    person = np.where(known, person, -1 - np.arange(len(person)))
    _both_groups(person, groups.dense_ids(), where, log)


def _blank(factor: Factor) -> np.ndarray:
    return np.array([not u for u in factor.uniques], dtype=bool)[factor.codes]


class _Where:
    """Sheet and row of entry ``i`` of the concatenated panels."""

    def __init__(self, panels: list[SheetPanel]) -> None:
        self.panels = panels
        self.sheet = np.concatenate(
            [np.full(len(p.wave), i) for i, p in enumerate(panels)]
        )
        self.row = np.concatenate([p.source_row for p in panels])
        self.offset = np.cumsum([0] + [len(p.wave) for p in panels])

    def order(self, key: np.ndarray) -> np.ndarray:
        return np.lexsort((self.row, self.sheet, key))

    def panel(self, i: int) -> tuple[SheetPanel, int]:
        s = int(self.sheet[i])
        return self.panels[s], i - int(self.offset[s])

    def cell(self, i: int) -> str:
        return f"{self.panels[int(self.sheet[i])].sheet}!{int(self.row[i])}"


def _duplicates(key: np.ndarray, where: _Where, log: ProblemLog) -> None:
    order = where.order(key)
    k = key[order]
    dup = np.r_[False, k[1:] == k[:-1]]
    if not dup.any():
        return
    first = order[np.maximum.accumulate(np.where(~dup, np.arange(len(k)), 0))]
    positions = np.flatnonzero(dup)
    for n, pos in enumerate(positions):
        i, f = int(order[pos]), int(first[pos])
        panel, at = where.panel(i)
        if log.full("duplicate", panel.sheet, None):
            log.skip("duplicate", panel.sheet, None, len(positions) - n)
            return
        log.add(
            "duplicate",
            sheet=panel.sheet,
            row=int(where.row[i]),
            instrument=panel.instrument.uniques[panel.instrument.codes[at]],
            domain=panel.domain.uniques[panel.domain.codes[at]],
            wave=int(panel.wave[at]),
            first=where.cell(f),
        )


def _both_groups(
    person: np.ndarray, group: np.ndarray, where: _Where, log: ProblemLog
) -> None:
    order = where.order(person)
    p, g = person[order], group[order]
    starts = np.r_[True, p[1:] != p[:-1]]
    first = order[np.maximum.accumulate(np.where(starts, np.arange(len(p)), 0))]
    conflict = g != group[first]
    seen: set[int] = set()
    for pos in np.flatnonzero(conflict)[: 10 * MAX_PER_KIND]:
        if int(p[pos]) in seen:
            continue
        seen.add(int(p[pos]))
        i = int(order[pos])
        panel, _ = where.panel(i)
        log.add(
            "both_groups",
            sheet=panel.sheet,
            row=int(where.row[i]),
            column=panel.group_column,
            first=where.cell(int(first[pos])),
        )


def to_frame(panels: list[SheetPanel]) -> pd.DataFrame:
    if not panels:
        return empty_measurements()
    cat = Factor.concat
    frame = pd.DataFrame(
        {
            "client_ref": cat([p.client for p in panels]).string_array(),
            "programme": cat([p.programme for p in panels]).string_array(),
            "group": cat([p.group for p in panels]).string_array(),
            "wijk": cat([p.wijk for p in panels]).string_array(),
            "instrument": cat([p.instrument for p in panels]).string_array(),
            "domain": cat([p.domain for p in panels]).string_array(),
            "date": np.concatenate([p.date for p in panels]),
            "wave": np.concatenate([p.wave for p in panels]).astype(np.int64),
            "value": np.concatenate([p.value for p in panels]).astype(np.float64),
            "rated_by": cat([p.rater for p in panels]).string_array(),
            "sheet": cat(
                [Factor.const(p.sheet, len(p.wave)) for p in panels]
            ).string_array(),
            "source_row": np.concatenate([p.source_row for p in panels]).astype(
                np.int64
            ),
        }
    )
    return frame
