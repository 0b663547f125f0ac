"""Settings: defaults, environment variables, URL normalisation, secret handling."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from impact.config import Settings, get_settings, master_secret, secret_file_path
from impact.errors import ConfigError

GOOD_SECRET = "s" * 40


def test_defaults_use_embedded_sqlite_in_working_dir(isolated_settings: Path) -> None:
    settings = Settings()
    assert (
        settings.effective_database_url
        == f"sqlite:///{isolated_settings}/wijkimpact.db"
    )
    assert (settings.min_cell, settings.language, settings.is_sqlite) == (
        10,
        "nl",
        True,
    )


def test_environment_is_read_with_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPACT_MIN_CELL", "25")
    monkeypatch.setenv("IMPACT_LANGUAGE", "EN")
    monkeypatch.setenv("IMPACT_DATABASE_URL", "postgres://u:pw@db:5432/impact")
    settings = get_settings()
    assert settings.min_cell == 25
    assert settings.language == "en"
    assert settings.database_url == "postgresql+psycopg://u:pw@db:5432/impact"


@pytest.mark.parametrize(
    "url", ["postgresql://x@h/d", "postgres://x@h/d", "postgresql+psycopg2://x@h/d"]
)
def test_postgres_urls_use_psycopg3(url: str) -> None:
    assert Settings(database_url=url).database_url == "postgresql+psycopg://x@h/d"


def test_unsupported_url_is_refused_without_leaking_password() -> None:
    with pytest.raises(ConfigError) as info:
        Settings(database_url="mysql://user:hunter2@host/db")
    assert "hunter2" not in str(info.value)
    assert "IMPACT_DATABASE_URL" in str(info.value)


def test_bad_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPACT_LANGUAGE", "de")
    with pytest.raises(ValueError, match="language"):
        Settings()


def test_generated_secret_is_stable_and_owner_only(isolated_settings: Path) -> None:
    settings = Settings()
    first = master_secret(settings)
    path = secret_file_path(settings)
    assert path == isolated_settings / "wijkimpact.db.secret"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert master_secret(settings) == first and len(first) >= 32


def test_group_readable_secret_file_is_refused(isolated_settings: Path) -> None:
    settings = Settings()
    master_secret(settings)
    secret_file_path(settings).chmod(0o644)
    with pytest.raises(ConfigError, match="600"):
        master_secret(settings)


@pytest.mark.parametrize("value", ["changeme", "CHANGEME", "secret", "your-secret-key"])
def test_placeholder_secret_is_refused(value: str) -> None:
    with pytest.raises(ConfigError, match="IMPACT_SECRET_KEY"):
        master_secret(Settings(secret_key=value))


def test_short_secret_is_refused_and_given_secret_is_used() -> None:
    with pytest.raises(ConfigError, match="32"):
        master_secret(Settings(secret_key="short-but-not-placeholder"))
    assert master_secret(Settings(secret_key=GOOD_SECRET)) == GOOD_SECRET.encode()


def test_config_is_the_only_module_reading_the_environment() -> None:
    package = Path(__file__).resolve().parents[1] / "impact"
    readers = [
        str(p.relative_to(package))
        for p in package.rglob("*.py")
        if "os.environ" in p.read_text() or "os.getenv" in p.read_text()
    ]
    assert readers == []  # config.py uses pydantic-settings, not os.environ
