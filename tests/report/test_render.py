"""Rendered files, read back with independent readers (pypdf, openpyxl, python-docx)."""

from __future__ import annotations

import io
import json
import subprocess
from dataclasses import replace
from functools import cache
from shutil import which

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from impact.errors import OptionError, ReportError
from impact.report.embed import read_embedded
from impact.report.model import EvidenceReport, Outcome, Reach, ReachRow
from impact.report.privacy import suppress
from impact.report.render import render
from tests.report.example import example_report

INJECTION = '=HYPERLINK("http://x.invalid","klik")'
DISTINCT = 0.777  # the estimate of a suppressed outcome: must appear nowhere
EXACT = 1e-12


def _report(lang: str = "nl") -> EvidenceReport:
    base = example_report(lang)
    small = Outcome(
        key="klein",
        label="Kleine uitkomst",
        instrument="custom",
        direction="higher_better",
        estimator="did_2x2",
        n_treated=40,
        n_comparison=7,
        estimate=DISTINCT,
        ci_low=0.1,
        ci_high=1.4,
        p_value=0.03,
        decimals=3,
    )
    reach = Reach(148, 96, 1_187, (*base.reach.by_area, ReachRow("Klein Dorp", 7)))
    first = replace(base.outcomes[0], label="ZRM Financiën")
    return replace(base, outcomes=(first, *base.outcomes[1:], small), reach=reach)


@cache
def _file(fmt: str, lang: str = "nl") -> bytes:
    return render(_report(lang), fmt)  # type: ignore[arg-type]


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nl",
            [
                "Samenvatting",
                "0,5 punt meer vooruit",
                "(95%-BI 0,2 tot 0,8)",
                "1.187",
                "< 0,001",
                "0,48",
                "€ 120.000",
                "< 10",
            ],
        ),
        (
            "en",
            [
                "Summary",
                "0.5 points more",
                "(95% CI 0.2 to 0.8)",
                "1,187",
                "< 0.001",
                "0.48",
                "€120,000",
                "< 10",
            ],
        ),
    ],
)
def test_text_formats_show_the_models_numbers(
    fmt: str, lang: str, expected: list[str]
) -> None:
    data = _file(fmt, lang)
    content = _pdf_text(data) if fmt == "pdf" else _docx_text(data)
    # line breaks and non-breaking spaces are layout, not content
    content = " ".join(content.replace("\xa0", " ").replace("\u202f", " ").split())
    for piece in expected:
        assert piece in content, piece
    assert "0,777" not in content and "0.777" not in content
    assert "Klein Dorp" in content


def test_excel_holds_real_numbers_and_no_formulas() -> None:
    book = openpyxl.load_workbook(io.BytesIO(_file("xlsx")))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    rows: dict[str, tuple[object, ...]] = {}
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            if row and isinstance(row[0], str):
                rows.setdefault(row[0], row)
    zrm = _report().outcomes[0]
    assert rows["ZRM Financiën"][1:9] == (
        zrm.n_treated,
        zrm.n_comparison,
        zrm.estimate,
        zrm.ci_low,
        zrm.ci_high,
        zrm.p_value,
        zrm.p_holm,
        zrm.effect_size,
    )
    assert rows["Klein Dorp"][1] == "< 10"
    numbers = [c.value for c in cells if isinstance(c.value, float)]
    assert all(abs(v - DISTINCT) > EXACT for v in numbers)
    assert book["_wijkimpact"].sheet_state == "hidden"


def test_excel_neutralises_formula_injection() -> None:
    report = replace(
        _report(),
        organisation="+31 cmd|' /C calc'!A0",
        programmes=("@SUM(A1:A2)", "-2+3"),
        outcomes=(replace(_report().outcomes[0], label=INJECTION),),
    )
    book = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
    values = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in values)
    texts = {c.value for c in values if isinstance(c.value, str)}
    assert "'" + INJECTION in texts
    assert "'+31 cmd|' /C calc'!A0" in texts
    assert not any(t.startswith(("=", "+", "@", "-")) for t in texts)


@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "docx"])
def test_read_embedded_round_trips_the_suppressed_report(fmt: str) -> None:
    embedded = read_embedded(_file(fmt))
    assert EvidenceReport.from_dict(embedded) == suppress(_report())
    assert str(DISTINCT) not in json.dumps(embedded)
    assert embedded["reproducibility"]["data_fingerprint"] == (
        _report().reproducibility.data_fingerprint
    )


def test_read_embedded_refuses_other_files() -> None:
    with pytest.raises(ReportError):
        read_embedded(b"just some bytes")
    with pytest.raises(OptionError):
        render(_report(), "html")  # type: ignore[arg-type]


@pytest.mark.skipif(which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_renders_to_images(tmp_path: object) -> None:
    pdf = tmp_path / "report.pdf"  # type: ignore[operator]
    pdf.write_bytes(_file("pdf"))
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "2", str(pdf), str(pdf)],
        check=True,
    )
    assert len(list(pdf.parent.glob("*.png"))) == 2
