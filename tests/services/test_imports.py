"""Import use case: all-or-nothing, repeatable, undoable, pseudonymised."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import text

from impact.errors import ImportRefused, PermissionDenied
from impact.sample import generate as sample
from impact.services.imports import frames_sha256, import_frames, undo_import
from impact.store import data, orgs
from impact.store.engine import session_scope, write_scope
from tests.factories import add_org_with_data, migrated_engine


@pytest.fixture()
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = migrated_engine(sqlite_url)
    yield engine


def _counts(engine, slug="org-a"):  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        return data.count_rows(
            session=s, org=orgs.get_organisation(session=s, slug=slug)
        )


def test_import_stores_pseudonyms_only(engine) -> None:  # type: ignore[no-untyped-def]
    added = add_org_with_data(engine, "org-a", n=20)
    assert added["inserted"] == added["measurements"] + added["area"]
    with engine.connect() as conn:
        refs = conn.execute(text("SELECT pseudonym FROM participant")).scalars().all()
    assert len(refs) == 4 * 20
    assert all(r.startswith("p_") and "SR-" not in r and "JW-" not in r for r in refs)


def test_same_rows_again_change_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, "org-a", seed=3, n=20)
    before = _counts(engine)
    rng = np.random.default_rng(3)
    frame = sample.debt_measurements(rng, 20, 20)
    # different "file" (hash), same natural keys: every row is skipped
    result = import_frames(
        engine=engine,
        org_slug="org-a",
        measurements=frame,
        area=None,
        filename="again.xlsx",
        file_sha256="x" * 64,
    )
    assert (result.inserted, result.skipped) == (0, len(frame))
    same_file = import_frames(
        engine=engine,
        org_slug="org-a",
        measurements=frame,
        area=None,
        filename="again.xlsx",
        file_sha256="x" * 64,
    )
    assert same_file.status == "unchanged"
    after = _counts(engine)
    assert after["measurements"] == before["measurements"]
    assert after["import_batches"] == before["import_batches"] + 1


def test_refusal_and_dry_run_write_nothing(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, "org-a", n=10)
    before = _counts(engine)
    frame = sample.youth_measurements(np.random.default_rng(9), 5, 5, offset=500)
    dry = import_frames(
        engine=engine,
        org_slug="org-a",
        measurements=frame,
        area=None,
        filename="f.xlsx",
        file_sha256="d" * 64,
        dry_run=True,
    )
    assert dry.status == "dry_run" and dry.inserted == len(frame)
    bad = pd.concat([frame, frame.head(1).assign(programme="Bestaat niet")])
    with pytest.raises(ImportRefused, match="Bestaat niet"):
        import_frames(
            engine=engine,
            org_slug="org-a",
            measurements=bad,
            area=None,
            filename="f.xlsx",
            file_sha256="e" * 64,
        )
    assert _counts(engine) == before


def test_participant_switching_group_is_refused(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, "org-a", seed=4, n=10)
    frame = sample.debt_measurements(np.random.default_rng(4), 10, 10)
    swapped = frame.assign(
        group=frame["group"].map({"treated": "comparison", "comparison": "treated"}),
        wave=frame["wave"] + 2,
    )
    before = _counts(engine)
    with pytest.raises(ImportRefused, match="andere groep"):
        import_frames(
            engine=engine,
            org_slug="org-a",
            measurements=swapped,
            area=None,
            filename="s.xlsx",
            file_sha256="s" * 64,
        )
    assert _counts(engine) == before


def test_undo_removes_exactly_the_batch(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, "org-a", n=10)
    before = _counts(engine)
    extra = sample.youth_measurements(np.random.default_rng(5), 6, 6, offset=900)
    result = import_frames(
        engine=engine,
        org_slug="org-a",
        measurements=extra,
        area=None,
        filename="x.xlsx",
        file_sha256=frames_sha256(extra),
    )
    assert _counts(engine)["measurements"] == before["measurements"] + len(extra)
    removed = undo_import(
        engine=engine, org_slug="org-a", batch_id=result.batch_id or 0
    )
    assert removed == len(extra)
    after = _counts(engine)
    assert (after["measurements"], after["participants"]) == (
        before["measurements"],
        before["participants"],
    )
    with pytest.raises(ImportRefused):
        undo_import(engine=engine, org_slug="org-a", batch_id=result.batch_id or 0)


def test_import_ids_are_consistent_and_foreign_keys_are_back_on(engine) -> None:  # type: ignore[no-untyped-def]
    """The bulk import skips SQLite's per-row foreign-key checks: every row it
    wrote still points at real rows, and the next transaction enforces them."""
    add_org_with_data(engine, "org-a", n=30)
    add_org_with_data(engine, "org-b", n=10)
    with engine.connect() as conn:
        dangling = conn.execute(
            text(
                "SELECT count(*) FROM measurement m "
                "LEFT JOIN participant p ON p.id = m.participant_id "
                "LEFT JOIN importbatch b ON b.id = m.batch_id "
                "WHERE p.id IS NULL OR b.id IS NULL "
                "OR p.organisation_id != m.organisation_id "
                "OR p.programme_id != m.programme_id"
            )
        ).scalar_one()
        assert dangling == 0
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    with session_scope(engine) as s:
        assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(Exception, match="FOREIGN KEY"), session_scope(engine) as s:
        s.connection().exec_driver_sql(
            "INSERT INTO measurement (organisation_id, programme_id, participant_id, "
            "instrument, domain, wave, value) VALUES (1, 1, 999999, 'zrm', 'x', 0, 1)"
        )


def _import_as(engine, user_id, seed):  # type: ignore[no-untyped-def]
    frame = sample.youth_measurements(np.random.default_rng(seed), 6, 6, offset=seed)
    return import_frames(
        engine=engine,
        org_slug="org-a",
        measurements=frame,
        area=None,
        filename=f"{seed}.xlsx",
        file_sha256=frames_sha256(frame),
        user_id=user_id,
    ).batch_id


def test_only_an_admin_undoes_someone_elses_batch(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, "org-a", n=10)
    with write_scope(engine) as s:
        ids = [
            orgs.create_user(session=s, email=f"{r}@a.nl", password_hash=None).id
            for r in ("up1", "up2")
        ]
    first = _import_as(engine, ids[0], 700)
    second = _import_as(engine, ids[1], 800)
    for role in ("uploader", "analyst"):
        with pytest.raises(PermissionDenied, match="iemand anders"):
            undo_import(
                engine=engine,
                org_slug="org-a",
                batch_id=second,
                user_id=ids[0],
                role=role,
            )
    with pytest.raises(PermissionDenied):  # a viewer may undo nothing
        undo_import(
            engine=engine,
            org_slug="org-a",
            batch_id=first,
            user_id=ids[0],
            role="viewer",
        )
    assert undo_import(
        engine=engine, org_slug="org-a", batch_id=first, user_id=ids[0], role="uploader"
    )
    assert undo_import(
        engine=engine, org_slug="org-a", batch_id=second, user_id=ids[0], role="admin"
    )
