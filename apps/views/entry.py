"""Direct entry (uploader and up): one client's measurement in a form, every
domain of an instrument at once; the same checks as an upload."""

from __future__ import annotations

import datetime as dt

import streamlit as st
from cached import clear as clear_cache
from common import current_user, engine, language, tr

from impact.domain.instruments import domain_label
from impact.errors import ImpactError, ImportRefused
from impact.services.direct_entry import Entry, enter_measurement, entry_options

user = current_user()
assert user is not None  # noqa: S101 - the router shows this page only when logged in
ORG, ROLE = user.org_slug, user.role
GROUPS = ("treated", "comparison")
WAVES = (0, 1, 2, 3)

st.title(tr("app.entry.title"))
st.caption(tr("app.entry.caption"))


def _wave(w: int) -> str:
    return tr(f"app.entry.wave.{w}") if w < 2 else tr("app.entry.wave.n", n=w)


def _scale(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _form() -> None:
    options = entry_options(engine=engine(), org_slug=ORG, role=ROLE)
    if not options.programmes:
        st.info(tr("app.entry.no_programmes"))
        return
    gen = st.session_state.get("entry_gen", 0)
    top = st.columns(3)
    programme = top[0].selectbox(
        tr("app.fund.programme"), list(options.programmes), key="entry_programme"
    )
    code = top[1].selectbox(
        tr("app.entry.instrument"),
        list(options.instruments),
        format_func=lambda c: f"{options.instruments[c].name} ({c})",
        key="entry_instrument",
    )
    wave = top[2].selectbox(
        tr("app.entry.wave"), WAVES, format_func=_wave, key="entry_wave"
    )
    ins = options.instruments[code]
    with st.form(f"entry_form_{gen}"):
        row = st.columns(4)
        client = row[0].text_input(
            tr("app.entry.client"), help=tr("app.entry.client_help"), max_chars=60
        )
        group = row[1].radio(
            tr("app.entry.group"), GROUPS, format_func=lambda g: tr(f"app.group.{g}")
        )
        wijken = ["", *options.programmes[programme]]
        wijk = row[2].selectbox(tr("app.entry.wijk"), wijken)
        when = row[3].date_input(
            tr("app.entry.date"),
            value=dt.date.today(),
            max_value=dt.date.today(),
            format="DD-MM-YYYY",
        )
        low, high = _scale(ins.scale_min), _scale(ins.scale_max)
        st.markdown(f"**{tr('app.entry.scores', low=low, high=high)}**")
        scores = _score_inputs(ins, gen)
        sent = st.form_submit_button(tr("app.entry.save"), type="primary")
    if sent:
        _save(
            Entry(
                programme=str(programme),
                client_ref=client.strip(),
                group=str(group),
                instrument=str(code),
                when=when,  # type: ignore[arg-type]
                wave=int(wave),
                scores=scores,
                wijk=str(wijk or ""),
            ),
            gen,
        )


def _score_inputs(ins: object, gen: int) -> dict[str, float | None]:
    domains = ins.domains  # type: ignore[attr-defined]
    cols = st.columns(min(4, max(1, len(domains))))
    out: dict[str, float | None] = {}
    for i, domain in enumerate(domains):
        label = domain_label(domain, language())
        if ins.kind == "binary":  # type: ignore[attr-defined]
            answer = cols[i % len(cols)].selectbox(
                label,
                [None, 1.0, 0.0],
                format_func=lambda v: (
                    "–" if v is None else tr("app.entry.yes" if v else "app.entry.no")
                ),
                key=f"entry_score_{gen}_{domain}",
            )
            out[domain] = answer
        else:
            out[domain] = cols[i % len(cols)].number_input(
                label, value=None, step=1.0, key=f"entry_score_{gen}_{domain}"
            )
    return out


def _save(entry: Entry, gen: int) -> None:
    try:
        result = enter_measurement(
            engine=engine(),
            org_slug=ORG,
            role=ROLE,
            entry=entry,
            user_id=user.user_id,
            actor=user.email,
            lang=language(),
        )
    except ImportRefused as exc:
        st.error(str(exc))
        for problem in exc.problems:
            st.markdown(f"- {problem.message}")
        return
    clear_cache()
    st.session_state["entry_gen"] = gen + 1
    st.session_state["entry_saved"] = result
    st.rerun()


saved = st.session_state.pop("entry_saved", None)
if saved is not None:
    st.success(
        tr(
            "app.entry.saved",
            batch=saved.batch_id,
            stored=saved.stored,
            corrected=saved.corrected,
        )
    )
try:
    _form()
except ImpactError as exc:
    st.error(str(exc))
