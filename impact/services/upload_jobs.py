"""Uploads checked and imported as background jobs, off the page's thread.

Each upload (organisation, file sha256, language, database) gets one worker
process (:mod:`impact.services.upload_worker`) that opens the file once and keeps
what it checked, so reruns of the Import page never parse again. The page asks
for a result with :meth:`Uploads.job` and gets an :class:`UploadJob` at once: it
shows the job's progress and reads ``result`` when ``done``. Jobs run on threads
of this process that only wait for their worker, with bounded concurrency:

* at most :data:`MAX_RUNNING` jobs at a time in this process (the others wait,
  ``queued``);
* per organisation one import at a time;
* at most :data:`MAX_WORKERS` upload processes alive; the least recently used
  idle one is stopped first (it holds a parsed file in memory).

A worker that dies is a failed job with the code ``job_died``; the page says so
and the next request starts a new worker.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import pickle
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Literal

from impact.errors import ImportRefused
from impact.ingest.problems import Problem
from impact.services.permissions import require

MAX_RUNNING = 2
MAX_WORKERS = 4
JobKind = Literal["preview", "check", "import"]
Status = Literal["queued", "running", "done", "failed"]


@dataclass
class UploadJob:
    """One command to an upload's worker, as the page sees it."""

    kind: JobKind
    key: str = ""  # the command and its options
    status: Status = "queued"
    fraction: float = 0.0
    message: str = ""
    result: Any = None
    error: ImportRefused | None = None
    error_code: str = ""
    error_message: str = ""
    finished: threading.Event = field(default_factory=threading.Event)

    @property
    def done(self) -> bool:
        return self.status in ("done", "failed")

    def wait(self, timeout: float | None = None) -> bool:
        return self.finished.wait(timeout)


@dataclass(frozen=True)
class CheckSummary:
    """What the page shows of a check: no frames, just counts and problems."""

    ok: bool
    kind: str
    n_rows: int
    problems: tuple[Problem, ...]
    mapping: dict[str, str]
    marked: bytes | None  # the upload with its problems marked (when any)


class _Worker:
    """One upload's process and the jobs sent to it (one at a time)."""

    def __init__(self, init: dict[str, Any]) -> None:
        self.org_slug = init["org_slug"]
        self.lock = threading.Lock()
        self.jobs: dict[str, UploadJob] = {}
        self.last_used = time.monotonic()
        self.process = subprocess.Popen(  # our own module, no shell
            [sys.executable, "-m", "impact.services.upload_worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._send(init)

    def _send(self, message: object) -> None:
        assert self.process.stdin is not None  # noqa: S101 - Popen(stdin=PIPE)
        pickle.dump(message, self.process.stdin)
        self.process.stdin.flush()

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    @property
    def busy(self) -> bool:
        return any(not j.done for j in self.jobs.values())

    def run(self, job: UploadJob, options: dict[str, Any]) -> None:
        """Send one command and follow its messages to the end (a job thread)."""
        job.status = "running"
        try:
            self._send((job.kind, options))
            assert self.process.stdout is not None  # noqa: S101
            while True:
                # our own child's messages
                message = pickle.load(self.process.stdout)  # noqa: S301
                if message[0] != "progress":
                    break
                job.fraction, job.message = message[1], message[2]
        except Exception:  # the worker died, or its answer is unreadable
            message = ("failed", "job_died", "")
            with contextlib.suppress(OSError):
                self.process.kill()  # never used again: the next ask starts anew
            self.process.wait()
        _finish(job, message)

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._send(("stop", {}))
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _finish(job: UploadJob, message: tuple[Any, ...]) -> None:
    if message[0] == "done":
        job.result, job.status, job.fraction = message[1], "done", 1.0
    elif message[0] == "refused":
        job.error = ImportRefused(message[1], message[2])
        job.status = "failed"
    else:
        job.error_code, job.error_message = message[1], message[2]
        job.status = "failed"
    job.finished.set()


class Uploads:
    """The upload workers and jobs of this process (see the module docstring)."""

    def __init__(self, max_running: int = MAX_RUNNING) -> None:
        self._lock = threading.Lock()
        self._workers: dict[tuple[str, ...], _Worker] = {}
        self._slots = threading.BoundedSemaphore(max_running)
        self._imports: dict[str, threading.Lock] = {}

    def job(
        self,
        kind: JobKind,
        *,
        org_slug: str,
        role: str,
        data: bytes,
        filename: str,
        lang: str,
        options: dict[str, Any] | None = None,
    ) -> UploadJob:
        """The job for this upload, command and options: the running or finished
        one when asked before (a failed one is tried again), else a new one. A
        finished import stays the answer: asking again never imports twice."""
        require(role, "import_data")
        options = dict(options or {})
        worker = self._worker(org_slug, data, filename, lang)
        key = f"{kind}:{sorted(options.items())!r}"
        with self._lock:
            job = worker.jobs.get(key)
            if job is not None and job.status != "failed":
                worker.last_used = time.monotonic()
                return job
            job = worker.jobs[key] = UploadJob(kind, key)
        threading.Thread(
            target=self._run, args=(worker, job, options), daemon=True
        ).start()
        return job

    def _run(self, worker: _Worker, job: UploadJob, options: dict[str, Any]) -> None:
        org_lock = (
            self._imports.setdefault(worker.org_slug, threading.Lock())
            if job.kind == "import"
            else contextlib.nullcontext()
        )
        with worker.lock, org_lock, self._slots:
            worker.run(job, options)

    def _worker(self, org_slug: str, data: bytes, filename: str, lang: str) -> _Worker:
        from impact.config import get_settings

        digest = hashlib.sha256(data).hexdigest()
        key = (org_slug, digest, filename, lang, get_settings().database_url)
        with self._lock:
            worker = self._workers.get(key)
            if worker is not None and (worker.alive or worker.busy):
                return worker
            self._evict()
            init = {"org_slug": org_slug, "data": data, "filename": filename}
            worker = self._workers[key] = _Worker({**init, "lang": lang})
            return worker

    def _evict(self) -> None:
        """Stop dead workers, then idle ones beyond the limit (oldest first)."""
        for key, worker in list(self._workers.items()):
            if not worker.alive and not worker.busy:
                del self._workers[key]
        idle = sorted((w.last_used, k) for k, w in self._workers.items() if not w.busy)
        while len(self._workers) >= MAX_WORKERS and idle:
            _, key = idle.pop(0)
            self._workers.pop(key).stop()

    def stop_all(self) -> None:
        with self._lock:
            for worker in self._workers.values():
                worker.stop()
            self._workers.clear()


_UPLOADS: Uploads | None = None


def uploads() -> Uploads:
    """The process's one :class:`Uploads` (workers stopped at exit)."""
    global _UPLOADS
    if _UPLOADS is None:
        _UPLOADS = Uploads()
        atexit.register(_UPLOADS.stop_all)
    return _UPLOADS
