"""In a real browser: the funder page's network payloads (the websocket frames
Streamlit sends, with the tables as Arrow and the charts' data) carry no mean
or share of a hidden group, while they do carry the published ones.

The demo gets a funded programme of 30 treated and 6 comparison clients: the 6
are hidden (primary), and so are the 30 (the complement: their total is
published, so 36 - 30 would give the 6 away). Every mean and share of both
groups must stay on the server. Their exact means and shares (read from the staff's
own view) are searched in every frame, as text and as little-endian float64
(how Arrow stores them).
"""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from impact.config import get_settings
from impact.sample import generate as sample
from impact.services.dashboard import Filters, build_view, load_cells
from impact.services.demo import FUNDER_SLUG
from impact.services.imports import frames_sha256, import_frames
from impact.store import orgs, programmes
from impact.store.engine import dispose_engines, get_engine, write_scope
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
SMALL = "Klein project"
#: seconds of frames to collect after the page has drawn (two live refreshes
#: would be 60 s; the first draw carries every table and chart)
SETTLE_MS = 8_000


def _stats(url: str, programme: str) -> list[float]:
    """Every mean and share the staff see for ``programme`` (all groups)."""
    view = build_view(
        load_cells(engine=get_engine(url), org_slug="demo", role="admin"), Filters()
    )
    out = []
    for frame, columns in (
        (view.outcomes, ["mean_before", "mean_after", "share_improved"]),
        (view.waves, ["mean"]),
    ):
        part = frame[frame["programme"] == programme]
        out += [float(v) for c in columns for v in part[c] if v is not None]
    return [v for v in out if v == v and v not in (0.0, 1.0)]


def _simple(value: float) -> bool:
    """A fraction with a denominator up to 6 (1/3, 1/2, 2/5, ...)."""
    return any(abs(value * q - round(value * q)) < 1e-9 for q in range(1, 7))


def _published(engine: object) -> set[float]:
    """Every number the funder's dashboard publishes (any filter)."""
    from impact.services.release.view_json import funder_view

    shown = funder_view(engine=engine, email="funder@demo.wijkimpact.nl")  # type: ignore[arg-type]
    out: set[float] = set()
    for key in ("outcomes", "waves", "years", "area"):
        for row in shown[key]:  # type: ignore[attr-defined]
            out |= {float(v) for v in row.values() if isinstance(v, float)}
    return out


@pytest.fixture()
def funder_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, list[float], list[float]]]:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("CI=true but /usr/bin/chromium is missing")
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    _impact("demo", "--load-only", cwd=tmp_path)
    url = f"sqlite:///{tmp_path / 'wijkimpact.db'}"
    monkeypatch.setenv("IMPACT_DATABASE_URL", url)
    get_settings.cache_clear()
    engine = get_engine(url)
    with write_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug="demo")
        funder = orgs.get_organisation(session=s, slug=FUNDER_SLUG)
        prog = programmes.upsert_programme(session=s, org=org, name=SMALL)
        orgs.grant_funding(session=s, funder=funder, programme=prog)
    small = sample.youth_measurements(
        np.random.default_rng(5), 30, 6, offset=700_000
    ).assign(programme=SMALL, wijk="WK990103")
    import_frames(
        engine=engine, org_slug="demo", measurements=small, area=None,
        filename="klein.xlsx", file_sha256=frames_sha256(small),
    )  # fmt: skip
    hidden, shown = _stats(url, SMALL), _stats(url, sample.DEBT)
    public = _published(engine)
    # a hidden value equal to a published one, or to a layout number (column
    # weights such as 1/3 travel as float64 too), proves nothing either way
    hidden = [v for v in hidden if v not in public and not _simple(v)]
    dispose_engines()
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "impact.cli", "serve", "--port", str(port)],
        cwd=tmp_path, env=_clean_env(), start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_healthy(f"http://127.0.0.1:{port}")
        yield f"http://127.0.0.1:{port}", hidden, shown
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def _forms(value: float) -> list[bytes]:
    return [repr(value).encode(), struct.pack("<d", value)]


def test_funder_payloads_hold_no_hidden_value(
    funder_server: tuple[str, list[float], list[float]],
) -> None:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=STEP_TIMEOUT_MS)  # the default 5 s is too short
    url, hidden, shown = funder_server
    assert hidden and shown
    frames: list[bytes] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.set_default_timeout(STEP_TIMEOUT_MS)
        page.on(
            "websocket",
            lambda ws: ws.on(
                "framereceived",
                lambda data: frames.append(
                    data if isinstance(data, bytes) else data.encode()
                ),
            ),
        )
        page.goto(url)
        page.get_by_label("E-mailadres").fill("funder@demo.wijkimpact.nl")
        page.get_by_label("Wachtwoord").fill("wijkimpact-demo")
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_text("Gefinancierde programma's").first).to_be_visible()
        expect(page.get_by_test_id("stMetricValue").first).to_be_visible()
        page.wait_for_timeout(SETTLE_MS)
        browser.close()
    payload = b"".join(frames)
    assert len(payload) > 10_000, "the page's data did not arrive"
    assert SMALL.encode() in payload  # the programme itself is named
    found = [v for v in shown if any(f in payload for f in _forms(v))]
    assert found, "published means should be in the payload (the check is live)"
    leaked = [v for v in hidden if any(f in payload for f in _forms(v))]
    assert not leaked, f"hidden means or shares in the payload: {leaked}"
