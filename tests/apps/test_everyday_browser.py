"""Issue 17 in a real browser (Chromium via Playwright, against ``impact serve``
on a demo database): an uploader imports a voor/na file without a programme
column after choosing the programme, undoes it once (a second click is not
possible) and restores it, enters a ZRM measurement by hand and sees it on the
dashboard; an admin links the gemeente to a programme on Beheer and the
gemeente sees it; an analyst reads an analysis. Screenshots of the import,
direct-entry, analysis and funder pages in NL and EN go to
``WIJKIMPACT_SCREENSHOTS`` (default: the test's folder)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.apps.test_browser import ARGS, CHROMIUM, STEP_TIMEOUT_MS, server

pytestmark = [pytest.mark.browser, pytest.mark.slow]
__all__ = ["server"]
PASSWORD = "wijkimpact-demo"
YOUTH = "Jongerenwerk Toekomst"
DEBT = "Schuldhulp en sociaal raadslieden"


def _own_file(folder: Path) -> Path:
    lines = ["Cliënt;Datum;Meting;Instrument;Domein;Score;Groep"]
    for i in range(30):
        group = "deelnemer" if i % 2 else "wachtlijst"
        day = 1 + i % 9
        lines.append(f"B-{i};0{day}-03-2024;voor;swemwbs;totaal;{20 + i % 5};{group}")
        lines.append(f"B-{i};0{day}-09-2024;na;swemwbs;totaal;{24 + i % 5};{group}")
    path = folder / "eigen_lijst.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _login(page: Any, url: str, role: str) -> None:
    page.goto(url)
    page.get_by_label("E-mailadres").fill(f"{role}@demo.wijkimpact.nl")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def _choose(page: Any, label: str, option: str) -> None:
    box = page.locator("[data-testid=stSelectbox]:visible").filter(has_text=label).first
    box.locator("input").click()
    box.locator("input").fill(option)
    page.keyboard.press("Enter")


def _language(page: Any, name: str) -> None:
    page.get_by_test_id("stSidebar").get_by_text(name, exact=True).click()


def _people(page: Any) -> int:
    text = page.get_by_test_id("stMetricValue").first.inner_text()
    return int(text.replace(".", "").replace(",", ""))


def test_issue_17_in_the_browser(server: tuple[str, Path]) -> None:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=STEP_TIMEOUT_MS)
    url, folder = server
    shots = Path(os.environ.get("WIJKIMPACT_SCREENSHOTS", folder / "screens"))
    shots.mkdir(parents=True, exist_ok=True)
    own = _own_file(folder)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 1000})
        page.set_default_timeout(STEP_TIMEOUT_MS)

        # an uploader: programme picker, undo once, restore
        _login(page, url, "uploader")
        expect(page.get_by_test_id("stMetricValue").first).to_be_visible()
        before = _people(page)
        page.get_by_role("link", name="Importeren").click()
        page.locator("input[type=file]").set_input_files(own)
        expect(page.get_by_text("kan nog niet worden geïmporteerd")).to_be_visible()
        _choose(page, "Programma voor rijen zonder programma", YOUTH)
        page.get_by_role("button", name="3. Importeren").click()
        expect(page.get_by_text("60 nieuw opgeslagen")).to_be_visible()
        page.screenshot(path=shots / "import-nl.png", full_page=True)
        page.get_by_test_id("stCheckbox").filter(has_text="Ja,").first.click()
        page.get_by_role("button", name="Terugdraaien").click()
        expect(page.get_by_text("teruggedraaid")).to_be_visible()
        expect(page.get_by_role("button", name="Terugdraaien")).to_have_count(0)
        page.get_by_role("button", name="Herstellen").click()
        expect(page.get_by_text("hersteld: 60 rijen")).to_be_visible()
        page.screenshot(path=shots / "import-restored-nl.png", full_page=True)

        # direct entry of all 13 ZRM domains
        page.get_by_role("link", name="Meting invoeren").click()
        _choose(page, "Programma", DEBT)
        page.get_by_role("textbox", name="Cliëntnummer").fill("HAND-1")
        numbers = page.locator("input[type=number]")
        expect(numbers).to_have_count(13)
        for k in range(13):
            numbers.nth(k).fill("3")
        page.get_by_role("button", name="Meting opslaan").click()
        expect(page.get_by_text("13 score(s)")).to_be_visible()
        page.screenshot(path=shots / "entry-nl.png", full_page=True)
        page.get_by_role("link", name="Dashboard").click()
        expect(page.get_by_test_id("stMetricValue").first).to_have_text(
            f"{before + 30 + 1:,}".replace(",", ".")
        )

        _language(page, "English")
        page.get_by_role("link", name="Enter a measurement").click()
        expect(page.get_by_role("button", name="Save the measurement")).to_be_visible()
        page.screenshot(path=shots / "entry-en.png", full_page=True)
        page.get_by_role("link", name="Import").click()
        expect(
            page.get_by_text("Restore an undone import")
            .or_(page.get_by_text("Earlier imports"))
            .first
        ).to_be_visible()
        page.screenshot(path=shots / "import-en.png", full_page=True)
        _language(page, "Nederlands")
        page.get_by_role("button", name="Uitloggen").click()

        # an admin links the gemeente to the youth programme on Beheer
        _login(page, url, "admin")
        page.get_by_role("link", name="Beheer").click()
        page.get_by_role("tab", name="Financiers").click()
        _choose(page, "Financier", "Gemeente Wijkstad (demo)")
        _choose(page, "Programma", YOUTH)
        page.get_by_role("button", name="Koppelen", exact=True).click()
        expect(page.get_by_text(f"ziet nu '{YOUTH}'")).to_be_visible()
        page.get_by_role("button", name="Uitloggen").click()

        # the gemeente sees it
        _login(page, url, "funder")
        expect(page.get_by_test_id("stMetricValue").first).to_be_visible()
        page.screenshot(path=shots / "funder-view-nl.png", full_page=True)
        page.get_by_role("link", name="Programma's", exact=True).click()
        expect(page.get_by_text(YOUTH).first).to_be_attached()
        page.screenshot(path=shots / "funder-nl.png", full_page=True)
        _language(page, "English")
        expect(page.get_by_text(YOUTH).first).to_be_attached()
        page.screenshot(path=shots / "funder-en.png", full_page=True)
        _language(page, "Nederlands")
        page.get_by_role("button", name="Uitloggen").click()

        # an analyst: plain language and the traffic light
        _login(page, url, "analyst")
        page.get_by_role("link", name="Analyse").click()
        _choose(page, "Programma", YOUTH)
        page.get_by_role("button", name="Leg analyseplan vast").click()
        page.get_by_role("button", name="Bereken de schatting").click()
        expect(page.get_by_text("van de 10 deelnemers ging vooruit")).to_be_visible()
        page.screenshot(path=shots / "analysis-nl.png", full_page=True)
        _language(page, "English")
        page.get_by_role("button", name="Compute the estimate").click()
        expect(page.get_by_text("in 10 participants improved")).to_be_visible()
        page.screenshot(path=shots / "analysis-en.png", full_page=True)
        browser.close()
    assert len(list(shots.glob("*-[ne][ln].png"))) >= 8
