"""Single sign-on end to end in a real browser, against a local OpenID provider.

``oidc-provider-mock`` runs on a free localhost port; its authorization form
takes the subject (``sub``) and reports it as the ``email`` claim too.
``impact serve`` runs on a demo database with the IMPACT_OIDC_* settings pointing
at it. A known demo account gets its dashboard and, after "Uitloggen", the
login page again, also after a reload; an unknown identity gets only the
refusal on the login page. Screenshots are saved.

Skipped, with the reason, where Chromium is absent; under CI=true a missing
browser fails the test instead.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.apps.test_browser import (
    ARGS,
    CHROMIUM,
    IN_CI,
    _clean_env,
    _free_port,
    _wait_healthy,
)

#: seconds a step may take in the browser
STEP_TIMEOUT_MS = 60_000
DEMO_PEOPLE = "850"  # participants in the demo organisation
SSO_BUTTON = "Inloggen met uw organisatie-account"
#: Streamlit's signed identity cookies (user info, provider tokens)
IDENTITY_COOKIES = {"_streamlit_user", "_streamlit_user_tokens"}

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture()
def sso_server(tmp_path: Path) -> Iterator[str]:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(
                "CI=true but /usr/bin/chromium is missing (apt-get install chromium)"
            )
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    from oidc_provider_mock import run_server_in_thread

    subprocess.run(
        [sys.executable, "-m", "impact.cli", "demo", "--load-only"],
        cwd=tmp_path,
        env=_clean_env(),
        check=True,
        capture_output=True,
    )
    with run_server_in_thread(port=_free_port()) as provider:
        port = _free_port()
        env = _clean_env(
            IMPACT_OIDC_SERVER_METADATA_URL=f"http://127.0.0.1:{provider.server_port}"
            "/.well-known/openid-configuration",
            IMPACT_OIDC_CLIENT_ID="wijkimpact-test",
            IMPACT_OIDC_CLIENT_SECRET="test-client-secret",
        )
        proc = subprocess.Popen(
            [sys.executable, "-m", "impact.cli", "serve", "--port", str(port)],
            cwd=tmp_path,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_healthy(f"http://127.0.0.1:{port}")
            # the default redirect address is on localhost: the cookie must match
            yield f"http://localhost:{port}"
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)


def _sso_login(page: Any, url: str, subject: str) -> None:
    page.goto(url)
    page.get_by_role("button", name=SSO_BUTTON).click()
    page.locator("input[name=sub]").first.fill(subject)
    page.get_by_role("button", name="Authorize").click()


def _expect_logged_out(page: Any, expect: Any) -> None:
    """The login page, and nothing of the dashboard or its menu."""
    expect(page.get_by_role("button", name=SSO_BUTTON)).to_be_visible()
    expect(page.get_by_label("E-mailadres")).to_be_visible()
    expect(page.get_by_role("link", name="Dashboard")).to_have_count(0)
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
    expect(page.get_by_test_id("stMetricValue")).to_have_count(0)


def test_sso_admits_known_account_and_refuses_stranger(
    sso_server: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=STEP_TIMEOUT_MS)  # the default 5 s is too short
    shots = Path(os.environ.get("WIJKIMPACT_SCREENSHOTS", tmp_path / "screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        viewport = {"width": 1366, "height": 900}

        known = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        page = known.new_page()
        page.set_default_timeout(STEP_TIMEOUT_MS)
        _sso_login(page, sso_server, "analyst@demo.wijkimpact.nl")
        expect(page.get_by_test_id("stMetricValue").first).to_have_text(DEMO_PEOPLE)
        expect(page.get_by_role("link", name="Dashboard")).to_be_visible()
        page.screenshot(path=shots / "sso-1-analyst-dashboard.png", full_page=True)
        # logging out ends the identity too: cookie gone, provider session ended,
        # and neither the landing page nor a reload signs the browser in again
        page.get_by_role("button", name="Uitloggen").click()
        page.get_by_role("button", name="End session").click()  # at the provider
        _expect_logged_out(page, expect)
        assert not [c for c in known.cookies() if c["name"] in IDENTITY_COOKIES]
        page.screenshot(path=shots / "sso-2-logged-out.png", full_page=True)
        page.reload()
        _expect_logged_out(page, expect)
        known.close()

        stranger = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        page = stranger.new_page()
        page.set_default_timeout(STEP_TIMEOUT_MS)
        _sso_login(page, sso_server, "stranger@example.nl")
        expect(page.get_by_test_id("stAlertContentError")).to_contain_text(
            "niet toegelaten"
        )
        expect(page.get_by_role("button", name="Afmelden")).to_be_visible()
        page.screenshot(path=shots / "sso-3-stranger-refused.png", full_page=True)
        for name in ("Dashboard", "Importeren", "Programma"):
            assert page.get_by_role("link", name=name).count() == 0, name
        assert page.get_by_test_id("stMetricValue").count() == 0
        stranger.close()
        browser.close()
    assert len(list(shots.glob("sso-*.png"))) == 3
