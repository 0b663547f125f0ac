"""Built-in login: Argon2 hashes, lockout, no user enumeration, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from impact.errors import AuthError
from impact.services.admin import add_user, create_organisation
from impact.services.auth import MAX_FAILED_LOGINS, login
from tests.factories import migrated_engine

PASSWORD = "correct horse battery"


@pytest.fixture()
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = migrated_engine(sqlite_url)
    create_organisation(engine=engine, slug="org-a", name="A")
    add_user(
        engine=engine,
        email="Ann@Example.nl",
        org_slug="org-a",
        role="analyst",
        password=PASSWORD,
    )
    yield engine


def test_login_and_hash(engine) -> None:  # type: ignore[no-untyped-def]
    session = login(engine=engine, email="ann@example.nl ", password=PASSWORD)
    assert session.memberships == [("org-a", "A", "analyst")]
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM user")).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_unknown_user_and_wrong_password_read_the_same(engine) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthError) as unknown:
        login(engine=engine, email="nobody@example.nl", password=PASSWORD)
    with pytest.raises(AuthError) as wrong:
        login(engine=engine, email="ann@example.nl", password="wrong password")
    assert str(unknown.value) == str(wrong.value)


def test_lockout_after_repeated_failures_is_audited(engine) -> None:  # type: ignore[no-untyped-def]
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthError):
            login(engine=engine, email="ann@example.nl", password="wrong password")
    with pytest.raises(AuthError):  # locked: even the right password fails now
        login(engine=engine, email="ann@example.nl", password=PASSWORD)
    with engine.connect() as conn:
        actions = conn.execute(text("SELECT action FROM auditevent")).scalars().all()
    assert actions.count("login_failed") == MAX_FAILED_LOGINS
    assert actions.count("lockout") == 1 and "login" not in actions
