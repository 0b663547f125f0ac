"""Background upload jobs: one worker per upload, bounded concurrency, a dead
worker is a failed job (never a crash), permissions checked in the service."""

from __future__ import annotations

from pathlib import Path

import pytest

from impact.config import get_settings
from impact.errors import PermissionDenied
from impact.services.demo import load_demo
from impact.services.upload_jobs import Uploads
from tests.factories import migrated_engine
from tests.ingest.ooxml import HEADER, Sheet, book

ROWS = [
    HEADER,
    [
        *("X-1", "Jongerenwerk Toekomst", "deelnemer", "WK990101", "swemwbs"),
        *("totaal", "01-03-2024", "voormeting", 20.0),
    ],
]
WAIT = 120


@pytest.fixture()
def jobs(isolated_settings: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{isolated_settings / 'demo.db'}"
    monkeypatch.setenv("IMPACT_DATABASE_URL", url)
    get_settings.cache_clear()
    load_demo(migrated_engine(url))
    manager = Uploads(max_running=1)
    yield manager
    manager.stop_all()


def _job(jobs: Uploads, kind: str, data: bytes, **options: object):  # type: ignore[no-untyped-def]
    return jobs.job(
        kind,  # type: ignore[arg-type]
        org_slug="demo",
        role="uploader",
        data=data,
        filename="upload.xlsx",
        lang="nl",
        options=options,
    )


def test_one_running_job_at_a_time_and_the_same_job_on_asking_again(
    jobs: Uploads,
) -> None:
    one, two = book([Sheet("A", rows=ROWS)]), book([Sheet("B", rows=ROWS)])
    first = _job(jobs, "preview", one)
    second = _job(jobs, "preview", two)
    assert second.status == "queued"  # the one slot is taken by the first
    assert first.wait(WAIT) and second.wait(WAIT)
    assert first.status == second.status == "done"
    assert _job(jobs, "preview", one) is first


def test_a_dead_worker_is_a_failed_job_and_the_next_ask_starts_afresh(
    jobs: Uploads,
) -> None:
    data = book([Sheet("A", rows=ROWS)])
    dead = _job(jobs, "check", data, mapping=None)
    (worker,) = jobs._workers.values()
    worker.process.kill()  # during its job
    assert dead.wait(WAIT) and dead.status == "failed"
    assert dead.error_code == "job_died"
    again = _job(jobs, "check", data, mapping=None)
    assert again is not dead and again.wait(WAIT) and again.status == "done"
    assert again.result.ok and again.result.n_rows == 1


def test_a_refused_import_is_a_refusal_not_a_batch(jobs: Uploads) -> None:
    data = book([Sheet("A", rows=[HEADER])])
    job = _job(jobs, "import", data, mapping=None, user_id=None, actor="t")
    assert job.wait(WAIT) and job.status == "failed"
    assert job.error is not None
    assert [p.code for p in job.error.problems] == ["no_data_rows"]


def test_a_viewer_cannot_start_upload_jobs(jobs: Uploads) -> None:
    with pytest.raises(PermissionDenied):
        jobs.job(
            "preview",
            org_slug="demo",
            role="viewer",
            data=b"x",
            filename="a.csv",
            lang="nl",
        )
