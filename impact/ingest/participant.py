"""Participant panels: long and wide sheets → entries, one per score cell.

Long: a row per measurement (instrument, domain, value columns). Wide: a row per
participant per measurement moment with a column per domain (``score:I:D``), or
a row per participant with a column per domain and wave (``score:I:D:W``, with
``date:W`` columns for the dates). Both become the same :class:`Entries`, each
pointing back to its row and column.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from impact.ingest import fields as rowfields
from impact.ingest.catalog import Catalog
from impact.ingest.convert import Factor, blank_mask, number_array, parse_yes_no
from impact.ingest.models import IngestContext
from impact.ingest.sheet import MappedSheet

NO_INSTRUMENT = -1


@dataclass(frozen=True, slots=True)
class Entries:
    """Measurements of one sheet; ``row`` indexes the sheet's kept rows."""

    row: np.ndarray
    inst: np.ndarray
    domain: Factor
    wave: np.ndarray
    date: np.ndarray
    value: np.ndarray
    column: np.ndarray  # column index of the value cell


def instruments(sheet: MappedSheet, catalog: Catalog) -> np.ndarray:
    """Instrument index per row (NO_INSTRUMENT where blank or unknown: logged)."""
    j = sheet.index_of("instrument")
    if j is None:
        return np.full(sheet.n, NO_INSTRUMENT, dtype=np.int64)
    fac, texts = sheet.texts(j)
    found = [catalog.instrument_index(x) if x else None for x in texts]
    idx = np.array([NO_INSTRUMENT if f is None else f for f in found], dtype=np.int64)
    blank = np.array([not x for x in texts], dtype=bool)
    sheet.report("instrument_missing", j, fac.take(blank))
    unknown = ~blank & (idx == NO_INSTRUMENT)
    sheet.report(
        "instrument_unknown", j, fac.take(unknown), known=", ".join(catalog.codes)
    )
    return fac.take(idx)


