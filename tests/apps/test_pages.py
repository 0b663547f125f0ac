"""Pages per role: navigation, what each may not reach, the data behind the charts,
funder suppression, live updates, the programme editor and the admin page."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from impact.sample import generate as sample
from impact.services.admin import add_user, create_organisation
from impact.services.imports import frames_sha256, import_frames
from impact.store import data, orgs, programmes
from impact.store.engine import get_engine, session_scope, write_scope
from tests.apps.conftest import demo_email, login, shown

STAFF = {"dashboard.py", "programmes.py"}
ANALYSTS = {*STAFF, "imports.py", "entry.py", "analysis.py", "reports.py"}
ALL_VIEWS = {*ANALYSTS, "funder.py", "admin.py", "sector.py"}
EXPECTED_VIEWS = {
    "admin": {*ANALYSTS, "admin.py"},
    "analyst": ANALYSTS,
    "uploader": {*STAFF, "imports.py", "entry.py"},
    "viewer": STAFF,
    "funder": {"funder.py", "programmes.py", "reports.py"},
    "sector": {"sector.py"},
}
SHARE_TOLERANCE = 1e-9
SAVE_PROGRAMME = "FormSubmitter:prog_form_new-Opslaan"


def _views(at: AppTest) -> set[str]:
    return {Path(p["script_path"]).name for p in at._registered_pages.values()}


def _charts(at: AppTest) -> list[tuple[dict, list[pd.DataFrame]]]:
    out = []
    for chart in at.get("vega_lite_chart"):
        frames = [
            convert_arrow_bytes_to_pandas_df(d.data.data) for d in chart.proto.datasets
        ]
        out.append((json.loads(chart.proto.spec), frames))
    return out


def _chart_with(at: AppTest, column: str) -> list[pd.DataFrame]:
    return [f for _, frames in _charts(at) for f in frames if column in f.columns]


@pytest.mark.parametrize("role", sorted(EXPECTED_VIEWS))
def test_navigation_shows_only_allowed_pages(app_db: str, role: str) -> None:
    at = login(demo_email(role))
    assert not at.exception
    assert _views(at) == EXPECTED_VIEWS[role]
    for view in sorted(ALL_VIEWS - EXPECTED_VIEWS[role]):
        with pytest.raises(ValueError, match="registered"):
            at.switch_page(f"views/{view}")


def _independent_debt_shares(url: str) -> dict[str, float]:
    """Share of people whose debt indicator went from yes to no, from raw rows."""
    engine = get_engine(url)
    with session_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug="demo")
        prog = programmes.get_programme(session=s, org=org, name=sample.DEBT)
        rows = data.measurement_frame(session=s, org=org, programme=prog)
    debt = rows[rows["instrument"] == "problematische_schulden"]
    wide = debt.pivot_table(
        index=["participant", "group"], columns="wave", values="value"
    )
    improved = (wide[0] == 1) & (wide[1] == 0)
    return improved.groupby(level="group").mean().to_dict()


def test_dashboard_charts_are_built_from_the_organisations_data(app_db: str) -> None:
    at = login(demo_email("viewer"))
    assert not at.exception
    assert at.title[0].value == "Dashboard"
    participants = next(m for m in at.metric if m.label == "Deelnemers")
    assert participants.value == "850"  # 500 debt + 350 youth participants
    reach = _chart_with(at, "wijk")[0]
    assert reach["n"].sum() == 850
    expected = _independent_debt_shares(app_db)
    shares = pd.concat(_chart_with(at, "measure"))
    debt = shares[
        (shares["outcome"] == "Problematische schulden (ja/nee)")
        & (shares["measure"] == "improved")
    ]
    got = dict(zip(debt["group"], debt["share"], strict=True))
    assert got == pytest.approx(expected, abs=SHARE_TOLERANCE)
    assert got["treated"] > got["comparison"]  # the demo's true effect is -0.20


def test_filters_and_english(app_db: str) -> None:
    at = login(demo_email("analyst"))
    at.multiselect(key="dash_programmes").select(
        next(
            o for o in at.multiselect(key="dash_programmes").options if "Jongeren" in o
        )
    )
    at.run()
    assert not at.exception
    assert next(m for m in at.metric if m.label == "Deelnemers").value == "350"
    at.radio(key="ui_lang").set_value("en")
    at.run()
    assert [t.label for t in at.tabs][:3] == ["Reach", "Outcomes", "Trends"]
    assert next(m for m in at.metric if m.label == "Participants").value == "350"


def _import_more(url: str, n: int) -> None:
    rng = np.random.default_rng(7)
    extra = sample.youth_measurements(rng, n, 0, offset=900_000)
    import_frames(
        engine=get_engine(url),
        org_slug="demo",
        measurements=extra,
        area=None,
        filename="colleague.xlsx",
        file_sha256=frames_sha256(extra),
    )


def test_an_import_by_a_colleague_shows_up_at_the_next_refresh(app_db: str) -> None:
    at = login(demo_email("viewer"))
    assert next(m for m in at.metric if m.label == "Deelnemers").value == "850"
    _import_more(app_db, 25)
    at.run()  # what the fragment's run_every does every REFRESH_SECONDS
    assert next(m for m in at.metric if m.label == "Deelnemers").value == "875"


def _small_funded_programme(url: str, people: int) -> None:
    engine = get_engine(url)
    with write_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug="demo")
        funder = orgs.get_organisation(session=s, slug="gemeente-wijkstad")
        prog = programmes.upsert_programme(session=s, org=org, name="Klein project")
        orgs.grant_funding(session=s, funder=funder, programme=prog)
    rng = np.random.default_rng(3)
    small = sample.youth_measurements(rng, people, 0, offset=800_000).assign(
        programme="Klein project", wijk="WK990101"
    )
    import_frames(
        engine=engine, org_slug="demo", measurements=small, area=None,
        filename="klein.xlsx", file_sha256=frames_sha256(small),
    )  # fmt: skip


def test_funder_view_suppresses_small_cells(app_db: str) -> None:
    _small_funded_programme(app_db, people=6)
    at = login(demo_email("funder"))
    assert not at.exception
    assert at.title[0].value == "Gefinancierde programma's"
    assert "< 10" in at.info[0].value
    tables = [df.value for df in at.dataframe]
    reach = next(t for t in tables if "Aantal deelnemers" in t.columns)
    small = reach[reach["Programma"] == "Klein project"]
    assert len(small) == 1
    assert small["Aantal deelnemers"].tolist() == ["< 10"]
    assert "6" not in set(reach["Aantal deelnemers"])
    outcome_tables = [t for t in tables if "Mensen met voor- en nameting" in t.columns]
    cells = pd.concat(outcome_tables)
    assert not (cells["Mensen met voor- en nameting"] == "6").any()
    for frame in _chart_with(at, "programme"):
        assert "Klein project" not in set(frame["programme"])
    for frame in _chart_with(at, "group_label"):  # charts about people
        assert (frame["n"] >= 10).all()
    # only the funded programmes, never the youth programme
    assert "Jongerenwerk Toekomst" not in set(reach["Programma"])


def test_programme_editor_validates_and_saves(app_db: str) -> None:
    at = login(demo_email("analyst"))
    at.switch_page("views/programmes.py").run()
    assert not at.exception
    at.text_input[0].input("Maatjesproject")
    at.date_input[0].set_value(pd.Timestamp("2024-06-01").date())
    at.date_input[1].set_value(pd.Timestamp("2024-01-01").date())
    at.button(key=SAVE_PROGRAMME).click().run()
    assert "einddatum ligt vóór de startdatum" in at.error[0].value
    at.date_input[1].set_value(pd.Timestamp("2025-06-01").date())
    at.text_area[0].input("WK990101\nWK990102")
    at.button(key=SAVE_PROGRAMME).click().run()
    assert not at.error
    assert "Maatjesproject" in at.success[0].value
    assert "Maatjesproject" in set(at.dataframe[0].value["Programma"])


def test_viewer_gets_no_programme_editor(app_db: str) -> None:
    at = login(demo_email("viewer"))
    at.switch_page("views/programmes.py").run()
    assert not at.exception
    assert len(at.text_input) == 0 and len(at.date_input) == 0


def test_admin_adds_a_user_and_sees_it_in_the_audit_log(app_db: str) -> None:
    at = login(demo_email("admin"))
    at.switch_page("views/admin.py").run()
    assert not at.exception
    at.text_input(key="admin_email").input("nieuw@demo.wijkimpact.nl")
    at.selectbox(key="admin_role").set_value("analyst")
    at.text_input(key="admin_password").input("een-lang-wachtwoord")
    at.button(key="FormSubmitter:admin_user_form-Opslaan").click().run()
    assert not at.exception
    assert "nieuw@demo.wijkimpact.nl" in shown(at.success[0].value)
    at.run()
    audit = at.dataframe[-1].value
    assert {"user_add", "role_change"} <= set(audit["Actie"])


def test_admin_errors_are_messages_not_tracebacks(app_db: str) -> None:
    at = login(demo_email("admin"))
    at.switch_page("views/admin.py").run()
    at.text_input(key="instr_code").input("wachttijd")
    at.text_input(key="instr_name").input("Wachttijd in weken")
    at.number_input(key="instr_min").set_value(5.0)
    at.number_input(key="instr_max").set_value(1.0)
    at.button(key="FormSubmitter:admin_instrument_form-Opslaan").click().run()
    assert not at.exception
    assert "laagste score" in at.error[0].value.lower()


def test_a_user_of_two_organisations_chooses_one(app_db: str) -> None:
    engine = get_engine(app_db)
    create_organisation(engine=engine, slug="tweede", name="Tweede organisatie")
    add_user(engine=engine, email=demo_email("viewer"), org_slug="tweede", role="admin")
    at = login(demo_email("viewer"))
    assert not at.exception
    at.radio(key="login_org").set_value("tweede")
    at.button(key="login_continue").click().run()
    assert not at.exception
    assert "admin.py" in _views(at)
    assert "Tweede organisatie" in at.sidebar.caption[0].value


def test_import_fields_read_as_words() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "apps"))
    import ui

    assert ui.field_label("client_ref") == "cliëntnummer"
    assert ui.field_label("score:zrm:financien:0") == (
        "score ZRM · Financiën (meetmoment 0)"
    )
    assert ui.field_label("date:1") == "datum van meetmoment 1"
    assert ui.field_label("something_new") == "something_new"
