"""Erasure (AVG art. 17): one person's data goes from every programme of the
organisation, nobody else's, and the audit event holds counts only."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from impact.sample import generate as sample
from impact.services import security
from impact.services.imports import frames_sha256, import_frames
from tests.factories import add_org_with_data, migrated_engine

N = 12
CLIENT = "K-4711"


def _person_in_two_programmes() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    debt = sample.debt_measurements(rng, 2, 2).query("client_ref == 'SR-000001'")
    youth = sample.youth_measurements(rng, 2, 2).query("client_ref == 'JW-000001'")
    frame = pd.concat([debt, youth], ignore_index=True)
    frame["client_ref"] = CLIENT
    return frame


def _import(engine: Engine, slug: str, frame: pd.DataFrame) -> None:
    import_frames(
        engine=engine,
        org_slug=slug,
        measurements=frame,
        area=None,
        filename="k.xlsx",
        file_sha256=frames_sha256(frame),
    )


def _counts(engine: Engine, slug: str) -> tuple[int, int]:
    with engine.connect() as conn:
        oid = conn.execute(
            text("SELECT id FROM organisation WHERE slug = :s"), {"s": slug}
        ).scalar_one()
        return tuple(  # type: ignore[return-value]
            int(
                conn.execute(
                    text(f"SELECT count(*) FROM {t} WHERE organisation_id = :o"),
                    {"o": oid},
                ).scalar_one()
            )
            for t in ("participant", "measurement")
        )


def _erase_everywhere(engine: Engine) -> None:
    add_org_with_data(engine, "org-a", seed=1, n=N)
    add_org_with_data(engine, "org-b", seed=1, n=N)
    person = _person_in_two_programmes()
    _import(engine, "org-a", person)
    _import(engine, "org-b", person)
    base_a, base_b = _counts(engine, "org-a"), _counts(engine, "org-b")

    # rotation first: erasure must find the person under the chained key
    security.rotate_key(engine=engine, org_slug="org-a")
    done = security.erase_client(engine=engine, org_slug="org-a", client_ref=CLIENT)
    assert (done.participants, done.measurements) == (2, len(person))
    assert _counts(engine, "org-a") == (base_a[0] - 2, base_a[1] - len(person))
    assert _counts(engine, "org-b") == base_b  # same reference, other organisation

    # spelling as a person would type it: normalised like on import
    again = security.erase_client(
        engine=engine, org_slug="org-a", client_ref=" k-4711 "
    )
    assert (again.participants, again.measurements) == (0, 0)
    with engine.connect() as conn:
        details = [
            d if isinstance(d, dict) else json.loads(d)
            for d in conn.execute(
                text("SELECT detail FROM auditevent WHERE action = 'erase'")
            ).scalars()
        ]
    assert details == [
        {"participants": 2, "measurements": len(person), "archived": 0},
        {"participants": 0, "measurements": 0, "archived": 0},
    ]


def test_erasure_sqlite(sqlite_url: str) -> None:
    _erase_everywhere(migrated_engine(sqlite_url))


@pytest.mark.postgres
def test_erasure_postgres(postgres_url: str) -> None:
    _erase_everywhere(migrated_engine(postgres_url))


def test_erasure_is_one_transaction(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=1, n=N)
    _import(engine, "org-a", _person_in_two_programmes())
    before = _counts(engine, "org-a")

    def fail(**_kwargs: object) -> None:
        raise RuntimeError("audit unavailable")

    monkeypatch.setattr(security.audit, "record", fail)
    with pytest.raises(RuntimeError):
        security.erase_client(engine=engine, org_slug="org-a", client_ref=CLIENT)
    assert _counts(engine, "org-a") == before  # no erasure without its audit event
