"""Built-in accounts: Argon2 password hashes, lockout after repeated failures.

Messages never say whether an e-mail address exists (no user enumeration).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Engine
from sqlmodel import Session

from impact.errors import AuthError
from impact.i18n import t
from impact.store import audit, orgs
from impact.store.engine import write_scope
from impact.store.models import Organisation, User, utcnow

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()
#: verified against when the e-mail is unknown, so timing does not tell
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthError(t("auth.password_too_short", minimum=MIN_PASSWORD_LENGTH))
    return _hasher.hash(password)


def _verify(hashed: str | None, password: str) -> bool:
    try:
        return _hasher.verify(hashed or _DUMMY_HASH, password) and hashed is not None
    except (VerificationError, InvalidHashError):
        return False


@dataclass(frozen=True, slots=True)
class LoginResult:
    user: User
    memberships: list[tuple[Organisation, str]]


def authenticate(*, session: Session, email: str, password: str) -> LoginResult:
    """Check a password; count failures, lock after too many; audit everything."""
    user = orgs.find_user(session=session, email=email)
    now = utcnow()
    if user is not None and user.locked_until and user.locked_until > now:
        _verify(None, password)
        raise AuthError(t("auth.failed"))  # same words: no hint the account exists
    if user is None or not user.is_active or not _verify(user.password_hash, password):
        if user is not None:
            _count_failure(session, user)
        else:
            audit.record(session=session, action="login_failed", actor="unknown")
        raise AuthError(t("auth.failed"))
    user.failed_logins = 0
    user.locked_until = None
    session.add(user)
    memberships = orgs.memberships_of(session=session, user=user)
    for org, _role in memberships:
        audit.record(
            session=session, action="login", org=org, user_id=user.id, actor=user.email
        )
    return LoginResult(user, memberships)


def _count_failure(session: Session, user: User) -> None:
    user.failed_logins += 1
    memberships = orgs.memberships_of(session=session, user=user)
    org = memberships[0][0] if memberships else None
    audit.record(
        session=session,
        action="login_failed",
        org=org,
        user_id=user.id,
        actor=user.email,
        failures=user.failed_logins,
    )
    if user.failed_logins >= MAX_FAILED_LOGINS:
        user.locked_until = utcnow() + LOCKOUT
        user.failed_logins = 0
        audit.record(
            session=session,
            action="lockout",
            org=org,
            user_id=user.id,
            actor=user.email,
        )
    session.add(user)
    session.flush()


@dataclass(frozen=True, slots=True)
class LoginSession:
    """What the app keeps about a logged-in user (no ORM objects)."""

    user_id: int
    email: str
    memberships: list[tuple[str, str, str]]  # (org slug, org name, role)


def login(*, engine: Engine, email: str, password: str) -> LoginSession:
    """Authenticate in one transaction (failures and lockouts are committed too)."""
    with write_scope(engine) as session:
        try:
            result = authenticate(session=session, email=email, password=password)
        except AuthError:
            session.commit()  # keep the failure count and the audit event
            raise
        return LoginSession(
            user_id=result.user.id or 0,
            email=result.user.email,
            memberships=[(o.slug, o.name, role) for o, role in result.memberships],
        )
