"""``impact doctor``: is this deployment's configuration safe?

Each check returns findings with a message saying what is unsafe and what to do.
The Streamlit flags ``impact serve`` passes are defined here too
(:func:`server_flags`), so the doctor checks what the server really gets.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from impact.config import MIN_SECRET_LENGTH, Settings, master_secret, secret_file_path
from impact.errors import ConfigError
from impact.i18n import t
from impact.services.doctor_data import data_findings

#: uploads larger than this are refused by the doctor (memory per replica)
MAX_SAFE_UPLOAD_MB = 200
#: the floor for IMPACT_MIN_CELL (CBS practice is stricter, never looser)
MIN_SAFE_CELL = 10
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", ""})


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    message: str


def server_flags(settings: Settings) -> list[str]:
    """Streamlit options ``impact serve`` passes (after the script and port)."""
    production = settings.environment == "production"
    return [
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--server.maxUploadSize", str(settings.max_upload_mb),
        "--client.toolbarMode", "minimal",
        # "none": no type, message or traceback in the browser ("false" still
        # shows the traceback in Streamlit >= 1.40)
        "--client.showErrorDetails", "none" if production else "full",
        "--server.enableXsrfProtection", "true",
        "--server.enableCORS", "true",
    ]  # fmt: skip


def check(settings: Settings) -> list[Finding]:
    """Everything unsafe about ``settings``; an empty list means safe."""
    findings = _secret(settings)
    production = settings.environment == "production"
    flags = _flag_values(server_flags(settings))
    if production and settings.is_sqlite:
        findings.append(Finding("sqlite_in_production", t("security.doctor.sqlite")))
    if production and flags.get("--client.showErrorDetails") != "none":
        findings.append(Finding("error_details", t("security.doctor.error_details")))
    if flags.get("--server.enableXsrfProtection") != "true":
        findings.append(Finding("xsrf", t("security.doctor.xsrf")))
    if settings.max_upload_mb > MAX_SAFE_UPLOAD_MB:
        findings.append(
            Finding(
                "upload_size",
                t("security.doctor.upload", mb=settings.max_upload_mb,
                  limit=MAX_SAFE_UPLOAD_MB),
            )
        )  # fmt: skip
    if settings.min_cell < MIN_SAFE_CELL:
        findings.append(
            Finding(
                "min_cell",
                t("security.doctor.min_cell", n=settings.min_cell, floor=MIN_SAFE_CELL),
            )
        )
    if production and not settings.is_sqlite and not _tls(settings.database_url):
        findings.append(Finding("database_tls", t("security.doctor.tls")))
    findings += [Finding(code, message) for code, message in data_findings(settings)]
    return findings


def _secret(settings: Settings) -> list[Finding]:
    if settings.secret_key_was_given:
        try:
            master_secret(settings)  # refuses placeholders and short keys
        except ConfigError as exc:
            return [Finding("secret_unsafe", str(exc))]
        return []
    path = secret_file_path(settings)
    return [
        Finding(
            "secret_generated",
            t("security.doctor.no_secret", path=path, length=MIN_SECRET_LENGTH),
        )
    ]


def _flag_values(flags: list[str]) -> dict[str, str]:
    return dict(zip(flags[::2], flags[1::2], strict=True))


def _tls(url: str) -> bool:
    """A remote PostgreSQL connection must ask for TLS (sslmode require or verify)."""
    parts = urlsplit(url)
    if (parts.hostname or "") in LOCAL_HOSTS or (parts.hostname or "").startswith("/"):
        return True
    mode = parse_qs(parts.query).get("sslmode", [""])[0]
    return mode in {"require", "verify-ca", "verify-full"}
