"""Funder view: aggregates of the funded programmes only, small cells hidden."""

from __future__ import annotations

import streamlit as st
from common import current_user, tr
from dashboard_body import render
from plain import msg

user = current_user()
assert user is not None  # noqa: S101 - the router shows this page only when logged in

st.title(tr("app.funder.title"))
st.caption(msg("app.funder.caption", org=user.org_name))
render(user)
# Report downloads: impact.services.reports (when the report helper lands).
