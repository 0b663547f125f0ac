"""Import problems come in the language the face passes (the user's), not the
process default: ``uploads.ingest_context`` hands it to the checks."""

from __future__ import annotations

import pytest

from impact.i18n import t
from impact.services.demo import load_demo
from impact.services.uploads import check_upload
from tests.apps.test_import_and_reports import OUT_OF_RANGE, ROWS, _csv
from tests.factories import migrated_engine


@pytest.fixture()
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = migrated_engine(sqlite_url)
    load_demo(engine)
    yield engine


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_import_problems_are_in_the_users_language(engine, lang: str) -> None:  # type: ignore[no-untyped-def]
    parsed = check_upload(
        engine=engine,
        org_slug="demo",
        data=_csv(*ROWS, OUT_OF_RANGE),
        filename="bad.csv",
        lang=lang,
    )
    assert not parsed.ok
    problem = next(p for p in parsed.problems if p.code == "value_out_of_range")
    params = {"value": 40, "instrument": "swemwbs", "low": 7, "high": 35}
    assert problem.message.endswith(t("ingest.value_out_of_range", lang, **params))
    other = "nl" if lang == "en" else "en"
    assert t("ingest.value_out_of_range", other, **params) not in problem.message
