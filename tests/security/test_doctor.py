"""``impact doctor``: each unsafe setting is reported and makes the exit non-zero;
a safe production configuration passes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from impact.cli import app
from impact.config import get_settings
from impact.services import doctor

runner = CliRunner()
GOOD_SECRET = "a-real-deployment-secret-0123456789-xyz"
SAFE_PRODUCTION = {
    "IMPACT_ENVIRONMENT": "production",
    "IMPACT_SECRET_KEY": GOOD_SECRET,
    "IMPACT_DATABASE_URL": "postgresql://app@db.internal:5432/impact?sslmode=require",
}


@pytest.fixture(autouse=True)
def _no_database(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about settings: db.internal does not exist. The checks of
    the database and the files are in test_doctor_data.py."""
    from impact.services import doctor_data

    monkeypatch.setattr(doctor_data, "_demo_traces", lambda _settings: [])


def _doctor(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> tuple[int, list]:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    result = runner.invoke(app, ["--lang", "en", "doctor", "--json"])
    return result.exit_code, [f["code"] for f in json.loads(result.output)]


def test_safe_production_configuration_passes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _doctor(monkeypatch, SAFE_PRODUCTION) == (0, [])
    text = runner.invoke(app, ["--lang", "en", "doctor"])
    assert text.exit_code == 0 and "No unsafe settings" in text.output


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"IMPACT_SECRET_KEY": ""}, "secret_generated"),
        ({"IMPACT_SECRET_KEY": "changeme"}, "secret_unsafe"),
        ({"IMPACT_SECRET_KEY": "too-short-but-random-1234"}, "secret_unsafe"),
        ({"IMPACT_DATABASE_URL": ""}, "sqlite_in_production"),
        ({"IMPACT_MAX_UPLOAD_MB": "2048"}, "upload_size"),
        ({"IMPACT_MIN_CELL": "3"}, "min_cell"),
        (
            {"IMPACT_DATABASE_URL": "postgresql://app@db.internal:5432/impact"},
            "database_tls",
        ),
    ],
)
def test_each_unsafe_setting_is_found(
    monkeypatch: pytest.MonkeyPatch, change: dict[str, str], code: str
) -> None:
    exit_code, codes = _doctor(monkeypatch, {**SAFE_PRODUCTION, **change})
    assert (exit_code, codes) == (1, [code])


def test_development_may_use_sqlite_and_show_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    env = {**SAFE_PRODUCTION, "IMPACT_ENVIRONMENT": "development"}
    env["IMPACT_DATABASE_URL"] = ""
    assert _doctor(monkeypatch, env) == (0, [])
    flags = doctor.server_flags(get_settings())
    assert flags[flags.index("--client.showErrorDetails") + 1] == "full"


@pytest.mark.parametrize(
    ("flag", "value", "code"),
    [
        ("--client.showErrorDetails", "true", "error_details"),
        # Streamlit reads "false" as "stacktrace": the traceback is still shown
        ("--client.showErrorDetails", "false", "error_details"),
        ("--server.enableXsrfProtection", "false", "xsrf"),
    ],
)
def test_server_flags_are_checked(
    monkeypatch: pytest.MonkeyPatch, flag: str, value: str, code: str
) -> None:
    real = doctor.server_flags

    def altered(settings):  # type: ignore[no-untyped-def]
        flags = real(settings)
        flags[flags.index(flag) + 1] = value
        return flags

    monkeypatch.setattr(doctor, "server_flags", altered)
    assert _doctor(monkeypatch, SAFE_PRODUCTION) == (1, [code])


def test_serve_passes_the_checked_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    """``impact serve`` starts Streamlit with exactly the flags the doctor checks,
    on 127.0.0.1 unless ``--host`` says otherwise."""
    from impact.cli import server

    for name, value in SAFE_PRODUCTION.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("IMPACT_DATABASE_URL", "")
    get_settings.cache_clear()
    seen: list[list[str]] = []
    monkeypatch.setattr(server, "run_child", lambda args: seen.append(args) or 0)
    result = runner.invoke(app, ["serve", "--port", "8599"])
    assert result.exit_code == 0, result.output
    args = seen[0]
    assert args[args.index("--server.enableXsrfProtection") + 1] == "true"
    assert args[args.index("--client.showErrorDetails") + 1] == "none"
    assert args[args.index("--server.maxUploadSize") + 1] == "50"
    assert args[args.index("--server.address") + 1] == "127.0.0.1"
    seen.clear()
    result = runner.invoke(app, ["serve", "--port", "8599", "--host", "10.0.0.5"])
    assert result.exit_code == 0, result.output
    assert seen[0][seen[0].index("--server.address") + 1] == "10.0.0.5"
