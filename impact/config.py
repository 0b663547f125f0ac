"""Settings, read once from ``IMPACT_*`` environment variables.

This is the only module that reads the environment. Every setting is declared
once, with its default and help text, in :class:`Settings`; ``docs/configuration.md``
and the README table are checked against it by a test.
"""

from __future__ import annotations

import os
import secrets
import stat
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args, get_origin

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from impact.codes import Coded
from impact.errors import ConfigError

DEFAULT_DB_FILE = "wijkimpact.db"
SECRET_FILE_SUFFIX = ".secret"  # noqa: S105 - a file suffix, not a secret
MIN_SECRET_LENGTH = 32
#: production refuses to run with a smaller IMPACT_MIN_CELL
MIN_PRODUCTION_CELL = 10

#: values copied from examples that must never be used as a real key
PLACEHOLDER_SECRETS = frozenset(
    {
        "changeme",
        "change-me",
        "changethis",
        "secret",
        "your-secret-key",
        "replace-me",
        "placeholder",
        "dev",
        "development",
        "test",
        "xxx",
    }
)


class Settings(BaseSettings):
    """All configuration of Wijkimpact. Environment variable = ``IMPACT_`` + name."""

    model_config = SettingsConfigDict(env_prefix="IMPACT_", extra="ignore")

    database_url: str = Field(
        default="",
        description="Database URL. Empty: an embedded SQLite file "
        f"'{DEFAULT_DB_FILE}' in the working directory. postgres:// and "
        "postgresql:// URLs use psycopg 3.",
    )
    secret_key: SecretStr | None = Field(
        default=None,
        description="Master secret (at least 32 characters) from which each "
        "organisation's pseudonymisation key is derived. Unset: generated on first "
        "use into a file beside the SQLite database, readable by its owner only.",
    )
    min_cell: int = Field(
        default=10,
        ge=1,
        description="Smallest number of people a figure shown to funders may "
        "describe; smaller cells are suppressed.",
    )
    round_counts: int = Field(
        default=1,
        ge=1,
        description="Round every count shown to funders to a multiple of this "
        "(CBS practice, e.g. 5); 1 shows exact counts. Small cells are suppressed "
        "either way.",
    )
    language: Literal["nl", "en"] = Field(
        default="nl", description="Default language of texts: nl or en."
    )
    environment: Literal["development", "production"] = Field(
        default="development",
        description="production turns on the strict checks of 'impact doctor' and "
        "hides error details in the app.",
    )
    max_upload_mb: int = Field(
        default=50, ge=1, description="Largest upload accepted, in megabytes."
    )
    # --- single sign-on (OpenID Connect via Streamlit's st.login) -------------
    oidc_server_metadata_url: str = Field(
        default="",
        description="OpenID Connect discovery URL of the identity provider "
        "(.../.well-known/openid-configuration). Set together with the client id "
        "and secret to offer single sign-on; empty: password login only.",
    )
    oidc_client_id: str = Field(
        default="", description="Client id registered at the identity provider."
    )
    oidc_client_secret: SecretStr | None = Field(
        default=None,
        description="Client secret registered at the identity provider.",
    )
    oidc_redirect_uri: str = Field(
        default="",
        description="Address the identity provider sends users back to; must end "
        "in /oauth2callback. Empty: http://localhost:<port>/oauth2callback.",
    )

    @field_validator("database_url")
    @classmethod
    def _normalise_url(cls, value: str) -> str:
        return normalise_database_url(value) if value else value

    @field_validator("language", mode="before")
    @classmethod
    def _lower_language(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @property
    def effective_database_url(self) -> str:
        """The configured URL, or the embedded SQLite file in the working directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{Path.cwd() / DEFAULT_DB_FILE}"

    @property
    def is_sqlite(self) -> bool:
        return self.effective_database_url.startswith("sqlite")

    @property
    def secret_key_was_given(self) -> bool:
        return self.secret_key is not None and bool(self.secret_key.get_secret_value())

    @property
    def sso_configured(self) -> bool:
        """True when the discovery URL, client id and client secret are all set."""
        secret = self.oidc_client_secret
        return bool(
            self.oidc_server_metadata_url.strip()
            and self.oidc_client_id.strip()
            and secret is not None
            and secret.get_secret_value()
        )


def normalise_database_url(url: str) -> str:
    """Map ``postgres://`` and ``postgresql://`` to the psycopg 3 driver."""
    url = url.strip()
    for prefix in ("postgres://", "postgresql://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if url.startswith(("postgresql+psycopg://", "sqlite://")):
        return url
    # never the URL itself: it may hold a password
    raise ConfigError.of("errors.bad_database_url", scheme=_scheme(url))


def _scheme(url: str) -> str:
    """The part before ``://`` when it looks like a scheme name, else ``?``."""
    scheme = url.split("://", 1)[0] if "://" in url else ""
    return scheme if scheme.replace("+", "").isalnum() and len(scheme) < 20 else "?"


def read_settings() -> Settings:
    """Read the environment; a bad value becomes a :class:`ConfigError` that names
    the variable and what it may be, never the value (it may be a secret)."""
    try:
        return Settings()
    except ValidationError as exc:
        raise _settings_error(exc) from None


def _settings_error(exc: ValidationError) -> ConfigError:
    named: dict[str, Coded] = {}  # one message per variable, in order
    for error in exc.errors(include_input=False, include_url=False):
        field = str(error["loc"][0]) if error["loc"] else ""
        variable = f"IMPACT_{field.upper()}"
        named.setdefault(
            variable,
            Coded.of("errors.bad_setting", variable=variable, hint=_hint(field)),
        )
    return ConfigError(tuple(named.values()), code="bad_setting")


def _hint(field: str) -> Coded | str:
    """What a setting may be: its choices, a minimum, or its description."""
    info = Settings.model_fields.get(field)
    if info is None:
        return ""
    choices = get_args(info.annotation)
    if get_origin(info.annotation) is Literal:
        return Coded.of("errors.setting_choice", choices=", ".join(map(str, choices)))
    if info.annotation is int:
        minimum = next((m.ge for m in info.metadata if hasattr(m, "ge")), 0)
        return Coded.of("errors.setting_int", minimum=minimum)
    return info.description or ""


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (cached; tests call ``get_settings.cache_clear()``).

    Refuses what production must never run with (a minimum cell under
    :data:`MIN_PRODUCTION_CELL`); ``impact doctor`` reads them leniently with
    :func:`read_settings` so it can list every problem.
    """
    settings = read_settings()
    if settings.environment == "production" and settings.min_cell < MIN_PRODUCTION_CELL:
        raise ConfigError(
            Coded.of("errors.min_cell_production", floor=MIN_PRODUCTION_CELL),
            code="min_cell",
        )
    return settings


def secret_file_path(settings: Settings) -> Path:
    """Where the generated key lives: beside the SQLite file, else the working dir."""
    url = settings.effective_database_url
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        db = Path(url.removeprefix("sqlite:///"))
        return db.with_name(db.name + SECRET_FILE_SUFFIX)
    return Path.cwd() / (DEFAULT_DB_FILE + SECRET_FILE_SUFFIX)


def master_secret(settings: Settings | None = None) -> bytes:
    """The master secret: ``IMPACT_SECRET_KEY``, or the generated key file.

    A placeholder or short key is refused with a message that says what to do.
    """
    settings = settings or get_settings()
    if settings.secret_key_was_given:
        value = settings.secret_key.get_secret_value() if settings.secret_key else ""
        if value.strip().lower() in PLACEHOLDER_SECRETS:
            raise ConfigError.of("errors.placeholder_secret")
        if len(value) < MIN_SECRET_LENGTH:
            raise ConfigError.of("errors.short_secret", length=len(value))
        return value.encode()
    return _generated_secret(secret_file_path(settings))


def _generated_secret(path: Path) -> bytes:
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise ConfigError.of("errors.secret_file_unsafe", path=path)
        return path.read_bytes().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48).encode()
    # O_EXCL: two processes starting at once must not both write a key
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key
