"""Reads for the operator's checks (``impact doctor``), across organisations.

No organisation's data is read here: only account e-mail addresses, password
hashes and organisation slugs, to find what a demo left behind.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from impact.store.models import Organisation, User


def schema_present(engine: Engine) -> bool:
    """True when the database has Wijkimpact's tables (else there is nothing
    to check, and nothing is created)."""
    return "user" in sa.inspect(engine).get_table_names()


def existing_emails(*, session: Session, emails: Iterable[str]) -> list[str]:
    wanted = [e.casefold() for e in emails]
    rows = session.exec(select(User.email).where(col(User.email).in_(wanted)))
    return sorted(rows)


def existing_slugs(*, session: Session, slugs: Iterable[str]) -> list[str]:
    rows = session.exec(
        select(Organisation.slug).where(col(Organisation.slug).in_(list(slugs)))
    )
    return sorted(rows)


def active_password_hashes(*, session: Session) -> list[tuple[str, str]]:
    """(e-mail, Argon2 hash) of every active account that has a password."""
    rows = session.exec(
        select(User.email, User.password_hash).where(
            col(User.is_active).is_(True), col(User.password_hash).is_not(None)
        )
    )
    return [(email, hashed) for email, hashed in rows if hashed]


def probe_engine(url: str) -> Engine:
    """A short-lived engine for one check: no pool, and a PostgreSQL server that
    does not answer fails within seconds instead of hanging the check."""
    from sqlalchemy.pool import NullPool
    from sqlmodel import create_engine

    args = {"connect_timeout": 5} if url.startswith("postgresql") else {}
    return create_engine(
        url, poolclass=NullPool, connect_args=args, hide_parameters=True
    )
