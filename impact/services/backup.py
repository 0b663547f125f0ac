"""Backup and restore of the embedded SQLite database.

Uses SQLite's online backup API: a consistent copy while the app keeps running.
A backup holds personal data (pseudonymised), so the file is written owner-only.
It does not hold the master secret: keep ``IMPACT_SECRET_KEY`` (or the generated
``.secret`` file) apart from the backups, or new uploads will no longer link to
restored participants. PostgreSQL is backed up with ``pg_dump`` (docs/deploy.md).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from impact.errors import ConfigError, DataError
from impact.i18n import t
from impact.store import audit, versions
from impact.store.engine import (
    create_private,
    database_url,
    dispose_engines,
    get_engine,
    session_scope,
)
from impact.store.migrate import head_revision, upgrade

BACKUP_MODE = 0o600


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    size: int
    revision: str | None


def sqlite_path(url: str | None = None) -> Path:
    """The database file behind ``url``; refuses PostgreSQL and in-memory URLs."""
    url = database_url(url)
    if not url.startswith("sqlite:///") or url.endswith(":memory:"):
        raise ConfigError(t("security.backup_not_sqlite"))
    return Path(url.removeprefix("sqlite:///"))


def backup(*, target: Path, url: str | None = None, actor: str = "cli") -> BackupResult:
    """Copy the live database to ``target`` (which must not exist yet)."""
    source = sqlite_path(url)
    if target.exists():
        raise DataError(t("security.backup_exists", path=target))
    partial = target.with_name(target.name + ".partial")
    try:
        _copy_private(source, partial)
        revision = _check_file(partial)
        partial.replace(target)
    finally:
        for leftover in _side_files(partial):
            leftover.unlink(missing_ok=True)
    with session_scope(get_engine(url)) as session:
        audit.record(session=session, action="backup", actor=actor, file=target.name)
    return BackupResult(target, target.stat().st_size, revision)


def _copy_private(source: Path, target: Path) -> None:
    """SQLite's online backup of ``source`` into a new owner-only ``target``, as a
    self-contained file: rollback journal, so reading it later (the check, a
    restore) leaves no -wal or -shm file beside it."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, BACKUP_MODE)
    os.close(fd)
    with (
        closing(sqlite3.connect(source)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")


def _side_files(path: Path) -> list[Path]:
    """``path`` and every file SQLite may have put beside it."""
    return [path] + [
        path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm")
    ]


@dataclass(frozen=True, slots=True)
class RestoreResult:
    revision: str | None
    #: erasures done after the backup was made: the restore undid them, and they
    #: must be repeated (the audit log holds no references, by design)
    erasures_to_repeat: int


def restore(
    *, source: Path, url: str | None = None, actor: str = "cli"
) -> RestoreResult:
    """Replace the live database by a checked backup, upgraded to this version."""
    if not source.is_file():
        raise DataError(t("security.backup_missing", path=source))
    _check_file(source)
    target = sqlite_path(url)
    create_private(target)
    lost = _erasures_after(target, _last_event_id(source))
    dispose_engines()  # no pooled connection may keep the old pages
    with (
        closing(sqlite3.connect(source)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
    dispose_engines()
    revision = upgrade(url)
    with session_scope(get_engine(url)) as session:
        # older versions are back in the table: move every one past them
        versions.bump_all(session=session)
        audit.record(
            session=session,
            action="restore",
            actor=actor,
            file=source.name,
            erasures_to_repeat=lost,
        )
    return RestoreResult(revision, lost)


def _last_event_id(path: Path) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        row = conn.execute("SELECT coalesce(max(id), 0) FROM auditevent").fetchone()
    return int(row[0])


def _erasures_after(live: Path, event_id: int) -> int:
    """Erase events in the live database newer than the backup's last event."""
    if not live.exists():
        return 0
    with closing(sqlite3.connect(f"file:{live}?mode=ro", uri=True)) as conn:
        row = conn.execute(
            "SELECT count(*) FROM auditevent WHERE action = 'erase' AND id > ?",
            (event_id,),
        ).fetchone()
    return int(row[0])


def _check_file(path: Path) -> str | None:
    """Integrity check; the file must be a Wijkimpact database of a known version."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            revision = conn.execute(
                "SELECT version_num FROM alembic_version"
            ).fetchone()
    except sqlite3.DatabaseError:
        raise DataError(t("security.backup_invalid", path=path)) from None
    if ok != "ok" or revision is None:
        raise DataError(t("security.backup_invalid", path=path))
    if revision[0] > (head_revision() or ""):
        raise DataError(t("security.backup_newer", path=path, revision=revision[0]))
    return str(revision[0])


#: columns that are cache keys, not content (bumped by a restore itself)
NOT_CONTENT = {"organisation": {"data_version"}}


def content_digest(engine: Engine) -> dict[str, str]:
    """sha256 of every table's rows in primary-key order (compare two databases)."""
    out = {}
    inspector = sa.inspect(engine)
    with engine.connect() as conn:
        for table in sorted(inspector.get_table_names()):
            digest = hashlib.sha256()
            skip = NOT_CONTENT.get(table, set())
            names = [c["name"] for c in inspector.get_columns(table)]
            cols = ", ".join(f'"{n}"' for n in names if n not in skip)
            rows = conn.execute(sa.text(f'SELECT {cols} FROM "{table}" ORDER BY 1'))  # noqa: S608
            for row in rows:
                digest.update(repr(tuple(row)).encode())
            out[table] = digest.hexdigest()
    return out
