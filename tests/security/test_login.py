"""Login: session expiry, no user enumeration (words and timing), lockout expiry,
and the single sign-on identity mapping."""

from __future__ import annotations

import json
import statistics
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from impact.errors import AuthError
from impact.services.admin import add_user, create_organisation
from impact.services.auth import (
    MAX_FAILED_LOGINS,
    SESSION_TTL,
    login,
    session_expired,
    session_expires,
    user_for_identity,
)
from tests.factories import migrated_engine

PASSWORD = "correct horse battery"
#: an unknown e-mail must cost at least this share of a wrong password's time
MIN_TIMING_RATIO = 0.5
TIMING_ROUNDS = 3
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture()
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = migrated_engine(sqlite_url)
    create_organisation(engine=engine, slug="org-a", name="A")
    create_organisation(engine=engine, slug="org-b", name="B")
    add_user(
        engine=engine, email="ann@a.nl", org_slug="org-a", role="analyst",
        password=PASSWORD,
    )  # fmt: skip
    yield engine


def _actions(engine) -> list[tuple[str, str, dict]]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT action, actor, detail FROM auditevent"))
        return [(a, b, json.loads(c)) for a, b, c in rows]


# --- session expiry --------------------------------------------------------------


def test_fresh_session_is_valid_until_ttl_then_expired() -> None:
    expires = session_expires(NOW)
    assert expires - NOW == SESSION_TTL
    assert not session_expired(expires, NOW)
    assert not session_expired(expires, expires - timedelta(seconds=1))
    assert session_expired(expires, expires)
    assert session_expired(expires, expires + timedelta(seconds=1))


@pytest.mark.parametrize(
    "expires",
    [
        None,
        datetime(2025, 3, 1, 20, 0),  # naive: refused, not guessed
        NOW + SESSION_TTL + timedelta(minutes=1),  # longer than any real session
    ],
)
def test_malformed_expiry_fails_closed(expires: datetime | None) -> None:
    assert session_expired(expires, NOW)


# --- no user enumeration --------------------------------------------------------


def _median_login_seconds(engine, email: str) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(TIMING_ROUNDS):
        start = time.perf_counter()
        with pytest.raises(AuthError):
            login(engine=engine, email=email, password="not the password")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_unknown_email_takes_as_long_as_wrong_password(engine) -> None:  # type: ignore[no-untyped-def]
    add_user(
        engine=engine, email="bob@a.nl", org_slug="org-a", role="viewer",
        password=PASSWORD,
    )  # fmt: skip
    unknown = _median_login_seconds(engine, "nobody@a.nl")
    known = _median_login_seconds(engine, "bob@a.nl")
    # without the dummy Argon2 verify an unknown e-mail is ~100x faster
    assert unknown / known > MIN_TIMING_RATIO, (unknown, known)


def test_throttled_known_and_unknown_read_the_same(engine) -> None:  # type: ignore[no-untyped-def]
    """Wrong and unknown read the same; so do a throttled known address and a
    throttled unknown one (the wait is per address as typed, known or not)."""
    failed, throttled = set(), set()
    for email in ("ann@a.nl", "nobody@a.nl"):
        for _ in range(MAX_FAILED_LOGINS):
            with pytest.raises(AuthError) as wrong:
                login(engine=engine, email=email, password="wrong password")
            failed.add(str(wrong.value))
        with pytest.raises(AuthError) as waiting:
            login(engine=engine, email=email, password=PASSWORD)
        throttled.add((waiting.value.code, str(waiting.value)))
    assert len(failed) == 1
    assert len(throttled) == 1 and next(iter(throttled))[0] == "throttled"


# --- single sign-on mapping ------------------------------------------------------


def test_first_sso_login_binds_subject_then_follows_it(engine) -> None:  # type: ignore[no-untyped-def]
    first = user_for_identity(engine=engine, email="Ann@A.nl", subject="sub-1")
    assert first.memberships == [("org-a", "A", "analyst")]
    # the e-mail changed at the provider: the account follows the subject
    again = user_for_identity(engine=engine, email="ann.new@a.nl", subject="sub-1")
    assert again.user_id == first.user_id
    logins = [d for a, _, d in _actions(engine) if a == "login"]
    assert logins == [{"method": "oidc"}] * 2


@pytest.mark.parametrize(
    ("email", "subject", "verified"),
    [
        ("nobody@a.nl", "sub-x", True),  # unknown identity
        ("ann@a.nl", "sub-x", False),  # e-mail not verified by the provider
        ("ann@a.nl", "", True),  # no subject
    ],
)
def test_unknown_or_unverified_identity_gets_nothing(
    engine, email: str, subject: str, verified: bool
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthError):
        user_for_identity(
            engine=engine, email=email, subject=subject, email_verified=verified
        )
    actions = _actions(engine)
    assert ("login_failed", "sso", {"method": "oidc"}) in actions
    assert all(a != "login" for a, _, _ in actions)
    with engine.connect() as conn:
        bound = conn.execute(text("SELECT oidc_subject FROM user")).scalars().all()
    assert bound == [None]


def test_second_identity_cannot_take_over_a_bound_account(engine) -> None:  # type: ignore[no-untyped-def]
    user_for_identity(engine=engine, email="ann@a.nl", subject="sub-1")
    with pytest.raises(AuthError):
        user_for_identity(engine=engine, email="ann@a.nl", subject="sub-evil")


def test_identity_without_membership_or_inactive_gets_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO user (email, display_name, is_active, failed_logins, "
                 "language, created_at) VALUES ('solo@a.nl', '', 1, 0, 'nl', "
                 "'2025-01-01')")
        )  # fmt: skip
    with pytest.raises(AuthError, match="organisatie"):
        user_for_identity(engine=engine, email="solo@a.nl", subject="sub-solo")
    user_for_identity(engine=engine, email="ann@a.nl", subject="sub-1")
    with engine.begin() as conn:
        conn.execute(text("UPDATE user SET is_active = 0 WHERE email = 'ann@a.nl'"))
    with pytest.raises(AuthError):
        user_for_identity(engine=engine, email="ann@a.nl", subject="sub-1")
