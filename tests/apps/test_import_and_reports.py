"""Import page (problems with their cell, marked-up copy, import, undo) and the
reports page (a funder downloads the funder version of a funded programme)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apps.conftest import demo_email, login, settle

HEADER = "cliëntnummer;programma;groep;wijk;instrument;domein;datum;meetmoment;score"
COMMON = "Jongerenwerk Toekomst;deelnemer;WK990101;swemwbs;totaal"
ROWS = [
    f"X-1;{COMMON};01-03-2024;voormeting;20",
    f"X-1;{COMMON};01-09-2024;nameting;25",
]
OUT_OF_RANGE = f"X-2;{COMMON};01-03-2024;voormeting;40"


def _csv(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode()


def _downloads(at: AppTest) -> list[str]:
    return [b.label for b in at.get("download_button")]  # type: ignore[attr-defined]


def test_import_shows_problems_then_imports_and_undoes(app_db: str) -> None:
    at = login(demo_email("uploader"))
    at.switch_page("views/imports.py").run()
    assert not at.exception
    at.file_uploader(key="imp_file").upload("bad.csv", _csv(*ROWS, OUT_OF_RANGE))
    settle(at.run())
    assert "niets opgeslagen" in at.error[0].value
    problems = next(df.value for df in at.dataframe if "Wat is er mis" in df.value)
    assert problems[["Aantal", "Eerste cellen"]].values.tolist() == [["1", "I4"]]
    assert "Download uw bestand met de problemen gemarkeerd" in _downloads(at)
    at.file_uploader(key="imp_file").upload("good.csv", _csv(*ROWS))
    settle(at.run())
    assert not at.error
    settle(at.button(key="imp_confirm").click().run())
    assert not at.exception
    assert "2 nieuw opgeslagen" in at.success[-1].value
    at.file_uploader(key="imp_file").set_value(None)
    at.run()
    history = at.dataframe[-1].value
    assert history.iloc[0]["Bestand"] == "good.csv"
    mine = int(history.iloc[0]["Import"])
    # the uploader may undo only their own batch, and it is preselected
    choose = _undo_select(at)
    assert choose.options == [f"#{mine} · good.csv"] and choose.value == mine
    assert _undo_button(at).disabled
    _undo_confirm(at).check().run()
    _undo_button(at).click().run()
    assert "teruggedraaid" in at.success[0].value
    assert at.dataframe[-1].value.iloc[0]["Status"] == "Teruggedraaid"


def _undo_select(at: AppTest):  # type: ignore[no-untyped-def]
    return next(s for s in at.selectbox if s.key.startswith("imp_undo_batch_"))


def _undo_confirm(at: AppTest):  # type: ignore[no-untyped-def]
    return next(c for c in at.checkbox if c.key.startswith("imp_undo_sure_"))


def _undo_button(at: AppTest):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.key.startswith("imp_undo_"))


def _live(at: AppTest) -> list[int]:
    history = at.dataframe[-1].value
    return sorted(
        int(b) for b in history[history["Status"] != "Teruggedraaid"]["Import"]
    )


def test_a_second_undo_click_never_removes_another_batch(app_db: str) -> None:
    """The reported data loss: import, undo it, click "Terugdraaien" again.
    The confirmation must be unticked and nothing else preselected, so the
    second click removes nothing (an admin sees every batch, so the test is
    run as the admin: the role for whom a fallback would reach the demo)."""
    at = login(demo_email("admin"))
    at.switch_page("views/imports.py").run()
    before = _live(at)
    at.file_uploader(key="imp_file").upload("good.csv", _csv(*ROWS))
    settle(at.run())
    settle(at.button(key="imp_confirm").click().run())
    at.file_uploader(key="imp_file").set_value(None)
    at.run()
    mine = max(_live(at))
    assert mine not in before
    assert _undo_select(at).value == mine  # the batch just imported, not #1
    _undo_confirm(at).check().run()
    _undo_button(at).click().run()
    assert _live(at) == before
    # the same widgets after the rerun: nothing chosen, nothing confirmed
    assert _undo_select(at).value is None
    assert not [c for c in at.checkbox if c.key.startswith("imp_undo_sure_")]
    assert not [b for b in at.button if b.key.startswith("imp_undo_")]
    at.run()  # a refresh of the same session changes nothing either
    assert _live(at) == before


def test_an_uploader_cannot_undo_someone_elses_batch(app_db: str) -> None:
    at = login(demo_email("uploader"))
    at.switch_page("views/imports.py").run()
    history = at.dataframe[-1].value
    assert len(history)  # the demo's batches are listed ...
    assert not [s for s in at.selectbox if s.key.startswith("imp_undo_batch_")]


def test_funder_downloads_a_report_of_a_funded_programme(app_db: str) -> None:
    at = login(demo_email("funder"))
    at.switch_page("views/reports.py").run()
    assert not at.exception
    options = at.selectbox(key="rep_programme").options
    assert set(options) == {"Schuldhulp en sociaal raadslieden", "Buurthuizen Wijkstad"}
    at.radio(key="rep_format").set_value("xlsx")
    at.button(key="rep_make").click().run()
    assert not at.exception and not at.error
    assert any(label.endswith(".xlsx") for label in _downloads(at))


def test_analysis_needs_a_locked_plan_then_shows_the_estimate(app_db: str) -> None:
    at = login(demo_email("analyst"))
    at.switch_page("views/analysis.py").run()
    assert not at.exception
    assert "Leg eerst een plan vast" in at.info[0].value
    assert len(at.get("button")) and not [b for b in at.button if b.key == "ana_run"]
    at.selectbox(key="ana_programme").set_value("Schuldhulp en sociaal raadslieden")
    at.run()
    outcome = at.selectbox(key="ana_outcome")
    outcome.set_value(next(o for o in outcome.options if "schulden" in o.lower()))
    at.selectbox(key="ana_design").set_value("did")
    at.button(key="ana_lock").click().run()
    assert "vastgelegd" in at.success[0].value
    at.button(key="ana_run").click().run()
    assert not at.exception and not at.error
    metrics = {m.label: m.value for m in at.metric}
    low, high = (
        float(x.replace(",", ".").replace("−", "-"))
        for x in metrics["95%-interval"].split(" … ")
    )
    assert low < -20 < high  # the demo's true effect on problematic debts (pp)
    assert "procentpunt" in next(iter(metrics))
