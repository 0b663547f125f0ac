"""``impact doctor`` looks at the data too: files others can read, and in
production the demo's organisations, accounts and published password (SQLite
and PostgreSQL). Files the app creates are owner-only; a backup leaves nothing
but itself."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from impact.cli import app
from impact.config import get_settings
from impact.services.demo import load_demo
from impact.store.engine import dispose_engines
from tests.factories import migrated_engine

runner = CliRunner()
SECRET = "a-real-deployment-secret-0123456789-xyz"


def _doctor(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, list]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    result = runner.invoke(app, ["--lang", "en", "doctor", "--json"])
    dispose_engines()
    return result.exit_code, [f["code"] for f in json.loads(result.output)]


def _modes(folder: Path) -> dict[str, int]:
    return {p.name: stat.S_IMODE(p.stat().st_mode) for p in folder.iterdir()}


def test_database_side_files_and_secret_are_owner_only(
    isolated_settings: Path,
) -> None:
    old = os.umask(0o022)  # the usual umask: files would be 644
    try:
        assert runner.invoke(app, ["demo", "--load-only"]).exit_code == 0
        modes = _modes(isolated_settings)
    finally:
        os.umask(old)
        dispose_engines()
    assert "wijkimpact.db" in modes and "wijkimpact.db.secret" in modes
    assert {name: mode & 0o077 for name, mode in modes.items()} == dict.fromkeys(
        modes, 0
    ), modes


def test_a_backup_is_owner_only_and_leaves_nothing_else(
    isolated_settings: Path,
) -> None:
    assert runner.invoke(app, ["demo", "--load-only"]).exit_code == 0
    before = set(_modes(isolated_settings))
    made = runner.invoke(app, ["db", "backup", "copy.db"])
    dispose_engines()
    assert made.exit_code == 0, made.output
    after = _modes(isolated_settings)
    assert set(after) - before == {"copy.db"}
    assert after["copy.db"] == 0o600


def test_world_readable_data_files_fail_the_doctor(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runner.invoke(app, ["demo", "--load-only"]).exit_code == 0
    dispose_engines()
    env = {"IMPACT_SECRET_KEY": SECRET}
    assert _doctor(env, monkeypatch) == (0, [])  # development: demo data allowed
    (isolated_settings / "wijkimpact.db").chmod(0o644)
    assert _doctor(env, monkeypatch) == (1, ["file_mode"])


def _demo_database(url: str) -> None:
    load_demo(migrated_engine(url))


def test_sqlite_demo_in_production_fails_the_doctor(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{isolated_settings / 'wijkimpact.db'}"
    _demo_database(url)
    env = {"IMPACT_ENVIRONMENT": "production", "IMPACT_SECRET_KEY": SECRET}
    code, findings = _doctor(env, monkeypatch)
    assert code == 1
    assert {"demo_accounts", "demo_password"} <= set(findings)


@pytest.mark.postgres
def test_postgres_demo_accounts_and_password_fail_the_doctor(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _demo_database(postgres_url)
    env = {
        "IMPACT_ENVIRONMENT": "production",
        "IMPACT_SECRET_KEY": SECRET,
        "IMPACT_DATABASE_URL": postgres_url,
    }
    code, findings = _doctor(env, monkeypatch)
    assert (code, sorted(findings)) == (1, ["demo_accounts", "demo_password"])


@pytest.mark.postgres
def test_postgres_without_demo_traces_passes(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrated_engine(postgres_url)
    dispose_engines()
    env = {
        "IMPACT_ENVIRONMENT": "production",
        "IMPACT_SECRET_KEY": SECRET,
        "IMPACT_DATABASE_URL": postgres_url,
    }
    assert _doctor(env, monkeypatch) == (0, [])
