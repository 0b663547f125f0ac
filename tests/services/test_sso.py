"""Single sign-on settings and the ``[auth]`` secrets written for Streamlit."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from impact.config import Settings, get_settings
from impact.services.sso import (
    cookie_secret,
    sso_enabled,
    streamlit_auth_secrets,
    streamlit_secrets_args,
    write_private_file,
)

MASTER = "m" * 40
OTHER_MASTER = "n" * 40
METADATA = "https://login.example.nl/.well-known/openid-configuration"
PORT = 8765
COOKIE_HEX_LENGTH = 64  # 32 bytes of HKDF output, hex


def _sso(**extra: str) -> Settings:
    values: dict[str, str] = {
        "secret_key": MASTER,
        "oidc_server_metadata_url": METADATA,
        "oidc_client_id": "wijkimpact",
        "oidc_client_secret": 'geheim"met\\tekens',
    }
    values.update(extra)
    return Settings(**values)  # type: ignore[arg-type]


def test_settings_are_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IMPACT_OIDC_SERVER_METADATA_URL", METADATA)
    monkeypatch.setenv("IMPACT_OIDC_CLIENT_ID", "client")
    monkeypatch.setenv("IMPACT_OIDC_CLIENT_SECRET", "s3cret")
    monkeypatch.setenv(
        "IMPACT_OIDC_REDIRECT_URI", "https://w.example.nl/oauth2callback"
    )
    settings = get_settings()
    assert settings.sso_configured
    assert sso_enabled(settings)
    assert settings.oidc_client_secret is not None
    assert settings.oidc_client_secret.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(settings)
    assert settings.oidc_redirect_uri == "https://w.example.nl/oauth2callback"


@pytest.mark.parametrize(
    "missing", ["oidc_server_metadata_url", "oidc_client_id", "oidc_client_secret"]
)
def test_sso_needs_all_three_settings(missing: str) -> None:
    settings = _sso(**{missing: ""})
    assert not settings.sso_configured
    assert streamlit_auth_secrets(settings, PORT) == ""
    with streamlit_secrets_args(settings, PORT) as args:
        assert args == []


def test_sso_is_off_by_default() -> None:
    assert not sso_enabled(Settings())
    assert streamlit_auth_secrets(Settings(), PORT) == ""


def test_auth_section_parses_back_with_every_value() -> None:
    settings = _sso()
    auth = tomllib.loads(streamlit_auth_secrets(settings, PORT))["auth"]
    assert auth == {
        "redirect_uri": f"http://localhost:{PORT}/oauth2callback",
        "cookie_secret": cookie_secret(settings),
        "client_id": "wijkimpact",
        "client_secret": 'geheim"met\\tekens',
        "server_metadata_url": METADATA,
    }


def test_configured_redirect_uri_wins() -> None:
    settings = _sso(oidc_redirect_uri="https://w.example.nl/oauth2callback")
    auth = tomllib.loads(streamlit_auth_secrets(settings, PORT))["auth"]
    assert auth["redirect_uri"] == "https://w.example.nl/oauth2callback"


def test_cookie_secret_is_derived_stable_and_not_the_master() -> None:
    first, again = cookie_secret(_sso()), cookie_secret(_sso())
    other = cookie_secret(_sso(secret_key=OTHER_MASTER))
    assert first == again
    assert first != other
    assert len(first) == COOKIE_HEX_LENGTH
    assert MASTER not in first
    assert MASTER not in streamlit_auth_secrets(_sso(), PORT)


def test_cookie_secret_uses_the_generated_key_file(isolated_settings: Path) -> None:
    settings = Settings(
        oidc_server_metadata_url=METADATA,
        oidc_client_id="c",
        oidc_client_secret="s",  # type: ignore[arg-type]
    )
    assert cookie_secret(settings) == cookie_secret(settings)
    assert (isolated_settings / "wijkimpact.db.secret").exists()


def test_private_file_is_owner_only(tmp_path: Path) -> None:
    path = write_private_file(tmp_path, "[auth]\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text() == "[auth]\n"


def test_secrets_args_point_to_a_private_file_removed_afterwards() -> None:
    settings = _sso()
    with streamlit_secrets_args(settings, PORT) as args:
        assert args[0] == "--secrets.files"
        path = Path(args[1])
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert path.read_text() == streamlit_auth_secrets(settings, PORT)
    assert not path.exists()
    assert not path.parent.exists()


def test_impact_serve_passes_the_auth_secrets_to_streamlit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import typer

    from impact.cli import server as cli

    monkeypatch.setenv("IMPACT_SECRET_KEY", MASTER)
    monkeypatch.setenv("IMPACT_OIDC_SERVER_METADATA_URL", METADATA)
    monkeypatch.setenv("IMPACT_OIDC_CLIENT_ID", "client")
    monkeypatch.setenv("IMPACT_OIDC_CLIENT_SECRET", "s3cret")
    seen: dict[str, object] = {}

    def fake_call(args: list[str]) -> int:
        path = Path(args[args.index("--secrets.files") + 1])
        seen["mode"] = stat.S_IMODE(path.stat().st_mode)
        seen["auth"] = tomllib.loads(path.read_text())["auth"]
        seen["path"] = path
        return 0

    monkeypatch.setattr(cli, "run_child", fake_call)
    with pytest.raises(typer.Exit):
        cli.run_app(PORT)
    assert seen["mode"] == 0o600
    auth = seen["auth"]
    assert isinstance(auth, dict)
    assert auth["client_secret"] == "s3cret"
    assert auth["redirect_uri"] == f"http://localhost:{PORT}/oauth2callback"
    assert not Path(str(seen["path"])).exists()


def test_impact_serve_without_sso_passes_no_secrets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import typer

    from impact.cli import server as cli

    calls: list[list[str]] = []
    monkeypatch.setattr(cli, "run_child", lambda args: calls.append(args) or 0)
    with pytest.raises(typer.Exit):
        cli.run_app(PORT)
    assert "--secrets.files" not in calls[0]


def test_an_sso_identity_older_than_the_session_limit_has_expired() -> None:
    from datetime import UTC, datetime, timedelta

    from impact.services.auth import SESSION_TTL, identity_expired

    now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    fresh = (now - SESSION_TTL + timedelta(minutes=1)).timestamp()
    stale = (now - SESSION_TTL - timedelta(minutes=1)).timestamp()
    assert not identity_expired({"iat": int(fresh)}, now)
    assert identity_expired({"iat": int(stale)}, now)
    # auth_time (when the user logged in at the provider) wins over iat
    assert identity_expired({"auth_time": stale, "iat": int(fresh)}, now)
    assert not identity_expired({"auth_time": fresh, "iat": int(stale)}, now)
    # a token that cannot be aged is left to the provider's own session
    assert not identity_expired({"email": "a@b.nl"}, now)
    assert not identity_expired({"iat": "yesterday"}, now)
