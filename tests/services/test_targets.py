"""Reach targets: saved with the programme, shown against what was reached."""

from __future__ import annotations

import pytest

from impact.errors import DataError
from impact.services.programmes_admin import programme_forms, save_programme
from impact.services.targets import reach_targets
from tests.factories import add_org_with_data, migrated_engine

ORG = "org-a"


@pytest.fixture()
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, ORG, n=10)
    yield engine


def _treated_areas(engine) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT count(DISTINCT area_code) FROM areaobservation "
                    "WHERE first_treated IS NOT NULL"
                )
            ).scalar_one()
        )


def test_targets_are_saved_and_set_against_reach(engine) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    forms = {
        f.name: f for f in programme_forms(engine=engine, org_slug=ORG, role="admin")
    }
    before = reach_targets(engine=engine, org_slug=ORG, role="viewer")
    assert before["target"].isna().all()
    goals = {"participant": 40, "area": 4}
    for form in forms.values():
        goal = replace(form, reach_target=goals[form.design])
        save_programme(engine=engine, org_slug=ORG, role="analyst", form=goal)
    after = reach_targets(engine=engine, org_slug=ORG, role="viewer").set_index(
        "programme"
    )
    for _name, row in after.iterrows():
        assert row["target"] == goals[row["design"]]
        assert row["share"] == pytest.approx(row["reached"] / row["target"])
        if row["design"] == "participant":
            assert row["reached"] == 20  # n=10 treated + 10 comparison
        else:
            assert row["reached"] == _treated_areas(engine) > 0
    bad = replace(next(iter(forms.values())), reach_target=-1)
    with pytest.raises(DataError):
        save_programme(engine=engine, org_slug=ORG, role="analyst", form=bad)
