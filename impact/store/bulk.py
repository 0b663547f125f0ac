"""Fast, idempotent bulk writes of measurements and area observations.

A million rows must go in within a few seconds, inside the caller's transaction:
SQLite gets ``INSERT OR IGNORE`` through the driver's ``executemany``;
PostgreSQL gets ``COPY`` into a temporary table and one
``INSERT ... SELECT ... ON CONFLICT DO NOTHING``. The unique natural keys make a
repeated or overlapping upload insert nothing twice; the functions return how
many rows were new.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlmodel import Session

#: per-row columns; organisation_id and batch_id go in as ``constants``
MEASUREMENT_COLUMNS: tuple[str, ...] = (
    "programme_id",
    "participant_id",
    "instrument",
    "domain",
    "date",
    "wave",
    "value",
    "rated_by",
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
    "programme_id",
    "pseudonym",
    "group",
    "wijk",
    "start_date",
)


def insert_ignore(
    session: Session,
    table: str,
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    constants: Mapping[str, int] | None = None,
) -> int:
    """Insert ``rows``, skipping natural-key duplicates; return the number new.

    ``constants``: columns with one integer value for every row (organisation,
    batch), written into the statement instead of bound once per row.
    """
    if not rows:
        return 0
    return insert_ignore_chunks(session, table, columns, [rows], constants)


def insert_ignore_chunks(
    session: Session,
    table: str,
    columns: Sequence[str],
    chunks: Iterable[Sequence[tuple[Any, ...]]],
    constants: Mapping[str, int] | None = None,
) -> int:
    """:func:`insert_ignore` for rows that arrive in chunks: on SQLite a worker
    thread inserts one chunk (the driver releases the GIL while SQLite works)
    while the caller builds the next."""
    fixed = {k: int(v) for k, v in (constants or {}).items()}
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        return _sqlite_insert(connection, table, columns, chunks, fixed)
    return _postgres_copy_insert(connection, table, columns, chunks, fixed)


def fetch_rows(
    session: Session, sql: str, params: Sequence[Any]
) -> list[tuple[Any, ...]]:
    """Plain tuples straight from the driver (``?`` placeholders): for reading
    back hundreds of thousands of keys without per-row result objects."""
    connection = session.connection()
    raw = connection.connection.driver_connection
    if connection.dialect.name != "sqlite":
        sql = sql.replace("?", "%s")
    cursor = raw.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, tuple(params))
        return [tuple(r) for r in cursor.fetchall()]
    finally:
        cursor.close()


def _quoted(columns: Iterable[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def _sqlite_insert(
    connection: Any,
    table: str,
    columns: Sequence[str],
    chunks: Iterable[Sequence[tuple[Any, ...]]],
    fixed: Mapping[str, int],
) -> int:
    raw = connection.connection.driver_connection
    before = raw.total_changes
    marks = ", ".join(["?"] * len(columns) + [str(v) for v in fixed.values()])
    names = _quoted([*columns, *fixed])
    # table and column names are module constants, constants are ints
    sql = f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})'  # noqa: S608
    pending: queue.Queue[Sequence[tuple[Any, ...]] | None] = queue.Queue(maxsize=2)
    failed: list[BaseException] = []

    def write() -> None:
        while (rows := pending.get()) is not None:
            if not failed:
                try:
                    raw.executemany(sql, rows)
                except BaseException as exc:  # re-raised in the caller's thread
                    failed.append(exc)

    worker = threading.Thread(target=write, name="impact-bulk-insert", daemon=True)
    worker.start()
    try:
        for chunk in chunks:
            if failed:
                break
            pending.put(chunk)
    finally:
        pending.put(None)
        worker.join()
    if failed:
        raise failed[0]
    return int(raw.total_changes - before)


def _postgres_copy_insert(
    connection: Any,
    table: str,
    columns: Sequence[str],
    chunks: Iterable[Sequence[tuple[Any, ...]]],
    fixed: Mapping[str, int],
) -> int:
    raw = connection.connection.driver_connection
    temp = f"tmp_{table}"
    cols = _quoted(columns)
    targets = _quoted([*columns, *fixed])
    sources = ", ".join([cols, *(str(v) for v in fixed.values())])
    with raw.cursor() as cur:
        # only the per-row columns, without the table's NOT NULL constraints
        cur.execute(
            f'CREATE TEMP TABLE IF NOT EXISTS "{temp}" ON COMMIT DROP '  # noqa: S608
            f'AS SELECT {cols} FROM "{table}" WITH NO DATA'
        )
        cur.execute(f'TRUNCATE "{temp}"')
        with cur.copy(f'COPY "{temp}" ({cols}) FROM STDIN') as copy:
            for rows in chunks:
                for row in rows:
                    copy.write_row(row)
        cur.execute(
            f'INSERT INTO "{table}" ({targets}) SELECT {sources} FROM "{temp}" '  # noqa: S608
            "ON CONFLICT DO NOTHING"
        )
        inserted = cur.rowcount
        cur.execute(f'TRUNCATE "{temp}"')
    return int(inserted)