def domains(sheet: MappedSheet, catalog: Catalog, inst: np.ndarray) -> Factor:
    """Domain code per row, resolved per (instrument, text) pair; "" when bad."""
    j = sheet.index_of("domain")
    n_inst = len(catalog.codes) + 1
    if j is None:
        fac, texts = Factor.const("", sheet.n), [""]
    else:
        fac, texts = sheet.texts(j)
    keys, back = np.unique(fac.codes * n_inst + (inst + 1), return_inverse=True)
    labels, bad = [], np.zeros(len(keys), dtype=bool)
    for k, key in enumerate(keys):
        text, i = texts[int(key) // n_inst], int(key) % n_inst - 1
        dom = catalog.domain(i, text) if i >= 0 else ""
        labels.append(dom or "")
        bad[k] = i >= 0 and dom is None
    rows_bad = bad[back]
    if j is None and rows_bad.any():
        sheet.report_column("domain_column_missing", None)
    elif j is not None:
        for i in np.unique(inst[rows_bad]):
            sheet.report(
                "domain_unknown",
                j,
                rows_bad & (inst == i),
                instrument=catalog.codes[int(i)],
                known=", ".join(catalog.instruments[int(i)].domains),
            )
    return Factor(back.astype(np.int64), np.array(labels, dtype=object))


def values_of(
    sheet: MappedSheet, j: int, inst: np.ndarray, catalog: Catalog
) -> tuple[np.ndarray, np.ndarray]:
    """(value, blank) per row of column ``j``; non-numbers are logged."""
    fac = sheet.factor(j)
    blank = blank_mask(fac)
    value = number_array(fac)
    has = inst >= 0
    is_binary = np.zeros(sheet.n, dtype=bool)
    is_binary[has] = catalog.scale_arrays()["binary"][inst[has]]
    if is_binary.any():
        parsed = [parse_yes_no(u) for u in fac.uniques]
        yes_no = np.array([np.nan if v is None else v for v in parsed])
        value = np.where(is_binary, fac.take(yes_no), value)
    bad = ~blank & np.isnan(value)
    sheet.report("value_not_number", j, bad & ~is_binary)
    sheet.report("value_not_yes_no", j, bad & is_binary)
    return value, blank


def long_entries(
    sheet: MappedSheet, catalog: Catalog, wave: np.ndarray, when: np.ndarray
) -> Entries:
    inst = instruments(sheet, catalog)
    if sheet.index_of("instrument") is None:
        sheet.report_column("instrument_column_missing", None)
    dom = domains(sheet, catalog, inst)
    j = sheet.require("value")
    value, blank = values_of(sheet, j, inst, catalog)
    sheet.report("value_missing", j, blank, severity="warning")
    keep = np.flatnonzero(~blank)
    return Entries(
        keep,
        inst[keep],
        dom.subset(keep),
        wave[keep],
        when[keep],
        value[keep],
        np.full(len(keep), j, dtype=np.int64),
    )


def wide_entries(
    sheet: MappedSheet,
    catalog: Catalog,
    ctx: IngestContext,
    wave: np.ndarray,
    when: np.ndarray,
) -> Entries:
    row_inst = instruments(sheet, catalog)
    wave_dates = {
        int(target.split(":")[1]): rowfields.dates(sheet, ctx.today, j)
        for j, target in sheet.columns_where("date:")
    }
    parts = []
    for j, target in sheet.columns_where("score:"):
        _, code, dom, *rest = target.split(":")
        if code and code not in catalog.codes:
            sheet.report_column("instrument_unknown_column", j, instrument=code)
        elif not code and sheet.index_of("instrument") is None:
            sheet.report_column("instrument_ambiguous", j, domain=dom)
        else:
            inst = (
                np.full(sheet.n, catalog.codes.index(code), dtype=np.int64)
                if code
                else row_inst
            )
            col_wave = np.full(sheet.n, int(rest[0])) if rest else wave
            col_when = wave_dates.get(int(rest[0]), when) if rest else when
            parts.append(
                _score_column(sheet, catalog, j, dom, inst, col_wave, col_when)
            )
    return concat_entries(parts)


def _score_column(
    sheet: MappedSheet,
    catalog: Catalog,
    j: int,
    domain: str,
    inst: np.ndarray,
    wave: np.ndarray,
    when: np.ndarray,
) -> Entries:
    """The entries of one wide score column (empty cells are not measured)."""
    value, blank = values_of(sheet, j, inst, catalog)
    keep = np.flatnonzero(~blank)
    return Entries(
        keep,
        inst[keep],
        Factor.const(domain, len(keep)),
        wave[keep],
        when[keep],
        value[keep],
        np.full(len(keep), j, dtype=np.int64),
    )


def concat_entries(parts: list[Entries]) -> Entries:
    if not parts:
        empty = np.empty(0, dtype=np.int64)
        return Entries(
            empty,
            empty,
            Factor.concat([]),
            empty,
            np.empty(0, dtype="datetime64[ns]"),
            np.empty(0, dtype=np.float64),
            empty,
        )
    arrays = {
        f.name: np.concatenate([getattr(p, f.name) for p in parts])
        for f in fields(Entries)
        if f.name != "domain"
    }
    return Entries(domain=Factor.concat([p.domain for p in parts]), **arrays)


def check_ranges(sheet: MappedSheet, entries: Entries, catalog: Catalog) -> None:
    """Values outside the instrument's scale, or fractional where it scores whole."""
    scale = catalog.scale_arrays()
    has = entries.inst >= 0
    inst = np.where(has, entries.inst, 0)
    value = entries.value
    out = has & ((value < scale["min"][inst]) | (value > scale["max"][inst]))
    frac = has & ~out & scale["integer"][inst] & (value % 1 != 0)
    for mask, code in ((out, "value_out_of_range"), (frac, "value_not_whole")):
        pairs = set(
            zip(inst[mask].tolist(), entries.column[mask].tolist(), strict=True)
        )
        for i, j in sorted(pairs):
            rows = np.zeros(sheet.n, dtype=bool)
            rows[entries.row[mask & (inst == i) & (entries.column == j)]] = True
            ins = catalog.instruments[i]
            sheet.report(
                code,
                j,
                rows,
                instrument=ins.code,
                low=_num(ins.scale_min),
                high=_num(ins.scale_max),
            )


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x).replace(".", ",")
