"""Wijkimpact app: routes only (st.navigation over st.Page); pages live in views/."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import current_user, sign_out, tr

from impact.services.permissions import allowed

VIEWS = Path(__file__).resolve().parent / "views"

st.set_page_config(page_title="Wijkimpact", page_icon="📊", layout="wide")

with st.sidebar:
    st.radio(
        "Taal / Language",
        options=["nl", "en"],
        format_func=lambda code: {"nl": "Nederlands", "en": "English"}[code],
        horizontal=True,
        key="ui_lang",
    )

user = current_user()
if user is None:
    pages = [st.Page(VIEWS / "login.py", title=tr("app.login.title"), icon="🔑")]
else:
    pages = []
    if allowed(user.role, "view_dashboard") or allowed(user.role, "view_funded"):
        pages.append(
            st.Page(
                VIEWS / "programmes.py", title=tr("app.programmes.title"), icon="📋"
            )
        )
    with st.sidebar:
        st.caption(
            tr(
                "app.signed_in_as",
                email=user.email,
                org=user.org_name,
                role=tr(f"role.{user.role}"),
            )
        )
        if st.button(tr("app.logout"), key="app_logout"):
            sign_out()
            st.rerun()

st.navigation(pages).run()
