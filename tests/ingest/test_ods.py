"""OpenDocument spreadsheets: a real .ods (pandas + odfpy) imports with the same
rows as the same data in .xlsx; hostile content.xml is refused like a workbook."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

from impact.ingest import parse_upload
from tests.ingest.helpers import context, good_rows
from tests.ingest.ooxml import HEADER

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _frame() -> pd.DataFrame:
    rows = [*good_rows(), *good_rows()]
    frame = pd.DataFrame(rows, columns=HEADER)
    frame["cliëntnummer"] = [f"K{i // 2}" for i in range(len(frame))]
    return frame


def _written(engine: str) -> bytes:
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine=engine) as writer:
        _frame().to_excel(writer, sheet_name="Gegevens", index=False)
        pd.DataFrame({"uitleg": ["vul het blad Gegevens in"]}).to_excel(
            writer, sheet_name="Uitleg", index=False
        )
    return out.getvalue()


def test_a_real_ods_imports_the_same_rows_as_the_xlsx() -> None:
    pytest.importorskip("odf")
    ods = parse_upload(_written("odf"), "metingen.ods", context())
    xlsx = parse_upload(_written("openpyxl"), "metingen.xlsx", context())
    assert ods.ok, [p.message for p in ods.problems]
    assert xlsx.ok
    assert len(ods.measurements) == len(xlsx.measurements) == len(_frame())
    columns = ["client_ref", "group", "wave", "value", "date", "source_row"]
    pd.testing.assert_frame_equal(
        ods.measurements[columns].reset_index(drop=True),
        xlsx.measurements[columns].reset_index(drop=True),
    )


def _ods(content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", ODS_MIMETYPE, zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", b"<manifest/>")
    return out.getvalue()


def _content(rows: str, name: str = "Gegevens") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        f'xmlns:office="{OFFICE}" xmlns:table="{TABLE}" xmlns:text="{TEXT}" '
        f'office:version="1.2"><office:body><office:spreadsheet>'
        f'<table:table table:name="{name}">{rows}</table:table>'
        f"</office:spreadsheet></office:body></office:document-content>"
    ).encode()


def _cell(value: str, repeat: int = 1) -> str:
    return (
        f'<table:table-cell table:number-columns-repeated="{repeat}" '
        f'office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    )


def test_repeated_rows_with_values_are_a_used_range_refusal() -> None:
    rows = (
        f"<table:table-row>{_cell('cliëntnummer')}</table:table-row>"
        f'<table:table-row table:number-rows-repeated="1048575">{_cell("x", 16384)}'
        "</table:table-row>"
    )
    result = parse_upload(_ods(_content(rows)), "groot.ods", context())
    assert [p.code for p in result.errors] == ["used_range"]


def test_libreoffice_trailing_empty_rows_are_not_data() -> None:
    header = "".join(_cell(h) for h in HEADER)
    rows = (
        f"<table:table-row>{header}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048575">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    result = parse_upload(_ods(_content(rows)), "leeg.ods", context())
    assert [p.code for p in result.errors] == ["no_data_rows"]


def test_entities_in_content_xml_are_refused() -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + _content("")[21:]
    result = parse_upload(_ods(evil), "boom.ods", context())
    assert [p.code for p in result.errors] == ["xml_dtd"]


@pytest.mark.parametrize("kind", ["participant", "area"])
def test_templates_as_ods_read_like_the_xlsx_templates(kind: str) -> None:
    from impact.ingest.ods_writer import xlsx_to_ods
    from impact.ingest.preview import inspect_upload
    from impact.ingest.templates import write_template

    xlsx = write_template(kind, lang="nl")  # type: ignore[arg-type]
    ods = xlsx_to_ods(xlsx)
    assert ods[30:38] == b"mimetype" and ODS_MIMETYPE in ods[:100]
    a = inspect_upload(ods, "sjabloon.ods", context())
    b = inspect_upload(xlsx, "sjabloon.xlsx", context())
    assert a.headers == b.headers and a.headers
    assert [(s.name, s.visible) for s in a.sheets] == [
        (s.name, s.visible) for s in b.sheets
    ]
    assert [p.code for p in parse_upload(ods, "s.ods", context()).errors] == [
        p.code for p in parse_upload(xlsx, "s.xlsx", context()).errors
    ]
    with zipfile.ZipFile(io.BytesIO(ods)) as archive:
        content = archive.read("content.xml")
    if kind == "participant":  # the drop-down lists travel along
        assert b"of:cell-content-is-in-list([$'" in content


def test_the_cli_writes_an_ods_template(isolated_settings) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from impact.cli import app

    out = isolated_settings / "sjabloon.ods"
    result = CliRunner().invoke(app, ["template", "participant", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert parse_upload(out.read_bytes(), out.name, context()).errors[0].code == (
        "no_data_rows"
    )
