"""Every page of every role renders on PostgreSQL too (the production database)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st

from impact.config import get_settings
from impact.services.demo import load_demo
from tests.apps.conftest import demo_email, login
from tests.apps.test_pages import EXPECTED_VIEWS
from tests.factories import migrated_engine

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg_app_db(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    load_demo(migrated_engine(postgres_url))
    monkeypatch.setenv("IMPACT_DATABASE_URL", postgres_url)
    get_settings.cache_clear()
    st.cache_data.clear()
    st.cache_resource.clear()
    yield postgres_url
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.mark.parametrize("role", sorted(EXPECTED_VIEWS))
def test_every_page_of_every_role_renders_on_postgres(
    pg_app_db: str, role: str
) -> None:
    at = login(demo_email(role))
    assert not at.exception, at.exception
    for view in sorted(EXPECTED_VIEWS[role]):
        at.switch_page(f"views/{view}").run()
        assert not at.exception, (role, view, at.exception)
        assert not at.error, (role, view, [e.value for e in at.error])
        assert at.title, (role, view)
