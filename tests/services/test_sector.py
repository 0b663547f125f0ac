"""Pooled sector evidence: the demo sector's known truth, designs never mixed,
names only by consent, the report in NL and EN, and who may see it."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from impact.errors import PermissionDenied
from impact.sample import sector as sample_sector
from impact.services.admin import create_organisation
from impact.services.demo_sector import HUB_SLUG, load_sector_demo
from impact.services.sector import sector_evidence
from impact.services.sector_report import forest_frame, render_sector_report
from impact.store.engine import dispose_engines
from tests.factories import migrated_engine

#: the pooled 95% interval must contain the true mean g of its pool
TRUE_MEANS = {(t.kind, t.outcome, t.design): t.mean_g for t in sample_sector.TRUTHS}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("sector")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        engine = migrated_engine(f"sqlite:///{folder / 'sector.db'}")
        assert load_sector_demo(engine) == len(sample_sector.ORGANISATIONS)
        assert load_sector_demo(engine) == 0  # idempotent
        yield engine
    dispose_engines()


def test_demo_sector_pools_contain_the_known_truth(engine) -> None:  # type: ignore[no-untyped-def]
    evidence = sector_evidence(engine=engine, hub_slug=HUB_SLUG)
    assert evidence.organisations == len(sample_sector.ORGANISATIONS)
    assert len(evidence.pools) == len(TRUE_MEANS)
    for pool in evidence.pools:
        design = "prepost" if pool.family == "prepost" else "did"
        truth = TRUE_MEANS[(pool.kind, pool.outcome, design)]
        assert pool.ci_low is not None and pool.ci_high is not None
        assert pool.ci_low <= truth <= pool.ci_high, (pool.kind, pool.family)
        assert sum(s.weight for s in pool.studies) == pytest.approx(100.0)


def test_prepost_is_never_pooled_with_comparison_designs(engine) -> None:  # type: ignore[no-untyped-def]
    evidence = sector_evidence(engine=engine, hub_slug=HUB_SLUG)
    for pool in evidence.pools:
        designs = {s.design for s in pool.studies}
        assert designs <= ({"prepost"} if pool.family == "prepost" else {"did"})
        if pool.family == "prepost":
            assert pool.strength == "weak" and pool.conclusion != "better"
    assert ("schuldhulp", "zrm/financien") in evidence.mixed


def test_organisations_are_named_only_by_consent(engine) -> None:  # type: ignore[no-untyped-def]
    evidence = sector_evidence(engine=engine, hub_slug=HUB_SLUG)
    consent = {s: (n, ok) for s, n, ok, _i in sample_sector.ORGANISATIONS}
    for pool in evidence.pools:
        for study in pool.studies:
            name, ok = consent[study.source]
            assert study.name == (name if ok else None)
        labels = set(forest_frame(pool, "en")["label"])
        assert not labels & {n for n, ok in consent.values() if not ok}


def test_kind_differences_are_tested(engine) -> None:  # type: ignore[no-untyped-def]
    evidence = sector_evidence(engine=engine, hub_slug=HUB_SLUG)
    zrm = [d for d in evidence.differences if d.outcome == "zrm/financien"]
    assert zrm and zrm[0].kinds == ("schuldhulp", "wijkteam") and zrm[0].df == 1
    assert 0 < zrm[0].p_value <= 1


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ("Wat het gepoolde bewijs laat zien", "nooit samen")),
        ("en", ("What the pooled evidence shows", "never pooled")),
    ],
)
def test_report_pdf_says_what_and_how_strong(engine, lang, words) -> None:  # type: ignore[no-untyped-def]
    content = render_sector_report(engine=engine, hub_slug=HUB_SLUG, lang=lang)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    text = " ".join(text.split())
    for word in words:
        assert word in text
    assert "Stichting Kompas" not in text  # did not agree to be named
    assert "Welzijn Noord" in text


def test_report_xlsx_has_the_pool_table(engine) -> None:  # type: ignore[no-untyped-def]
    content = render_sector_report(
        engine=engine, hub_slug=HUB_SLUG, fmt="xlsx", lang="en"
    )
    book = load_workbook(io.BytesIO(content))
    cells = {
        str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
    }
    assert "Intervention kind" in cells and "youth work" in cells


def test_only_the_sector_role_may_see_it(engine) -> None:  # type: ignore[no-untyped-def]
    for role in ("admin", "analyst", "viewer", "funder"):
        with pytest.raises(PermissionDenied):
            sector_evidence(engine=engine, hub_slug=HUB_SLUG, role=role)
    assert sector_evidence(engine=engine, hub_slug=HUB_SLUG, role="sector").pools


def test_another_hub_sees_none_of_these_packages(engine) -> None:  # type: ignore[no-untyped-def]
    create_organisation(engine=engine, slug="andere-hub", name="Andere", kind="sector")
    other = sector_evidence(engine=engine, hub_slug="andere-hub")
    assert other.packages == 0 and other.pools == ()


def test_a_hostile_label_stays_text_in_the_workbook(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A trusted sender's outcome label is another organisation's text: the
    workbook must not turn it into a formula."""
    import json

    from impact.config import master_secret
    from impact.domain import evidence as ev
    from impact.services.evidence_hub import import_package, trust_key
    from impact.store import orgs
    from impact.store.engine import write_scope

    monkeypatch.chdir(tmp_path)
    engine = migrated_engine(f"sqlite:///{tmp_path / 'h.db'}")
    create_organisation(engine=engine, slug="hub", name="Hub", kind="sector")
    with write_scope(engine) as session:
        org = orgs.create_organisation(session=session, slug="evil", name="Evil")
        key = ev.signing_key(master_secret(), org.key_id)
    trust_key(engine=engine, hub_slug="hub", source_slug="evil",
              key=ev.public_key_b64(key))  # fmt: skip
    rows = sample_sector.sector_results()["demo-kompas"]
    label = '=HYPERLINK("http://evil.example","klik")'
    rows = [{**r, "label": label} for r in rows]
    payload = {"organisation": {"slug": "evil", "name": None, "named": False},
               "period": "2024:2025", "created_at": "2026-01-01T00:00:00+00:00",
               "software_version": "x", "min_cell": 10, "results": rows,
               "withheld": []}  # fmt: skip
    package = json.dumps(ev.sign(payload, key)).encode()
    import_package(engine=engine, hub_slug="hub", content=package)
    content = render_sector_report(engine=engine, hub_slug="hub", fmt="xlsx")
    book = load_workbook(io.BytesIO(content))
    values = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not any(isinstance(v, str) and v.startswith("=") for v in values)
    assert any(isinstance(v, str) and "HYPERLINK" in v for v in values)
    dispose_engines()
