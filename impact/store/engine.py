"""One engine per database URL, built from :class:`impact.config.Settings`.

SQLite gets WAL journaling, foreign keys and a busy timeout so that the app and
an import can work side by side; PostgreSQL gets pre-ping for long-lived apps.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from impact.config import get_settings, normalise_database_url

SQLITE_BUSY_TIMEOUT_MS = 30_000
#: the database and its -wal/-shm files (SQLite gives them the database's mode)
PRIVATE_MODE = 0o600


def database_url(url: str | None = None) -> str:
    return normalise_database_url(url) if url else get_settings().effective_database_url


_ENGINES: dict[str, Engine] = {}


def _engine_for(url: str) -> Engine:
    if url not in _ENGINES:
        _ENGINES[url] = _build_engine(url)
    return _ENGINES[url]


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL; None for PostgreSQL and in-memory databases."""
    if not url.startswith("sqlite:///"):
        return None
    name = url.removeprefix("sqlite:///").split("?", 1)[0]
    return None if name in ("", ":memory:") else Path(name)


def create_private(path: Path) -> None:
    """Create ``path`` readable by its owner only, unless it exists already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))


def _build_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = sqlite_file(url)
        if path is not None:
            create_private(path)  # before SQLite creates it with the umask's mode
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            hide_parameters=True,  # no cell values in error messages or logs
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "checkin", _sqlite_checkin)
        return engine
    return create_engine(
        url, pool_pre_ping=True, pool_size=5, max_overflow=5, hide_parameters=True
    )


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # let SQLAlchemy, not the driver, decide when a transaction begins
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB: index inserts of a big import
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # A write transaction (see write_scope) takes the lock up front, so two
    # writers queue on the busy timeout instead of failing halfway with
    # "database is locked"; readers never wait (WAL).
    options = conn.get_execution_options()
    if options.get("sqlite_bulk", False):
        # an import's rows reference ids it just read or wrote under the same
        # lock; checking four foreign keys per row costs a fifth of the insert
        # (the pragma can only change outside a transaction; checkin restores)
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    immediate = options.get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_checkin(dbapi_conn: Any, _record: Any) -> None:
    # every pooled connection goes back with its foreign keys enforced
    with contextlib.suppress(Exception):  # a broken one is discarded anyway
        dbapi_conn.execute("PRAGMA foreign_keys=ON")


def get_engine(url: str | None = None) -> Engine:
    """The engine for ``url`` (default: the configured database)."""
    return _engine_for(database_url(url))


def dispose_engines() -> None:
    """Close every pooled connection (tests, and after a restore)."""
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session whose work is committed at the end, or rolled back on error."""
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@contextmanager
def write_scope(
    engine: Engine | None = None, *, bulk: bool = False
) -> Iterator[Session]:
    """Like :func:`session_scope`, for a transaction that writes (one import).

    On SQLite it takes the write lock at BEGIN, so concurrent imports queue.
    ``bulk``: rows whose references the caller guarantees (an import's bulk
    insert); SQLite then skips the per-row foreign-key checks.
    """
    bind = (engine or get_engine()).execution_options(
        sqlite_immediate=True, sqlite_bulk=bulk
    )
    with Session(bind, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
