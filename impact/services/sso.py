"""Single sign-on: the ``[auth]`` secrets Streamlit's ``st.login`` reads.

``impact serve`` writes them to an owner-only file in a private temporary
directory and passes it with ``--secrets.files``; nothing is written when the
OpenID Connect settings are not all set. The cookie secret that signs Streamlit's
identity cookie is derived from the master secret, so it needs no setting of its
own and stays the same across restarts.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from impact.config import Settings, get_settings, master_secret
from impact.domain.pseudonym import hkdf_sha256

COOKIE_INFO = b"wijkimpact streamlit auth cookie v1"
COOKIE_SALT = b"wijkimpact-sso"
SECRETS_FILE = "auth-secrets.toml"


def sso_enabled(settings: Settings | None = None) -> bool:
    """True when single sign-on is configured."""
    return (settings or get_settings()).sso_configured


def cookie_secret(settings: Settings) -> str:
    """The key of Streamlit's identity cookie, derived from the master secret."""
    key = hkdf_sha256(master_secret(settings), salt=COOKIE_SALT, info=COOKIE_INFO)
    return key.hex()


def redirect_uri(settings: Settings, port: int) -> str:
    """The configured redirect address, else ``http://localhost:<port>/...``."""
    given = settings.oidc_redirect_uri.strip()
    return given or f"http://localhost:{port}/oauth2callback"


def streamlit_auth_secrets(settings: Settings, port: int) -> str:
    """The TOML text of Streamlit's ``[auth]`` section; empty when SSO is off."""
    if not settings.sso_configured or settings.oidc_client_secret is None:
        return ""
    values = {
        "redirect_uri": redirect_uri(settings, port),
        "cookie_secret": cookie_secret(settings),
        "client_id": settings.oidc_client_id.strip(),
        "client_secret": settings.oidc_client_secret.get_secret_value(),
        "server_metadata_url": settings.oidc_server_metadata_url.strip(),
    }
    # a JSON string is a valid TOML basic string (same quoting and escapes)
    lines = [f"{name} = {json.dumps(value)}" for name, value in values.items()]
    return "[auth]\n" + "\n".join(lines) + "\n"


def write_private_file(directory: Path, text: str) -> Path:
    """Write ``text`` to a new file only its owner may read (mode 600)."""
    path = directory / SECRETS_FILE
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


@contextmanager
def streamlit_secrets_args(settings: Settings, port: int) -> Iterator[list[str]]:
    """Streamlit options that load the ``[auth]`` secrets (none when SSO is off).

    The file lives in a private temporary directory (mode 700) that is removed
    when the block ends.
    """
    text = streamlit_auth_secrets(settings, port)
    if not text:
        yield []
        return
    directory = Path(tempfile.mkdtemp(prefix="wijkimpact-auth-"))
    try:
        path = write_private_file(directory, text)
        yield ["--secrets.files", str(path)]
    finally:
        shutil.rmtree(directory, ignore_errors=True)
