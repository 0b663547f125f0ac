"""The app's safety net: who the client is (for login throttling) and the error
guard around every page.

In production an unexpected error never reaches the browser: the page shows a
reference number and the detail (type, message, traceback) goes to the server's
log under that number. A user error (:class:`~impact.errors.ImpactError`) is
shown as its message, never with a traceback, in every environment.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import secrets
from collections.abc import Iterator

import streamlit as st
from common import tr
from plain import plain

from impact.config import get_settings
from impact.errors import ImpactError

log = logging.getLogger("wijkimpact.app")


def client_address() -> str:
    """Where a login attempt comes from: the network address of the connection;
    for a connection from this machine (Streamlit reports none), the address the
    local reverse proxy of ``docs/deploy.md`` passes on in ``X-Forwarded-For``
    (set by the proxy, never appended to), else ``local``."""
    peer = _peer()
    if peer:
        return peer
    forwarded = (_header("X-Forwarded-For") or "").split(",")[-1].strip()
    return forwarded if _is_address(forwarded) else "local"


def _peer() -> str | None:
    try:
        return st.context.ip_address  # None for 127.0.0.1 and ::1
    except Exception:  # not available in every runtime (AppTest)
        return None


def _header(name: str) -> str | None:
    try:
        return st.context.headers.get(name)
    except Exception:
        return None


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _production() -> bool:
    """Production, or settings that cannot be read (then hide, to be safe)."""
    try:
        return get_settings().environment == "production"
    except ImpactError:
        return True


def new_reference() -> str:
    """A reference the user can quote and an operator can find in the log."""
    return secrets.token_hex(4).upper()


@contextlib.contextmanager
def page_guard() -> Iterator[None]:
    """Run a page; show user errors as messages and, in production, unexpected
    errors as a reference number (the detail goes to the server log only)."""
    try:
        yield
    except ImpactError as exc:
        st.error(plain(str(exc)))
    except Exception:
        if not _production():
            raise  # development: Streamlit shows the details
        reference = new_reference()
        log.exception("page error, reference %s", reference)
        st.error(tr("app.error_reference", reference=reference))
