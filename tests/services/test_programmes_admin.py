"""Programme editing and the admin page's use cases: validation, roles, audit."""

from __future__ import annotations

import datetime as dt

import pytest

from impact.errors import AuthError, DataError, OptionError, PermissionDenied
from impact.services import org_admin
from impact.services.admin import add_user
from impact.services.auth import login
from impact.services.programmes_admin import (
    ProgrammeForm,
    programme_forms,
    save_programme,
)
from tests.factories import add_org_with_data, migrated_engine


@pytest.fixture()
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=5, n=10)
    add_org_with_data(engine, "org-b", seed=6, n=10)
    yield engine


def _save(engine, form: ProgrammeForm, role: str = "analyst") -> int:  # type: ignore[no-untyped-def]
    return save_programme(engine=engine, org_slug="org-a", role=role, form=form)


@pytest.mark.parametrize(
    ("form", "words"),
    [
        (ProgrammeForm(name="  "), "naam"),
        (
            ProgrammeForm(
                name="X", start_date=dt.date(2024, 5, 1), end_date=dt.date(2024, 1, 1)
            ),
            "einddatum",
        ),
        (ProgrammeForm(name="X", yearly_cost=-5.0), "negatief"),
        (ProgrammeForm(name="X", wijken=("BU99010101",)), "geen wijkcode"),
        (ProgrammeForm(name="X", wijken=("Centrum",)), "Centrum"),
        (ProgrammeForm(name="Jongerenwerk Toekomst"), "al een programma"),
    ],
)
def test_invalid_programmes_are_refused_with_a_message(
    engine, form: ProgrammeForm, words: str
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataError, match=words):
        _save(engine, form)


def test_create_rename_and_roles(engine) -> None:  # type: ignore[no-untyped-def]
    new_id = _save(
        engine,
        ProgrammeForm(
            name=" Maatjes  project ",
            design="participant",
            wijken=("wk990101", "WK990101"),
            yearly_cost=1000.0,
        ),
    )
    forms = {
        f.id: f for f in programme_forms(engine=engine, org_slug="org-a", role="admin")
    }
    assert forms[new_id].name == "Maatjes project"
    assert forms[new_id].wijken == ("WK990101",)
    renamed = ProgrammeForm(name="Maatjes", design="area", id=new_id)
    assert _save(engine, renamed) == new_id
    forms = {
        f.id: f for f in programme_forms(engine=engine, org_slug="org-a", role="admin")
    }
    assert forms[new_id].name == "Maatjes" and forms[new_id].design == "area"
    assert len(forms) == 4
    with pytest.raises(OptionError):
        _save(engine, ProgrammeForm(name="Y", design="cluster"))
    with pytest.raises(PermissionDenied):
        _save(engine, ProgrammeForm(name="Y"), role="viewer")
    b_forms = programme_forms(engine=engine, org_slug="org-b", role="admin")
    assert "Maatjes" not in {f.name for f in b_forms}


def test_members_instruments_values_and_audit(engine) -> None:  # type: ignore[no-untyped-def]
    add_user(engine=engine, email="boss@a.nl", org_slug="org-a", role="admin")
    common = {"engine": engine, "org_slug": "org-a", "role": "admin"}
    with pytest.raises(DataError, match="laatste beheerder"):
        org_admin.add_member(**common, email="boss@a.nl", new_role="viewer")
    assert org_admin.add_member(
        **common, email="new@a.nl", new_role="viewer", password="lang-genoeg-123"
    )
    org_admin.add_member(**common, email="new@a.nl", new_role="analyst")
    roles = {m.email: m.role for m in org_admin.members(**common)}
    assert roles == {"boss@a.nl": "admin", "new@a.nl": "analyst"}
    row = org_admin.InstrumentRow(
        "Wacht tijd", "Wachttijd", "numeric", 0, 52, "higher_worse"
    )
    assert org_admin.add_instrument(**common, row=row) == "wacht_tijd"
    bad = org_admin.InstrumentRow("x", "X", "numeric", 5, 1, "higher_better")
    with pytest.raises(DataError, match="laagste score"):
        org_admin.add_instrument(**common, row=bad)
    codes = {r.code for r in org_admin.instruments(**common)}
    assert "wacht_tijd" in codes
    value = org_admin.ValueRow(
        "bijstand", "Bijstand per jaar", 15000.0, "€/jaar", 2024, "gemeente", "CBS"
    )
    org_admin.save_value_parameter(**common, row=value)
    with pytest.raises(DataError, match="prijsjaar"):
        org_admin.save_value_parameter(
            **common, row=value.__class__("k", "K", 1.0, "", 1800, "", "")
        )
    assert [v.key for v in org_admin.value_parameters(**common)] == ["bijstand"]
    actions = [e.action for e in org_admin.audit_log(**common)]
    assert actions.count("settings_change") == 2
    assert {"user_add", "role_change"} <= set(actions)
    with pytest.raises(PermissionDenied):
        org_admin.audit_log(engine=engine, org_slug="org-a", role="analyst")
    assert (
        org_admin.value_parameters(engine=engine, org_slug="org-b", role="admin") == []
    )


def test_another_organisations_admin_cannot_take_over_an_account(engine) -> None:  # type: ignore[no-untyped-def]
    """The reported takeover: B's admin "adds" A's admin with a password of
    their choosing. The account's password must stay A's, and B's admin must
    get the same answer as for an address without an account."""
    add_user(
        engine=engine, email="boss@a.nl", org_slug="org-a", role="admin",
        password="a-eigen-geheime-zin-1",
    )  # fmt: skip
    add_user(engine=engine, email="boss@b.nl", org_slug="org-b", role="admin")
    common = {"engine": engine, "org_slug": "org-b", "role": "admin"}
    created = org_admin.add_member(
        **common, email="boss@a.nl", new_role="viewer", password="overgenomen-123"
    )
    assert created is False
    with pytest.raises(AuthError):
        login(engine=engine, email="boss@a.nl", password="overgenomen-123")
    assert login(engine=engine, email="boss@a.nl", password="a-eigen-geheime-zin-1")
