"""Restoring undone batches: same rows back, after a key rotation too; purged
after the restore window; erasure reaches the archive; everything audited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import text

from impact.errors import ImportRefused, PermissionDenied
from impact.sample import generate as sample
from impact.services.imports import frames_sha256, import_frames, undo_import
from impact.services.restore import RESTORE_DAYS, redo_import
from impact.services.security import erase_client, rotate_key
from tests.factories import add_org_with_data, migrated_engine

ORG = "org-a"


@pytest.fixture()
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = migrated_engine(sqlite_url)
    yield engine


def _rows(engine) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """Every stored measurement with its person, as the dashboard would see it."""
    with engine.connect() as conn:
        return sorted(
            tuple(r)
            for r in conn.execute(
                text(
                    'SELECT p.pseudonym, p."group", m.instrument, m.domain, '
                    "m.wave, m.value, m.date, m.batch_id FROM measurement m "
                    "JOIN participant p ON p.id = m.participant_id"
                )
            )
        )


def _extra(engine, user_id: int | None = None):  # type: ignore[no-untyped-def]
    frame = sample.youth_measurements(np.random.default_rng(5), 6, 6, offset=900)
    return import_frames(
        engine=engine,
        org_slug=ORG,
        measurements=frame,
        area=None,
        filename="x.xlsx",
        file_sha256=frames_sha256(frame),
        user_id=user_id,
    )


def _scalar(engine, sql: str) -> object:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(text(sql)).scalar_one()


def test_redo_puts_back_exactly_what_undo_removed(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, ORG, n=10)
    batch = _extra(engine).batch_id or 0
    before = _rows(engine)
    removed = undo_import(engine=engine, org_slug=ORG, batch_id=batch)
    assert len(_rows(engine)) == len(before) - removed
    restored = redo_import(engine=engine, org_slug=ORG, batch_id=batch)
    assert restored == removed
    assert _rows(engine) == before
    assert _scalar(engine, "SELECT count(*) FROM archivedmeasurement") == 0
    actions = _scalar(
        engine,
        "SELECT group_concat(action, ',') FROM (SELECT action FROM auditevent "
        "WHERE action IN ('undo', 'redo') ORDER BY id)",
    )
    assert actions == "undo,redo"
    with pytest.raises(ImportRefused, match="niet teruggedraaid"):
        redo_import(engine=engine, org_slug=ORG, batch_id=batch)


def test_area_batch_is_restored(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, ORG, n=5)
    count = "SELECT count(*) FROM areaobservation"
    n = _scalar(engine, count)
    undo_import(engine=engine, org_slug=ORG, batch_id=1)
    assert _scalar(engine, count) == 0
    redo_import(engine=engine, org_slug=ORG, batch_id=1)
    assert _scalar(engine, count) == n


def test_redo_after_key_rotation_links_the_same_people(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, ORG, n=10)
    batch = _extra(engine).batch_id or 0
    undo_import(engine=engine, org_slug=ORG, batch_id=batch)
    rotate_key(engine=engine, org_slug=ORG)
    redo_import(engine=engine, org_slug=ORG, batch_id=batch)
    # importing the same rows again under the new key adds nothing: same people
    again = sample.youth_measurements(np.random.default_rng(5), 6, 6, offset=900)
    result = import_frames(
        engine=engine,
        org_slug=ORG,
        measurements=again,
        area=None,
        filename="y.xlsx",
        file_sha256="9" * 64,
    )
    assert (result.inserted, result.participants_new) == (0, 0)


def test_undone_batch_is_purged_after_the_window(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, ORG, n=10)
    batch = _extra(engine).batch_id or 0
    undo_import(engine=engine, org_slug=ORG, batch_id=batch)
    assert int(_scalar(engine, "SELECT count(*) FROM archivedmeasurement")) > 0  # type: ignore[call-overload]
    later = datetime.now(UTC) + timedelta(days=RESTORE_DAYS, hours=1)
    with pytest.raises(ImportRefused, match=f"{RESTORE_DAYS} dagen"):
        redo_import(engine=engine, org_slug=ORG, batch_id=batch, now=later)


def test_purge_is_kept_when_another_write_runs_it(engine) -> None:  # type: ignore[no-untyped-def]
    from impact.services.restore import purge_expired
    from impact.store import pseudonyms
    from impact.store.engine import write_scope

    add_org_with_data(engine, ORG, n=10)
    batch = _extra(engine).batch_id or 0
    undo_import(engine=engine, org_slug=ORG, batch_id=batch)
    later = datetime.now(UTC) + timedelta(days=RESTORE_DAYS, hours=1)
    with write_scope(engine) as session:
        org = pseudonyms.lock_organisation(session=session, slug=ORG)
        assert purge_expired(session=session, org=org, now=later) == [batch]
    assert _scalar(engine, "SELECT count(*) FROM archivedmeasurement") == 0
    assert _scalar(engine, f"SELECT status FROM importbatch WHERE id={batch}") == (
        "purged"
    )
    with pytest.raises(ImportRefused, match="niet meer"):
        redo_import(engine=engine, org_slug=ORG, batch_id=batch)


def test_erasure_reaches_the_archive_of_any_key_generation(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, ORG, n=10)
    frame = sample.youth_measurements(np.random.default_rng(5), 6, 6, offset=900)
    ref = str(frame["client_ref"].iloc[0])
    batch = (
        import_frames(
            engine=engine,
            org_slug=ORG,
            measurements=frame,
            area=None,
            filename="x.xlsx",
            file_sha256="7" * 64,
        ).batch_id
        or 0
    )
    undo_import(engine=engine, org_slug=ORG, batch_id=batch)
    rotate_key(engine=engine, org_slug=ORG)  # archive keeps generation 1
    archived = int(_scalar(engine, "SELECT count(*) FROM archivedmeasurement"))  # type: ignore[call-overload]
    mine = int((frame["client_ref"] == ref).sum())
    done = erase_client(engine=engine, org_slug=ORG, client_ref=ref)
    assert done.measurements >= mine
    left = int(_scalar(engine, "SELECT count(*) FROM archivedmeasurement"))  # type: ignore[call-overload]
    assert left == archived - mine
    redo_import(engine=engine, org_slug=ORG, batch_id=batch)
    assert len(pd.DataFrame(_rows(engine))) > 0


def test_redo_refused_when_the_file_was_imported_again(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, ORG, n=10)
    batch = _extra(engine).batch_id or 0
    undo_import(engine=engine, org_slug=ORG, batch_id=batch)
    twin = _extra(engine).batch_id
    with pytest.raises(ImportRefused, match=f"batch {twin}"):
        redo_import(engine=engine, org_slug=ORG, batch_id=batch)


def test_uploader_restores_only_own_batches(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, ORG, n=10)
    batch = _extra(engine).batch_id or 0
    undo_import(engine=engine, org_slug=ORG, batch_id=batch)
    with pytest.raises(PermissionDenied, match="iemand anders"):
        redo_import(
            engine=engine, org_slug=ORG, batch_id=batch, user_id=7, role="uploader"
        )
    assert redo_import(
        engine=engine, org_slug=ORG, batch_id=batch, user_id=7, role="admin"
    )
