"""The doctor's checks of what is on disk and in the database: data files that
others than their owner can read, and, in production, what a demo left behind
(its organisations, its accounts, an account with the published password)."""

from __future__ import annotations

import stat
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from impact.config import Settings, secret_file_path
from impact.i18n import t
from impact.store import operator
from impact.store.engine import sqlite_file

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def data_findings(settings: Settings) -> list[tuple[str, str]]:
    """(code, message) for every unsafe file or demo trace."""
    findings = _file_modes(settings)
    if settings.environment == "production":
        findings += _demo_traces(settings)
    return findings


def data_files(settings: Settings) -> list[Path]:
    """The SQLite database, its side files and the generated key file."""
    paths = [secret_file_path(settings)]
    db = sqlite_file(settings.effective_database_url)
    if db is not None:
        paths += [db, *(db.with_name(db.name + s) for s in SIDE_SUFFIXES)]
    return [p for p in paths if p.exists()]


def _file_modes(settings: Settings) -> list[tuple[str, str]]:
    return [
        ("file_mode", t("security.doctor.file_mode", path=path))
        for path in data_files(settings)
        if stat.S_IMODE(path.stat().st_mode) & 0o077
    ]


def _demo_traces(settings: Settings) -> list[tuple[str, str]]:
    from impact.services.demo import DEMO_ORG_SLUGS, DEMO_PASSWORD, DEMO_USERS

    url = settings.effective_database_url
    db = sqlite_file(url)
    if settings.is_sqlite and (db is None or not db.exists()):
        return []  # no database yet: nothing to find, and nothing is created
    engine = operator.probe_engine(url)
    try:
        if not operator.schema_present(engine):
            return []
        with Session(engine) as session:
            slugs = operator.existing_slugs(session=session, slugs=DEMO_ORG_SLUGS)
            emails = operator.existing_emails(
                session=session, emails=(email for email, _s, _r in DEMO_USERS)
            )
            hashes = operator.active_password_hashes(session=session)
    except SQLAlchemyError:
        return [("database_unreachable", t("errors.database_unreachable"))]
    finally:
        engine.dispose()
    findings = []
    if slugs or emails:
        names = ", ".join([*slugs, *emails])
        findings.append(("demo_accounts", t("security.doctor.demo", names=names)))
    published = [email for email, hashed in hashes if _is(hashed, DEMO_PASSWORD)]
    if published:
        findings.append(
            ("demo_password",
             t("security.doctor.demo_password", n=len(published),
               emails=", ".join(published[:5])))
        )  # fmt: skip
    return findings


def _is(hashed: str, password: str) -> bool:
    try:
        return PasswordHasher().verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False
