"""The dashboard cells every write keeps current equal the cells computed from
the measurements (tests/store/reference_cells.py), after each kind of write:
imports of new people, overlapping imports adding waves to stored people,
duplicate rows, undo and erasure; and after the migration's backfill.
On SQLite and PostgreSQL."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from alembic import command
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import select

from impact.sample import generate as sample
from impact.services.imports import frames_sha256, import_frames, undo_import
from impact.services.security import erase_client
from impact.store import aggregates as agg
from impact.store import batches, orgs, programmes, summary
from impact.store.engine import session_scope, write_scope
from impact.store.migrate import alembic_config, upgrade
from impact.store.models import ChangeCell, Participant
from tests.factories import add_org_with_data, migrated_engine
from tests.store.reference_cells import reference_cells

TOLERANCE = 1e-9
Z = 1.96
RULES = (
    agg.ChangeRule("zrm", True, "rci", Z**2 * 2 * 0.13),
    agg.ChangeRule("swemwbs", True, "mcid", 3.0),
    agg.ChangeRule("problematische_schulden", False, "binary", 1.0),
)
KEYS = ["programme_id", "instrument", "domain", "group", "wijk", "period"]


def _sorted(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return (
        frame.assign(wijk=frame["wijk"].fillna("<none>"))
        .sort_values(keys, na_position="first")
        .reset_index(drop=True)
    )


def _check(engine: Engine, slug: str, *, as_funder: bool = False) -> int:
    """Cells equal the reference; returns the number of people in them."""
    with session_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug=slug)
        got = agg.outcome_cells(session=s, org=org, rules=RULES, as_funder=as_funder)
        want = reference_cells(session=s, org=org, rules=RULES, as_funder=as_funder)
    pd.testing.assert_frame_equal(
        _sorted(got.change, KEYS), _sorted(want.change, KEYS), atol=TOLERANCE
    )
    reach_keys = ["programme_id", "group", "wijk", "period"]
    pd.testing.assert_frame_equal(
        _sorted(got.reach, reach_keys), _sorted(want.reach, reach_keys)
    )
    return int(want.reach["n_people"].sum())


def _people(rng: np.random.Generator, n: int, blanks: bool) -> pd.DataFrame:
    frame = pd.concat(
        [sample.debt_measurements(rng, n, n), sample.youth_measurements(rng, n, n)],
        ignore_index=True,
    )
    # values that are not whole numbers, missing dates and wijken, a wave the
    # dashboard does not summarise
    frame["value"] = frame["value"] + rng.choice([0.0, 0.25, 0.1], len(frame))
    if blanks:
        frame.loc[rng.random(len(frame)) < 0.05, "date"] = pd.NaT
        frame.loc[rng.random(len(frame)) < 0.05, "wijk"] = None
    frame.loc[rng.random(len(frame)) < 0.02, "wave"] = 7
    return frame.sample(frac=1.0, random_state=int(rng.integers(1 << 30)))


def _import(engine: Engine, slug: str, frame: pd.DataFrame, name: str) -> int:
    result = import_frames(
        engine=engine,
        org_slug=slug,
        measurements=frame.reset_index(drop=True),
        area=None,
        filename=name,
        file_sha256=frames_sha256(frame.reset_index(drop=True)),
    )
    assert result.batch_id is not None
    return result.batch_id


def _later_waves(
    rng: np.random.Generator, stored: pd.DataFrame, share: float
) -> pd.DataFrame:
    """New waves for a ``share`` of the stored people (some dated before their
    intake, which moves them to another quarter), plus rows already stored
    (skipped)."""
    people = stored["client_ref"].drop_duplicates()
    chosen = people.sample(frac=share, random_state=int(rng.integers(1 << 30)))
    chosen = stored[stored["client_ref"].isin(chosen)].drop_duplicates(
        ["client_ref", "instrument", "domain"]
    )
    later = chosen.assign(
        wave=rng.choice([2, 3, 5], len(chosen)),
        value=chosen["value"] + rng.choice([-1.0, 0.0, 1.5], len(chosen)),
        date=chosen["date"]
        + pd.to_timedelta(rng.integers(-400, 400, len(chosen)), "D"),
    )
    again = stored.sample(frac=0.1, random_state=int(rng.integers(1 << 30)))
    return pd.concat([later, again], ignore_index=True)


def _check_every_write(url: str, blanks: bool = True) -> None:
    engine = migrated_engine(url)
    add_org_with_data(engine, "other", seed=5, n=15)  # must never mix in
    add_org_with_data(engine, "org-a", seed=6, n=10)
    rng = np.random.default_rng(20261130)
    first = _people(rng, 40, blanks).assign(client_ref=lambda f: "A-" + f["client_ref"])
    # one person's rows name different wijken: stored is the first row's
    ref = first["client_ref"].iloc[0]
    rows = first.index[first["client_ref"] == ref]
    first.loc[rows[1:], "wijk"] = "WK990199"
    _import(engine, "org-a", first, "first.xlsx")
    n_first = _check(engine, "org-a")

    newcomers = _people(rng, 20, blanks).assign(
        client_ref=lambda f: "B-" + f["client_ref"]
    )
    # a new person with the same measurement twice (the database keeps one)
    twice = newcomers.iloc[[0]].assign(value=newcomers["value"].iloc[0] + 1)
    # few stored people get rows: their cells are updated person by person
    second = pd.concat([_later_waves(rng, first, 0.15), newcomers, twice])
    batch = _import(engine, "org-a", second, "second.xlsx")
    n_second = _check(engine, "org-a")
    assert n_second > n_first
    # most stored people get rows: the programmes are summarised afresh
    _import(engine, "org-a", _later_waves(rng, first, 0.8), "third.xlsx")
    assert _check(engine, "org-a") == n_second

    undo_import(engine=engine, org_slug="org-a", batch_id=batch)
    n_undone = _check(engine, "org-a")
    assert n_undone == n_first

    erased = str(first["client_ref"].iloc[3])
    assert erase_client(engine=engine, org_slug="org-a", client_ref=erased).participants
    assert _check(engine, "org-a") == n_undone - first_programmes(first, erased)
    _check(engine, "other")


def first_programmes(frame: pd.DataFrame, ref: str) -> int:
    """In how many programmes ``ref`` had a summarised measurement."""
    rows = frame[(frame["client_ref"] == ref) & (frame["wave"] < agg.MAX_WAVES)]
    return rows["programme"].nunique()


def test_cells_follow_every_write_on_sqlite(sqlite_url: str) -> None:
    _check_every_write(sqlite_url)


@pytest.mark.postgres
def test_cells_follow_every_write_on_postgres(postgres_url: str) -> None:
    # blank dates and wijken included: they must reach COPY as NULL, not 'nan'
    _check_every_write(postgres_url)


def test_a_funder_reads_the_cells_of_funded_programmes(sqlite_url: str) -> None:
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=2)
    with session_scope(engine) as s:
        a = orgs.get_organisation(session=s, slug="org-a")
        funder = orgs.create_organisation(
            session=s, slug="fonds", name="F", kind="funder"
        )
        funded = programmes.get_programme(session=s, org=a, name=sample.DEBT)
        orgs.grant_funding(session=s, funder=funder, programme=funded)
    assert _check(engine, "fonds", as_funder=True) > 0


def _check_backfill(url: str) -> None:
    engine = migrated_engine(url)
    add_org_with_data(engine, "org-a", seed=8, n=30)
    add_org_with_data(engine, "org-b", seed=9, n=20)
    with session_scope(engine) as s:
        a = orgs.get_organisation(session=s, slug="org-a")
        batch = batches.list_batches(session=s, org=a)[0]
    undo_import(engine=engine, org_slug="org-a", batch_id=batch.id or 0)
    add_org_with_data(engine, "org-c", seed=10, n=25)
    before = {slug: _check(engine, slug) for slug in ("org-a", "org-b", "org-c")}
    config = alembic_config(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    upgrade(url)  # 0003 fills the cells from the measurements
    with session_scope(engine) as s:
        assert s.exec(select(func.count()).select_from(ChangeCell)).one() > 0
    after = {slug: _check(engine, slug) for slug in ("org-a", "org-b", "org-c")}
    assert after == before
    assert before["org-a"] == 0 < before["org-b"]


def test_migration_fills_the_cells_on_sqlite(sqlite_url: str) -> None:
    _check_backfill(sqlite_url)


@pytest.mark.postgres
def test_migration_fills_the_cells_on_postgres(postgres_url: str) -> None:
    _check_backfill(postgres_url)


def test_participants_of_a_batch_also_when_their_ids_have_gaps(
    sqlite_url: str,
) -> None:
    """Ids of one import are usually consecutive; when another writer's ids
    interleave (PostgreSQL sequences), the batch's participants are listed."""
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=4, n=6)
    with write_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug="org-a")
        batch = batches.list_batches(session=s, org=org)[0]
        ids = sorted(s.exec(select(Participant.id)).all())
        pid = np.array([*ids, max(ids) + 1], dtype=np.int64)
        consecutive = summary._created_by(s, org, batch, pid)
        assert consecutive.tolist() == [True] * len(ids) + [False]
        middle = s.get(Participant, ids[len(ids) // 2])
        assert middle is not None
        middle.batch_id = None
        s.add(middle)
        s.flush()
        gapped = summary._created_by(s, org, batch, pid)
        assert gapped.tolist() == [i != middle.id for i in ids] + [False]
        s.rollback()
