"""Report use case: the numbers are the engine's, funders see what they fund,
small cells never leave, and the download is audited."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from impact.config import get_settings
from impact.errors import NotFoundError
from impact.i18n import fmt_number
from impact.report import read_embedded
from impact.sample import generate as sample
from impact.services.analysis import analyse_outcome
from impact.services.demo import load_demo
from impact.services.release.funder_report import funder_report
from impact.services.reports import build_report, render_report
from tests.factories import migrated_engine


@pytest.fixture()
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = migrated_engine(sqlite_url)
    load_demo(engine)
    yield engine


def test_report_numbers_are_the_engines(engine) -> None:  # type: ignore[no-untyped-def]
    report = build_report(
        engine=engine, org_slug="demo", programme_names=(sample.DEBT,)
    )
    by_key = {o.key: o for o in report.outcomes}
    assert set(by_key) == {"zrm/financien", "problematische_schulden"}
    direct = analyse_outcome(
        engine=engine,
        org_slug="demo",
        programme=sample.DEBT,
        instrument="zrm",
        domain="financien",
    ).estimate
    zrm = by_key["zrm/financien"]
    assert (zrm.estimate, zrm.ci_low, zrm.ci_high) == (
        direct.att,
        direct.ci_low,
        direct.ci_high,
    )
    assert zrm.p_holm is not None and zrm.p_holm >= zrm.p_value
    assert report.reach.n_participants == 300 and report.reach.n_comparison == 200


def test_pdf_text_shows_the_estimate_in_dutch(engine) -> None:  # type: ignore[no-untyped-def]
    pdf = render_report(
        engine=engine, org_slug="demo", programme_names=(sample.YOUTH,), fmt="pdf"
    )
    words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    embedded = read_embedded(pdf)
    swemwbs = next(o for o in embedded["outcomes"] if o["key"] == "swemwbs/totaal")
    assert fmt_number(swemwbs["estimate"], 1, lang="nl") in words
    assert "SWEMWBS" in words and "95%-BI" in words


def test_funder_gets_only_funded_programmes(engine) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError):
        funder_report(
            engine=engine, funder_slug="gemeente-wijkstad", programme_name=sample.YOUTH
        )
    content = funder_report(
        engine=engine,
        funder_slug="gemeente-wijkstad",
        programme_name=sample.DEBT,
        fmt="xlsx",
    )
    embedded = read_embedded(content)
    assert embedded["programmes"] == [sample.DEBT]
    assert embedded["funder"] == "Gemeente Wijkstad (demo)"
    with engine.connect() as conn:
        rows = (
            conn.execute(text("SELECT detail FROM auditevent WHERE action = 'export'"))
            .scalars()
            .all()
        )
    assert len(rows) == 1 and "funder" in rows[0]


def test_cells_under_min_cell_never_leave(engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("IMPACT_MIN_CELL", "250")  # the 200 comparison clients
    get_settings.cache_clear()
    for fmt in ("pdf", "xlsx", "docx"):
        content = funder_report(
            engine=engine,
            funder_slug="gemeente-wijkstad",
            programme_name=sample.DEBT,
            fmt=fmt,
        )
        embedded = read_embedded(content)
        assert embedded["min_cell"] == 250
        for outcome in embedded["outcomes"]:
            assert outcome["estimate"] is None and outcome["suppressed"]
        reach = embedded["reach"]
        assert reach["n_comparison"] is None
        # the comparison group's 200 is neither shown nor the difference of two
        # shown counts (its complement, the 300 treated, is hidden with it)
        assert reach["n_participants"] is None
        counts = [reach["n_participants"], reach["n_comparison"]]
        counts += [r["n"] for r in reach["by_area"]]
        assert 200 not in counts and 300 not in counts


def test_effect_size_is_hedges_corrected_smd_of_the_did(engine) -> None:  # type: ignore[no-untyped-def]
    import math

    report = build_report(
        engine=engine, org_slug="demo", programme_names=(sample.DEBT,)
    )
    zrm = next(o for o in report.outcomes if o.key == "zrm/financien")
    a = analyse_outcome(
        engine=engine,
        org_slug="demo",
        programme=sample.DEBT,
        instrument="zrm",
        domain="financien",
    )
    base = a.means[a.means["period"] == 0].set_index("group")
    n1, n2 = base.loc["treated", "n"], base.loc["comparison", "n"]
    s1, s2 = base.loc["treated", "sd"], base.loc["comparison", "sd"]
    pooled = math.sqrt(((n1 - 1) * s1**2 + (n2 - 1) * s2**2) / (n1 + n2 - 2))
    expected = (1 - 3 / (4 * (n1 + n2) - 9)) * a.estimate.att / pooled
    assert zrm.effect_size == pytest.approx(expected, rel=1e-12)
    area = build_report(
        engine=engine, org_slug="demo", programme_names=(sample.BUURTHUIS,)
    )
    assert all(o.effect_size is None and o.unit == "areas" for o in area.outcomes)
    assert all(o.estimate is not None for o in area.outcomes)  # 8 wijken: not people
