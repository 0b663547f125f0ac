"""Import a workbook or CSV file: parse and check (ingest), then store (imports).

The file is read and checked completely before anything is written. A refused
file raises :class:`~impact.errors.ImportRefused` carrying every problem, and the
refusal is audited (counts only, never cell values).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
from sqlalchemy.engine import Engine

from impact.config import get_settings
from impact.errors import ImportRefused
from impact.ingest import IngestContext, ProgrammeInfo, parse_upload
from impact.ingest.fastread import Reads
from impact.ingest.fields import canonical_programme, normalise_name
from impact.ingest.models import ParsedUpload, UploadPreview
from impact.ingest.preview import inspect_upload
from impact.ingest.workbook import Opened
from impact.services.imports import ImportResult, Progress, import_frames
from impact.services.keys import organisation_key
from impact.store import audit, mappings, orgs, programmes
from impact.store.engine import session_scope, write_scope


def ingest_context(
    *,
    engine: Engine,
    org_slug: str,
    programme: str | None = None,
    group: str | None = None,
    mapping: Mapping[str, str] | None = None,
    mapping_name: str | None = None,
    today: dt.date | None = None,
    lang: str | None = None,
) -> IngestContext:
    """What the checks need from the store: instruments, programmes, mapping;
    ``lang``: the language of the problems (the user's, passed by the face)."""
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        if mapping is None and mapping_name:
            mapping = mappings.get_mapping(session=session, org=org, name=mapping_name)
        infos = {
            p.name: ProgrammeInfo(p.name, p.start_date, p.end_date)
            for p in programmes.list_programmes(session=session, org=org)
        }
        if programme is not None:  # a short name works when only one fits
            programme = (
                canonical_programme(programme, {normalise_name(k): k for k in infos})
                or programmes.get_programme(
                    session=session, org=org, name=programme
                ).name
            )
        return IngestContext(
            instruments=programmes.instrument_registry(session=session, org=org),
            programmes=infos,
            default_programme=programme,
            default_group=None if group is None else _group(group),
            mapping=mapping,
            today=today or dt.date.today(),
            max_bytes=get_settings().max_upload_mb * 1024 * 1024,
            lang=lang,
        )


def _group(text: str) -> str:
    """``treated``/``comparison`` or a word for them (``deelnemer``, ``wachtlijst``)."""
    from impact.errors import check_option
    from impact.ingest.vocabulary import parse_group

    group = parse_group(text) or text
    check_option("group", group, ("treated", "comparison"))
    return group


def preview_upload(
    *,
    engine: Engine,
    org_slug: str,
    data: bytes,
    filename: str,
    opened: Opened | None = None,
    **options: object,
) -> UploadPreview:
    """Headers, first rows and the guessed column mapping, for the user to confirm
    (``opened``: the upload as already opened, see impact.services.upload_jobs)."""
    ctx = ingest_context(engine=engine, org_slug=org_slug, **options)  # type: ignore[arg-type]
    return inspect_upload(data, filename, ctx, opened=opened)


def check_upload(
    *,
    engine: Engine,
    org_slug: str,
    data: bytes,
    filename: str,
    progress: Progress | None = None,
    pending: Reads | None = None,
    opened: Opened | None = None,
    **options: object,
) -> ParsedUpload:
    """Parse and check a file without writing (the dry run and the preview);
    ``pending``: reads of the upload the caller started early; ``opened``: the
    upload as already opened."""
    ctx = ingest_context(engine=engine, org_slug=org_slug, **options)  # type: ignore[arg-type]
    return parse_upload(
        data, filename, ctx, progress=progress, pending=pending, opened=opened
    )


def import_upload(
    *,
    engine: Engine,
    org_slug: str,
    data: bytes,
    filename: str,
    programme: str | None = None,
    group: str | None = None,
    mapping: Mapping[str, str] | None = None,
    mapping_name: str | None = None,
    save_mapping_as: str | None = None,
    dry_run: bool = False,
    user_id: int | None = None,
    actor: str = "",
    progress: Progress | None = None,
    pending: Reads | None = None,
    lang: str | None = None,
    parsed: ParsedUpload | None = None,
) -> tuple[ImportResult, ParsedUpload]:
    """Check a file and store it in one transaction; raise ImportRefused on errors.
    ``parsed``: this very file already checked with these options (not again)."""
    if parsed is None:
        parsed = check_upload(
            engine=engine,
            org_slug=org_slug,
            data=data,
            filename=filename,
            progress=progress,
            pending=pending,
            programme=programme,
            group=group,
            mapping=mapping,
            mapping_name=mapping_name,
            lang=lang,
        )
    if not parsed.ok:
        _audit_refusal(engine, org_slug, filename, parsed, user_id, actor)
        parsed.raise_for_errors()
    measurements, generation = _pseudonymised(engine, org_slug, parsed)
    result = import_frames(
        pseudonym_generation=generation,  # a rotation meanwhile is caught up
        engine=engine,
        org_slug=org_slug,
        measurements=measurements,
        area=parsed.area_observations.drop(columns=["sheet", "source_row"]),
        filename=filename,
        file_sha256=parsed.file_sha256,
        user_id=user_id,
        actor=actor,
        dry_run=dry_run,
        progress=progress,
        warnings=tuple(p.message for p in parsed.warnings),
    )
    if save_mapping_as and not dry_run:
        with write_scope(engine) as session:
            org = orgs.get_organisation(session=session, slug=org_slug)
            mappings.save_mapping(
                session=session, org=org, name=save_mapping_as, mapping=parsed.mapping
            )
    return result, parsed


def _pseudonymised(
    engine: Engine, org_slug: str, parsed: ParsedUpload
) -> tuple[pd.DataFrame | None, int | None]:
    """The pseudonymised measurements and the key generation used."""
    from impact.ingest.pseudonymise import pseudonymise_frame

    frame = parsed.measurements.drop(columns=["sheet", "source_row"])
    if frame.empty:
        return None, None
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        key = organisation_key(org)
    return pseudonymise_frame(frame, key), key.generation


def _audit_refusal(
    engine: Engine,
    org_slug: str,
    filename: str,
    parsed: ParsedUpload,
    user_id: int | None,
    actor: str,
) -> None:
    codes = sorted({p.code for p in parsed.errors})
    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        audit.record(
            session=session,
            action="import_refused",
            org=org,
            user_id=user_id,
            actor=actor,
            filename=filename[:255],
            errors=len(parsed.errors),
            codes=codes[:20],
        )


__all__ = ["ImportRefused", "check_upload", "import_upload", "preview_upload"]
