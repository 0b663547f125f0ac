"""Public names of CBS area codes (``AreaName``), shared by every organisation."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from sqlmodel import Session, col, select

from impact.store.models import AreaName, utcnow

CHUNK = 500


def upsert_area_names(*, session: Session, names: pd.DataFrame, source: str) -> int:
    """Store ``code, name, level, gemeente_code`` rows; returns how many changed."""
    changed = 0
    rows = names.drop_duplicates("code").to_dict("records")
    for start in range(0, len(rows), CHUNK):
        part = rows[start : start + CHUNK]
        codes = [str(r["code"]) for r in part]
        stored = {
            a.code: a
            for a in session.exec(select(AreaName).where(col(AreaName.code).in_(codes)))
        }
        for r in part:
            new = (str(r["name"])[:120], str(r["level"]), str(r["gemeente_code"]))
            row = stored.get(str(r["code"]))
            if row is None:
                row = AreaName(
                    code=str(r["code"]),
                    name=new[0],
                    level=new[1],
                    gemeente_code=new[2],
                    source=source[:40],
                )
            elif (row.name, row.level, row.gemeente_code) == new:
                continue
            row.name, row.level, row.gemeente_code = new
            row.source, row.updated_at = source[:40], utcnow()
            session.add(row)
            changed += 1
    session.flush()
    return changed


def area_names(*, session: Session, codes: Iterable[str]) -> dict[str, str]:
    """code -> name for the ``codes`` that have one."""
    wanted = sorted({str(c) for c in codes if c})
    out: dict[str, str] = {}
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        stmt = select(AreaName.code, AreaName.name).where(col(AreaName.code).in_(part))
        out.update(dict(session.exec(stmt).all()))
    return out


def area_label(code: str, names: dict[str, str]) -> str:
    """``Centrum (WK036300)`` when the name is known, else the code."""
    name = names.get(code)
    return f"{name} ({code})" if name else code
