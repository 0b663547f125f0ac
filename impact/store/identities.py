"""Single sign-on identities: the OpenID Connect subject bound to a user."""

from __future__ import annotations

from sqlmodel import Session, select

from impact.store.models import User


def find_user_by_subject(*, session: Session, subject: str) -> User | None:
    """The user whose account is bound to this OpenID Connect ``sub`` claim."""
    return session.exec(select(User).where(User.oidc_subject == subject)).first()


def bind_subject(*, session: Session, user: User, subject: str) -> User:
    """Bind an identity provider's ``sub`` to ``user`` (first SSO login)."""
    user.oidc_subject = subject
    session.add(user)
    session.flush()
    return user
