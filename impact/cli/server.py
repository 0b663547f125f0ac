"""Start the Streamlit app as a child process (``impact serve`` and ``impact demo``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer

from impact.cli._base import echo
from impact.errors import ImpactError
from impact.i18n import t


def run_app(port: int) -> None:
    from impact.config import get_settings

    script = Path(__file__).resolve().parents[2] / "apps" / "streamlit_app.py"
    if not script.exists():
        raise ImpactError(t("cli.app_missing", path=script))
    settings = get_settings()
    echo(t("cli.app_url", url=f"http://localhost:{port}"))
    from impact.services.doctor import server_flags
    from impact.services.sso import streamlit_secrets_args

    args = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.port",
        str(port),
        *server_flags(settings),  # checked by 'impact doctor'
    ]
    with streamlit_secrets_args(settings, port) as sso_args:  # [auth] when SSO is set
        code = subprocess.call([*args, *sso_args])  # noqa: S603 - fixed argument list
    raise typer.Exit(code)
