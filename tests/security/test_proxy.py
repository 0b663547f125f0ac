"""The nginx configuration of docs/deploy.md, run with the real nginx binary in
front of ``impact serve``: HTTP redirects to HTTPS, every security header is
sent (HSTS, frame-ancestors 'none', nosniff, Referrer-Policy), the app's page
and health check load through it, its WebSocket is proxied, and Chromium shows
the login page through the proxy.

Skipped, with the reason, where nginx is not installed; under CI=true (.ci/run
installs nginx) a missing nginx fails the test.
"""

from __future__ import annotations

import datetime as dt
import http.client
import ipaddress
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.apps.test_browser import (
    ARGS,
    CHROMIUM,
    _clean_env,
    _free_port,
    _wait_healthy,
)

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
)
HSTS_MIN_SECONDS = 31_536_000  # one year

pytestmark = pytest.mark.slow


def _documented_block() -> str:
    text = (ROOT / "docs" / "deploy.md").read_text()
    section = text.split("## Reverse proxy with TLS (nginx)", 1)[1]
    return section.split("```nginx\n", 1)[1].split("```", 1)[0]


def _certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = dt.datetime.now(dt.UTC)
    names = [
        x509.DNSName("localhost"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
    ]
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_file.chmod(0o600)
    return cert_file, key_file


def _nginx_conf(folder: Path, app_port: int, http_port: int, https_port: int) -> Path:
    cert, key = _certificate(folder)
    block = _documented_block()
    block = block.replace("server 127.0.0.1:8501;", f"server 127.0.0.1:{app_port};")
    block = re.sub(r"\n\s*server 127\.0\.0\.1:8502;", "", block)
    block = block.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    block = block.replace(
        "listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"
    )
    block = block.replace(
        "https://$host$request_uri", f"https://$host:{https_port}$request_uri"
    )
    block = block.replace("/etc/ssl/wijkimpact/fullchain.pem", str(cert))
    block = block.replace("/etc/ssl/wijkimpact/privkey.pem", str(key))
    block = block.replace("wijkimpact.example.nl", "localhost")
    temp = folder / "temp"
    temp.mkdir()
    conf = folder / "nginx.conf"
    conf.write_text(
        f"""daemon off;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} info;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
{block}
}}
"""
    )
    return conf


@pytest.fixture()
def proxied(tmp_path: Path) -> Iterator[tuple[int, int, Path]]:
    if NGINX is None:
        if IN_CI:
            pytest.fail("CI=true but nginx is not installed (apt-get install nginx)")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    app_port, http_port, https_port = _free_port(), _free_port(), _free_port()
    conf = _nginx_conf(tmp_path, app_port, http_port, https_port)
    checked = subprocess.run(
        [NGINX, "-t", "-c", str(conf), "-p", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr
    app = subprocess.Popen(
        [sys.executable, "-m", "impact.cli", "serve", "--port", str(app_port)],
        cwd=tmp_path, env=_clean_env(), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    proxy = subprocess.Popen(
        [NGINX, "-c", str(conf), "-p", str(tmp_path)],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_healthy(f"http://127.0.0.1:{app_port}")
        _wait_port(https_port)
        yield http_port, https_port, tmp_path / "cert.pem"
    finally:
        for proc in (proxy, app):
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)


def _wait_port(port: int) -> None:
    import socket

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nginx did not listen on {port}")


def _get(port: int, path: str, cafile: Path) -> http.client.HTTPResponse:
    context = ssl.create_default_context(cafile=str(cafile))
    conn = http.client.HTTPSConnection("localhost", port, context=context, timeout=10)
    conn.request("GET", path)
    return conn.getresponse()


def test_documented_nginx_config_serves_the_app_with_security_headers(
    proxied: tuple[int, int, Path],
) -> None:
    http_port, https_port, cafile = proxied
    plain = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
    plain.request("GET", "/some/page")
    redirect = plain.getresponse()
    assert redirect.status == 301
    assert redirect.getheader("Location") == f"https://127.0.0.1:{https_port}/some/page"

    page = _get(https_port, "/", cafile)
    body = page.read().decode()
    assert page.status == 200 and '<div id="root">' in body
    hsts = page.getheader("Strict-Transport-Security") or ""
    max_age = int(re.search(r"max-age=(\d+)", hsts).group(1))  # type: ignore[union-attr]
    assert max_age >= HSTS_MIN_SECONDS
    assert "frame-ancestors 'none'" in (page.getheader("Content-Security-Policy") or "")
    assert page.getheader("X-Content-Type-Options") == "nosniff"
    assert page.getheader("Referrer-Policy") == "no-referrer"
    assert page.getheader("X-Frame-Options") == "DENY"
    assert "nginx/" not in (page.getheader("Server") or "")  # no version shown

    health = _get(https_port, "/_stcore/health", cafile)
    assert (health.status, health.read()) == (200, b"ok")


def test_the_websocket_and_the_login_page_work_through_the_proxy(
    proxied: tuple[int, int, Path],
) -> None:
    from websockets.sync.client import connect

    _http_port, https_port, cafile = proxied
    context = ssl.create_default_context(cafile=str(cafile))
    url = f"wss://localhost:{https_port}/_stcore/stream"
    with connect(url, ssl=context, subprotocols=["streamlit"], open_timeout=10) as ws:  # type: ignore[list-item]
        assert ws.response.status_code == 101  # upgraded through nginx
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("CI=true but /usr/bin/chromium is missing")
        pytest.skip("no Chromium at /usr/bin/chromium: the page check needs it")
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(ignore_https_errors=True)
        page.goto(f"https://localhost:{https_port}/")
        expect(page.get_by_label("Wachtwoord")).to_be_visible(timeout=60_000)
        browser.close()
