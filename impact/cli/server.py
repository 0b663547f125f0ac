"""Start the Streamlit app as a child process (``impact serve`` and ``impact demo``).

The app listens on 127.0.0.1 unless ``--host`` says otherwise (put a reverse
proxy with TLS in front, ``docs/deploy.md``). SIGTERM and SIGINT to ``impact``
stop the Streamlit child before ``impact`` exits, so a service manager or a
container runtime never leaves an orphan serving; if ``impact`` itself is
killed outright, Linux sends the child SIGTERM (parent-death signal).
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

import typer

from impact.cli._base import echo
from impact.errors import ImpactError
from impact.i18n import t

DEFAULT_HOST = "127.0.0.1"
#: seconds the child gets to stop after SIGTERM before it is killed
STOP_TIMEOUT = 10.0
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)
POLL_SECONDS = 0.2


def run_app(port: int, host: str = DEFAULT_HOST) -> None:
    from impact.config import get_settings

    script = app_script()
    if not script.exists():
        raise ImpactError(t("cli.app_missing", path=script))
    settings = get_settings()
    shown = "localhost" if host in ("127.0.0.1", "localhost", "::1") else host
    echo(t("cli.app_url", url=f"http://{shown}:{port}"))
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
        "--server.address",
        host,
        *server_flags(settings),  # checked by 'impact doctor'
    ]
    with streamlit_secrets_args(settings, port) as sso_args:  # [auth] when SSO is set
        code = run_child([*args, *sso_args])
    raise typer.Exit(code)


def run_child(args: list[str]) -> int:
    """Run ``args`` until it exits or this process gets SIGTERM or SIGINT; in that
    case stop the child first (SIGTERM, then SIGKILL after :data:`STOP_TIMEOUT`
    seconds), then exit 128 + the signal number."""
    child = subprocess.Popen(args, preexec_fn=_die_with_parent)  # noqa: S603
    received: list[int] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        # only note it and pass it on: waiting here would re-enter Popen.wait
        received.append(signum)
        with contextlib.suppress(ProcessLookupError):
            child.terminate()

    previous = {sig: signal.signal(sig, stop) for sig in STOP_SIGNALS}
    try:
        code = _wait(child, received)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        _stop(child)
    if received:
        raise SystemExit(128 + received[0])
    return code


def _wait(child: subprocess.Popen[bytes], received: list[int]) -> int:
    deadline: float | None = None
    while True:
        try:
            return child.wait(timeout=POLL_SECONDS)
        except subprocess.TimeoutExpired:
            if received and deadline is None:
                deadline = time.monotonic() + STOP_TIMEOUT
            if deadline is not None and time.monotonic() > deadline:
                child.kill()


def _stop(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is not None:
        return
    child.terminate()
    try:
        child.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def _die_with_parent() -> None:
    """In the child, before exec: SIGTERM when the parent dies (Linux only)."""
    with contextlib.suppress(Exception):
        import ctypes

        pr_set_pdeathsig = 1
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)


def app_script() -> Path:
    """The Streamlit entry script: in an installed wheel the package
    ``impact.webapp`` (``apps/`` shipped by setup.py), in a source checkout
    ``apps/`` beside the package."""
    from importlib.util import find_spec

    checkout = Path(__file__).resolve().parents[2] / "apps" / "streamlit_app.py"
    if checkout.exists():
        return checkout
    spec = find_spec("impact.webapp")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        return Path(folder) / "streamlit_app.py"
    return checkout
