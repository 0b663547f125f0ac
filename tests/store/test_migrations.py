"""Alembic migrations create exactly the schema the models describe."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import impact.store.models  # noqa: F401 - registers the tables
from impact.store.engine import get_engine
from impact.store.migrate import current_revision, head_revision, is_up_to_date, upgrade


def _differences(url: str) -> list[object]:
    with get_engine(url).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, SQLModel.metadata))


def _check(url: str) -> None:
    engine = get_engine(url)
    assert current_revision(engine) is None
    assert upgrade(url) == head_revision()
    assert is_up_to_date(engine)
    assert _differences(url) == []
    assert upgrade(url) == head_revision()  # a second upgrade is a no-op


def test_upgrade_empty_sqlite_matches_models(sqlite_url: str) -> None:
    _check(sqlite_url)


@pytest.mark.postgres
def test_upgrade_empty_postgres_matches_models(postgres_url: str) -> None:
    _check(postgres_url)
