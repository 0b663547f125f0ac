"""Sector evidence (sector role): pooled effects per intervention kind and
outcome, a forest plot per pool, heterogeneity in words, and the report."""

from __future__ import annotations

import streamlit as st
from common import current_user, engine, language, tr
from plain import msg, plain

from impact.charts.sector import forest_chart
from impact.errors import ImpactError
from impact.i18n import fmt_number
from impact.services.sector import sector_evidence
from impact.services.sector_report import (
    forest_frame,
    pool_sentence,
    render_sector_report,
)

user = current_user()
assert user is not None  # noqa: S101 - the router shows this page only when logged in
lang = language()

st.title(tr("app.sector.title"))
st.caption(msg("app.sector.caption", org=user.org_name))
try:
    evidence = sector_evidence(engine=engine(), hub_slug=user.org_slug, role=user.role)
except ImpactError as exc:
    st.error(plain(str(exc)))
    st.stop()
if not evidence.pools:
    st.info(tr("sector.report.empty", hub=user.org_slug))
    st.stop()
st.write(
    tr(
        "sector.report.subtitle",
        organisations=evidence.organisations,
        packages=evidence.packages,
    )
)
titles = [
    f"{tr(f'sector.kind.{p.kind}')} · {p.label} · "
    f"{tr(f'sector.family.{p.family}')} (k = {p.k})"
    for p in evidence.pools
]
choice = st.selectbox(
    tr("app.sector.pool"),
    options=range(len(titles)),
    format_func=titles.__getitem__,
    key="sector_pool",
)
pool = evidence.pools[choice]
left, right = st.columns(2)
left.metric("Hedges' g", fmt_number(pool.estimate, 2, lang))
if pool.ci_low is not None and pool.ci_high is not None:
    right.metric(
        tr("meta.summary.interval"),
        f"{fmt_number(pool.ci_low, 2, lang)} – {fmt_number(pool.ci_high, 2, lang)}",
    )
st.write(plain(pool_sentence(pool, lang)))  # labels come from other organisations
st.altair_chart(
    forest_chart(forest_frame(pool, lang), x_title=tr("sector.report.g")),
    use_container_width=True,
)
st.caption(tr("sector.report.forest"))
for kind, outcome in evidence.mixed:
    if (kind, outcome) == (pool.kind, pool.outcome):
        st.warning(
            msg("sector.mixed", kind=tr(f"sector.kind.{kind}"), outcome=pool.label)
        )
st.caption(tr("sector.report.never_mixed"))

st.subheader(tr("app.sector.report"))
fmt = st.radio(
    tr("app.rep.format"),
    options=["pdf", "xlsx"],
    horizontal=True,
    format_func=str.upper,
    key="sector_format",
)
if st.button(tr("app.rep.make"), type="primary", key="sector_make"):
    with st.spinner(tr("app.rep.making")):
        try:
            content = render_sector_report(
                engine=engine(),
                hub_slug=user.org_slug,
                fmt=fmt,
                lang=lang,
                actor=user.email,
                user_id=user.user_id,
                role=user.role,
            )
        except ImpactError as exc:
            st.error(plain(str(exc)))
            st.stop()
    st.download_button(
        tr("app.sector.download"),
        data=content,
        file_name=f"sectorbewijs-{user.org_slug}.{fmt}",
        mime="application/pdf"
        if fmt == "pdf"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="sector_download",
    )
