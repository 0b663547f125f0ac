"""App fixtures: one demo database built per session, copied for each test."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from impact.config import get_settings
from impact.services.demo import DEMO_PASSWORD, load_demo
from impact.store.engine import dispose_engines
from tests.factories import migrated_engine

APP = str(Path(__file__).resolve().parents[2] / "apps" / "streamlit_app.py")
TIMEOUT = 60


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template")
    url = f"sqlite:///{folder / 'demo.db'}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("IMPACT_DATABASE_URL", url)
        get_settings.cache_clear()
        load_demo(migrated_engine(url))
        dispose_engines()
    get_settings.cache_clear()
    return folder


@pytest.fixture()
def app_db(
    demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """A fresh copy of the demo database, configured for the app under test."""
    for file in demo_template.iterdir():
        shutil.copy2(file, tmp_path / file.name)
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    monkeypatch.setenv("IMPACT_DATABASE_URL", url)
    get_settings.cache_clear()
    # caches live in the process: never let one test's database leak into another
    st.cache_data.clear()
    st.cache_resource.clear()
    yield url
    st.cache_data.clear()
    st.cache_resource.clear()
    from impact.services.upload_jobs import uploads

    uploads().stop_all()  # this test's upload workers hold its database


def login(email: str, password: str = DEMO_PASSWORD) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.text_input(key="login_email").input(email)
    at.text_input(key="login_password").input(password)
    at.button[0].click()  # the form's submit button
    at.run()
    return at


def demo_email(role: str) -> str:
    return f"{role}@demo.wijkimpact.nl"


def settle(at: AppTest, seconds: float = 90) -> AppTest:
    """Rerun until the Import page's background jobs are done (no progress bar
    left), as the page's own polling would."""
    import time

    deadline = time.monotonic() + seconds
    while at.get("progress") and time.monotonic() < deadline:
        time.sleep(0.3)
        at.run()
    return at


def shown(markdown: object) -> str:
    """What a markdown element shows: the text without the escapes and invisible
    joiners that keep user-provided names literal (``apps/plain.py``)."""
    return re.sub(r"\\(.)", r"\1", str(markdown)).replace("\u2060", "")
