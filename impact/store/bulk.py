"""Fast, idempotent bulk writes of measurements and area observations.

A million rows must go in within a few seconds, inside the caller's transaction:
SQLite gets ``INSERT OR IGNORE`` through the driver's ``executemany``;
PostgreSQL gets ``COPY`` into a temporary table and one
``INSERT ... SELECT ... ON CONFLICT DO NOTHING``. The unique natural keys make a
repeated or overlapping upload insert nothing twice; the functions return how
many rows were new.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlmodel import Session

MEASUREMENT_COLUMNS: tuple[str, ...] = (
    "organisation_id",
    "programme_id",
    "participant_id",
    "instrument",
    "domain",
    "date",
    "wave",
    "value",
    "rated_by",
    "batch_id",
)
AREA_COLUMNS: tuple[str, ...] = (
    "organisation_id",
    "programme_id",
    "area_code",
    "period",
    "indicator",
    "value",
    "first_treated",
    "batch_id",
)
PARTICIPANT_COLUMNS: tuple[str, ...] = (
    "organisation_id",
    "programme_id",
    "pseudonym",
    "group",
    "wijk",
    "start_date",
    "batch_id",
)


def insert_ignore(
    session: Session,
    table: str,
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
) -> int:
    """Insert ``rows``, skipping natural-key duplicates; return the number new."""
    if not rows:
        return 0
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        return _sqlite_insert(connection, table, columns, rows)
    return _postgres_copy_insert(connection, table, columns, rows)


def _quoted(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _sqlite_insert(
    connection: Any, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> int:
    raw = connection.connection.driver_connection
    before = raw.total_changes
    marks = ", ".join("?" for _ in columns)
    # table and column names are module constants, never user input
    sql = f'INSERT OR IGNORE INTO "{table}" ({_quoted(columns)}) VALUES ({marks})'  # noqa: S608
    raw.executemany(sql, rows)
    return int(raw.total_changes - before)


def _postgres_copy_insert(
    connection: Any, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> int:
    raw = connection.connection.driver_connection
    temp = f"tmp_{table}"
    cols = _quoted(columns)
    with raw.cursor() as cur:
        cur.execute(
            f'CREATE TEMP TABLE IF NOT EXISTS "{temp}" '
            f'(LIKE "{table}" INCLUDING DEFAULTS) ON COMMIT DROP'
        )
        cur.execute(f'TRUNCATE "{temp}"')
        with cur.copy(f'COPY "{temp}" ({cols}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
        cur.execute(
            f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM "{temp}" '  # noqa: S608
            "ON CONFLICT DO NOTHING"
        )
        inserted = cur.rowcount
        cur.execute(f'TRUNCATE "{temp}"')
    return int(inserted)
