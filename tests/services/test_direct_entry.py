"""Direct entry: the same checks and pseudonymisation as an upload, its own
batch (undoable), corrections replace the stored score, audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from impact.domain.instruments import SHIPPED
from impact.errors import ImportRefused, PermissionDenied
from impact.sample import generate as sample
from impact.services.direct_entry import Entry, enter_measurement
from impact.services.imports import undo_import
from tests.factories import add_org_with_data, migrated_engine

ORG = "org-a"
ZRM = SHIPPED["zrm"]


@pytest.fixture()
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, ORG, n=10)
    yield engine


def _entry(**changes: object) -> Entry:
    base: dict[str, object] = {
        "programme": sample.DEBT,
        "client_ref": "DOSSIER-77",
        "group": "treated",
        "instrument": "zrm",
        "when": dt.date(2024, 3, 1),
        "wave": 0,
        "scores": dict.fromkeys(ZRM.domains, 3.0),
    }
    base.update(changes)
    return Entry(**base)  # type: ignore[arg-type]


def _scalar(engine, sql: str) -> object:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar_one()


def test_all_thirteen_zrm_domains_at_once(engine) -> None:  # type: ignore[no-untyped-def]
    assert len(ZRM.domains) == 13
    result = enter_measurement(
        engine=engine, org_slug=ORG, role="uploader", entry=_entry()
    )
    assert (result.stored, result.corrected) == (13, 0)
    batch = result.batch_id
    assert (
        _scalar(engine, f"SELECT count(*) FROM measurement WHERE batch_id={batch}")
        == 13
    )
    # pseudonymised: the reference itself is nowhere
    with engine.connect() as conn:
        dump = "\n".join(conn.connection.driver_connection.iterdump())  # type: ignore[union-attr]
    assert "DOSSIER-77" not in dump and "dossier-77" not in dump
    assert (
        _scalar(engine, "SELECT count(*) FROM auditevent WHERE action='direct_entry'")
        == 1
    )
    assert undo_import(engine=engine, org_slug=ORG, batch_id=batch) == 13


def test_a_second_entry_for_the_same_moment_corrects(engine) -> None:  # type: ignore[no-untyped-def]
    enter_measurement(engine=engine, org_slug=ORG, role="uploader", entry=_entry())
    fixed = _entry(scores={"financien": 5.0})
    result = enter_measurement(
        engine=engine, org_slug=ORG, role="uploader", entry=fixed
    )
    assert (result.stored, result.corrected) == (1, 1)
    values = _scalar(
        engine,
        "SELECT group_concat(value) FROM measurement WHERE domain='financien' "
        f"AND batch_id IN ({result.batch_id}, {result.batch_id - 1})",
    )
    assert values == "5.0"


def test_the_upload_checks_apply(engine) -> None:  # type: ignore[no-untyped-def]
    before = _scalar(engine, "SELECT count(*) FROM measurement")
    with pytest.raises(ImportRefused) as refused:
        enter_measurement(
            engine=engine,
            org_slug=ORG,
            role="uploader",
            entry=_entry(scores={"financien": 7.0, "werk_opleiding": 2.0}),
        )
    messages = [p.message for p in refused.value.problems]
    assert len(messages) == 1 and messages[0].startswith("financien: ")
    assert "1 tot en met 5" in messages[0]
    with pytest.raises(ImportRefused) as bsn:
        enter_measurement(
            engine=engine,
            org_slug=ORG,
            role="uploader",
            entry=_entry(client_ref="111222333"),
        )
    assert any("BSN" in p.message for p in bsn.value.problems)
    with pytest.raises(ImportRefused):
        enter_measurement(
            engine=engine, org_slug=ORG, role="uploader", entry=_entry(scores={})
        )
    with pytest.raises(PermissionDenied):
        enter_measurement(engine=engine, org_slug=ORG, role="viewer", entry=_entry())
    assert _scalar(engine, "SELECT count(*) FROM measurement") == before
