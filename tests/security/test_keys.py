"""Key rotation: every pseudonym re-keyed in one transaction, old pseudonyms gone,
the same client still links to the same participant afterwards."""

from __future__ import annotations

import hashlib
import hmac

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from impact.config import master_secret
from impact.domain.pseudonym import derive_org_key, normalise_reference
from impact.sample import generate as sample
from impact.services import security
from impact.services.imports import import_frames
from tests.factories import add_org_with_data, migrated_engine

SEED = 7
N = 15


def _pseudonyms(engine: Engine, slug: str = "org-a") -> dict[int, str]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT p.id, p.pseudonym FROM participant p JOIN organisation o "
                "ON o.id = p.organisation_id WHERE o.slug = :s"
            ),
            {"s": slug},
        )
        return {int(i): str(p) for i, p in rows}


def _count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def _generation(engine: Engine, slug: str = "org-a") -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT key_generation FROM organisation WHERE slug = :s"),
                {"s": slug},
            ).scalar_one()
        )


def _same_clients(engine: Engine, wave_shift: int) -> pd.DataFrame:
    """The factory's debt clients again (same references, same seed)."""
    frame = sample.debt_measurements(np.random.default_rng(SEED), N, N)
    frame["wave"] = frame["wave"] + wave_shift
    result = import_frames(
        engine=engine,
        org_slug="org-a",
        measurements=frame,
        area=None,
        filename="again.xlsx",
        file_sha256=f"again-{wave_shift}".ljust(64, "0"),
    )
    return pd.DataFrame([result.to_dict()])


def _rotation_round_trip(engine: Engine) -> None:
    add_org_with_data(engine, "org-a", seed=SEED, n=N)
    add_org_with_data(engine, "org-b", seed=SEED, n=N)
    before, other = _pseudonyms(engine), _pseudonyms(engine, "org-b")
    measurements = _count(engine, "measurement")

    done = security.rotate_key(engine=engine, org_slug="org-a")
    assert (done.old_generation, done.new_generation) == (1, 2)
    assert done.pseudonyms == len(before)
    after = _pseudonyms(engine)
    assert after.keys() == before.keys()  # same participants ...
    assert not set(after.values()) & set(before.values())  # ... no old pseudonym
    assert _pseudonyms(engine, "org-b") == other  # other organisation untouched
    assert _count(engine, "measurement") == measurements

    # the same clients again: nothing new, they link to the same participants
    again = _same_clients(engine, wave_shift=0)
    assert again.loc[0, ["inserted", "participants_new"]].tolist() == [0, 0]
    # a later measurement of the same clients: new rows, no new participants
    later = _same_clients(engine, wave_shift=2)
    assert later.loc[0, "participants_new"] == 0
    assert later.loc[0, "inserted"] == 4 * 2 * N
    assert _pseudonyms(engine) == after

    # and once more: three generations chain
    security.rotate_key(engine=engine, org_slug="org-a")
    assert _generation(engine) == 3
    again = _same_clients(engine, wave_shift=0)
    assert again.loc[0, ["inserted", "participants_new"]].tolist() == [0, 0]


def test_rotation_round_trip_sqlite(sqlite_url: str) -> None:
    _rotation_round_trip(migrated_engine(sqlite_url))


@pytest.mark.postgres
def test_rotation_round_trip_postgres(postgres_url: str) -> None:
    _rotation_round_trip(migrated_engine(postgres_url))


def test_rotated_pseudonym_is_the_documented_chain(sqlite_url: str) -> None:
    """Generation 2 = HMAC(key_2, generation-1 pseudonym), computed here by hand."""
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=SEED, n=N)
    security.rotate_key(engine=engine, org_slug="org-a")
    with engine.connect() as conn:
        key_id = conn.execute(text("SELECT key_id FROM organisation")).scalar_one()
    master = master_secret()
    k1, k2 = (derive_org_key(master, key_id, g) for g in (1, 2))
    ref = normalise_reference("SR-000001")
    gen1 = "p_" + hmac.new(k1, ref.encode(), hashlib.sha256).hexdigest()[:32]
    gen2 = "p_" + hmac.new(k2, gen1.encode(), hashlib.sha256).hexdigest()[:32]
    assert gen2 in _pseudonyms(engine).values()
    assert gen1 not in _pseudonyms(engine).values()


def test_rotation_is_one_transaction(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=SEED, n=N)
    before = _pseudonyms(engine)

    def fail(**_kwargs: object) -> None:
        raise RuntimeError("disk full")  # after every pseudonym was re-keyed

    monkeypatch.setattr(security.audit, "record", fail)
    with pytest.raises(RuntimeError):
        security.rotate_key(engine=engine, org_slug="org-a")
    assert _pseudonyms(engine) == before
    assert _generation(engine) == 1


def test_rotation_is_audited_without_pseudonyms(sqlite_url: str) -> None:
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=SEED, n=N)
    old = set(_pseudonyms(engine).values())
    security.rotate_key(engine=engine, org_slug="org-a", actor="admin@a.nl")
    with engine.connect() as conn:
        actor, detail = conn.execute(
            text("SELECT actor, detail FROM auditevent WHERE action = 'key_rotate'")
        ).one()
    assert actor == "admin@a.nl"
    assert '"generation": 2' in detail and f'"pseudonyms": {4 * N}' in detail
    assert not any(p in detail for p in old | set(_pseudonyms(engine).values()))


def test_any_caller_of_organisation_key_gets_the_current_generation(
    sqlite_url: str,
) -> None:
    """Code that pseudonymises with ``organisation_key(org)`` (the import service,
    the ingest layer) needs no change after a rotation: the key is the chain."""
    from impact.domain.pseudonym import pseudonymise
    from impact.services.keys import organisation_key
    from impact.store import orgs
    from impact.store.engine import session_scope

    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=SEED, n=N)
    for generation in (2, 3):
        security.rotate_key(engine=engine, org_slug="org-a")
        with session_scope(engine) as s:
            key = organisation_key(orgs.get_organisation(session=s, slug="org-a"))
        assert key.generation == generation
        assert pseudonymise("SR-000001", key) in _pseudonyms(engine).values()
        assert "generation" in repr(key) and str(bytes(key)) not in repr(key)


def test_pseudonyms_made_before_a_rotation_are_caught_up(sqlite_url: str) -> None:
    """The upload path pseudonymises before its import transaction; a rotation in
    between must not split a client into two participants."""
    from impact.services.imports import pseudonymise_refs
    from impact.services.keys import organisation_key
    from impact.store import orgs
    from impact.store.engine import session_scope

    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=SEED, n=N)
    with session_scope(engine) as s:
        key = organisation_key(orgs.get_organisation(session=s, slug="org-a"))
    frame = sample.debt_measurements(np.random.default_rng(SEED), N, N)
    frame["wave"] += 2
    frame = frame.assign(participant=pseudonymise_refs(frame["client_ref"], key)).drop(
        columns=["client_ref"]
    )
    security.rotate_key(engine=engine, org_slug="org-a")  # meanwhile

    def load(**extra: object):  # type: ignore[no-untyped-def]
        return import_frames(
            engine=engine, org_slug="org-a", measurements=frame, area=None,
            filename="late.xlsx", file_sha256="l" * 64, **extra,
        )  # fmt: skip

    stale = load(dry_run=True)  # what would happen without the generation
    assert stale.participants_new == 2 * N
    caught_up = load(pseudonym_generation=key.generation)
    assert (caught_up.participants_new, caught_up.inserted) == (0, 4 * 2 * N)
