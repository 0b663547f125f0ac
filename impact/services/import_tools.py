"""What the Import page needs around :mod:`impact.services.uploads`: templates,
the problems as a table and as a marked-up copy, and the import history."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Literal

import pandas as pd
from sqlalchemy.engine import Engine

from impact.ingest import Problem
from impact.ingest.problem_book import problems_workbook
from impact.ingest.templates import template_filename, write_template
from impact.ingest.workbook import Opened
from impact.services.permissions import require
from impact.store import batches, mappings, orgs, programmes
from impact.store.engine import session_scope

TemplateKind = Literal["participant", "area"]
HISTORY_LIMIT = 50


def template(
    kind: TemplateKind, lang: str, role: str, fmt: Literal["xlsx", "ods"] = "xlsx"
) -> tuple[str, bytes]:
    """(file name, bytes) of an empty import template, as .xlsx or .ods."""
    require(role, "import_data")
    name = template_filename(kind, None, lang)
    if fmt == "ods":
        return name.rsplit(".", 1)[0] + ".ods", _ods_template(kind, lang)
    return name, write_template(kind, lang=lang)


@functools.lru_cache(maxsize=8)
def _ods_template(kind: TemplateKind, lang: str) -> bytes:
    from impact.ingest.ods_writer import xlsx_to_ods

    return xlsx_to_ods(write_template(kind, lang=lang))


def problem_table(problems: Sequence[Problem]) -> pd.DataFrame:
    """One row per problem: severity, sheet, row, column, message."""
    return pd.DataFrame(
        [(p.severity, p.sheet, p.row, p.column, p.message) for p in problems],
        columns=["severity", "sheet", "row", "column", "message"],
    )


def marked_copy(
    data: bytes,
    filename: str,
    problems: Sequence[Problem],
    lang: str,
    role: str,
    opened: Opened | None = None,
) -> bytes:
    """The upload as .xlsx with every problem cell highlighted and explained."""
    require(role, "import_data")
    return problems_workbook(data, filename, problems, lang, opened=opened)


def history(*, engine: Engine, org_slug: str, role: str) -> pd.DataFrame:
    """The organisation's import batches, newest first (no cell values)."""
    require(role, "import_data")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        rows = [
            (
                b.id,
                b.created_at,
                b.filename,
                b.n_rows,
                b.n_inserted,
                b.status,
                b.user_id,
                b.undone_at,
            )
            for b in batches.list_batches(session=session, org=org, limit=HISTORY_LIMIT)
        ]
    return pd.DataFrame(
        rows,
        columns=[
            "batch",
            "created_at",
            "filename",
            "rows",
            "inserted",
            "status",
            "user",
            "undone_at",
        ],
    )


def undo_choices(
    frame: pd.DataFrame, *, user_id: int, role: str
) -> tuple[list[int], int | None]:
    """The batches this user may undo (newest first) and the one to preselect.

    An admin may undo any live batch, everyone else only their own. The
    preselection is the user's own newest live batch, never someone else's:
    with none of their own, nothing is preselected.
    """
    live = frame[frame["status"] == "imported"]
    own = live[live["user"] == user_id]
    options = [int(b) for b in (live if role == "admin" else own)["batch"]]
    default = int(own["batch"].iloc[0]) if len(own) else None
    return options, default


def redo_choices(
    frame: pd.DataFrame, *, user_id: int, role: str, now: datetime | None = None
) -> list[int]:
    """The undone batches this user may restore (newest first): undone within
    :data:`~impact.services.restore.RESTORE_DAYS` days, their own unless admin."""
    from impact.services.restore import RESTORE_DAYS

    if frame.empty or "undone_at" not in frame:
        return []
    cutoff = (now or datetime.now(UTC)) - timedelta(days=RESTORE_DAYS)
    undone_at = pd.to_datetime(frame["undone_at"], utc=True)
    fresh = frame[(frame["status"] == "undone") & (undone_at >= cutoff)]
    if role != "admin":
        fresh = fresh[fresh["user"] == user_id]
    return [int(b) for b in fresh["batch"]]


#: how many cells a group of problems names before "…"
FIRST_CELLS = 5


def problem_groups(problems: Sequence[Problem]) -> pd.DataFrame:
    """Problems grouped by cause (code, sheet and column), worst first: the
    first message as an example, how many cells, and the first cells."""
    groups: dict[tuple[str, str, str, str | None], list[Problem]] = {}
    for p in problems:
        groups.setdefault((p.severity, p.code, p.sheet, p.column), []).append(p)
    one_sheet = len({p.sheet for p in problems if p.sheet}) <= 1
    rows = []
    for (severity, _code, _sheet, _col), items in groups.items():
        cells = [c for p in items if (c := _cell(p, one_sheet))]
        more = "…" if len(cells) > FIRST_CELLS else ""
        rows.append(
            (
                severity,
                items[0].message,
                len(items),
                ", ".join(cells[:FIRST_CELLS]) + more,
            )
        )
    frame = pd.DataFrame(rows, columns=["severity", "message", "count", "cells"])
    order = frame["severity"].map({"error": 0, "warning": 1})
    return frame.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def _cell(p: Problem, one_sheet: bool) -> str:
    """``Gegevens!C14``, or ``C14`` when every problem is on one sheet."""
    where = p.location()
    if not one_sheet or "!" not in where:
        return where
    return where.split("!", 1)[1]


def import_options(
    *, engine: Engine, org_slug: str, role: str
) -> tuple[list[str], dict[str, dict[str, str]]]:
    """(programme names, saved column mappings by name) for the Import page."""
    require(role, "import_data")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        names = [p.name for p in programmes.list_programmes(session=session, org=org)]
        saved = {
            name: mappings.get_mapping(session=session, org=org, name=name)
            for name in mappings.list_mappings(session=session, org=org)
        }
    return names, saved
