"""The app shell: login, role-based navigation, the programme list."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from impact.config import get_settings
from impact.services.demo import DEMO_PASSWORD, load_demo
from tests.factories import migrated_engine

APP = str(Path(__file__).resolve().parents[2] / "apps" / "streamlit_app.py")
TIMEOUT = 60


@pytest.fixture()
def demo_db(sqlite_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("IMPACT_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    load_demo(migrated_engine(sqlite_url))
    yield sqlite_url


def _login(email: str, password: str = DEMO_PASSWORD) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.text_input(key="login_email").input(email)
    at.text_input(key="login_password").input(password)
    at.button[0].click()  # the form's submit button
    at.run()
    return at


def test_login_page_first(demo_db: str) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Wijkimpact"
    assert at.text_input(key="login_email").label == "E-mailadres"


def test_wrong_password_shows_message(demo_db: str) -> None:
    at = _login("viewer@demo.wijkimpact.nl", "wrong password!")
    assert not at.exception
    assert "Inloggen mislukt" in at.error[0].value


def _programmes_page(at: AppTest) -> AppTest:
    at.switch_page("views/programmes.py")
    at.run()
    return at


def test_viewer_sees_the_three_programmes(demo_db: str) -> None:
    at = _programmes_page(_login("viewer@demo.wijkimpact.nl"))
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 3
    assert set(table["Programma"]) == {
        "Schuldhulp en sociaal raadslieden",
        "Jongerenwerk Toekomst",
        "Buurthuizen Wijkstad",
    }


def test_funder_sees_only_funded_programmes(demo_db: str) -> None:
    at = _programmes_page(_login("funder@demo.wijkimpact.nl"))
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["Programma"]) == {
        "Schuldhulp en sociaal raadslieden",
        "Buurthuizen Wijkstad",
    }


def test_logout_returns_to_the_login_page(demo_db: str) -> None:
    at = _login("viewer@demo.wijkimpact.nl")
    assert "auth_user" in at.session_state
    at.button(key="app_logout").click()
    at.run()
    assert not at.exception
    assert "auth_user" not in at.session_state
    assert at.text_input(key="login_email").label == "E-mailadres"
    assert not at.metric
