"""Row-level fields of a participant sheet: who, which programme, group, when.

Each function reads one mapped column through its distinct values, logs a
problem for every offending cell, and returns one value per kept row.
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np

from impact.domain.areas import is_area_code, parse_area_code
from impact.ingest.convert import BAD, BLANK, SERIAL, TEXT, Factor, date_array
from impact.ingest.models import IngestContext
from impact.ingest.sheet import MappedSheet
from impact.ingest.vocabulary import parse_group, parse_rater, parse_wave

_CODE_LIKE = re.compile(r"^\s*(wk|bu|gm)\s*\d", re.IGNORECASE)
_NAME_LIKE = re.compile(
    r"^[A-Z][a-zà-ÿ'\-]+(?: (?:van|de|der|den|ten|ter|el|[A-Z][a-zà-ÿ'\-]+))+$"
)
NAME_SHARE = 0.5


def client_refs(sheet: MappedSheet) -> Factor:
    """Raw client reference text per row ("" where missing: logged)."""
    j = sheet.require("client_ref")
    fac, texts = sheet.texts(j)
    uniq = np.array(texts, dtype=object)
    sheet.report("client_missing", j, fac.take(uniq == ""))
    is_date = np.array([hasattr(u, "year") for u in fac.uniques], dtype=bool)
    sheet.report("client_is_date", j, fac.take(is_date))
    filled = [x for x in texts if x]
    names = sum(1 for x in filled if _NAME_LIKE.match(x))
    if filled and names / len(filled) >= NAME_SHARE:
        sheet.report_column("client_names", j)
    return fac.relabel(uniq)


def programmes(sheet: MappedSheet, ctx: IngestContext) -> Factor:
    """Canonical programme name per row; blank cells take the chosen programme,
    and a short or differently written name matches when only one programme fits."""
    known = {" ".join(k.split()).casefold(): k for k in ctx.programmes}
    default = ctx.default_programme
    j = sheet.index_of("programme")
    if j is None:
        if default is None:
            sheet.report_column("programme_choose", None)
            return Factor.const("", sheet.n)
        name = canonical_programme(default, known)
        if name is None:
            sheet.report_column(
                "programme_unknown_default",
                None,
                name=default,
                known=", ".join(sorted(ctx.programmes)) or "-",
            )
        return Factor.const(name or "", sheet.n)
    fac, texts = sheet.texts(j)
    out = []
    for text in texts:
        found = canonical_programme(text or default or "", known) or ""
        if text and found and normalise_name(text) != normalise_name(found):
            sheet.report_column(
                "programme_matched", j, severity="warning", value=text, name=found
            )
        out.append(found)
    uniq = np.array(out, dtype=object)
    blank = np.array([not x for x in texts], dtype=bool)
    if fac.take(blank & (uniq == "")).any():
        sheet.report_column("programme_choose_blank", j)
    listing = ", ".join(sorted(ctx.programmes)) or "-"
    sheet.report("programme_unknown", j, fac.take(~blank & (uniq == "")), known=listing)
    return fac.relabel(uniq)


def normalise_name(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def canonical_programme(name: str, known: dict[str, str]) -> str | None:
    """The programme ``name`` means: the same name in any case and spacing, or
    the one programme whose name starts with (or holds as whole words) ``name``."""
    text = normalise_name(name)
    if not text:
        return None
    if text in known:
        return known[text]
    words = re.compile(rf"(^|\W){re.escape(text)}(\W|$)")
    fits = [v for k, v in known.items() if k.startswith(text) or words.search(k)]
    return fits[0] if len(fits) == 1 else None


def groups(sheet: MappedSheet, default: str | None = None) -> Factor:
    """Group per row; without a group column every row takes ``default`` (the
    answer to the question the Import page asks), and without that the file
    cannot be imported: waiting-list clients must not count as participants."""
    j = sheet.index_of("group")
    if j is None:
        if default is None:
            sheet.report_column("group_choose", None)
            return Factor.const("", sheet.n)
        return Factor.const(default, sheet.n)
    fac, texts = sheet.texts(j)
    uniq = np.array([parse_group(x) or "" for x in texts], dtype=object)
    blank = np.array([not x for x in texts], dtype=bool)
    sheet.report("group_missing", j, fac.take(blank))
    sheet.report("group_bad", j, fac.take(~blank & (uniq == "")))
    return fac.relabel(uniq)


def wijken(sheet: MappedSheet) -> Factor:
    j = sheet.index_of("wijk")
    if j is None:
        return Factor.const(None, sheet.n)
    fac, texts = sheet.texts(j)
    out: list[str | None] = []
    bad = np.zeros(len(texts), dtype=bool)
    for i, text in enumerate(texts):
        if not text:
            out.append(None)
        elif _CODE_LIKE.match(text):
            bad[i] = not is_area_code(text)
            code = None if bad[i] else parse_area_code(text)
            out.append(None if code is None else code.wijk or code.code)
        else:
            out.append(text)
    sheet.report("wijk_bad_code", j, fac.take(bad))
    return fac.relabel(out)


def dates(sheet: MappedSheet, today: date, j: int | None = None) -> np.ndarray:
    """datetime64[ns] per row (NaT when blank or bad; bad ones logged)."""
    j = sheet.index_of("date") if j is None else j
    if j is None:
        return np.full(sheet.n, np.datetime64("NaT", "ns"))
    fac = sheet.factor(j)
    stamps, status = date_array(fac, today)
    sheet.report("date_invalid", j, status == BAD)
    if not sheet.table.text_only:
        for code, value in (("date_serial", SERIAL), ("date_text", TEXT)):
            where = np.flatnonzero(status == value)
            if len(where):
                first = int(sheet.rows[where[0]])
                sheet.report_column(
                    code, j, severity="warning", row=first, count=len(where)
                )
    return np.where(status == BLANK, np.datetime64("NaT", "ns"), stamps)


#: wave of a row whose wave cell could not be read (already reported)
WAVE_BAD = -2


def waves(sheet: MappedSheet) -> np.ndarray:
    """Wave per row; -1 where blank (a date may stand in), :data:`WAVE_BAD`
    where the cell could not be read (reported once, here)."""
    j = sheet.index_of("wave")
    if j is None:
        return np.full(sheet.n, -1, dtype=np.int64)
    fac, texts = sheet.texts(j)
    parsed = [parse_wave(x) if x else -1 for x in texts]
    bad = np.array([p is None for p in parsed], dtype=bool)
    sheet.report("wave_bad", j, fac.take(bad))
    return fac.take(
        np.array([WAVE_BAD if p is None else p for p in parsed], dtype=np.int64)
    )


def raters(sheet: MappedSheet) -> Factor:
    j = sheet.index_of("rated_by")
    if j is None:
        return Factor.const(None, sheet.n)
    fac, texts = sheet.texts(j)
    parsed = [parse_rater(x) if x else None for x in texts]
    bad = np.array([bool(x) and p is None for x, p in zip(texts, parsed, strict=True)])
    sheet.report("rater_bad", j, fac.take(bad))
    return fac.relabel(parsed)


def derive_waves(key: np.ndarray, when: np.ndarray) -> np.ndarray:
    """Wave = rank of the distinct dates within each ``key`` (0 = first date)."""
    stamp = when.view("i8")
    order = np.lexsort((stamp, key))
    k, w = key[order], stamp[order]
    new_key = np.r_[True, k[1:] != k[:-1]]
    new_date = new_key | np.r_[True, w[1:] != w[:-1]]
    counter = np.cumsum(new_date)
    ranks = counter - counter[new_key][np.cumsum(new_key) - 1]
    out = np.empty(len(key), dtype=np.int64)
    out[order] = ranks
    return out
