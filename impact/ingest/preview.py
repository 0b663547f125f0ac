"""inspect_upload: what the UI shows before the user confirms an import."""

from __future__ import annotations

from dataclasses import replace

from impact.errors import ImportRefused
from impact.i18n import use_language
from impact.ingest.catalog import Catalog
from impact.ingest.convert import as_text, is_blank
from impact.ingest.mapping import kind_of, layout_of
from impact.ingest.models import IngestContext, SheetInfo, UploadPreview
from impact.ingest.pipeline import choose_tables, sha256
from impact.ingest.vocabulary import AREA_FIELDS, IGNORE, PARTICIPANT_FIELDS, PERSONAL
from impact.ingest.workbook import Opened, open_once

PREVIEW_ROWS = 10


def mapping_targets(catalog: Catalog) -> tuple[str, ...]:
    """Every target a column can be mapped to (for the UI's drop-down)."""
    scores = tuple(
        f"score:{inst.code}:{dom}"
        for inst in catalog.instruments
        for dom in inst.domains
    )
    fields = PARTICIPANT_FIELDS + tuple(
        f for f in AREA_FIELDS if f not in PARTICIPANT_FIELDS
    )
    return (*fields, *scores, "date:0", "date:1", "date:2", PERSONAL, IGNORE)


def inspect_upload(
    data: bytes, filename: str, ctx: IngestContext, opened: Opened | None = None
) -> UploadPreview:
    """Headers, first rows, guessed mapping and layout; refusals as problems
    (``opened``: the upload already opened by :func:`open_once`)."""
    catalog = Catalog.of(ctx.instruments)
    empty = UploadPreview(
        filename=filename,
        file_sha256=sha256(data),
        kind="participant",
        layout="long",
        sheets=(),
        data_sheets=(),
        header_row=None,
        headers=(),
        rows=(),
        mapping={},
        fields=mapping_targets(catalog),
        problems=(),
    )
    with use_language(ctx.lang):
        if opened is None:
            opened = open_once(data, filename, ctx.max_bytes)
        if isinstance(opened, ImportRefused):
            return replace(empty, problems=tuple(opened.problems))
        sheets = opened
        chosen = choose_tables(sheets, ctx, catalog)
    infos = tuple(
        SheetInfo(s.name, s.grid.visible, s.grid.shape[0], s.grid.shape[1])
        for s in sheets
    )
    if not chosen:
        return replace(empty, sheets=infos)
    _, table, mapping = chosen[0]
    rows = tuple(
        tuple("" if is_blank(c) else as_text(c) for c in row)
        for row in table.cells[:PREVIEW_ROWS]
    )
    return replace(
        empty,
        kind=kind_of(mapping),
        layout=layout_of(mapping),
        sheets=infos,
        data_sheets=tuple(s.name for s, _, _ in chosen),
        header_row=table.header_row,
        headers=table.headers,
        rows=rows,
        mapping=mapping,
    )
