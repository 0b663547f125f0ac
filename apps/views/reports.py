"""Evidence reports (analyst, admin, funder): choose a programme and a format,
then download. Funders get the funder version: aggregates only."""

from __future__ import annotations

import streamlit as st
from common import current_user, engine, language, tr
from plain import plain

from impact.errors import ImpactError
from impact.services.report_downloads import download_report, reportable_programmes

user = current_user()
assert user is not None  # noqa: S101 - the router shows this page only when logged in

st.title(tr("app.rep.title"))
st.caption(tr("app.rep.caption"))
try:
    choices = dict(
        reportable_programmes(engine=engine(), org_slug=user.org_slug, role=user.role)
    )
    if not choices:
        st.info(tr("app.programmes.none"))
        st.stop()
    left, right = st.columns([3, 1])
    programme = left.selectbox(
        tr("app.col.programme"),
        options=list(choices),
        format_func=choices.__getitem__,
        key="rep_programme",
    )
    fmt = right.radio(
        tr("app.rep.format"),
        options=["pdf", "xlsx", "docx"],
        horizontal=True,
        format_func=str.upper,
        key="rep_format",
    )
    if st.button(tr("app.rep.make"), type="primary", key="rep_make"):
        with st.spinner(tr("app.rep.making")):
            name, content, mime = download_report(
                engine=engine(),
                org_slug=user.org_slug,
                role=user.role,
                programme_id=int(programme),
                fmt=fmt,
                lang=language(),
                user_id=user.user_id,
                actor=user.email,
            )
        # the file remembers what it was made for (programme, format, language)
        st.session_state["rep_file"] = (
            name,
            content,
            mime,
            (programme, fmt, language()),
        )
    made = st.session_state.get("rep_file")
    if made and made[3] != (programme, fmt, language()):
        st.session_state.pop("rep_file")  # inputs changed: the old file is stale
        made = None
    if made:
        st.download_button(
            tr("app.rep.download", name=made[0]),
            data=made[1],
            file_name=made[0],
            mime=made[2],
            key="rep_download",
        )
except ImpactError as exc:
    st.error(plain(str(exc)))
