"""Beheer links a funder to a programme; the funder then sees it (and loses
it again when unlinked)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apps.conftest import demo_email, login, shown

YOUTH = "Jongerenwerk Toekomst"


def _funder_programmes() -> set[str]:
    at = login(demo_email("funder"))
    at.switch_page("views/programmes.py").run()
    assert not at.exception
    return set(at.dataframe[0].value["Programma"])


def _by_prefix(widgets, prefix: str):  # type: ignore[no-untyped-def]
    return next(w for w in widgets if w.key.startswith(prefix))


def _admin() -> AppTest:
    at = login(demo_email("admin"))
    at.switch_page("views/admin.py").run()
    assert not at.exception
    return at


def test_a_funder_linked_through_beheer_sees_the_programme(app_db: str) -> None:
    assert YOUTH not in _funder_programmes()
    at = _admin()
    _by_prefix(at.selectbox, "fund_funder_").set_value("gemeente-wijkstad").run()
    _by_prefix(at.selectbox, "fund_programme_").set_value(YOUTH).run()
    _by_prefix(at.button, "fund_add_").click().run()
    assert not at.exception
    assert "Gemeente Wijkstad (demo) ziet nu 'Jongerenwerk Toekomst'" in shown(
        at.success[0].value
    )
    # the choice is cleared after the action: a second click links nothing else
    assert _by_prefix(at.selectbox, "fund_funder_").value is None
    assert _by_prefix(at.button, "fund_add_").disabled
    assert YOUTH in _funder_programmes()
    at = _admin()
    _by_prefix(at.selectbox, "fund_funder_").set_value("gemeente-wijkstad").run()
    _by_prefix(at.selectbox, "fund_programme_").set_value(YOUTH).run()
    _by_prefix(at.button, "fund_rm_").click().run()
    assert YOUTH not in _funder_programmes()
