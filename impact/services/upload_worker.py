"""The process that holds one upload: opened once, checked, imported.

Started by :mod:`impact.services.upload_jobs` as ``python -m
impact.services.upload_worker`` for one (organisation, file, language). It
opens the upload once (the cell reads run in their own children with limits),
keeps the opened sheets and every checked result by its options, and answers
commands until told to stop or idle for :data:`IDLE_SECONDS`. It runs at a
lower CPU priority (:data:`NICENESS`) than the app, so a large import yields the
processor to other users' pages. So the app's
process never parses, a rerun of the page never parses again, and the import
stores what the check saw.

Protocol (pickles between our own processes): the parent writes an init dict,
then commands ``(kind, options)``; the worker answers each with any number of
``("progress", fraction, message)`` and one ``("done", result)``,
``("refused", message, problems)`` or ``("failed", code, message)``.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import threading
from typing import IO, Any

from impact.errors import ImpactError, ImportRefused
from impact.i18n import use_language
from impact.ingest.models import ParsedUpload
from impact.ingest.workbook import Opened, open_once
from impact.services.upload_jobs import CheckSummary

IDLE_SECONDS = 900
#: below the app's own priority: other users' pages get the processor first
NICENESS = 10
#: the marked-up copy is offered for files up to this size
MARKED_MAX_BYTES = 20 * 1024 * 1024


class UploadSession:
    """One upload in this process: the sheets opened once, checks by options."""

    def __init__(self, init: dict[str, Any]) -> None:
        from impact.config import get_settings
        from impact.store.engine import get_engine

        self.org_slug: str = init["org_slug"]
        self.data: bytes = init["data"]
        self.filename: str = init["filename"]
        self.lang: str = init["lang"]
        self.engine = get_engine()
        self.max_bytes = get_settings().max_upload_mb * 1024 * 1024
        self._opened: Opened | None = None
        self._checked: dict[str, ParsedUpload] = {}

    def opened(self) -> Opened:
        if self._opened is None:
            self._opened = open_once(self.data, self.filename, self.max_bytes)
        return self._opened

    def preview(self, options: dict[str, Any], report: Any) -> object:
        from impact.services.uploads import preview_upload

        report(0.05, "")
        opened = self.opened()
        return preview_upload(
            engine=self.engine,
            org_slug=self.org_slug,
            data=self.data,
            filename=self.filename,
            opened=opened,
            lang=self.lang,
            **options,
        )

    def parsed(self, options: dict[str, Any], report: Any) -> ParsedUpload:
        from impact.services.uploads import check_upload

        key = repr(sorted(options.items()))
        if key not in self._checked:
            self._checked[key] = check_upload(
                engine=self.engine,
                org_slug=self.org_slug,
                data=self.data,
                filename=self.filename,
                progress=report,
                opened=self.opened(),
                lang=self.lang,
                **options,
            )
        return self._checked[key]

    def check(self, options: dict[str, Any], report: Any) -> CheckSummary:
        from impact.ingest.problem_book import problems_workbook

        parsed = self.parsed(options, report)
        marked = None
        if parsed.problems and len(self.data) <= MARKED_MAX_BYTES:
            marked = problems_workbook(
                self.data, self.filename, parsed.problems, self.lang, self.opened()
            )
        return CheckSummary(
            parsed.ok,
            parsed.kind,
            len(parsed.measurements) + len(parsed.area_observations),
            parsed.problems,
            dict(parsed.mapping),
            marked,
        )

    def store(self, options: dict[str, Any], report: Any) -> object:
        from impact.services.uploads import import_upload

        store_only = ("user_id", "actor", "save_mapping_as")
        who = {k: options.pop(k) for k in store_only if k in options}
        parsed = self.parsed(options, report)
        result, _ = import_upload(
            engine=self.engine,
            org_slug=self.org_slug,
            data=self.data,
            filename=self.filename,
            progress=report,
            parsed=parsed,
            lang=self.lang,
            **options,
            **who,
        )
        return result


def _send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    pickle.dump(message, out)
    out.flush()


def _answer(
    session: UploadSession, kind: str, options: dict[str, Any], out: IO[bytes]
) -> tuple[Any, ...]:
    def report(fraction: float, message: str) -> None:
        _send(out, ("progress", float(fraction), str(message)))

    try:
        with use_language(session.lang):
            handler = {
                "preview": session.preview,
                "check": session.check,
                "import": session.store,
            }[kind]
            return ("done", handler(dict(options), report))
    except ImportRefused as refused:
        return ("refused", str(refused), list(refused.problems))
    except ImpactError as error:
        return ("failed", error.code, str(error))
    except Exception:  # a bug: the job fails, the process stays usable
        logging.getLogger(__name__).exception("upload job %s failed", kind)
        return ("failed", "job_died", "")


class _Idle:
    """Ends the process when no command came for :data:`IDLE_SECONDS`."""

    def __init__(self) -> None:
        self._timer: threading.Timer | None = None
        self.reset()

    def reset(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(IDLE_SECONDS, os._exit, args=(0,))
        self._timer.daemon = True
        self._timer.start()

    def pause(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


def main() -> int:
    os.nice(NICENESS)  # the cell readers it starts inherit this
    # the protocol owns the real stdout; anything a library prints goes to stderr
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    stdin = sys.stdin.buffer
    init = pickle.load(stdin)  # noqa: S301 - our own parent's message
    session = UploadSession(init)
    idle = _Idle()
    while True:
        try:
            kind, options = pickle.load(stdin)  # noqa: S301 - our parent
        except EOFError:
            return 0
        if kind == "stop":
            return 0
        idle.pause()
        _send(out, _answer(session, kind, options, out))
        idle.reset()


if __name__ == "__main__":
    sys.exit(main())
