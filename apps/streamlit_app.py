"""Wijkimpact app: routes only (st.navigation over st.Page); pages live in views/."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import current_user, log_out, tr
from guard import page_guard
from plain import msg

from impact.services.permissions import allowed

VIEWS = Path(__file__).resolve().parent / "views"

#: (view file, title key, icon, actions of which one is needed), in menu order
PAGES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("dashboard.py", "app.dash.title", ":material/dashboard:", ("view_dashboard",)),
    ("funder.py", "app.funder.title", ":material/account_balance:", ("view_funded",)),
    ("sector.py", "app.sector.title", ":material/hub:", ("view_sector",)),
    (
        "programmes.py",
        "app.programmes.title",
        ":material/list_alt:",
        ("view_dashboard", "view_funded"),
    ),
    ("imports.py", "app.imp.title", ":material/upload_file:", ("import_data",)),
    ("entry.py", "app.entry.title", ":material/edit_note:", ("import_data",)),
    ("analysis.py", "app.ana.title", ":material/query_stats:", ("run_analysis",)),
    ("reports.py", "app.rep.title", ":material/description:", ("download_report",)),
    ("admin.py", "app.admin.title", ":material/settings:", ("manage_users",)),
)

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
    pages = [
        st.Page(
            VIEWS / "login.py", title=tr("app.login.title"), icon=":material/login:"
        )
    ]
else:
    pages = [
        st.Page(VIEWS / view, title=tr(title), icon=icon)
        for view, title, icon, actions in PAGES
        if any(allowed(user.role, action) for action in actions)
    ]
    with st.sidebar:
        st.caption(
            msg(
                "app.signed_in_as",
                email=user.email,
                org=user.org_name,
                role=tr(f"role.{user.role}"),
            )
        )
        if st.button(tr("app.logout"), key="app_logout"):
            log_out()

with page_guard():  # production: a reference number instead of a traceback
    st.navigation(pages).run()
