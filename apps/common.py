"""Shared helpers for the Streamlit pages: the cached engine, the logged-in
user, and the language. Pages stay thin: they call ``impact.services`` only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, NoReturn

import streamlit as st

from impact.i18n import t, use_language
from impact.services.auth import session_expired, session_expires, utc_now
from impact.store.engine import get_engine
from impact.store.migrate import upgrade


@st.cache_resource
def engine() -> Any:
    """The one cached resource: the database engine (never mutated)."""
    upgrade()
    return get_engine()


@dataclass(frozen=True)
class CurrentUser:
    user_id: int
    email: str
    org_slug: str
    org_name: str
    role: str
    expires: datetime


def current_user() -> CurrentUser | None:
    user: CurrentUser | None = st.session_state.get("auth_user")
    if user is not None and session_expired(user.expires, utc_now()):
        st.session_state.pop("auth_user", None)
        return None
    return user


def sign_in(user_id: int, email: str, org: tuple[str, str], role: str) -> None:
    st.session_state["auth_user"] = CurrentUser(
        user_id, email, org[0], org[1], role, session_expires(utc_now())
    )


def sign_out() -> None:
    st.session_state.pop("auth_user", None)


def log_out() -> NoReturn:
    """End the sign-in of this session; for a single sign-on user also the identity.

    ``st.logout()`` empties ``st.user`` and only *queues* a redirect to
    ``/auth/logout``, the route that deletes Streamlit's identity cookie and ends
    the session at the provider. A rerun clears the browser queue before the
    next run starts and can drop that redirect, leaving the cookie to sign the
    browser in again at the next page load; so this run stops instead.
    Without single sign-on ``st.user`` has no ``is_logged_in`` at all.
    """
    sign_out()
    if st.user.get("is_logged_in"):
        st.logout()
        st.stop()
    st.rerun()


def language() -> str:
    return str(st.session_state.get("ui_lang", "nl"))


def tr(key: str, **params: object) -> str:
    """Translate in the language chosen in the sidebar."""
    with use_language(language()):
        return t(key, **params)
