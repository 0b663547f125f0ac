"""A real package: the built wheel, installed into a fresh virtual environment,
runs ``impact demo --load-only`` and starts the app from another directory (no
source checkout in reach). Runs in CI with the rest of the suite (``slow``)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP_START_SECONDS = 90
BUILD_SECONDS = 600


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the wheel installed (its dependencies are taken
    from this environment's site-packages, without the editable checkout)."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(work),
         str(ROOT)],
        check=True, timeout=BUILD_SECONDS, capture_output=True,
    )  # fmt: skip
    wheel = next(work.glob("wijkimpact-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index",
         str(wheel)],
        check=True, timeout=BUILD_SECONDS, capture_output=True,
    )  # fmt: skip
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = subprocess.run(
        [str(python), "-c", where],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    # the dependencies: this environment's packages (a .pth adds the folder but
    # does not run its .pth files, so the editable checkout stays out)
    deps = sysconfig.get_paths()["purelib"]
    (Path(site) / "wijkimpact_test_deps.pth").write_text(deps + "\n")
    return venv


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IMPACT_")}
    env["IMPACT_DATABASE_URL"] = f"sqlite:///{tmp / 'wheel.db'}"
    env.pop("PYTHONPATH", None)
    return env


@pytest.mark.slow
def test_the_wheel_runs_impact_demo_from_another_directory(
    installed: Path, tmp_path: Path
) -> None:
    python = installed / "bin" / "python"
    where = subprocess.run(
        [str(python), "-c", "import impact, impact.webapp; print(impact.__file__)"],
        cwd=tmp_path, env=_env(tmp_path), check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert str(installed) in where and str(ROOT) not in where
    done = subprocess.run(
        [str(installed / "bin" / "impact"), "demo", "--load-only"],
        cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True,
        timeout=BUILD_SECONDS,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "wijkimpact-demo" in done.stdout  # the logins are printed


@pytest.mark.slow
def test_the_wheel_starts_the_app(installed: Path, tmp_path: Path) -> None:
    port = _free_port()
    env = _env(tmp_path)
    subprocess.run(
        [str(installed / "bin" / "impact"), "db", "upgrade"],
        cwd=tmp_path, env=env, check=True, capture_output=True,
    )  # fmt: skip
    server = subprocess.Popen(
        [str(installed / "bin" / "impact"), "serve", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        assert _healthy(port), "the app did not answer"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as r:
            assert r.status == 200
    finally:
        server.terminate()
        server.wait(timeout=30)


def _healthy(port: int) -> bool:
    deadline = time.monotonic() + APP_START_SECONDS
    while time.monotonic() < deadline:
        try:
            url = f"http://127.0.0.1:{port}/_stcore/health"
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False
