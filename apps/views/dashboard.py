"""Dashboard for the organisation's staff (viewer and up): live aggregates."""

from __future__ import annotations

import streamlit as st
from common import current_user, tr
from dashboard_body import render
from plain import plain

user = current_user()
assert user is not None  # noqa: S101 - the router shows this page only when logged in

st.title(tr("app.dash.title"))
st.caption(plain(user.org_name))
render(user)
