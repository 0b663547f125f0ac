"""The Import page on the files of issue #13: a refusal with its message, no
batch, and the app (this process) still serving; reruns reuse the same parse."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from impact.services.upload_jobs import uploads
from tests.apps.conftest import demo_email, login, settle
from tests.ingest.ooxml import HEADER, Sheet, book

FAR = "XFD1048576"
HOSTILE = book(
    [
        Sheet("Data", target="../evil/data.xml", rows=[["x"]], far_cell=FAR),
        Sheet("Data"),
    ]
)
DEMO = "Jongerenwerk Toekomst"
GOOD = [
    HEADER,
    *(
        [f"X-{i}", DEMO, "deelnemer", "WK990101", "swemwbs", "totaal", when, wave, v]
        for i in range(2)
        for when, wave, v in (
            ("01-03-2024", "voormeting", 20.0),
            ("01-09-2024", "nameting", 25.0),
        )
    ),
]
OUTSIDE = book([Sheet("Gegevens", target="/xl/elsewhere/s.xml", far_cell=FAR)])


def _problem_texts(at: AppTest) -> list[str]:
    tables = [df.value for df in at.dataframe if "Wat is er mis" in df.value]
    return [str(m) for t in tables for m in t["Wat is er mis"]]


def _batches(at: AppTest) -> int:
    return len(at.dataframe[-1].value)


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="imp_file").upload(name, data)
    return settle(at.run())


def test_hostile_workbooks_are_refused_on_the_page_and_the_app_goes_on(
    app_db: str,
) -> None:
    at = login(demo_email("uploader"))
    at.switch_page("views/imports.py").run()
    before = _batches(at)
    for name, data, words in [
        ("twee-data.xlsx", HOSTILE, "twee bladen met de naam 'Data'"),
        ("buiten.xlsx", OUTSIDE, "loopt door tot cel XFD1048576"),
        ("leeg.xlsx", book([Sheet("Gegevens", rows=[HEADER])]), "geen rijen"),
    ]:
        _upload(at, name, data)
        assert not at.exception
        assert "niets opgeslagen" in at.error[0].value, name
        assert any(words in text for text in _problem_texts(at)), name
        assert not [b for b in at.button if b.key == "imp_confirm"]
    # the same process still reads, checks and imports a good file
    _upload(at, "goed.xlsx", book([Sheet("Gegevens", rows=GOOD)]))
    assert not at.error
    settle(at.button(key="imp_confirm").click().run())
    assert "4 nieuw opgeslagen" in at.success[-1].value
    at.file_uploader(key="imp_file").set_value(None)
    at.run()
    assert _batches(at) == before + 1  # the good file only


def test_reruns_reuse_the_upload_and_its_check(app_db: str) -> None:
    """Widget changes and refreshes rerun the page: the upload is opened and
    checked once (one worker, one preview job, one check job)."""
    at = login(demo_email("uploader"))
    at.switch_page("views/imports.py").run()
    _upload(at, "goed.xlsx", book([Sheet("Gegevens", rows=GOOD)]))
    workers = dict(uploads()._workers)
    jobs = {k: dict(w.jobs) for k, w in workers.items()}
    for _ in range(3):
        at.run()
    assert not at.error
    assert dict(uploads()._workers) == workers
    assert {k: dict(w.jobs) for k, w in workers.items()} == jobs
    mine = [w for k, w in workers.items() if k[-1] == app_db]
    assert len(mine) == 1
    assert sorted(j.kind for j in mine[0].jobs.values()) == ["check", "preview"]
