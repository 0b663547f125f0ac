"""The organisation's programmes with their counts (funders: funded ones only);
analysts and administrators create and edit programmes here too."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from cached import clear as clear_cache
from common import current_user, engine, tr
from plain import msg, plain

from impact.errors import ImpactError
from impact.services.admin import programme_overview
from impact.services.permissions import allowed
from impact.services.programmes_admin import (
    DESIGNS,
    ProgrammeForm,
    programme_forms,
    save_programme,
)

user = current_user()
assert user is not None  # noqa: S101 - the router shows this page only when logged in

st.title(tr("app.programmes.title"))
st.caption(plain(user.org_name))
rows = programme_overview(engine=engine(), org_slug=user.org_slug, role=user.role)
if not rows:
    st.info(tr("app.programmes.none"))
else:
    frame = pd.DataFrame(rows).rename(
        columns={
            "name": tr("app.col.programme"),
            "theme": tr("app.col.theme"),
            "participants": tr("cli.count.participants"),
            "measurements": tr("cli.count.measurements"),
            "area_observations": tr("cli.count.area_observations"),
            "reach_target": tr("app.prog.field.target"),
            "areas": tr("release.col.areas"),
        }
    )
    st.dataframe(
        frame.drop(
            columns=["id", "design", "start_date", "yearly_cost"], errors="ignore"
        ),
        hide_index=True,
        width="stretch",
    )


def _editor(forms: list[ProgrammeForm]) -> None:
    st.subheader(tr("app.prog.edit.title"))
    new = ProgrammeForm(name="")
    choices = [new, *forms]
    current = st.selectbox(
        tr("app.prog.edit.choose"),
        options=range(len(choices)),
        format_func=lambda i: choices[i].name or tr("app.prog.edit.new"),
        key="prog_choice",
    )
    form = choices[current]
    with st.form(f"prog_form_{form.id or 'new'}"):
        left, right = st.columns(2)
        name = left.text_input(tr("app.prog.field.name"), value=form.name)
        theme = right.text_input(tr("app.prog.field.theme"), value=form.theme)
        target = left.text_input(
            tr("app.prog.field.target_group"), value=form.target_group
        )
        design = right.selectbox(
            tr("app.prog.field.design"),
            options=DESIGNS,
            index=DESIGNS.index(form.design) if form.design in DESIGNS else 0,
            format_func=lambda d: tr(f"app.prog.design.{d}"),
        )
        start = left.date_input(
            tr("app.prog.field.start"), value=form.start_date, format="DD-MM-YYYY"
        )
        end = right.date_input(
            tr("app.prog.field.end"), value=form.end_date, format="DD-MM-YYYY"
        )
        cost = left.number_input(
            tr("app.prog.field.cost"),
            value=form.yearly_cost,
            min_value=0.0,
            step=1000.0,
            format="%.0f",
        )
        goal = left.number_input(
            tr("app.prog.field.target"),
            value=form.reach_target,
            min_value=0,
            step=10,
            help=tr("app.prog.field.target_help"),
        )
        wijken = right.text_area(
            tr("app.prog.field.wijken"),
            value="\n".join(form.wijken),
            help=tr("app.prog.field.wijken_help"),
        )
        submitted = st.form_submit_button(tr("app.prog.save"))
    if submitted:
        _save(
            ProgrammeForm(
                name=name,
                theme=theme,
                target_group=target,
                design=design,
                start_date=start or None,  # type: ignore[arg-type]
                end_date=end or None,  # type: ignore[arg-type]
                wijken=tuple(w for w in wijken.replace(",", "\n").split("\n")),
                yearly_cost=cost,
                id=form.id,
                reach_target=None if goal is None else int(goal),
            )
        )


def _save(form: ProgrammeForm) -> None:
    try:
        save_programme(
            engine=engine(),
            org_slug=user.org_slug,
            role=user.role,
            form=form,
            actor=user.email,
            user_id=user.user_id,
        )
    except ImpactError as exc:
        st.error(plain(str(exc)))
    else:
        clear_cache()
        st.session_state["prog_saved"] = form.name
        st.rerun()


if allowed(user.role, "manage_programmes"):
    saved = st.session_state.pop("prog_saved", None)
    if saved:
        st.success(msg("app.prog.saved", name=saved))
    try:
        _editor(
            programme_forms(engine=engine(), org_slug=user.org_slug, role=user.role)
        )
    except ImpactError as exc:
        st.error(plain(str(exc)))
