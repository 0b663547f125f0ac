"""No repository function ever returns another organisation's rows.

Every public function in ``impact.store`` that takes an organisation is called
here with organisation B while only organisation A has the looked-for data; a
new function that takes ``org`` and is not listed here fails the test.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from impact.errors import NotFoundError
from impact.services.admin import add_user
from impact.store import audit, batches, data, mappings, orgs, programmes
from impact.store.engine import session_scope
from impact.store.models import Organisation
from tests.factories import STORE_WRITES, add_org_with_data, migrated_engine

MODULES = (audit, batches, data, mappings, orgs, programmes)
# functions that write, or take a funder rather than an owner, are tested elsewhere
NOT_READS = STORE_WRITES


def _org_functions() -> set[str]:
    names = set()
    for module in MODULES:
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if func.__module__ == module.__name__ and not name.startswith("_"):
                params = inspect.signature(func).parameters
                if "org" in params or "funder" in params:
                    names.add(name)
    return names - NOT_READS


def _reads(
    engine: Engine, a: Organisation
) -> dict[str, Callable[[Session, Organisation], Any]]:
    """Each read, called as organisation ``b`` with A's identifiers."""
    with session_scope(engine) as s:
        prog_a = programmes.list_programmes(session=s, org=a)[0]
        batch_a = batches.list_batches(session=s, org=a)[0]
    return {
        "list_programmes": lambda s, b: programmes.list_programmes(session=s, org=b),
        "find_programme": lambda s, b: programmes.find_programme(
            session=s, org=b, name=prog_a.name
        ),
        "get_programme": lambda s, b: programmes.get_programme(
            session=s, org=b, name=prog_a.name
        ),
        "programme_by_id": lambda s, b: programmes.programme_by_id(
            session=s, org=b, programme_id=prog_a.id or 0
        ),
        "programme_dates": lambda s, b: programmes.programme_dates(session=s, org=b),
        "custom_instruments": lambda s, b: programmes.custom_instruments(
            session=s, org=b
        ),
        "instrument_registry": lambda s, b: {
            k: v
            for k, v in programmes.instrument_registry(session=s, org=b).items()
            if k in {"problematische_schulden"}
        },
        "members": lambda s, b: orgs.members(session=s, org=b),
        "outcome_counts": lambda s, b: data.outcome_counts(
            session=s, org=b, programme=prog_a
        ),
        "participants_by_wijk": lambda s, b: data.participants_by_wijk(
            session=s, org=b, programme_ids=[prog_a.id or 0]
        ),
        "measured_period": lambda s, b: [
            v
            for v in data.measured_period(
                session=s, org=b, programme_ids=[prog_a.id or 0]
            )
            if v is not None
        ],
        "get_mapping": lambda s, b: mappings.get_mapping(
            session=s, org=b, name="eigen indeling"
        ),
        "list_mappings": lambda s, b: mappings.list_mappings(session=s, org=b),
        "role_in": lambda s, b: orgs.role_in(
            session=s, org=b, user=orgs.find_user(session=s, email="a@org-a.nl")
        ),
        "funded_programmes": lambda s, b: orgs.funded_programmes(session=s, funder=b),
        "funded_programme_counts": lambda s, b: data.funded_programme_counts(
            session=s, funder=b
        ),
        "find_imported_file": lambda s, b: batches.find_imported_file(
            session=s, org=b, sha256=batch_a.file_sha256
        ),
        "get_batch": lambda s, b: batches.get_batch(
            session=s, org=b, batch_id=batch_a.id or 0
        ),
        "list_batches": lambda s, b: batches.list_batches(session=s, org=b),
        "events": lambda s, b: [
            e for e in audit.events(session=s, org=b) if e.action == "import"
        ],
        "count_rows": lambda s, b: {
            k: v for k, v in data.count_rows(session=s, org=b).items() if v
        },
        "programme_counts": lambda s, b: [
            r for r in data.programme_counts(session=s, org=b) if r[0].id == prog_a.id
        ],
        "existing_participants": lambda s, b: data.existing_participants(
            session=s, org=b, programme_ids=[prog_a.id or 0]
        ).to_dict("records"),
        "measurement_frame": lambda s, b: data.measurement_frame(
            session=s, org=b, programme=prog_a
        ).to_dict("records"),
        "area_frame": lambda s, b: data.area_frame(
            session=s, org=b, programme=prog_a
        ).to_dict("records"),
    }


def _check_scoping(url: str) -> None:
    engine = migrated_engine(url)
    add_org_with_data(engine, "org-a", seed=1)
    add_user(engine=engine, email="a@org-a.nl", org_slug="org-a", role="admin")
    with session_scope(engine) as s:
        mappings.save_mapping(
            session=s,
            org=orgs.get_organisation(session=s, slug="org-a"),
            name="eigen indeling",
            mapping={"Klant": "client_ref"},
        )
    with session_scope(engine) as s:
        b = orgs.create_organisation(session=s, slug="org-b", name="B")
    with session_scope(engine) as s:
        a = orgs.get_organisation(session=s, slug="org-a")
        assert data.count_rows(session=s, org=a)["measurements"] > 0
    reads = _reads(engine, a)
    assert set(reads) == _org_functions()
    with session_scope(engine) as s:
        for name, read in reads.items():
            try:
                result = read(s, b)
            except NotFoundError:
                continue
            assert not result, f"{name} returned another organisation's rows"


def test_every_read_is_scoped_on_sqlite(sqlite_url: str) -> None:
    _check_scoping(sqlite_url)


@pytest.mark.postgres
def test_every_read_is_scoped_on_postgres(postgres_url: str) -> None:
    _check_scoping(postgres_url)
