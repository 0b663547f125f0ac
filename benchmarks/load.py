"""Dashboard under load: 10 browser users while imports run, vs one user alone.

Starts ``impact serve`` on a fresh database with the demo loaded, then measures
the time from a click on "Dashboard" (coming from the programme list) to the
dashboard's participant figure being on screen:

1. one browser context, alone (the baseline, measured in this run);
2. ``USERS`` browser contexts at once while another process imports a
   400-row file every second (each import invalidates every cached dashboard).

Prints the error count (failed page loads, timeouts) and the median slowdown.
Usage: ``.venv/bin/python benchmarks/load.py [--users 10] [--rounds 5]
[--database-url URL]`` (default: a SQLite file in a temporary folder).

``--case big-import [--file BOOK.xlsx]`` measures instead what one large upload
does to everyone else: other users' login (click to dashboard on screen) and
dashboard times, first with the app idle (the baseline, this run), then while an
uploader imports a 1,048,575-row workbook on the Import page (parsed and stored
by a background job; ``impact sample`` writes the book unless ``--file`` is
given). Target: their median at most 2x the idle median.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
PORT = 8791
PAGE_TIMEOUT_MS = 60_000
IMPORTER = """
import sys, time, numpy as np
from impact.sample import generate as sample
from impact.services.imports import frames_sha256, import_frames
from impact.store.engine import get_engine
engine, i = get_engine(), 0
while True:
    i += 1
    f = sample.debt_measurements(np.random.default_rng(i), 50, 50, offset=10**6 * i)
    import_frames(engine=engine, org_slug="demo", measurements=f, area=None,
                  filename=f"load-{i}.xlsx", file_sha256=frames_sha256(f))
    print(i, flush=True)
    time.sleep(1.0)  # an upload a second: busy, but not a bulk load
"""
ROWS_PER_IMPORT = 8 * 50


def _wait_healthy(port: int, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            url = f"http://127.0.0.1:{port}/_stcore/health"
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("the app did not start")


def _metric(page):  # type: ignore[no-untyped-def]
    """The dashboard's participant figure."""
    return page.locator('[data-testid="stMetricLabel"]', has_text="Deelnemers")


async def _user(browser, rounds: int, times: list[float], errors: list[str]) -> None:  # type: ignore[no-untyped-def]
    context = await browser.new_context()
    page = await context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        await page.goto(f"http://127.0.0.1:{PORT}/")
        await page.get_by_label("E-mailadres").fill("viewer@demo.wijkimpact.nl")
        await page.get_by_label("Wachtwoord").fill("wijkimpact-demo")
        await page.get_by_role("button", name="Inloggen").click()
        await _metric(page).wait_for()
        for _ in range(rounds):
            # a browser reload would start a new (logged-out) session: navigate
            await page.get_by_role("link", name="Programma's").click()
            await _metric(page).wait_for(state="detached")
            start = time.perf_counter()
            await page.get_by_role("link", name="Dashboard").click()
            await _metric(page).wait_for()
            times.append(time.perf_counter() - start)
    except Exception as exc:  # counted, not raised: the benchmark reports them
        errors.append(f"{type(exc).__name__}: {str(exc)[:120]}")
    finally:
        await context.close()


async def _phase(users: int, rounds: int) -> tuple[list[float], list[str]]:
    from playwright.async_api import async_playwright

    times: list[float] = []
    errors: list[str] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        await asyncio.gather(
            *(_user(browser, rounds, times, errors) for _ in range(users))
        )
        await browser.close()
    return times, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--case", choices=["imports", "big-import"], default="imports")
    parser.add_argument("--file", default="", help="big-import: the workbook")
    args = parser.parse_args()
    if args.case == "big-import":
        from load_big_import import run_big_import

        run_big_import(args)
        return
    workdir = Path(tempfile.mkdtemp(prefix="wijkimpact-load-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env["IMPACT_SECRET_KEY"] = "load-benchmark-secret-0123456789-abcdefgh"  # noqa: S105
    if args.database_url:
        env["IMPACT_DATABASE_URL"] = args.database_url
    cli = [sys.executable, "-m", "impact.cli"]
    subprocess.run([*cli, "demo", "--load-only"], cwd=workdir, env=env, check=True)
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(PORT)], cwd=workdir, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    importer = None
    try:
        _wait_healthy(PORT)
        alone, alone_errors = asyncio.run(_phase(1, args.rounds))
        importer = subprocess.Popen(
            [sys.executable, "-c", IMPORTER], cwd=workdir, env=env,
            stdout=subprocess.PIPE, text=True, start_new_session=True,
        )  # fmt: skip
        crowd, crowd_errors = asyncio.run(_phase(args.users, args.rounds))
    finally:
        for proc in (importer, server):
            if proc is not None:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=30)
    imports = 0
    if importer is not None and importer.stdout is not None:
        imports = len(importer.stdout.read().split())
    base = statistics.median(alone) if alone else float("nan")
    loaded = statistics.median(crowd) if crowd else float("nan")
    print(f"one user alone: median dashboard load {base:.2f} s ({len(alone)} loads)")
    print(
        f"{args.users} users + imports ({imports} files, "
        f"{imports * ROWS_PER_IMPORT} rows imported meanwhile): "
        f"median {loaded:.2f} s ({len(crowd)} loads)"
    )
    print(f"slowdown: {loaded / base:.2f}x")
    print(f"errors: {len(alone_errors) + len(crowd_errors)}")
    for error in alone_errors + crowd_errors:
        print(f"  {error}")


if __name__ == "__main__":
    main()
