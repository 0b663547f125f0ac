"""``impact funding add|remove|list`` and the funding service: a funder sees
exactly the programmes linked to it; changes are audited; mistakes are messages."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from impact.cli import app
from impact.config import get_settings
from impact.errors import PermissionDenied
from impact.services.funding import add_funding, list_funding
from impact.store import orgs
from impact.store.engine import session_scope, write_scope
from tests.factories import add_org_with_data, migrated_engine

runner = CliRunner()
PROGRAMME = "Schuldhulp en sociaal raadslieden"


@pytest.fixture()
def engine(sqlite_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("IMPACT_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "buurtwerk", n=10)
    with write_scope(engine) as session:
        orgs.create_organisation(
            session=session, slug="gemeente-x", name="Gemeente X", kind="funder"
        )
    yield engine


def _funded(engine) -> list[str]:  # type: ignore[no-untyped-def]
    with session_scope(engine) as session:
        funder = orgs.get_organisation(session=session, slug="gemeente-x")
        return [p.name for p in orgs.funded_programmes(session=session, funder=funder)]


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_add_list_remove_through_the_cli(engine) -> None:  # type: ignore[no-untyped-def]
    args = ("--org", "buurtwerk", "--funder", "gemeente-x")
    added = run("funding", "add", *args, "--programme", "schuldhulp")  # short name
    assert added.exit_code == 0, added.output
    assert f"'{PROGRAMME}'" in added.output
    assert _funded(engine) == [PROGRAMME]
    again = run("funding", "add", *args, "--programme", PROGRAMME)
    assert again.exit_code == 0 and _funded(engine) == [PROGRAMME]  # no duplicate
    listed = run("funding", "list", "--org", "buurtwerk")
    assert listed.output.strip() == f"{PROGRAMME}\tgemeente-x\tGemeente X"
    removed = run("funding", "remove", *args, "--programme", PROGRAMME)
    assert removed.exit_code == 0 and _funded(engine) == []
    nothing = run("funding", "remove", *args, "--programme", PROGRAMME)
    assert "niets veranderd" in nothing.output
    with engine.connect() as conn:
        actions = (
            conn.execute(
                text(
                    "SELECT action FROM auditevent "
                    "WHERE action LIKE 'funding%' ORDER BY id"
                )
            )
            .scalars()
            .all()
        )
    assert actions == ["funding_add", "funding_add", "funding_remove"]


def test_mistakes_are_messages(engine) -> None:  # type: ignore[no-untyped-def]
    not_funder = run(
        "funding",
        "add",
        "--org",
        "buurtwerk",
        "--funder",
        "buurtwerk",
        "--programme",
        PROGRAMME,
    )
    assert not_funder.exit_code == 1 and "geen financier" in not_funder.output
    unknown = run(
        "funding",
        "add",
        "--org",
        "buurtwerk",
        "--funder",
        "gemeente-x",
        "--programme",
        "Bestaat niet",
    )
    assert unknown.exit_code == 1 and "Traceback" not in unknown.output
    assert _funded(engine) == []


def test_only_an_admin_links_funders(engine) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        add_funding(
            engine=engine,
            org_slug="buurtwerk",
            funder_slug="gemeente-x",
            programme=PROGRAMME,
            role="analyst",
        )
    add_funding(
        engine=engine,
        org_slug="buurtwerk",
        funder_slug="gemeente-x",
        programme=PROGRAMME,
        role="admin",
    )
    assert [x.programme for x in list_funding(engine=engine, org_slug="buurtwerk")] == [
        PROGRAMME
    ]


def test_a_link_names_the_programme_of_the_admins_own_organisation(engine) -> None:  # type: ignore[no-untyped-def]
    add_org_with_data(engine, "ander", n=5)  # the same programme names
    add_funding(
        engine=engine,
        org_slug="ander",
        funder_slug="gemeente-x",
        programme=PROGRAMME,
        role="admin",
    )
    with session_scope(engine) as session:
        funder = orgs.get_organisation(session=session, slug="gemeente-x")
        ander = orgs.get_organisation(session=session, slug="ander")
        owners = {
            p.organisation_id
            for p in orgs.funded_programmes(session=session, funder=funder)
        }
    assert owners == {ander.id}
    assert list_funding(engine=engine, org_slug="buurtwerk") == []
