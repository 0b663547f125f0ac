"""The organisation's own import template (``impact template --org SLUG`` and
the Import page): the long layout with drop-down lists (Excel data validation)
of the organisation's programmes, instruments and domains, its wijken and the
groups and measurement moments, so a row can only hold what the import accepts.
"""

from __future__ import annotations

import io
import re

import sqlalchemy as sa
import xlsxwriter
from sqlalchemy.engine import Engine
from sqlmodel import col
from xlsxwriter.worksheet import Worksheet

from impact.errors import check_option
from impact.i18n import t, use_language
from impact.ingest.templates import FIXED_TIME, LAST_ROW, WORDS
from impact.services.permissions import require
from impact.store import orgs, programmes
from impact.store.engine import session_scope
from impact.store.models import Participant

#: column of each list on the data sheet (the long layout of ``WORDS.long``)
LIST_COLUMNS = {
    "programmes": 1,
    "groups": 2,
    "wijken": 3,
    "instruments": 4,
    "domains": 5,
    "waves": 7,
    "raters": 9,
}
STRICT = {"programmes", "groups", "instruments", "domains", "waves", "raters"}


def organisation_lists(*, engine: Engine, org_slug: str) -> dict[str, list[str]]:
    """The values each drop-down offers for this organisation."""
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        progs = [
            p
            for p in programmes.list_programmes(session=session, org=org)
            if p.design == "participant"
        ]
        registry = programmes.instrument_registry(session=session, org=org)
        used = session.execute(
            sa.select(col(Participant.wijk))
            .where(
                col(Participant.organisation_id) == org.id,
                col(Participant.wijk).is_not(None),
            )
            .distinct()
        ).scalars()
        wijken = sorted(
            {str(w) for w in used} | {w for p in progs for w in p.wijken or ()}
        )
    usable = [i for i in registry.values() if not i.area_level]
    return {
        "programmes": [p.name for p in progs],
        "wijken": wijken,
        "instruments": [i.code for i in usable],
        "domains": sorted({d for i in usable for d in i.domains}),
    }


def organisation_template(
    *, engine: Engine, org_slug: str, lang: str = "nl", role: str | None = None
) -> tuple[str, bytes]:
    """(file name, .xlsx bytes) of the organisation's own template."""
    if role is not None:
        require(role, "import_data")
    check_option("lang", lang, ("nl", "en"))
    lists = organisation_lists(engine=engine, org_slug=org_slug)
    words = WORDS[lang]
    lists |= {
        "groups": list(words.groups),
        "waves": list(words.waves),
        "raters": list(words.raters),
    }
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.set_properties({"created": FIXED_TIME, "title": "Wijkimpact"})
    with use_language(lang):
        help_sheet = book.add_worksheet(t("ingest.tpl_instructions_sheet"))
        help_sheet.set_column(0, 0, 110)
        help_sheet.write_string(0, 0, t("orgtpl.intro"))
        data = book.add_worksheet(t("ingest.tpl_data_sheet"))
        refs = _list_sheet(book, lists)
        bold = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        data.write_row(0, 0, list(words.long), bold)
        data.freeze_panes(1, 0)
        data.set_column(0, len(words.long) - 1, 20)
        data.set_column(6, 6, 14, book.add_format({"num_format": "dd-mm-yyyy"}))
        for name, column in LIST_COLUMNS.items():
            if lists[name]:
                _dropdown(data, column, refs[name], name in STRICT)
        data.activate()
    book.close()
    slug = re.sub(r"[^a-z0-9-]", "", org_slug.lower()) or "organisatie"
    return f"sjabloon_{slug}_{lang}.xlsx", out.getvalue()


def _list_sheet(
    book: xlsxwriter.Workbook, lists: dict[str, list[str]]
) -> dict[str, str]:
    ws = book.add_worksheet(t("ingest.tpl_lists_sheet"))
    refs = {}
    for j, (name, values) in enumerate(lists.items()):
        ws.write_string(0, j, name)
        for i, value in enumerate(values, start=1):
            ws.write_string(i, j, value)
        letter = chr(65 + j)
        refs[name] = (
            f"='{ws.get_name()}'!${letter}$2:${letter}${max(len(values), 1) + 1}"
        )
    ws.hide()
    return refs


def _dropdown(ws: Worksheet, column: int, source: str, strict: bool) -> None:
    ws.data_validation(
        1,
        column,
        LAST_ROW,
        column,
        {
            "validate": "list",
            "source": source,
            "error_type": "stop" if strict else "warning",
            "error_title": t("ingest.tpl_dropdown_title"),
            "error_message": t("ingest.tpl_dropdown_message"),
        },
    )
