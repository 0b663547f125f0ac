"""Run a native read of an upload in a child process with limits.

Every cell read of an uploaded workbook goes through :class:`ChildRead`: a
``python -m impact.readworker`` process that limits its own address space
(``RLIMIT_AS``) and CPU time before it reads, plus a wall-clock watchdog here.
A child that dies (a reader that aborts, a memory limit hit, killed by the
watchdog) becomes an :class:`~impact.errors.ImportRefused` with a message the
uploader can act on; the parent process never runs the parser itself.
"""

from __future__ import annotations

import contextlib
import pickle
import subprocess
import sys
import threading
from dataclasses import dataclass
from typing import IO, Any

from impact.errors import ImportRefused
from impact.ingest.guard import refuse

GIB = 1024**3


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Limits of one child read: address space, CPU seconds, wall-clock seconds."""

    memory_bytes: int = 6 * GIB
    cpu_seconds: int = 240
    wall_seconds: float = 300.0


DEFAULT_LIMITS = ReadLimits()


class ChildRead:
    """One child process: the request and the file on its stdin, output on stdout."""

    def __init__(self, request: dict[str, Any], data: bytes, limits: ReadLimits):
        self.limits = limits
        self.timed_out = False
        self._process = subprocess.Popen(  # our own module, no shell
            [sys.executable, "-m", "impact.readworker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        header = pickle.dumps(
            {**request, "memory": limits.memory_bytes, "cpu": limits.cpu_seconds}
        )
        self._feeder = threading.Thread(
            target=self._feed, args=(header, data), name="impact-read-feed", daemon=True
        )
        self._feeder.start()
        self._watchdog = threading.Timer(limits.wall_seconds, self._expire)
        self._watchdog.daemon = True
        self._watchdog.start()

    def _feed(self, header: bytes, data: bytes) -> None:
        stdin = self._process.stdin
        assert stdin is not None  # noqa: S101 - Popen(stdin=PIPE)
        with contextlib.suppress(OSError):  # the child died: finish() says so
            stdin.write(header)
            stdin.write(data)
            stdin.close()

    def _expire(self) -> None:
        self.timed_out = True
        with contextlib.suppress(OSError):
            self._process.kill()

    @property
    def stdout(self) -> IO[bytes]:
        stdout = self._process.stdout
        assert stdout is not None  # noqa: S101 - Popen(stdout=PIPE)
        return stdout

    def finish(self) -> None:
        """Wait for the child; raise a refusal when it did not end normally."""
        with contextlib.suppress(Exception):
            self.stdout.close()
        self._process.wait()
        self._watchdog.cancel()
        self._feeder.join()
        if self.timed_out:
            raise refuse("read_timeout", seconds=int(self.limits.wall_seconds))
        if self._process.returncode != 0:
            raise refuse("read_failed")

    def cancel(self) -> None:
        self._watchdog.cancel()
        with contextlib.suppress(OSError):
            self._process.kill()
        with contextlib.suppress(Exception):
            self.stdout.close()
        self._process.wait()
        self._feeder.join()


class PlainRead:
    """Sheets read cell by cell (python-calamine) in a child process."""

    def __init__(
        self, data: bytes, names: list[str] | None, limits: ReadLimits
    ) -> None:
        self._child = ChildRead({"mode": "plain", "names": names}, data, limits)

    def result(self) -> list[tuple[str, bool, list[list[Any]]]]:
        """(name, visible, rows) per sheet; ImportRefused when the read failed."""
        try:
            # our own child's output: cell values made by python-calamine
            status, payload = pickle.load(self._child.stdout)  # noqa: S301
        except Exception:
            status, payload = "died", None
        self._child.finish()  # a dead or expired child raises here
        if status != "ok":
            raise refuse(str(payload) if status == "error" else "read_failed")
        return payload

    def cancel(self) -> None:
        self._child.cancel()


__all__ = ["DEFAULT_LIMITS", "ChildRead", "ImportRefused", "PlainRead", "ReadLimits"]
