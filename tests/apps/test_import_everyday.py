"""The Import page as staff use it alone: restore an undone batch, choose the
programme for a file without one, answer the group question, see one problem
for one impossible score, reuse a saved mapping."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apps.conftest import demo_email, login, settle

PROGRAMME = "Jongerenwerk Toekomst"
OWN_HEADER = "Cliënt;Datum;Meting;Instrument;Domein;Score;Groep"


def _own_file(n: int = 30, bad_row: int | None = None) -> bytes:
    """A team's own sheet: voor/na, no programme column (as in issue 17)."""
    lines = [OWN_HEADER]
    for i in range(n):
        group = "deelnemer" if i % 2 else "wachtlijst"
        before, after = 20 + i % 5, 24 + i % 5
        if bad_row is not None and i == bad_row:
            after = 40  # SWEMWBS runs from 7 to 35
        lines.append(f"J-{i};0{1 + i % 9}-03-2024;voor;swemwbs;totaal;{before};{group}")
        lines.append(f"J-{i};0{1 + i % 9}-09-2024;na;swemwbs;totaal;{after};{group}")
    return "\n".join(lines).encode()


def _open(role: str = "uploader", lang: str = "nl") -> AppTest:
    at = login(demo_email(role))
    if lang != "nl":
        at.radio(key="ui_lang").set_value(lang).run()
    at.switch_page("views/imports.py").run()
    assert not at.exception
    return at


def _history(at: AppTest):  # type: ignore[no-untyped-def]
    return at.dataframe[-1].value


def _by_prefix(widgets, prefix: str):  # type: ignore[no-untyped-def]
    return next(w for w in widgets if w.key.startswith(prefix))


def _upload(at: AppTest, name: str, data: bytes) -> None:
    at.file_uploader(key="imp_file").upload(name, data)
    settle(at.run())
    assert not at.exception


def test_voor_na_without_programme_column_imports_after_choosing(app_db: str) -> None:
    at = _open()
    _upload(at, "eigen.csv", _own_file())
    problems = next(df.value for df in at.dataframe if "Wat is er mis" in df.value)
    assert problems["Wat is er mis"].tolist() == [
        "Rij 1: Er is geen kolom 'programma'. Kies het programma waar deze "
        "metingen bij horen."
    ]
    assert not [b for b in at.button if b.key == "imp_confirm"]
    settle(at.selectbox(key="imp_programme").set_value(PROGRAMME).run())
    assert not at.error, [e.value for e in at.error]
    settle(at.button(key="imp_confirm").click().run())
    assert "60 nieuw opgeslagen" in at.success[-1].value


def test_one_impossible_score_gives_exactly_one_problem(app_db: str) -> None:
    at = _open()
    _upload(at, "eigen.csv", _own_file(bad_row=12))
    settle(at.selectbox(key="imp_programme").set_value(PROGRAMME).run())
    problems = next(df.value for df in at.dataframe if "Wat is er mis" in df.value)
    assert len(problems) == 1
    assert problems.iloc[0]["Aantal"] == "1"
    assert problems.iloc[0]["Eerste cellen"] == "F27"
    assert "7 tot en met 35" in problems.iloc[0]["Wat is er mis"]


def test_missing_group_column_is_a_question_not_a_default(app_db: str) -> None:
    at = _open()
    data = b"\n".join(
        line.rsplit(b";", 1)[0] for line in _own_file().split(b"\n")
    )  # without the group column
    _upload(at, "zonder_groep.csv", data)
    settle(at.selectbox(key="imp_programme").set_value(PROGRAMME).run())
    question = at.radio(key="imp_group_answer")
    assert question.value is None
    assert not [b for b in at.button if b.key == "imp_confirm"]
    settle(question.set_value("comparison").run())
    settle(at.button(key="imp_confirm").click().run())
    assert "60 nieuw opgeslagen" in at.success[-1].value


def test_double_click_undo_removes_one_batch_which_can_be_restored(
    app_db: str,
) -> None:
    at = _open()
    _upload(at, "eigen.csv", _own_file())
    settle(at.selectbox(key="imp_programme").set_value(PROGRAMME).run())
    settle(at.button(key="imp_confirm").click().run())
    at.file_uploader(key="imp_file").set_value(None).run()
    before = _history(at)
    mine = int(before.iloc[0]["Import"])
    live_before = set(before[before["Status"] == "Geïmporteerd"]["Import"])
    _by_prefix(at.checkbox, "imp_undo_sure_").check().run()
    undo = _by_prefix(at.button, "imp_undo_")
    undo.click().run()
    # the second click: the button is gone (nothing chosen, nothing confirmed)
    assert not [b for b in at.button if b.key.startswith("imp_undo_")]
    at.run()
    after = _history(at)
    live_after = set(after[after["Status"] == "Geïmporteerd"]["Import"])
    assert live_before - live_after == {mine}
    restore = _by_prefix(at.selectbox, "imp_redo_batch_")
    assert restore.value == mine and len(restore.options) == 1
    _by_prefix(at.button, "imp_redo_").click().run()
    assert "hersteld: 60 rijen" in at.success[0].value
    restored = _history(at)
    assert set(restored[restored["Status"] == "Geïmporteerd"]["Import"]) == live_before
    assert not [s for s in at.selectbox if s.key.startswith("imp_redo_batch_")]


def test_saved_mapping_is_listed_and_applied(app_db: str) -> None:
    from impact.store import mappings, orgs
    from impact.store.engine import get_engine, write_scope

    own = {
        "Code": "client_ref",
        "Wanneer": "date",
        "Fase": "wave",
        "Meetlat": "instrument",
        "Onderdeel": "domain",
        "Uitslag": "value",
        "Soort": "group",
    }
    with write_scope(get_engine(app_db)) as session:
        org = orgs.get_organisation(session=session, slug="demo")
        mappings.save_mapping(session=session, org=org, name="Ons blad", mapping=own)
    at = _open()
    unguessable = _own_file(8).replace(
        OWN_HEADER.encode(), b"Code;Wanneer;Fase;Meetlat;Onderdeel;Uitslag;Soort"
    )
    _upload(at, "eigen.csv", unguessable)
    settle(at.selectbox(key="imp_programme").set_value(PROGRAMME).run())
    assert at.error  # guessed: no client column
    saved = at.selectbox(key="imp_saved_mapping")
    assert saved.options == ["Ons blad"]
    settle(saved.set_value("Ons blad").run())
    assert not at.error, [e.value for e in at.error]
    settle(at.button(key="imp_confirm").click().run())
    assert "16 nieuw opgeslagen" in at.success[-1].value
