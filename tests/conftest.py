"""Shared fixtures: isolated settings per test, SQLite and PostgreSQL databases.

PostgreSQL tests (marker ``postgres``) use ``IMPACT_TEST_POSTGRES_URL`` or
127.0.0.1:5432. Where no server answers they are skipped with the reason, except
under ``CI=true``, where an unreachable server fails them: CI must test Postgres.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from impact.config import get_settings
from impact.store.engine import dispose_engines

POSTGRES_URL = os.environ.get(
    "IMPACT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(autouse=True)
def isolated_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Each test gets its own working directory and a clean IMPACT_* environment;
    afterwards every engine the test opened is disposed (no test calls
    ``dispose_engines()`` by hand)."""
    for name in list(os.environ):
        if name.startswith("IMPACT_") and name != "IMPACT_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    yield tmp_path
    dispose_engines()
    get_settings.cache_clear()


@pytest.fixture(autouse=True)
def fresh_login_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no failed logins counted in this process."""
    from impact.services import throttle

    monkeypatch.setattr(throttle, "THROTTLE", throttle.Throttle())


def postgres_available() -> str | None:
    """None when a server answers, else the reason it does not."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - the test extra installs it
        return "psycopg is not installed (pip install 'wijkimpact[postgres]')"
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3):
            return None
    except Exception as exc:
        return f"no PostgreSQL server at {POSTGRES_URL}: {exc.__class__.__name__}"


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    reason = postgres_available()
    if reason is not None:
        if IN_CI:
            pytest.fail(f"CI=true but PostgreSQL is unreachable: {reason}")
        pytest.skip(reason)
    return POSTGRES_URL


@pytest.fixture()
def postgres_url(postgres_server_url: str) -> Iterator[str]:
    """A fresh, empty schema on the test server, dropped afterwards."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in postgres_server_url else "?"
    yield f"{postgres_server_url}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture()
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"
