"""The error guard around every page: in production an unexpected error shows a
reference number, never its type, message or traceback, and the detail is in
the server log under that number; a user error shows its message only."""

from __future__ import annotations

import logging
import re

import pytest
from streamlit.testing.v1 import AppTest

from impact.config import get_settings
from impact.errors import DataError
from impact.services import admin
from tests.apps.conftest import demo_email, login, shown

SECRET_DETAIL = "/srv/wijkimpact/geheim/pad.py: connection to db.internal failed"


def _programmes_page(at: AppTest) -> AppTest:
    at.switch_page("views/programmes.py")
    at.run()
    return at


def _broken(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError(SECRET_DETAIL)


def _everything_shown(at: AppTest) -> str:
    parts = [e.value for e in at.error] + [m.value for m in at.markdown]
    parts += [c.value for c in at.caption]
    return "\n".join(str(p) for p in parts)


def test_production_shows_a_reference_and_logs_the_detail(
    app_db: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("IMPACT_ENVIRONMENT", "production")
    get_settings.cache_clear()
    at = login(demo_email("viewer"))
    monkeypatch.setattr(admin, "programme_overview", _broken)
    with caplog.at_level(logging.ERROR, logger="wijkimpact.app"):
        at = _programmes_page(at)
    assert not at.exception  # nothing for Streamlit to show with a traceback
    shown = _everything_shown(at)
    assert SECRET_DETAIL not in shown and "RuntimeError" not in shown
    reference = re.search(r"referentie ([0-9A-F]{8})", at.error[0].value)
    assert reference is not None, at.error[0].value
    logged = [r for r in caplog.records if reference.group(1) in r.getMessage()]
    assert logged and logged[0].exc_info is not None
    assert SECRET_DETAIL in str(logged[0].exc_info[1])


def test_development_still_shows_the_error_to_the_developer(
    app_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = login(demo_email("viewer"))
    monkeypatch.setattr(admin, "programme_overview", _broken)
    at = _programmes_page(at)
    assert at.exception and SECRET_DETAIL in at.exception[0].message


def test_a_user_error_shows_its_message_without_traceback(
    app_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = login(demo_email("viewer"))

    def refused(*_args: object, **_kwargs: object) -> None:
        raise DataError("Dit bestand kan niet worden gelezen.")

    monkeypatch.setattr(admin, "programme_overview", refused)
    at = _programmes_page(at)
    assert not at.exception
    assert shown(at.error[0].value) == "Dit bestand kan niet worden gelezen."
