"""Funder view: the release of the funded programmes (``impact.services.release``).

Every figure on this page comes from the release: jointly protected tables per
programme over wijk, group and intake year. The filters select one wijk (or
all) and one intake year (or all); nothing here computes from cells.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from common import current_user, engine, language, tr
from dashboard_body import REFRESH_SECONDS, show_view
from plain import msg

from impact.errors import ImpactError
from impact.i18n import use_language
from impact.services.dashboard import data_version
from impact.services.release import (
    FunderFilters,
    FunderOptions,
    funder_dashboard,
    funder_effects,
    funder_options,
)

user = current_user()
assert user is not None  # noqa: S101 - the router shows this page only when logged in

st.title(tr("app.funder.title"))
st.caption(msg("app.funder.caption", org=user.org_name))
st.caption(tr("app.dash.live", seconds=REFRESH_SECONDS))


def _filters(options: FunderOptions) -> FunderFilters:
    names = dict(options.programmes)
    left, middle, right = st.columns([2, 2, 2])
    chosen = left.multiselect(
        tr("app.dash.filter.programme"),
        options=list(names),
        format_func=lambda i: names[i],
        placeholder=tr("app.dash.filter.all"),
        key="fund_programmes",
    )
    wijk = middle.selectbox(
        tr("app.dash.filter.wijk"),
        options=[None, *options.wijken],
        format_func=lambda w: tr("release.all_wijken") if w is None else w,
        key="fund_wijk",
    )
    year = right.selectbox(
        tr("release.year"),
        options=[None, *options.years],
        format_func=lambda y: tr("release.all_years") if y is None else str(y),
        key="fund_year",
        help=tr("release.grain"),
    )
    return FunderFilters(tuple(chosen), wijk, year)


def _effects(version: tuple[int, int], ids: tuple[int, ...]) -> pd.DataFrame:
    return funder_effects(
        engine=engine(), org_slug=user.org_slug, role=user.role, programme_ids=ids
    )


@st.fragment(run_every=REFRESH_SECONDS)
def live() -> None:
    try:
        with use_language(language()):
            options = funder_options(
                engine=engine(), org_slug=user.org_slug, role=user.role
            )
            flt = _filters(options)
            view = funder_dashboard(
                engine=engine(), org_slug=user.org_slug, role=user.role, filters=flt
            )
            version = data_version(
                engine=engine(), org_slug=user.org_slug, role=user.role
            )
            show_view(view, view.min_cell, (version, flt.programme_ids), _effects)
    except ImpactError as exc:
        st.error(str(exc))


live()
