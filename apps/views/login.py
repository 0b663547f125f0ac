"""Login with a built-in account (e-mail and password); a user with several
memberships then picks the organisation to work in."""

from __future__ import annotations

import streamlit as st
from common import engine, sign_in, tr

from impact.errors import ImpactError
from impact.services.auth import LoginSession, login

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
        format_func=labels.__getitem__,
        key="login_org",
    )
    if st.button(tr("app.login.continue"), key="login_continue"):
        _slug, name, role = next(m for m in session.memberships if m[0] == slug)
        st.session_state.pop("login_pending", None)
        sign_in(session.user_id, session.email, (slug, name), role)
        st.rerun()


pending: LoginSession | None = st.session_state.get("login_pending")
if pending is not None:
    _choose(pending)
    st.stop()

st.write(tr("app.login.intro"))
with st.form("login_form"):
    email = st.text_input(tr("app.login.email"), key="login_email")
    password = st.text_input(
        tr("app.login.password"), type="password", key="login_password"
    )
    submitted = st.form_submit_button(tr("app.login.submit"))

if submitted:
    try:
        session = login(engine=engine(), email=email, password=password)
    except ImpactError as exc:
        st.error(str(exc))
    else:
        if not session.memberships:
            st.error(tr("auth.no_membership"))
        elif len(session.memberships) > 1:
            st.session_state["login_pending"] = session
            st.rerun()
        else:
            org_slug, org_name, role = session.memberships[0]
            sign_in(session.user_id, session.email, (org_slug, org_name), role)
            st.rerun()
