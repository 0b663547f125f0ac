"""Login with a built-in account (e-mail and password) or, when configured, the
organisation's identity provider (OpenID Connect via ``st.login``); a user with
several memberships then picks the organisation to work in."""

from __future__ import annotations

import streamlit as st
from common import engine, language, sign_in, tr
from guard import client_address
from plain import msg, plain

from impact.errors import AuthError, ImpactError
from impact.i18n import use_language
from impact.services.auth import (
    SESSION_TTL,
    LoginSession,
    identity_expired,
    login,
    user_for_identity,
)
from impact.services.sso import sso_enabled

st.title("Wijkimpact")


def _choose(session: LoginSession) -> None:
    """Pick one of several organisations (the password was already checked)."""
    st.write(tr("app.login.choose_org"))
    labels = {
        slug: f"{name} ({tr(f'role.{role}')})"
        for slug, name, role in session.memberships
    }
    slug = st.radio(
        tr("app.login.organisation"),
        options=list(labels),
        format_func=lambda slug: plain(labels[slug]),
        key="login_org",
    )
    if st.button(tr("app.login.continue"), key="login_continue"):
        _slug, name, role = next(m for m in session.memberships if m[0] == slug)
        st.session_state.pop("login_pending", None)
        sign_in(session.user_id, session.email, (slug, name), role)
        st.rerun()


def _enter(session: LoginSession) -> None:
    """Sign in with the only membership, or ask which organisation."""
    if len(session.memberships) > 1:
        st.session_state["login_pending"] = session
    else:
        org_slug, org_name, role = session.memberships[0]
        sign_in(session.user_id, session.email, (org_slug, org_name), role)
    st.rerun()


def _sso_identity() -> None:
    """The identity provider signed this browser in: admit it, or refuse it once.

    A refusal is remembered for the session so reruns neither loop nor audit it
    again; the only way on is signing out of the provider's identity.
    """
    if identity_expired(dict(st.user)):
        # the 30-day identity cookie must not outlive the app's session limit
        st.info(tr("sso.expired", hours=int(SESSION_TTL.total_seconds() // 3600)))
        if st.button(tr("sso.logout"), key="sso_expired_logout"):
            st.logout()
        st.stop()
    refused: str | None = st.session_state.get("sso_refused")
    if refused is None:
        try:
            with use_language(language()):
                session = user_for_identity(
                    engine=engine(),
                    email=str(st.user.get("email") or ""),
                    subject=str(st.user.get("sub") or ""),
                    email_verified=bool(st.user.get("email_verified", True)),
                )
        except AuthError as exc:
            refused = st.session_state["sso_refused"] = str(exc)
        else:
            _enter(session)
    st.error(plain(refused))
    st.caption(msg("sso.signed_in_as", email=str(st.user.get("email") or "")))
    if st.button(tr("sso.logout"), key="sso_logout"):
        st.session_state.pop("sso_refused", None)
        st.logout()
    st.stop()


pending: LoginSession | None = st.session_state.get("login_pending")
if pending is not None:
    _choose(pending)
    st.stop()

if sso_enabled() and st.user.is_logged_in:
    _sso_identity()
if sso_enabled():
    if st.button(tr("sso.button"), key="sso_login", type="primary"):
        st.login()
    st.write(tr("sso.or_password"))
else:
    st.write(tr("app.login.intro"))
with st.form("login_form"):
    email = st.text_input(tr("app.login.email"), key="login_email")
    password = st.text_input(
        tr("app.login.password"), type="password", key="login_password"
    )
    submitted = st.form_submit_button(tr("app.login.submit"))

if submitted:
    try:
        session = login(
            engine=engine(), email=email, password=password, client=client_address()
        )
    except ImpactError as exc:
        st.error(plain(str(exc)))
    else:
        if not session.memberships:
            st.error(tr("auth.no_membership"))
        else:
            _enter(session)
