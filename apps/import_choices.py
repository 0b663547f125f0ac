"""The Import page's questions around an upload: which saved column mapping,
which programme for rows without one, who is in a file without a group
column; the problems grouped by cause; restoring an undone batch."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st
from cached import clear as clear_cache
from common import current_user, engine, tr

from impact.services import import_tools
from impact.services.restore import RESTORE_DAYS, redo_import

GROUPS = ("treated", "comparison")


@dataclass(frozen=True)
class Choices:
    """What the user chose for this upload (passed to check and import)."""

    programme: str | None
    group: str | None
    saved: dict[str, str] | None
    save_as: str | None


def ask(preview: object, org: str, role: str) -> Choices:
    """Saved mapping, programme and (when needed) group: asked before the check."""
    names, saved = import_tools.import_options(engine=engine(), org_slug=org, role=role)
    left, right = st.columns(2)
    mapping_name = left.selectbox(
        tr("app.imp.saved_mapping"),
        options=list(saved),
        index=None,
        placeholder=tr("app.imp.saved_mapping_none")
        if saved
        else tr("app.imp.saved_mapping_empty"),
        disabled=not saved,
        key="imp_saved_mapping",
    )
    programme = right.selectbox(
        tr("app.imp.programme"),
        options=names,
        index=0 if len(names) == 1 else None,
        placeholder=tr("app.imp.programme_placeholder"),
        help=tr("app.imp.programme_help"),
        key="imp_programme",
    )
    chosen = saved.get(mapping_name) if mapping_name else None
    mapping = chosen or preview.mapping  # type: ignore[attr-defined]
    group = None
    if "group" not in set(mapping.values()):
        group = st.radio(
            tr("app.imp.group_question"),
            options=GROUPS,
            index=None,
            format_func=lambda g: tr(f"app.imp.group_answer.{g}"),
            key="imp_group_answer",
        )
        st.caption(tr("app.imp.group_question_help"))
    save_as = st.text_input(
        tr("app.imp.save_mapping"), key="imp_save_as", max_chars=100
    ).strip()
    return Choices(programme, group, chosen, save_as or None)


def seeded(preview: object, saved: dict[str, str] | None) -> object:
    """The preview with a saved mapping applied to the headers it knows."""
    if not saved:
        return preview
    from dataclasses import replace

    mapping = {
        h: saved.get(h, m)
        for h, m in preview.mapping.items()  # type: ignore[attr-defined]
    }
    return replace(preview, mapping=mapping)  # type: ignore[type-var]


def problem_groups(problems: list[object]) -> None:
    """The problems grouped by cause: worst first, a count and the first cells."""
    table = import_tools.problem_groups(problems)  # type: ignore[arg-type]
    table["severity"] = [tr(f"app.imp.severity.{s}") for s in table["severity"]]
    table["count"] = [str(n) for n in table["count"]]
    columns = {c: tr(f"app.imp.col.{c}") for c in table.columns}
    st.dataframe(table.rename(columns=columns), hide_index=True, width="stretch")


def redo(frame: pd.DataFrame, org: str, role: str) -> None:
    """Restore an undone batch (the user's own unless admin, within the window)."""
    user = current_user()
    if user is None:
        return
    options = import_tools.redo_choices(frame, user_id=user.user_id, role=role)
    if not options:
        return
    gen = st.session_state.get("imp_undo_gen", 0)
    names = frame.set_index("batch")["filename"]
    left, right = st.columns([3, 2])
    batch = left.selectbox(
        tr("app.imp.redo_choose", days=RESTORE_DAYS),
        options=options,
        index=0,
        format_func=lambda b: f"#{b} · {names.at[b]}",
        key=f"imp_redo_batch_{gen}",
    )
    if right.button(tr("app.imp.redo"), key=f"imp_redo_{gen}") and batch is not None:
        st.session_state["imp_undo_gen"] = gen + 1
        restored = redo_import(
            engine=engine(),
            org_slug=org,
            batch_id=int(batch),
            user_id=user.user_id,
            actor=user.email,
            role=role,
        )
        clear_cache()
        st.session_state["imp_redone"] = (int(batch), restored)
        st.rerun()


def own_template(place: object, org: str, role: str) -> None:
    """The organisation's own template, with its lists as drop-downs."""
    from common import language

    from impact.services.org_template import organisation_template

    name, data = organisation_template(
        engine=engine(), org_slug=org, lang=language(), role=role
    )
    place.download_button(  # type: ignore[attr-defined]
        tr("app.imp.template.own"), data=data, file_name=name, key="imp_tpl_own"
    )
