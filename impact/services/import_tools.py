"""What the Import page needs around :mod:`impact.services.uploads`: templates,
the problems as a table and as a marked-up copy, and the import history."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import pandas as pd
from sqlalchemy.engine import Engine

from impact.ingest import Problem
from impact.ingest.problem_book import problems_workbook
from impact.ingest.templates import template_filename, write_template
from impact.services.permissions import require
from impact.store import batches, orgs
from impact.store.engine import session_scope

TemplateKind = Literal["participant", "area"]
HISTORY_LIMIT = 50


def template(kind: TemplateKind, lang: str, role: str) -> tuple[str, bytes]:
    """(file name, bytes) of an empty import template."""
    require(role, "import_data")
    return template_filename(kind, None, lang), write_template(kind, lang=lang)


def problem_table(problems: Sequence[Problem]) -> pd.DataFrame:
    """One row per problem: severity, sheet, row, column, message."""
    return pd.DataFrame(
        [(p.severity, p.sheet, p.row, p.column, p.message) for p in problems],
        columns=["severity", "sheet", "row", "column", "message"],
    )


def marked_copy(
    data: bytes, filename: str, problems: Sequence[Problem], lang: str, role: str
) -> bytes:
    """The upload as .xlsx with every problem cell highlighted and explained."""
    require(role, "import_data")
    return problems_workbook(data, filename, problems, lang)


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
