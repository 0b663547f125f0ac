"""``load.py --case big-import``: other users' login and dashboard while one
uploader imports a 1,048,575-row workbook on the Import page.

Both phases run in this one run against one ``impact serve``: first the users
alone (idle baseline), then the same users while the uploader's file is read,
checked and stored by the page's background job. A sample counts for the
loaded phase only when it started before the import finished. Prints the
medians, the ratios (target: at most 2x) and the conditions (load average).
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from argparse import Namespace
from pathlib import Path

from load import CHROMIUM, CHROMIUM_ARGS, PAGE_TIMEOUT_MS, PORT, ROOT, _metric
from load import _wait_healthy as wait_healthy

ROWS = 1_048_575
IMPORT_TIMEOUT_MS = 60 * 60_000
PASSWORD = "wijkimpact-demo"  # noqa: S105 - the public demo password


class Samples:
    def __init__(self) -> None:
        self.logins: list[float] = []
        self.dashboards: list[float] = []
        self.errors: list[str] = []


async def _cycle(browser, email: str, samples: Samples, counts) -> None:  # type: ignore[no-untyped-def]
    """Log in (click to the dashboard figure), then open the dashboard again."""
    context = await browser.new_context()
    page = await context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        await page.goto(f"http://127.0.0.1:{PORT}/")
        await page.get_by_label("E-mailadres").fill(email)
        await page.get_by_label("Wachtwoord").fill(PASSWORD)
        start = time.perf_counter()
        await page.get_by_role("button", name="Inloggen").click()
        await _metric(page).wait_for()
        login = time.perf_counter() - start
        await page.get_by_role("link", name="Programma's").click()
        await _metric(page).wait_for(state="detached")
        start = time.perf_counter()
        await page.get_by_role("link", name="Dashboard").click()
        await _metric(page).wait_for()
        if counts():
            samples.logins.append(login)
            samples.dashboards.append(time.perf_counter() - start)
    except Exception as exc:  # counted, not raised: the benchmark reports them
        samples.errors.append(f"{type(exc).__name__}: {str(exc)[:120]}")
    finally:
        await context.close()


async def _users(browser, users: int, rounds: int, samples: Samples, done) -> None:  # type: ignore[no-untyped-def]
    """``users`` users, each ``rounds`` cycles, or until ``done`` is set."""

    async def one() -> None:
        n = 0
        while (done is None and n < rounds) or (done is not None and not done.is_set()):
            started = time.monotonic()
            await _cycle(
                browser,
                "viewer@demo.wijkimpact.nl",
                samples,
                lambda: done is None or not done.is_set(),
            )
            n += 1
            await asyncio.sleep(max(0.0, 1.0 - (time.monotonic() - started)))

    await asyncio.gather(*(one() for _ in range(users)))


async def _uploader(browser, book: Path, done: asyncio.Event, info: dict) -> None:  # type: ignore[no-untyped-def]
    context = await browser.new_context()
    page = await context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        await page.goto(f"http://127.0.0.1:{PORT}/")
        await page.get_by_label("E-mailadres").fill("uploader@demo.wijkimpact.nl")
        await page.get_by_label("Wachtwoord").fill(PASSWORD)
        await page.get_by_role("button", name="Inloggen").click()
        await page.get_by_role("link", name="Importeren").click()
        start = time.perf_counter()
        await page.locator('input[type="file"]').set_input_files(str(book))
        confirm = page.get_by_role("button", name="3. Importeren")
        await confirm.wait_for(timeout=IMPORT_TIMEOUT_MS)
        info["checked"] = time.perf_counter() - start
        await confirm.click()
        done_text = page.get_by_text("nieuw opgeslagen").first
        await done_text.wait_for(timeout=IMPORT_TIMEOUT_MS)
        info["imported"] = time.perf_counter() - start
        info["result"] = (await done_text.inner_text())[:160]
    except Exception as exc:
        info["error"] = f"{type(exc).__name__}: {str(exc)[:200]}"
    finally:
        done.set()
        await context.close()


async def _phases(users: int, rounds: int, book: Path) -> tuple[Samples, Samples, dict]:
    from playwright.async_api import async_playwright

    idle, loaded, info = Samples(), Samples(), {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        await _users(browser, users, rounds, idle, None)
        info["load_before"] = os.getloadavg()
        done = asyncio.Event()
        await asyncio.gather(
            _uploader(browser, book, done, info),
            _users(browser, users, rounds, loaded, done),
        )
        info["load_after"] = os.getloadavg()
        await browser.close()
    return idle, loaded, info


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _report(idle: Samples, loaded: Samples, info: dict, users: int) -> None:
    print(f"big import: {info}")
    for label, a, b in [
        ("login", idle.logins, loaded.logins),
        ("dashboard", idle.dashboards, loaded.dashboards),
        ("both", idle.logins + idle.dashboards, loaded.logins + loaded.dashboards),
    ]:
        base, busy = _median(a), _median(b)
        print(
            f"{label:>9}: idle median {base:6.2f} s ({len(a)}), during the import "
            f"{busy:6.2f} s ({len(b)}): {busy / base:4.2f}x (target <= 2.00x)"
        )
    print(f"{users} other users; cpus {os.cpu_count()}")
    print(f"errors: {len(idle.errors) + len(loaded.errors)}")
    for error in idle.errors + loaded.errors:
        print(f"  {error}")


def run_big_import(args: Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="wijkimpact-load-big-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env["IMPACT_SECRET_KEY"] = "load-benchmark-secret-0123456789-abcdefgh"  # noqa: S105
    if args.database_url:
        env["IMPACT_DATABASE_URL"] = args.database_url
    cli = [sys.executable, "-m", "impact.cli"]
    subprocess.run([*cli, "demo", "--load-only"], cwd=workdir, env=env, check=True)
    book = Path(args.file) if args.file else workdir / "big.xlsx"
    if not args.file:
        sample = [*cli, "sample", "--rows", str(ROWS), "--out", str(book)]
        subprocess.run(sample, cwd=workdir, env=env, check=True)
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(PORT)], cwd=workdir, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        wait_healthy(PORT)
        idle, loaded, info = asyncio.run(_phases(args.users, args.rounds, book))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
    _report(idle, loaded, info, args.users)
