"""Server-side time of a full dashboard run (Streamlit AppTest) with 10k and with
1M measurements in a SQLite store; prints the 1M / 10k ratio (target: <= 3).

Each size gets its own SQLite file in a temp dir, filled with
``impact.sample.generate.measurement_rows(n)`` through the import service. Per
size: *cold* = the first dashboard run after an import (the app's cache is empty,
so the SQL aggregates run: what a user waits for once per import), *warm* = later
runs and other users (cached per organisation, role and data version; the
30-second refresh). The aggregates read the cell tables every write keeps
current (``impact.store.summary``); the import time printed includes keeping
them current, and that part is printed on its own too.

    PYTHONPATH=. .venv/bin/python benchmarks/dashboard.py [--sizes 10000 1000000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from impact.config import get_settings  # noqa: E402
from impact.sample import generate as sample  # noqa: E402
from impact.services.admin import add_user  # noqa: E402
from impact.services.imports import frames_sha256, import_frames  # noqa: E402
from impact.store import orgs, programmes, summary  # noqa: E402
from impact.store.engine import dispose_engines, get_engine, write_scope  # noqa: E402
from impact.store.migrate import upgrade  # noqa: E402

APP = str(ROOT / "apps" / "streamlit_app.py")
EMAIL, PASSWORD = "viewer@bench.nl", "benchmark-password"
WARM_RUNS = 3
TARGET_RATIO = 3.0


def build(folder: Path, n: int) -> str:
    url = f"sqlite:///{folder / f'bench_{n}.db'}"
    os.environ["IMPACT_DATABASE_URL"] = url
    get_settings.cache_clear()
    upgrade(url)
    engine = get_engine(url)
    with write_scope(engine) as s:
        org = orgs.create_organisation(session=s, slug="bench", name="Bench")
        for spec in sample.CUSTOM_INSTRUMENTS:
            programmes.save_instrument(session=s, org=org, spec=spec)
        for p in sample.PROGRAMMES:
            programmes.upsert_programme(
                session=s,
                org=org,
                name=p.name,
                design=p.design,
                start_date=p.start_date,
            )
    add_user(
        engine=engine, email=EMAIL, org_slug="bench", role="viewer", password=PASSWORD
    )
    rows = sample.measurement_rows(n)
    cells = _timed(summary, "record_import")
    started = time.perf_counter()
    import_frames(
        engine=engine,
        org_slug="bench",
        measurements=rows,
        area=None,
        filename="bench.xlsx",
        file_sha256=frames_sha256(rows),
    )
    took = time.perf_counter() - started
    print(f"  {n:>9,} rows imported in {took:.1f} s (cells: {cells():.2f} s)")
    return url


def _timed(module: Any, name: str) -> Callable[[], float]:
    """Wrap ``module.name`` for the next call; returns a reader of its time."""
    original = getattr(module, name)
    spent = [0.0]

    def wrapper(**kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(**kwargs)
        finally:
            spent[0] += time.perf_counter() - started
            setattr(module, name, original)

    setattr(module, name, wrapper)
    return lambda: spent[0]


def timed_run(at: AppTest) -> float:
    started = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - started
    assert not at.exception, at.exception
    assert at.metric, "the dashboard did not render"
    return elapsed


def measure(url: str) -> tuple[float, float]:
    os.environ["IMPACT_DATABASE_URL"] = url
    get_settings.cache_clear()
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=600)
    at.run()
    at.text_input(key="login_email").input(EMAIL)
    at.text_input(key="login_password").input(PASSWORD)
    at.button[0].click()
    at.run()  # logs in and renders the dashboard once (engine and caches warm up)
    st.cache_data.clear()  # as right after an import: the aggregates must be redone
    cold = timed_run(at)
    warm = statistics.median(timed_run(at) for _ in range(WARM_RUNS))
    dispose_engines()
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 1_000_000])
    small, large = parser.parse_args().sizes
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["IMPACT_SECRET_KEY"] = "benchmark-" + "x" * 40
        urls = {n: build(folder, n) for n in (small, large)}
        times = {n: measure(url) for n, url in urls.items()}
    for n, (cold, warm) in times.items():
        print(f"  {n:>9,} measurements: cold run {cold:6.2f} s, warm run {warm:6.2f} s")
    cold_ratio = times[large][0] / times[small][0]
    warm_ratio = times[large][1] / times[small][1]
    print(
        f"ratio {large:,} / {small:,}: warm {warm_ratio:.2f}x, cold {cold_ratio:.2f}x"
    )
    verdict = {True: "met", False: "NOT met"}
    print(
        f"target <= {TARGET_RATIO:.0f}x: warm {verdict[warm_ratio <= TARGET_RATIO]}, "
        f"cold {verdict[cold_ratio <= TARGET_RATIO]}"
    )


if __name__ == "__main__":
    main()
