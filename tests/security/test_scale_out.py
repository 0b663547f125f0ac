"""Scale-out: several app processes on one PostgreSQL database.

1. Two ``impact serve`` processes started at the same moment on an empty schema
   both migrate (one waits for the other) and both answer their health check.
2. Two long-running app processes (Streamlit sessions, logged in) each show the
   dashboard (whose figures each process caches); a third process imports; both
   sessions, rerun, show the new count: no replica serves stale data from its
   own cache.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest

from impact.config import get_settings
from impact.sample import generate as sample
from impact.services.demo import load_demo
from impact.services.imports import frames_sha256, import_frames
from impact.store.engine import dispose_engines, get_engine
from impact.store.migrate import head_revision, is_up_to_date

ROOT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("replica_probe.py")
PORTS = (8781, 8782)
SECRET = "scale-out-test-secret-0123456789-abcdefgh"
STARTUP_TIMEOUT = 90
NEW_PEOPLE = 6


def _env(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMPACT_")}
    env.update(
        IMPACT_DATABASE_URL=url,
        IMPACT_SECRET_KEY=SECRET,
        PYTHONPATH=str(ROOT),
    )
    return env


def _healthy(port: int) -> bool:
    try:
        url = f"http://127.0.0.1:{port}/_stcore/health"
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.read() == b"ok")
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.postgres
def test_two_servers_start_together_on_one_empty_database(
    postgres_url: str, tmp_path: Path
) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "impact.cli", "serve", "--port", str(port)],
            cwd=tmp_path,
            env=_env(postgres_url),
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in PORTS
    ]
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline and not all(map(_healthy, PORTS)):
            assert all(p.poll() is None for p in procs), [
                p.stderr.read().decode()[-2000:] if p.stderr else "" for p in procs
            ]
            time.sleep(0.5)
        assert all(map(_healthy, PORTS))
        assert is_up_to_date(get_engine(postgres_url))
    finally:
        for p in procs:
            with contextlib.suppress(ProcessLookupError):  # one may have died
                os.killpg(p.pid, signal.SIGTERM)
            p.wait(timeout=20)
        dispose_engines()


@pytest.mark.slow
@pytest.mark.postgres
def test_replicas_see_each_others_writes(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IMPACT_SECRET_KEY", SECRET)
    get_settings.cache_clear()
    engine = get_engine(postgres_url)
    from impact.store.migrate import upgrade

    assert upgrade(postgres_url) == head_revision()
    load_demo(engine)
    replicas = [
        subprocess.Popen(
            [sys.executable, str(PROBE)],
            env=_env(postgres_url),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        first = [int(r.stdout.readline() or -1) for r in replicas if r.stdout]
        assert first[0] == first[1] > 0, [r.stderr.read() for r in replicas]
        frame = sample.debt_measurements(
            np.random.default_rng(4), NEW_PEOPLE, NEW_PEOPLE, offset=900_000
        )
        import_frames(
            engine=engine, org_slug="demo", measurements=frame, area=None,
            filename="new.xlsx", file_sha256=frames_sha256(frame),
        )  # fmt: skip
        for r in replicas:
            assert r.stdin is not None
            r.stdin.write("\n")
            r.stdin.flush()
        second = [int(r.stdout.readline() or -1) for r in replicas if r.stdout]
        assert second == [first[0] + 2 * NEW_PEOPLE] * 2
    finally:
        for r in replicas:
            r.kill()
            r.wait(timeout=20)
        dispose_engines()
