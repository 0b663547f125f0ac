"""Names users choose are shown as text, never as markdown: a programme renamed
to an image and a link, and an organisation named like a link, reach every
markdown element of the pages escaped (AppTest; the browser test in
test_names_browser.py checks that nothing is fetched and no link appears)."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from impact.sample.generate import BUURTHUIS
from impact.store.engine import get_engine
from tests.apps.conftest import demo_email, login

TRACKER = "http://127.0.0.1:9/t.png"
PROGRAMME = f"![x]({TRACKER}) [Log opnieuw in](https://evil.example/login) *b* :red[x]"
ORGANISATION = "[Log opnieuw in](https://evil.example/org) <img src=x>"
#: markdown that would render an image or a link, when not escaped
ACTIVE = re.compile(r"(?<!\\)!?(?<!\\)\[[^\]]*(?<!\\)\]\((?<!\\)")


def _rename(url: str) -> None:
    with get_engine(url).begin() as conn:
        conn.execute(
            sa.text("UPDATE programme SET name = :new WHERE name = :old"),
            {"new": PROGRAMME, "old": BUURTHUIS},
        )
        conn.execute(
            sa.text("UPDATE organisation SET name = :new WHERE slug = 'demo'"),
            {"new": ORGANISATION},
        )


def _markdown_values(at: AppTest) -> list[str]:
    kinds = ("markdown", "caption", "title", "header", "subheader", "success",
             "info", "warning", "error")  # fmt: skip
    values = [str(e.value) for kind in kinds for e in getattr(at, kind)]
    values += [str(o) for radio in at.radio for o in radio.options]
    return values


def _assert_shown_as_text(at: AppTest, name: str) -> None:
    assert not at.exception
    values = _markdown_values(at)
    assert not [v for v in values if ACTIVE.search(v)], values
    assert not [v for v in values if name in v]  # never the raw name
    escaped = [v for v in values if "Log opnieuw in" in v]
    assert escaped, "the name is not shown at all"


@pytest.mark.parametrize(
    ("role", "page"),
    [
        ("analyst", "views/dashboard.py"),
        ("analyst", "views/programmes.py"),
        ("funder", "views/funder.py"),
    ],
)
def test_markdown_in_names_is_shown_as_text(app_db: str, role: str, page: str) -> None:
    _rename(app_db)
    at = login(demo_email(role))
    at.switch_page(page)
    at.run()
    name = ORGANISATION if role != "funder" else PROGRAMME
    _assert_shown_as_text(at, name)


def test_the_escape_keeps_the_text_and_stops_every_construct() -> None:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "apps"))
    from plain import plain

    for name in (PROGRAMME, ORGANISATION, "a_b*c* # kop", "$x$ `code` ~~s~~",
                 "www.evil.example ann@evil.example https://evil.example"):  # fmt: skip
        escaped = plain(name)
        shown = re.sub(r"\\(.)", r"\1", escaped).replace("\u2060", "")
        assert shown == name  # nothing lost, only escapes and invisible joiners
        assert not ACTIVE.search(escaped)
        assert not re.search(r"https?://|www\.|@\w", escaped)  # no autolink
