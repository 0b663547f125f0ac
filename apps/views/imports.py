"""Import (uploader and up): template, upload, preview, column mapping, problems,
confirm with progress, result, and the import history with undo."""

from __future__ import annotations

import import_choices
import pandas as pd
import streamlit as st
import ui
from cached import clear as clear_cache
from common import current_user, engine, language, tr
from plain import msg, plain

from impact.errors import ImpactError, ImportRefused
from impact.services import import_tools
from impact.services.imports import undo_import
from impact.services.upload_jobs import UploadJob, uploads

user = current_user()
assert user is not None  # noqa: S101 - the router shows this page only when logged in
ORG, ROLE = user.org_slug, user.role
#: how long a rerun waits for a job before it shows progress instead
WAIT_SECONDS = 3.0
POLL_SECONDS = 1.0

st.title(tr("app.imp.title"))
st.caption(plain(user.org_name))


def _template() -> None:
    st.subheader(tr("app.imp.template.title"))
    left, right = st.columns([2, 3])
    kind = left.radio(
        tr("app.imp.template.kind"),
        options=["participant", "area"],
        format_func=lambda k: tr(f"app.imp.kind.{k}"),
        horizontal=True,
        key="imp_template_kind",
    )
    name, data = import_tools.template(kind, language(), ROLE)
    right.download_button(
        tr("app.imp.template.download"), data=data, file_name=name, key="imp_tpl"
    )
    name, data = import_tools.template(kind, language(), ROLE, "ods")
    right.download_button(
        tr("app.imp.template.download_ods"), data=data, file_name=name, key="imp_ods"
    )
    import_choices.own_template(right, ORG, ROLE)


def _mapping_editor(preview: object, key: str = "imp_mapping") -> dict[str, str]:
    headers = list(preview.mapping)  # type: ignore[attr-defined]
    fields = list(preview.fields)  # type: ignore[attr-defined]
    frame = pd.DataFrame(
        {
            tr("app.imp.col.header"): headers,
            tr("app.imp.col.field"): [preview.mapping[h] for h in headers],  # type: ignore[attr-defined]
        }
    )
    edited = st.data_editor(
        frame,
        hide_index=True,
        disabled=[tr("app.imp.col.header")],
        column_config={
            tr("app.imp.col.field"): st.column_config.SelectboxColumn(
                options=fields, required=True, format_func=ui.field_label
            )
        },
        key=key,
    )
    return dict(
        zip(
            edited[tr("app.imp.col.header")],
            edited[tr("app.imp.col.field")],
            strict=True,
        )
    )


def _problems(problems: list[object], marked: bytes | None, filename: str) -> None:
    import_choices.problem_groups(problems)
    if marked is not None:
        st.download_button(
            tr("app.imp.marked"),
            data=marked,
            file_name=f"problemen_{filename.rsplit('.', 1)[0]}.xlsx",
            key="imp_marked",
        )


def _job(kind: str, data: bytes, name: str, options: dict | None = None) -> UploadJob:
    """The background job for this upload (the same one on every rerun)."""
    return uploads().job(
        kind,  # type: ignore[arg-type]
        org_slug=ORG,
        role=ROLE,
        data=data,
        filename=name,
        lang=language(),
        options=options,
    )


def _ready(job: UploadJob) -> bool:
    """True when the job ended well; else its progress, refusal or failure shows."""
    if not job.done:
        with st.spinner(tr(f"app.imp.job.{job.status}")):
            job.wait(WAIT_SECONDS)  # small files are done by now: no flicker
    if not job.done:
        _progress(job)
        return False
    if job.error is not None:
        st.error(str(job.error))
        if job.error.problems:
            _problems(list(job.error.problems), None, "")
        return False
    if job.status == "failed":
        st.error(job.error_message or tr("app.imp.job_died"))
        return False
    return True


@st.fragment(run_every=POLL_SECONDS)
def _progress(job: UploadJob) -> None:
    """The job's progress, refreshed on its own; the page reruns when it ends."""
    if job.done:
        st.rerun()
    text = job.message or tr(f"app.imp.job.{job.status}")
    st.progress(min(max(job.fraction, 0.0), 1.0), text=text)


