"""Login with a built-in account (e-mail and password)."""

from __future__ import annotations

import streamlit as st
from common import engine, sign_in, tr

from impact.errors import ImpactError
from impact.services.auth import login

st.title("Wijkimpact")
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
        else:
            org_slug, org_name, role = session.memberships[0]
            sign_in(session.user_id, session.email, (org_slug, org_name), role)
            st.rerun()
