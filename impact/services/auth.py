"""Built-in accounts: Argon2 password hashes, throttled logins.

Failed logins are throttled with exponential back-off per address and client,
per client, and per account (:mod:`impact.services.throttle`); new passwords
follow :mod:`impact.services.passwords`. Messages never say whether an e-mail
address exists (no user enumeration).
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Engine
from sqlmodel import Session

from impact.errors import AuthError
from impact.i18n import t
from impact.services import throttle
from impact.services.passwords import MIN_LENGTH, check_new_password
from impact.store import audit, identities, orgs
from impact.store.engine import write_scope
from impact.store.models import Organisation, User, utcnow

#: failures from one client on one address before waits begin
MAX_FAILED_LOGINS = throttle.PAIR.free
MIN_PASSWORD_LENGTH = MIN_LENGTH
#: how long a login lasts in the app before the user must log in again
SESSION_TTL = timedelta(hours=8)
_hasher = PasswordHasher()
#: verified against when the e-mail is unknown, so timing does not tell
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str, *, context: Iterable[str] = ()) -> str:
    """Check a newly chosen password against the policy, then hash it.

    ``context``: the e-mail address and organisation names, which the password
    may not be built from (:func:`impact.services.passwords.check_new_password`).
    """
    check_new_password(password, context=context)
    return _hasher.hash(password)


def hash_published_password(password: str) -> str:
    """Hash without the policy: only for the demo's published password, which
    ``impact demo`` refuses to set in production and ``impact doctor`` flags."""
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


def authenticate(
    *, session: Session, email: str, password: str, known_client: bool = False
) -> LoginResult:
    """Check a password; count failures per account; audit everything.

    An account with many failures from many clients waits (exponential
    back-off, :data:`throttle.ACCOUNT`) unless ``known_client``: this client
    logged in to it before.
    """
    user = orgs.find_user(session=session, email=email)
    now = utcnow()
    waiting = user is not None and user.locked_until and user.locked_until > now
    if waiting and not known_client:
        _verify(None, password)
        raise AuthError(t("auth.failed"))  # same words: no hint the account exists
    # always one Argon2 verify, so the time taken does not tell whether the
    # e-mail exists or the account is inactive (a dummy hash for unknown users)
    password_ok = _verify(user.password_hash if user else None, password)
    if user is None or not user.is_active or not password_ok:
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


def _first_org(session: Session, user: User) -> Organisation | None:
    memberships = orgs.memberships_of(session=session, user=user)
    return memberships[0][0] if memberships else None


def _count_failure(session: Session, user: User) -> None:
    """One more consecutive failure of the account, from any client."""
    user.failed_logins += 1
    org = _first_org(session, user)
    audit.record(
        session=session,
        action="login_failed",
        org=org,
        user_id=user.id,
        actor=user.email,
        failures=user.failed_logins,
    )
    wait = throttle.ACCOUNT.wait_after(user.failed_logins)
    if wait:
        user.locked_until = utcnow() + timedelta(seconds=wait)
    if user.failed_logins == throttle.ACCOUNT.free:
        audit.record(
            session=session,
            action="lockout",
            org=org,
            user_id=user.id,
            actor=user.email,
            level="account",
        )
    session.add(user)
    session.flush()


@dataclass(frozen=True, slots=True)
class LoginSession:
    """What the app keeps about a logged-in user (no ORM objects)."""

    user_id: int
    email: str
    memberships: list[tuple[str, str, str]]  # (org slug, org name, role)


def login(
    *,
    engine: Engine,
    email: str,
    password: str,
    client: str = "local",
    gate: throttle.Throttle | None = None,
) -> LoginSession:
    """Authenticate in one transaction (failures and waits are committed too).

    ``client`` identifies where the attempt comes from (the browser session or
    network address); a client or address-and-client that failed too often
    must wait (:mod:`impact.services.throttle`), told how long.
    """
    gate = gate or throttle.THROTTLE
    pair, by_client = throttle.pair_key(email, client), throttle.client_key(client)
    wait = gate.retry_after(pair, by_client)
    if wait > 0:
        raise AuthError(t("auth.throttled", seconds=math.ceil(wait)), code="throttled")
    with write_scope(engine) as session:
        user = orgs.find_user(session=session, email=email)
        known = user is not None and gate.known(
            throttle.known_key(user.id or 0, client)
        )
        try:
            result = authenticate(
                session=session, email=email, password=password, known_client=known
            )
        except AuthError:
            gate.failed(by_client, throttle.CLIENT)
            if gate.failed(pair, throttle.PAIR) and user is not None:
                audit.record(
                    session=session,
                    action="lockout",
                    org=_first_org(session, user),
                    user_id=user.id,
                    actor=user.email,
                    level="client",
                )
            session.commit()  # keep the failure count and the audit event
            raise
        gate.succeeded(pair)
        gate.remember(throttle.known_key(result.user.id or 0, client))
        return LoginSession(
            user_id=result.user.id or 0,
            email=result.user.email,
            memberships=[(o.slug, o.name, role) for o, role in result.memberships],
        )


def session_expires(now: datetime) -> datetime:
    """When a session that starts at ``now`` ends."""
    return now + SESSION_TTL


def session_expired(expires: datetime | None, now: datetime) -> bool:
    """True when a session ending at ``expires`` may no longer be used at ``now``.

    Fails closed: no expiry, an expiry without a time zone, or one further away
    than a whole session (a forged or corrupted value) all count as expired.
    """
    if expires is None or expires.tzinfo is None or now.tzinfo is None:
        return True
    return not (now < expires <= now + SESSION_TTL)


def utc_now() -> datetime:
    return datetime.now(UTC)


def identity_expired(claims: Mapping[str, object], now: datetime | None = None) -> bool:
    """True when a single sign-on identity is older than :data:`SESSION_TTL`.

    Streamlit keeps the provider's identity in a cookie for 30 days; the app's
    own limit is the one of a password login. The age is taken from the ID
    token's ``auth_time`` (when the user authenticated), else its ``iat`` (when
    it was issued); a token with neither (both are standard claims, ``iat`` is
    required) cannot be aged and is not refused here.
    """
    stamp = claims.get("auth_time", claims.get("iat"))
    if isinstance(stamp, bool) or not isinstance(stamp, int | float):
        return False
    issued = datetime.fromtimestamp(float(stamp), tz=UTC)
    return (now or utcnow()) - issued > SESSION_TTL


def user_for_identity(
    *, engine: Engine, email: str, subject: str, email_verified: bool = True
) -> LoginSession:
    """Map a single sign-on identity (OpenID Connect ``email`` and ``sub``) to a user.

    Only accounts an administrator created get in, and only to the organisations
    they were added to: an unknown identity, an inactive account or an account
    without a membership is refused (``AuthError``) and the attempt is audited.
    The first SSO login binds ``sub`` to the account with that (verified) e-mail;
    afterwards the account follows ``sub``, and another ``sub`` presenting the
    same e-mail is refused.
    """
    with write_scope(engine) as session:
        try:
            user = _identity_user(session, email, subject, email_verified)
            memberships = orgs.memberships_of(session=session, user=user)
            if not memberships:
                raise AuthError(t("auth.no_membership"))
        except AuthError:
            audit.record(
                session=session, action="login_failed", actor="sso", method="oidc"
            )
            session.commit()
            raise
        for org, _role in memberships:
            audit.record(
                session=session,
                action="login",
                org=org,
                user_id=user.id,
                actor=user.email,
                method="oidc",
            )
        return LoginSession(
            user_id=user.id or 0,
            email=user.email,
            memberships=[(o.slug, o.name, role) for o, role in memberships],
        )


def _identity_user(
    session: Session, email: str, subject: str, email_verified: bool
) -> User:
    if not subject.strip():
        raise AuthError(t("security.sso_refused"))
    user = identities.find_user_by_subject(session=session, subject=subject)
    if user is None and email_verified:
        by_email = orgs.find_user(session=session, email=email)
        if by_email is not None and by_email.oidc_subject is None:
            user = identities.bind_subject(
                session=session, user=by_email, subject=subject
            )
    if user is None or not user.is_active:
        raise AuthError(t("security.sso_refused"))
    return user
