"""Beheer: link funder organisations (gemeente, fonds) to programmes."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from cached import clear as clear_cache
from common import current_user, engine, tr
from plain import msg

from impact.services.funding import (
    add_funding,
    funder_choices,
    list_funding,
    remove_funding,
)
from impact.services.import_tools import import_options


def section() -> None:
    """The funders of this organisation's programmes: list, link, unlink."""
    from impact.services.dashboard import min_cell_for

    min_cell = min_cell_for("funder")
    user = current_user()
    if user is None:
        return
    org, role = user.org_slug, user.role
    st.caption(tr("app.fund.help", min_cell=min_cell))
    done = st.session_state.pop("fund_done", None)
    if done:
        st.success(msg(done[0], funder=done[1], programme=done[2]))
    links = list_funding(engine=engine(), org_slug=org, role=role)
    if links:
        st.dataframe(
            pd.DataFrame(
                {
                    tr("app.fund.programme"): [x.programme for x in links],
                    tr("app.fund.funder"): [x.funder_name for x in links],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    else:
        st.info(tr("app.fund.none"))
    funders = dict(funder_choices(engine=engine(), role=role))
    if not funders:
        st.info(tr("app.fund.no_funders"))
        return
    names, _saved = import_options(engine=engine(), org_slug=org, role=role)
    gen = st.session_state.get("fund_gen", 0)
    left, right = st.columns(2)
    funder = left.selectbox(
        tr("app.fund.funder"),
        options=list(funders),
        index=None,
        format_func=funders.__getitem__,
        placeholder=tr("app.fund.funder"),
        key=f"fund_funder_{gen}",
    )
    programme = right.selectbox(
        tr("app.fund.programme"),
        options=names,
        index=None,
        placeholder=tr("app.fund.programme"),
        key=f"fund_programme_{gen}",
    )
    add, remove = st.columns(2)
    ready = funder is not None and programme is not None
    if add.button(tr("app.fund.add"), key=f"fund_add_{gen}", disabled=not ready):
        link = add_funding(
            engine=engine(),
            org_slug=org,
            funder_slug=str(funder),
            programme=str(programme),
            role=role,
            user_id=user.user_id,
            actor=user.email,
        )
        _done("app.fund.added", link.funder_name, link.programme, gen)
    if remove.button(tr("app.fund.remove"), key=f"fund_rm_{gen}", disabled=not ready):
        remove_funding(
            engine=engine(),
            org_slug=org,
            funder_slug=str(funder),
            programme=str(programme),
            role=role,
            user_id=user.user_id,
            actor=user.email,
        )
        _done("app.fund.removed", funders[str(funder)], str(programme), gen)


def _done(key: str, funder: str, programme: str, gen: int) -> None:
    clear_cache()
    st.session_state["fund_done"] = (key, funder, programme)
    st.session_state["fund_gen"] = gen + 1
    st.rerun()