def _upload() -> None:
    st.subheader(tr("app.imp.upload.title"))
    file = st.file_uploader(
        tr("app.imp.upload.label"), type=["xlsx", "ods", "csv"], key="imp_file"
    )
    if file is None:
        return
    data, name = file.getvalue(), file.name
    preview_job = _job("preview", data, name)
    if not _ready(preview_job):
        return
    preview = preview_job.result
    if preview.problems and not preview.ok:
        st.error(tr("app.imp.refused", n=len(preview.problems)))
        _problems(list(preview.problems), None, name)
        return
    st.markdown(f"**{tr('app.imp.preview')}**")
    st.dataframe(
        pd.DataFrame(list(preview.rows), columns=list(preview.headers)).astype(str),
        hide_index=True,
    )
    st.markdown(f"**{tr('app.imp.choices')}**")
    choices = import_choices.ask(preview, ORG, ROLE)
    st.markdown(f"**{tr('app.imp.mapping')}**")
    st.caption(tr("app.imp.mapping_help"))
    seeded = import_choices.seeded(preview, choices.saved)
    mapping = _mapping_editor(seeded, key=f"imp_mapping_{id(choices.saved)}")
    options = {
        "mapping": mapping,
        "programme": choices.programme,
        "group": choices.group,
    }
    check = _job("check", data, name, options)
    if not _ready(check):
        return
    summary = check.result
    if summary.problems:
        key = "app.imp.refused" if not summary.ok else "app.imp.warnings"
        (st.error if not summary.ok else st.warning)(tr(key, n=len(summary.problems)))
        _problems(list(summary.problems), summary.marked, name)
    if not summary.ok:
        return
    st.success(tr("app.imp.ready", rows=summary.n_rows))
    started = f"{check.key}:{user.user_id}"
    if st.button(tr("app.imp.confirm"), type="primary", key="imp_confirm"):
        st.session_state["imp_started"] = started
    if st.session_state.get("imp_started") == started:
        _do_import(data, name, {**options, "save_mapping_as": choices.save_as})


def _do_import(data: bytes, name: str, options: dict[str, object]) -> None:
    who = {"user_id": user.user_id, "actor": user.email}
    job = _job("import", data, name, {**options, **who})
    if not _ready(job):
        return
    result = job.result
    if st.session_state.get("imp_shown") is not job:
        st.session_state["imp_shown"] = job  # once per import: new data to show
        clear_cache()
        # the undo choice starts again from this user's newest batch
        st.session_state["imp_undo_gen"] = st.session_state.get("imp_undo_gen", 0) + 1
    st.success(
        msg(
            f"app.imp.result.{result.status}",
            batch=result.batch_id,
            rows=result.rows,
            inserted=result.inserted,
            skipped=result.skipped,
            people=result.participants_new,
        )
    )


def _history() -> None:
    st.subheader(tr("app.imp.history"))
    frame = import_tools.history(engine=engine(), org_slug=ORG, role=ROLE)
    if frame.empty:
        st.info(tr("app.imp.history_empty"))
        return
    shown = frame.drop(columns=["user", "undone_at"]).assign(
        status=[tr(f"app.imp.status.{s}") for s in frame["status"]],
        created_at=[ui.when(d) for d in frame["created_at"]],
    )
    st.dataframe(
        shown.rename(columns={c: tr(f"app.imp.col.{c}") for c in shown.columns}),
        hide_index=True,
        width="stretch",
    )
    _undo(frame)
    import_choices.redo(frame, ORG, ROLE)


def _undo(frame: pd.DataFrame) -> None:
    """Choose a batch, confirm, undo. The widgets' keys carry a generation
    that every import and undo advances, so after an action the choice goes
    back to the user's own newest batch and the confirmation is unticked:
    a second click can never act on a batch the user did not choose."""
    options, default = import_tools.undo_choices(frame, user_id=user.user_id, role=ROLE)
    if not options:
        return
    gen = st.session_state.get("imp_undo_gen", 0)
    names = frame.set_index("batch")["filename"]
    left, right = st.columns([3, 2])
    batch = left.selectbox(
        tr("app.imp.undo_choose"),
        options=options,
        index=options.index(default) if default in options else None,
        placeholder=tr("app.imp.undo_placeholder"),
        format_func=lambda b: f"#{b} · {names.at[b]}",
        key=f"imp_undo_batch_{gen}",
    )
    if batch is None:
        return
    sure = right.checkbox(
        tr("app.imp.undo_sure", batch=batch), key=f"imp_undo_sure_{gen}_{batch}"
    )
    if right.button(tr("app.imp.undo"), key=f"imp_undo_{gen}", disabled=not sure):
        st.session_state["imp_undo_gen"] = gen + 1
        removed = undo_import(
            engine=engine(),
            org_slug=ORG,
            batch_id=int(batch),
            user_id=user.user_id,
            actor=user.email,
            role=ROLE,
        )
        clear_cache()
        st.session_state["imp_undone"] = (int(batch), removed)
        st.rerun()


undone = st.session_state.pop("imp_undone", None)
if undone:
    st.success(tr("app.imp.undone", batch=undone[0], removed=undone[1]))
redone = st.session_state.pop("imp_redone", None)
if redone:
    st.success(tr("app.imp.redone", batch=redone[0], restored=redone[1]))
for section in (_template, _upload, _history):
    try:
        section()
    except ImportRefused as exc:
        st.error(plain(str(exc)))
    except ImpactError as exc:
        st.error(plain(str(exc)))
