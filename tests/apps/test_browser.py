"""End to end in a real browser: log in, upload a workbook, see the dashboard
update, download a report, log out (and still be out after a reload).
Screenshots of every step are saved.

Drives /usr/bin/chromium with Playwright against ``impact serve`` on a demo
database. Skipped, with the reason, where Chromium is absent; under CI=true
(.ci/run installs Chromium) a missing browser fails the test instead.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
#: seconds a step may take in the browser (the app refreshes every 30 s)
STEP_TIMEOUT_MS = 60_000
NEW_PEOPLE = 100  # `impact sample --rows 400` makes 100 new clients

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _clean_env(**extra: str) -> dict[str, str]:
    """No IMPACT_* from outside; this checkout's ``impact`` (and so its ``apps/``)
    first on the path, also where PYTHONPATH is relative or an installed copy
    of another checkout exists."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMPACT_")}
    path = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return {**env, "PYTHONPATH": path, **extra}


def _impact(*args: str, cwd: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "impact.cli", *args],
        cwd=cwd,
        env=_clean_env(),
        check=True,
        capture_output=True,
    )


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(
                "CI=true but /usr/bin/chromium is missing (apt-get install chromium)"
            )
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    _impact("demo", "--load-only", cwd=tmp_path)
    _impact(
        "sample", "--rows", "400", "--seed", "7", "--out", "nieuw.xlsx", cwd=tmp_path
    )
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
        yield url, tmp_path
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def _wait_healthy(url: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:  # noqa: S310
                if r.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("impact serve did not become healthy in 90 s")


def _expect_login_page(page: Any, expect: Any) -> None:
    """The login form, and nothing of the dashboard or its menu."""
    expect(page.get_by_label("Wachtwoord")).to_be_visible()
    expect(page.get_by_role("link", name="Dashboard")).to_have_count(0)
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
    expect(page.get_by_test_id("stMetricValue")).to_have_count(0)


def test_login_upload_dashboard_report(server: tuple[str, Path]) -> None:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=STEP_TIMEOUT_MS)  # the default 5 s is too short
    url, folder = server
    shots = Path(os.environ.get("WIJKIMPACT_SCREENSHOTS", folder / "screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.set_default_timeout(STEP_TIMEOUT_MS)
        page.goto(url)
        page.get_by_label("E-mailadres").fill("analyst@demo.wijkimpact.nl")
        page.get_by_label("Wachtwoord").fill("wijkimpact-demo")
        page.get_by_role("button", name="Inloggen").click()
        people = page.get_by_test_id("stMetricValue").first
        expect(people).to_have_text("850")
        page.screenshot(path=shots / "1-dashboard-before.png", full_page=True)

        page.get_by_role("link", name="Importeren").click()
        page.locator("input[type=file]").set_input_files(folder / "nieuw.xlsx")
        expect(page.get_by_text("Alles gecontroleerd")).to_be_visible()
        page.screenshot(path=shots / "2-import-checked.png", full_page=True)
        page.get_by_role("button", name="3. Importeren").click()
        expect(page.get_by_text("400 nieuw opgeslagen")).to_be_visible()
        page.screenshot(path=shots / "3-import-done.png", full_page=True)

        page.get_by_role("link", name="Dashboard").click()
        expect(page.get_by_test_id("stMetricValue").first).to_have_text(
            str(850 + NEW_PEOPLE)
        )
        page.screenshot(path=shots / "4-dashboard-after.png", full_page=True)

        page.get_by_role("link", name="Rapporten").click()
        page.get_by_role("button", name="Maak rapport").click()
        download_button = page.get_by_role("button", name="Download")
        with page.expect_download(timeout=STEP_TIMEOUT_MS * 3) as info:
            download_button.click(timeout=STEP_TIMEOUT_MS * 3)
        report = folder / "rapport.download"
        info.value.save_as(report)
        page.screenshot(path=shots / "5-report.png", full_page=True)

        # logged out stays logged out, also after a reload
        page.get_by_role("button", name="Uitloggen").click()
        _expect_login_page(page, expect)
        page.reload()
        _expect_login_page(page, expect)
        browser.close()
    content = report.read_bytes()
    assert content[:5] == b"%PDF-" and len(content) > 20_000
    assert len(list(shots.glob("*.png"))) == 5
