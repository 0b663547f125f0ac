"""Evidence packages: aggregates only, small groups withheld, signatures that
hold against a changed value, a wrong key and a replayed older package."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from impact.config import get_settings
from impact.domain import evidence as ev
from impact.errors import DataError
from impact.services.admin import create_organisation
from impact.services.evidence import EvidenceRefused, export_package, public_key
from impact.services.evidence_hub import import_package, trust_key
from tests.factories import add_org_with_data, migrated_engine

HUB = "branche"
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture()
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "welzijn-a", seed=1, n=40)
    create_organisation(engine=engine, slug=HUB, name="Branche", kind="sector")
    yield engine


def _export(engine, **kwargs):  # type: ignore[no-untyped-def]
    kwargs.setdefault("created_at", T0)
    return export_package(engine=engine, org_slug="welzijn-a", **kwargs)


def _bytes(package: dict) -> bytes:  # type: ignore[type-arg]
    return json.dumps(package).encode()


def _trusted(engine) -> None:  # type: ignore[no-untyped-def]
    key = public_key(engine=engine, org_slug="welzijn-a")
    trust_key(engine=engine, hub_slug=HUB, source_slug="welzijn-a", key=key)


def test_package_holds_aggregates_only(engine) -> None:  # type: ignore[no-untyped-def]
    package = _export(engine)
    payload = package["payload"]
    assert payload["results"], "the sample programmes have estimable outcomes"
    for row in payload["results"]:
        assert set(row) <= ev.RESULT_KEYS
        if row["unit"] == "people":  # area designs count wijken
            assert row["n_treated"] >= get_settings().min_cell
    text_of_package = json.dumps(package)
    pseudonyms = engine.connect().execute(text("select pseudonym from participant"))
    assert not any(p in text_of_package for (p,) in pseudonyms)
    assert '"p_' not in text_of_package  # no pseudonym of any form
    assert "participant" not in text_of_package.replace("n_", "")
    ev.check_payload(payload)


def test_small_groups_are_withheld_without_numbers(engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("IMPACT_MIN_CELL", "50")  # every group has 40 people
    get_settings.cache_clear()
    payload = _export(engine)["payload"]
    people = [r for r in payload["results"] if r["unit"] == "people"]
    assert people == []
    withheld = [w for w in payload["withheld"] if w["reason"] == "min_cell"]
    assert withheld and all(
        set(w) == {"programme", "outcome", "reason"} for w in withheld
    )
    assert payload["min_cell"] == 50


def test_import_verify_idempotent_and_replace(engine) -> None:  # type: ignore[no-untyped-def]
    _trusted(engine)
    first = _bytes(_export(engine))
    assert (
        import_package(engine=engine, hub_slug=HUB, content=first).status == "imported"
    )
    again = import_package(engine=engine, hub_slug=HUB, content=first)
    assert again.status == "unchanged"
    newer = _bytes(_export(engine, created_at=T0 + timedelta(days=30)))
    assert (
        import_package(engine=engine, hub_slug=HUB, content=newer).status == "replaced"
    )
    with engine.connect() as conn:
        rows = conn.execute(
            text("select count(*), count(replaced_at) from evidencepackage")
        ).one()
        actions = [a for (a,) in conn.execute(text("select action from auditevent"))]
    assert tuple(rows) == (2, 1)
    assert actions.count("evidence_import") == 2


def test_replayed_older_package_is_refused(engine) -> None:  # type: ignore[no-untyped-def]
    _trusted(engine)
    old = _bytes(_export(engine))
    new = _bytes(_export(engine, created_at=T0 + timedelta(days=1)))
    import_package(engine=engine, hub_slug=HUB, content=new)
    with pytest.raises(EvidenceRefused) as refused:
        import_package(engine=engine, hub_slug=HUB, content=old)
    assert refused.value.code == "evidence.older"
    # the same after the older one had been imported first and then replaced
    newest = _bytes(_export(engine, created_at=T0 + timedelta(days=2)))
    import_package(engine=engine, hub_slug=HUB, content=newest)
    with pytest.raises(EvidenceRefused):
        import_package(engine=engine, hub_slug=HUB, content=new)


def test_a_changed_value_breaks_the_signature(engine) -> None:  # type: ignore[no-untyped-def]
    _trusted(engine)
    package = _export(engine)
    package["payload"]["results"][0]["effect"] += 0.1
    with pytest.raises(EvidenceRefused) as refused:
        import_package(engine=engine, hub_slug=HUB, content=_bytes(package))
    assert refused.value.code == "evidence.tampered"
    named = _export(engine)
    named["payload"]["organisation"]["named"] = True  # consent cannot be added later
    with pytest.raises(EvidenceRefused):
        import_package(engine=engine, hub_slug=HUB, content=_bytes(named))
    with engine.connect() as conn:
        reasons = conn.execute(
            text("select count(*) from auditevent where action = 'evidence_refused'")
        ).scalar()
    assert reasons == 2


def test_wrong_key_and_unknown_sender_are_refused(engine) -> None:  # type: ignore[no-untyped-def]
    package = _bytes(_export(engine))
    with pytest.raises(EvidenceRefused) as unknown:
        import_package(engine=engine, hub_slug=HUB, content=package)
    assert unknown.value.code == "evidence.unknown"
    other = ev.public_key_b64(ev.signing_key(b"another installation's secret", "x"))
    trust_key(engine=engine, hub_slug=HUB, source_slug="welzijn-a", key=other)
    with pytest.raises(EvidenceRefused) as wrong:
        import_package(engine=engine, hub_slug=HUB, content=package)
    assert wrong.value.code == "evidence.tampered"
    # a package re-signed by an impostor with its own key, carrying that key
    forged = ev.sign(json.loads(package)["payload"], ev.signing_key(b"impostor", "y"))
    with pytest.raises(EvidenceRefused):
        import_package(engine=engine, hub_slug=HUB, content=_bytes(forged))


def test_refusals_of_files_that_are_no_packages(engine) -> None:  # type: ignore[no-untyped-def]
    _trusted(engine)
    for content, code in [
        (b"\x00\x01 not json", "evidence.not_json"),
        (b'{"format": "something else"}', "evidence.bad_format"),
    ]:
        with pytest.raises(EvidenceRefused) as refused:
            import_package(engine=engine, hub_slug=HUB, content=content)
        assert refused.value.code == code
    package = _export(engine)
    package["payload"]["results"][0]["participants"] = [1, 2, 3]
    with pytest.raises(EvidenceRefused) as extra:
        import_package(engine=engine, hub_slug=HUB, content=_bytes(package))
    assert extra.value.code == "evidence.bad_format"


def test_only_a_sector_hub_imports(engine) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataError):
        trust_key(engine=engine, hub_slug="welzijn-a", source_slug="x", key="AAAA")
    key = public_key(engine=engine, org_slug="welzijn-a")
    with pytest.raises(DataError) as not_hub:
        trust_key(engine=engine, hub_slug="welzijn-a", source_slug="x", key=key)
    assert not_hub.value.code == "evidence.not_hub"


def test_public_key_is_one_line_of_base64_and_stable(engine) -> None:  # type: ignore[no-untyped-def]
    key = public_key(engine=engine, org_slug="welzijn-a")
    assert "\n" not in key and len(key) == 44
    assert key == public_key(engine=engine, org_slug="welzijn-a")
    ev.parse_public_key(key)


@pytest.mark.parametrize(
    ("text_", "bounds"),
    [
        ("2024-Q1:2024-Q4", ("2024-01-01", "2024-12-31")),
        ("2023-Q2:2023-Q3", ("2023-04-01", "2023-09-30")),
        ("2022:2024", ("2022-01-01", "2024-12-31")),
        ("2024-02-01:2024-03-15", ("2024-02-01", "2024-03-15")),
    ],
)
def test_period_parsing(text_: str, bounds: tuple[str, str]) -> None:
    from impact.services.evidence import parse_period

    start, end = parse_period(text_)
    assert (start.isoformat(), end.isoformat()) == bounds


@pytest.mark.parametrize("bad", ["2024", "2024-Q5:2024-Q6", "2025:2024", "x:y"])
def test_bad_periods_are_refused(bad: str) -> None:
    from impact.services.evidence import parse_period

    with pytest.raises(DataError):
        parse_period(bad)


@pytest.mark.parametrize(
    ("field", "value"),
    [("effect", "0.3"), ("n_treated", -5), ("n_treated", 3.5), ("hedges_g", True)],
)
def test_signed_but_mistyped_values_are_refused(engine, field, value) -> None:  # type: ignore[no-untyped-def]
    """A trusted sender's bug (or a crafted file it signed) cannot reach the pool."""
    from impact.config import master_secret
    from impact.store import orgs as store_orgs
    from impact.store.engine import session_scope

    _trusted(engine)
    payload = _export(engine)["payload"]
    payload["results"][0][field] = value
    with session_scope(engine) as session:
        key_id = store_orgs.get_organisation(session=session, slug="welzijn-a").key_id
    package = ev.sign(payload, ev.signing_key(master_secret(), key_id))
    with pytest.raises(EvidenceRefused) as refused:
        import_package(engine=engine, hub_slug=HUB, content=_bytes(package))
    assert refused.value.code == "evidence.bad_format"


def test_nan_and_oversized_files_are_refused_without_a_traceback(engine) -> None:  # type: ignore[no-untyped-def]
    _trusted(engine)
    text_ = json.dumps(_export(engine)).replace('"min_cell": 10', '"min_cell": NaN')
    with pytest.raises(EvidenceRefused):
        import_package(engine=engine, hub_slug=HUB, content=text_.encode())
    with pytest.raises(EvidenceRefused) as big:
        import_package(
            engine=engine, hub_slug=HUB, content=b" " * (ev.MAX_PACKAGE_BYTES + 1)
        )
    assert big.value.code == "evidence.too_large"


def test_only_the_newest_package_of_an_organisation_is_pooled(engine) -> None:  # type: ignore[no-untyped-def]
    from impact.services.sector import sector_evidence

    _trusted(engine)
    for days, period in ((0, "2015:2025"), (1, "2016:2026")):
        package = _export(engine, period=period, created_at=T0 + timedelta(days=days))
        import_package(engine=engine, hub_slug=HUB, content=_bytes(package))
    evidence = sector_evidence(engine=engine, hub_slug=HUB)
    assert evidence.packages == 1 and evidence.organisations == 1
    assert all(p.k == 1 for p in evidence.pools)
