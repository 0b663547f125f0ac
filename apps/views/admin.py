"""Administration (admin role): users and roles, own instruments, value
parameters and the audit log."""

from __future__ import annotations

import funding_admin
import pandas as pd
import streamlit as st
from common import current_user, engine, tr
from plain import msg, plain

from impact.errors import ImpactError
from impact.services import org_admin
from impact.services.permissions import ROLES

user = current_user()
assert user is not None  # noqa: S101 - the router shows this page only when logged in
ORG, ROLE, ACTOR = user.org_slug, user.role, user.email
STAFF_ROLES = [r for r in ROLES if r not in ("funder", "sector")]

st.title(tr("app.admin.title"))
st.caption(plain(user.org_name))


def _users() -> None:
    members = org_admin.members(engine=engine(), org_slug=ORG, role=ROLE)
    st.dataframe(
        pd.DataFrame(
            {
                tr("app.admin.col.email"): [m.email for m in members],
                tr("app.admin.col.role"): [tr(f"role.{m.role}") for m in members],
                tr("app.admin.col.active"): [m.active for m in members],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.markdown(f"**{tr('app.admin.users.add')}**")
    st.caption(tr("app.admin.users.add_help"))
    with st.form("admin_user_form", clear_on_submit=True):
        left, right = st.columns(2)
        email = left.text_input(tr("app.admin.col.email"), key="admin_email")
        role = right.selectbox(
            tr("app.admin.col.role"),
            options=STAFF_ROLES,
            format_func=lambda r: tr(f"role.{r}"),
            key="admin_role",
        )
        password = left.text_input(
            tr("app.admin.users.password"), type="password", key="admin_password"
        )
        submitted = st.form_submit_button(tr("app.admin.users.submit"))
    if submitted:
        org_admin.add_member(
            engine=engine(),
            org_slug=ORG,
            role=ROLE,
            email=email,
            new_role=role,
            password=password,
            actor=ACTOR,
        )
        # one message whether or not the address had an account (no enumeration)
        st.success(
            msg(
                "app.admin.users.saved",
                email=email.strip().lower(),
                role=tr(f"role.{role}"),
            )
        )


def _instruments() -> None:
    rows = org_admin.instruments(engine=engine(), org_slug=ORG, role=ROLE)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("app.admin.col.code"): r.code,
                    tr("app.admin.col.name"): r.name,
                    tr("app.admin.col.kind"): tr(f"app.admin.kind.{r.kind}"),
                    tr("app.admin.col.range"): f"{r.scale_min:g} – {r.scale_max:g}",
                    tr("app.admin.col.direction"): tr(
                        f"app.admin.direction.{r.direction}"
                    ),
                }
                for r in rows
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    st.markdown(f"**{tr('app.admin.instruments.add')}**")
    with st.form("admin_instrument_form", clear_on_submit=True):
        left, right = st.columns(2)
        code = left.text_input(tr("app.admin.col.code"), key="instr_code")
        name = right.text_input(tr("app.admin.col.name"), key="instr_name")
        kind = left.selectbox(
            tr("app.admin.col.kind"),
            options=["numeric", "binary"],
            format_func=lambda k: tr(f"app.admin.kind.{k}"),
            key="instr_kind",
        )
        direction = right.selectbox(
            tr("app.admin.col.direction"),
            options=["higher_better", "higher_worse"],
            format_func=lambda d: tr(f"app.admin.direction.{d}"),
            key="instr_dir",
        )
        low = left.number_input(
            tr("app.admin.instruments.min"), value=0.0, key="instr_min"
        )
        high = right.number_input(
            tr("app.admin.instruments.max"), value=10.0, key="instr_max"
        )
        st.caption(tr("app.admin.instruments.binary_help"))
        submitted = st.form_submit_button(tr("app.admin.instruments.submit"))
    if submitted:
        row = org_admin.InstrumentRow(code, name, kind, low, high, direction)
        saved = org_admin.add_instrument(
            engine=engine(), org_slug=ORG, role=ROLE, row=row, actor=ACTOR
        )
        st.success(msg("app.admin.instruments.saved", code=saved))


def _values() -> None:
    rows = org_admin.value_parameters(engine=engine(), org_slug=ORG, role=ROLE)
    st.caption(tr("app.admin.values.help"))
    st.dataframe(
        pd.DataFrame(
            [
                {
                    tr("app.admin.col.key"): r.key,
                    tr("app.admin.col.label"): r.label,
                    tr("app.admin.col.amount"): r.amount,
                    tr("app.admin.col.unit"): r.unit,
                    tr("app.admin.col.year"): r.price_year,
                    tr("app.admin.col.beneficiary"): r.beneficiary,
                    tr("app.admin.col.source"): r.source,
                }
                for r in rows
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    existing = {r.key: r for r in rows}
    st.markdown(f"**{tr('app.admin.values.edit')}**")
    choice = st.selectbox(
        tr("app.admin.col.key"), options=["", *existing],
        format_func=lambda k: k or tr("app.admin.values.new"), key="value_choice",
    )  # fmt: skip
    base = existing.get(choice) or org_admin.ValueRow(
        "", "", 0.0, "", 2024, "gemeente", ""
    )
    with st.form(f"admin_value_form_{choice or 'new'}"):
        left, right = st.columns(2)
        key = left.text_input(tr("app.admin.col.key"), value=base.key)
        label = right.text_input(tr("app.admin.col.label"), value=base.label)
        amount = left.number_input(
            tr("app.admin.col.amount"), value=float(base.amount), step=100.0
        )
        unit = right.text_input(tr("app.admin.col.unit"), value=base.unit)
        year = left.number_input(
            tr("app.admin.col.year"), value=int(base.price_year), step=1
        )
        beneficiary = right.text_input(
            tr("app.admin.col.beneficiary"), value=base.beneficiary
        )
        source = st.text_input(tr("app.admin.col.source"), value=base.source)
        submitted = st.form_submit_button(tr("app.admin.values.submit"))
    if submitted:
        row = org_admin.ValueRow(
            key, label, amount, unit, int(year), beneficiary, source
        )
        org_admin.save_value_parameter(
            engine=engine(), org_slug=ORG, role=ROLE, row=row, actor=ACTOR
        )
        st.success(msg("app.admin.values.saved", key=key.strip()))


def _audit() -> None:
    rows = org_admin.audit_log(engine=engine(), org_slug=ORG, role=ROLE)
    st.caption(tr("app.admin.audit.help"))
    st.dataframe(
        pd.DataFrame(
            {
                tr("app.admin.col.when"): [r.when for r in rows],
                tr("app.admin.col.actor"): [r.actor for r in rows],
                tr("app.admin.col.action"): [r.action for r in rows],
                tr("app.admin.col.detail"): [r.detail for r in rows],
            }
        ),
        hide_index=True,
        width="stretch",
    )


tabs = st.tabs(
    [
        tr("app.admin.tab.users"),
        tr("app.admin.tab.instruments"),
        tr("app.admin.tab.values"),
        tr("app.fund.title"),
        tr("app.admin.tab.audit"),
    ]
)
SECTIONS = (_users, _instruments, _values, funding_admin.section, _audit)
for tab, section in zip(tabs, SECTIONS, strict=True):
    with tab:
        try:
            section()
        except ImpactError as exc:
            st.error(plain(str(exc)))
