"""In a real browser: a programme renamed to markdown with a tracking image and
a fake "Log opnieuw in" link, and an organisation named like a link, fetch
nothing and show no link, for the funder and for the organisation's analyst.

Drives /usr/bin/chromium with Playwright against ``impact serve``; skipped with
the reason where Chromium is absent, failed under CI=true.
"""

from __future__ import annotations

import http.server
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from impact.sample.generate import BUURTHUIS
from tests.apps.test_browser import (
    ARGS,
    CHROMIUM,
    IN_CI,
    STEP_TIMEOUT_MS,
    _clean_env,
    _free_port,
    _impact,
    _wait_healthy,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
#: after the page is up, how long an image would have to start loading
SETTLE_MS = 4000


class _Tracker(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 - shared by the test and the server thread

    def do_GET(self) -> None:
        _Tracker.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *_args: object) -> None:
        return


@pytest.fixture()
def tracker() -> Iterator[str]:
    _Tracker.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Tracker)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture()
def served(tmp_path: Path, tracker: str) -> Iterator[str]:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("CI=true but /usr/bin/chromium is missing")
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    _impact("demo", "--load-only", cwd=tmp_path)
    programme = (
        f"![p]({tracker}/programme.png) [Log opnieuw in](https://evil.example/login)"
    )
    organisation = f"[Opnieuw aanmelden](https://evil.example/o) ![o]({tracker}/o.png)"
    with sqlite3.connect(tmp_path / "wijkimpact.db") as conn:
        conn.execute(
            "UPDATE programme SET name = ? WHERE name = ?", (programme, BUURTHUIS)
        )
        conn.execute("UPDATE organisation SET name = ?", (organisation,))
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "impact.cli", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=_clean_env(),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


@pytest.mark.parametrize("role", ["funder", "analyst"])
def test_markdown_names_fetch_nothing_and_link_nowhere(
    served: str, tracker: str, role: str
) -> None:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=STEP_TIMEOUT_MS)
    requested: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.set_default_timeout(STEP_TIMEOUT_MS)
        page.on("request", lambda request: requested.append(request.url))
        page.goto(served)
        page.get_by_label("E-mailadres").fill(f"{role}@demo.wijkimpact.nl")
        page.get_by_label("Wachtwoord").fill("wijkimpact-demo")
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_test_id("stMetricValue").first).to_be_visible()
        # the organisation's name, in the caption, as text
        expect(page.get_by_text("Opnieuw aanmelden", exact=False).first).to_be_visible()
        for tab in ("Uitkomsten", "Ontwikkeling"):
            page.get_by_role("tab", name=tab).click()
        # the programme's name, in a heading, as text
        expect(page.get_by_text("Log opnieuw in", exact=False).first).to_be_visible()
        page.wait_for_timeout(SETTLE_MS)
        links = page.locator("a").evaluate_all(
            "els => els.map(e => e.getAttribute('href') + ' ' + e.textContent)"
        )
        images = page.locator(f"img[src*='{tracker}']").count()
        browser.close()
    from_names = [
        link for link in links
        if any(part in link for part in ("evil", tracker, "opnieuw", "aanmelden"))
    ]  # fmt: skip
    assert from_names == [] and images == 0
    assert _Tracker.hits == []
    assert [u for u in requested if "evil.example" in u or u.startswith(tracker)] == []
