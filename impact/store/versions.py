"""One data version per organisation, bumped in the same transaction by every
write path (import, undo, redo, erasure, backup restore, programme, instrument,
funding and value edits, migrations). Caches key on it, so another process or
replica sees a change at its next read.

A bump sets the version to ``max(version + 1, now in microseconds)``: it only
grows, and after a backup restore (older versions back in the table) the next
bump still passes every value a cache has seen.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, col

from impact.store.models import Organisation


def _next() -> sa.ColumnElement[int]:
    now = int(time.time() * 1_000_000)
    return sa.case(
        (col(Organisation.data_version) + 1 > now, col(Organisation.data_version) + 1),
        else_=now,
    )


def bump(*, session: Session, org_ids: Iterable[int | None]) -> None:
    """Bump the version of these organisations (in the caller's transaction)."""
    ids = sorted({i for i in org_ids if i is not None})
    if ids:
        session.execute(
            sa.update(Organisation)
            .where(col(Organisation.id).in_(ids))
            .values(data_version=_next())
        )


def bump_all(*, session: Session) -> None:
    """Bump every organisation (a restore or a migration changed everything)."""
    session.execute(bump_all_statement())


def bump_all_statement() -> sa.Update:
    return sa.update(Organisation).values(data_version=_next())


def current(*, session: Session, org_ids: Iterable[int]) -> int:
    """The sum of the versions of these organisations (a cache key: any bump of
    any of them makes it grow)."""
    ids = sorted(set(org_ids))
    if not ids:
        return 0
    total = session.execute(
        sa.select(sa.func.coalesce(sa.func.sum(Organisation.data_version), 0)).where(
            col(Organisation.id).in_(ids)
        )
    ).scalar_one()
    return int(total)
