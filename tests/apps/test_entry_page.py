"""Direct entry in the browser's terms: a ZRM measurement typed into the form
appears on the dashboard; a bad score is a message naming the domain."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apps.conftest import demo_email, login

DEBT = "Schuldhulp en sociaal raadslieden"


def _participants(at: AppTest) -> int:
    at.switch_page("views/dashboard.py").run()
    value = next(m for m in at.metric if m.label == "Deelnemers").value
    return int(str(value).replace(".", ""))


def _enter(at: AppTest, client: str, wave: int, score: float) -> None:
    at.switch_page("views/entry.py").run()
    assert not at.exception
    at.selectbox(key="entry_programme").set_value(DEBT)
    at.selectbox(key="entry_instrument").set_value("zrm")
    at.selectbox(key="entry_wave").set_value(wave).run()
    at.text_input[0].input(client)
    for number in at.number_input:
        if number.key and number.key.startswith("entry_score_"):
            number.set_value(score)
    next(
        b for b in at.button if b.key.startswith("FormSubmitter:entry_form")
    ).click().run()
    assert not at.exception


def test_a_zrm_measurement_entered_appears_on_the_dashboard(app_db: str) -> None:
    at = login(demo_email("uploader"))
    before = _participants(at)
    _enter(at, "NIEUW-1", 0, 2)
    assert "13 score(s)" in at.success[0].value
    _enter(at, "NIEUW-1", 1, 4)
    assert "13 score(s), waarvan 0 verbeterd" in at.success[0].value
    assert _participants(at) == before + 1


def test_an_impossible_score_is_named_by_its_domain(app_db: str) -> None:
    at = login(demo_email("uploader"))
    _enter(at, "NIEUW-2", 0, 9)
    assert "niet opgeslagen" in at.error[0].value
    listed = " ".join(m.value for m in at.markdown)
    assert "financien:" in listed and "1 tot en met 5" in listed
