"""One treated wijk on the demo: the analysis switches to synthetic DiD."""

from __future__ import annotations

import pytest

from impact.sample import generate as sample
from impact.services.analysis import analyse_outcome
from impact.services.demo import DEMO_SLUG, load_demo
from impact.services.imports import frames_sha256, import_frames
from impact.services.report_parts import outcome_of
from impact.store import orgs, programmes
from impact.store.engine import write_scope
from tests.factories import migrated_engine

TRUE = {
    "cohesie": sample.COHESIE_EFFECT,
    "eenzaamheid_ernstig_pct": sample.LONELY_EFFECT,
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path_factory.mktemp('sdid') / 'demo.db'}"
    engine = migrated_engine(url)
    load_demo(engine)
    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=DEMO_SLUG)
        programmes.upsert_programme(
            session=session,
            org=org,
            name=sample.ONE_BUURTHUIS,
            theme="cohesie",
            target_group="bewoners",
            design="area",
            start_date=None,
            yearly_cost=None,
            wijken=[sample.WIJKEN[0][0]],
        )
    area = sample.one_buurthuis_observations()
    import_frames(
        engine=engine,
        org_slug=DEMO_SLUG,
        measurements=None,
        area=area,
        filename="een-buurthuis",
        file_sha256=frames_sha256(area),
        actor="test",
    )
    yield engine


@pytest.mark.parametrize("indicator", sorted(TRUE))
def test_one_treated_wijk_gets_sdid_covering_the_truth(engine, indicator) -> None:  # type: ignore[no-untyped-def]
    a = analyse_outcome(
        engine=engine,
        org_slug=DEMO_SLUG,
        programme=sample.ONE_BUURTHUIS,
        instrument=indicator,
    )
    assert a.design == "sdid"
    est = a.estimate
    assert est.inference == "placebo"
    assert est.ci_low < TRUE[indicator] < est.ci_high
    assert a.n_treated == 1 and a.n_comparison == 11
    assert a.weights and abs(sum(w for _, w in a.weights) - 1) < 0.05
    assert a.synthetic is not None and len(a.synthetic) == len(sample.AREA_YEARS)
    block = outcome_of(a, None)
    assert [(m.area, m.weight) for m in block.comparison_mix] == list(a.weights)
    assert block.unit == "areas"
    assert block.synthetic and block.start_period == 2019
    assert block.refused is None


def test_staggered_demo_programme_stays_staggered(engine) -> None:  # type: ignore[no-untyped-def]
    a = analyse_outcome(
        engine=engine,
        org_slug=DEMO_SLUG,
        programme=sample.BUURTHUIS,
        instrument="cohesie",
    )
    assert a.design == "staggered" and a.estimate.vcov == "cohort"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", "Vergeleken met een gewogen mix van"),
        ("en", "Compared with a weighted mix of"),
    ],
)
def test_report_shows_the_mix_and_the_twin_chart(engine, lang, words) -> None:  # type: ignore[no-untyped-def]
    from impact.report.document import build_document
    from impact.services.reports import build_report

    report = build_report(
        engine=engine,
        org_slug=DEMO_SLUG,
        programme_names=(sample.ONE_BUURTHUIS,),
        lang=lang,
    )
    assert report.methods.design == "sdid"
    doc = build_document(report, lang)
    flat = repr(doc)
    assert words in flat
    assert ".synthetic" in flat
