"""The Analysis page for managers: plain language and a traffic light first,
the technical part in an expander; the plan just locked is the one selected,
and locking the same plan twice makes no duplicate."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from tests.apps.conftest import demo_email, login, shown

YOUTH = "Jongerenwerk Toekomst"


def _lock(at: AppTest, programme: str, outcome_part: str, design: str) -> None:
    at.selectbox(key="ana_programme").set_value(programme).run()
    outcome = at.selectbox(key="ana_outcome")
    outcome.set_value(next(o for o in outcome.options if outcome_part in o.lower()))
    at.selectbox(key="ana_design").set_value(design)
    at.button(key="ana_lock").click().run()
    assert not at.exception


def test_plain_language_light_and_technical_part(app_db: str) -> None:
    at = login(demo_email("analyst"))
    at.switch_page("views/analysis.py").run()
    _lock(at, "Schuldhulp en sociaal raadslieden", "schulden", "did")
    first = at.selectbox(key="ana_plan_choice").value
    _lock(at, YOUTH, "swemwbs", "did")
    second = at.selectbox(key="ana_plan_choice").value
    assert second != first  # the plan just locked is selected, not the older one
    _lock(at, YOUTH, "swemwbs", "did")  # the same plan again
    assert f"plan {second}" in at.info[0].value
    assert at.selectbox(key="ana_plan_choice").value == second
    assert len(at.selectbox(key="ana_plan_choice").options) == 2  # no duplicate
    at.button(key="ana_run").click().run()
    assert not at.exception
    boxes = [*at.success, *at.warning, *at.error]
    assert any(
        b.value.startswith("**Groen")
        or b.value.startswith("**Oranje")
        or b.value.startswith("**Rood")
        for b in boxes
    )
    texts = " ".join(shown(m.value) for m in at.markdown)
    assert "punten" in texts and "van de 10 deelnemers ging vooruit" in texts
    assert "vergelijkingsgroep ongeveer" in texts
    scale = " ".join(shown(c.value) for c in at.caption)
    assert "Schaal 7 tot en met 35, hoger is beter" in scale
    technical = at.expander[-1]
    words = " ".join(shown(m.value) for m in technical.markdown)
    assert "cr1" not in words and "influence" not in words
    diag = technical.dataframe[0].value
    assert list(diag.columns) == ["Controle", "Waarde"]
    p = diag.set_index("Controle").at["p-waarde", "Waarde"]
    assert p == "< 0,001" or re.fullmatch(r"0,\d{3}", p), p
