"""Analysis use case on the demo data: the right design, the known effects."""

from __future__ import annotations

import pytest

from impact.sample import generate as sample
from impact.services.analysis import analyse_outcome, list_outcomes
from impact.services.demo import load_demo
from tests.factories import migrated_engine

#: the demo's estimates must lie within this many standard errors of the truth
Z_TOLERANCE = 4.0


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path_factory.mktemp('analysis') / 'demo.db'}"
    engine = migrated_engine(url)
    load_demo(engine)
    yield engine


@pytest.mark.parametrize(
    ("programme", "instrument", "domain", "design"),
    [
        (sample.DEBT, "zrm", "financien", "did"),
        (sample.DEBT, "problematische_schulden", None, "did"),
        (sample.YOUTH, "swemwbs", "totaal", "did"),
        (sample.YOUTH, "voortijdig_schoolverlaten", None, "did"),
        (sample.BUURTHUIS, "cohesie", None, "staggered"),
        (sample.BUURTHUIS, "eenzaamheid_ernstig_pct", None, "staggered"),
    ],
)
def test_demo_effects_are_recovered(
    engine, programme, instrument, domain, design
) -> None:  # type: ignore[no-untyped-def]
    result = analyse_outcome(
        engine=engine,
        org_slug="demo",
        programme=programme,
        instrument=instrument,
        domain=domain,
    )
    assert result.design == design
    truth = sample.TRUE_EFFECTS[(programme, result.key)]
    est = result.estimate
    assert abs(est.att - truth) < Z_TOLERANCE * est.std_error, (est.att, truth)
    assert est.ci_low < est.att < est.ci_high
    assert len(result.data_sha256) == 64 and result.batch_ids


def test_means_and_change_counts_describe_every_participant(engine) -> None:  # type: ignore[no-untyped-def]
    result = analyse_outcome(
        engine=engine,
        org_slug="demo",
        programme=sample.DEBT,
        instrument="zrm",
        domain="financien",
    )
    assert (result.n_treated, result.n_comparison) == (300, 200)
    baseline = result.means[result.means["period"] == 0].set_index("group")["n"]
    assert baseline.to_dict() == {"comparison": 200, "treated": 300}
    counts = result.change.set_index("group")
    assert counts.sum(axis=1).to_dict() == {"comparison": 200, "treated": 300}
    # participants improve more often than the waiting list
    share = counts["improved"] / counts.sum(axis=1)
    assert share["treated"] > share["comparison"]


def test_prepost_when_asked_is_labelled_not_causal(engine) -> None:  # type: ignore[no-untyped-def]
    result = analyse_outcome(
        engine=engine,
        org_slug="demo",
        programme=sample.YOUTH,
        instrument="swemwbs",
        design="prepost",
    )
    assert result.design == "prepost"
    assert any("vergelijkingsgroep" in w.render("nl") for w in result.estimate.warnings)


def test_outcomes_are_listed_per_programme(engine) -> None:  # type: ignore[no-untyped-def]
    debt = list_outcomes(engine=engine, org_slug="demo", programme=sample.DEBT)
    assert set(debt["key"]) == {"zrm/financien", "problematische_schulden"}
    area = list_outcomes(engine=engine, org_slug="demo", programme=sample.BUURTHUIS)
    assert set(area["key"]) == {"cohesie", "eenzaamheid_ernstig_pct"}
