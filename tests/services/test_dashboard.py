"""Dashboard service: improvement rules, filters, suppression for funders, scope."""

from __future__ import annotations

import pandas as pd
import pytest

from impact.domain.instruments import SHIPPED, custom_instrument
from impact.errors import OptionError, PermissionDenied
from impact.i18n import use_language
from impact.services import dashboard as dash
from impact.store import aggregates as agg
from impact.store import orgs
from impact.store.engine import session_scope
from tests.factories import add_org_with_data, migrated_engine

TOLERANCE = 1e-12
MIN_CELL = 10


def test_change_rules_follow_the_instrument() -> None:
    zrm = dash.change_rule(SHIPPED["zrm"])
    assert zrm.mode == "rci" and zrm.higher_better
    assert zrm.value == pytest.approx(1.96**2 * 2 * (1 - 0.87), abs=TOLERANCE)
    assert dash.change_rule(SHIPPED["swemwbs"]) == agg.ChangeRule(
        "swemwbs", True, "mcid", 3.0
    )
    assert dash.change_rule(SHIPPED["djg6"]).mode == "none"
    debt = custom_instrument(
        "schuld", "Schuld", kind="binary", direction="higher_worse"
    )
    assert dash.change_rule(debt) == agg.ChangeRule("schuld", False, "binary", 1.0)
    with use_language("en"):
        assert "0.87" in dash.rule_text(zrm)


def _change_row(prog: int, group: str, wijk: str, period: int, n: int) -> dict:
    row = dict.fromkeys(agg.CHANGE_COLUMNS, 0.0)
    row.update(
        programme_id=prog,
        instrument="zrm",
        domain="financien",
        group=group,
        wijk=wijk,
        period=period,
        n_people=n,
        n_pairs=n,
        sum_before=2.0 * n,
        sum_after=3.0 * n,
        n_improved=n // 2,
        n_deteriorated=1,
        n_classified=n,
        wave_sum0=2.0 * n,
        wave_n0=n,
        wave_sum1=3.0 * n,
        wave_n1=n,
    )
    return row


def _cells() -> dash.DashboardCells:
    change = pd.DataFrame(
        [
            _change_row(1, "treated", "WK990101", 8092, 25),
            _change_row(1, "treated", "WK990102", 8093, 4),
            _change_row(1, "comparison", "WK990101", 8092, 30),
            _change_row(1, "comparison", "WK990102", 8093, 12),
        ]
    )
    reach = change[agg.REACH_COLUMNS].copy()
    return dash.DashboardCells(
        programmes=pd.DataFrame(
            [(1, "Schuldhulp", "participant", "")],
            columns=["id", "name", "design", "theme"],
        ),
        change=change,
        reach=reach,
        area=pd.DataFrame(columns=agg.AREA_COLUMNS),
        rules={"zrm": dash.change_rule(SHIPPED["zrm"])},
        instruments={"zrm": ("Zelfredzaamheid-Matrix", 13)},
    )


def test_staff_see_every_cell() -> None:
    view = dash.build_view(_cells(), dash.Filters())
    assert view.participants == 71
    treated = view.outcomes[view.outcomes["group"] == "treated"].iloc[0]
    assert treated["n"] == 29
    assert treated["mean_before"] == pytest.approx(2.0, abs=TOLERANCE)
    assert treated["share_improved"] == pytest.approx((12 + 2) / 29, abs=TOLERANCE)
    assert treated["outcome"] == "ZRM · Financiën"
    assert sorted(view.reach["n"]) == [4, 12, 25, 30]


def test_funders_get_small_cells_suppressed_with_a_complement() -> None:
    view = dash.build_view(_cells(), dash.Filters(), min_cell=MIN_CELL)
    reach = view.reach
    counts = {(w, g): n for w, g, n in reach[["wijk", "group", "n"]].values}
    assert counts[("WK990102", "treated")] is None  # 4 people
    assert counts[("WK990102", "comparison")] is None  # 12: else 4 = total - rest
    assert counts[("WK990101", "treated")] == 25
    one_wijk = dash.build_view(
        _cells(), dash.Filters(wijken=("WK990102",)), min_cell=MIN_CELL
    )
    treated = one_wijk.outcomes[one_wijk.outcomes["group"] == "treated"].iloc[0]
    assert treated["n"] is None and treated["share_improved"] is None
    assert one_wijk.participants == 16
    tiny = dash.build_view(
        _cells(),
        dash.Filters(wijken=("WK990102",), period_from=8093, period_to=8093),
        min_cell=20,
    )
    assert tiny.participants is None


def test_filters_select_programme_wijk_and_period() -> None:
    cells = _cells()
    assert dash.build_view(cells, dash.Filters(programme_ids=(2,))).participants == 0
    early = dash.build_view(cells, dash.Filters(period_from=8092, period_to=8092))
    assert early.participants == 55
    waves = early.waves[early.waves["group"] == "comparison"]
    assert waves["wave"].tolist() == [0, 1] and waves["n"].tolist() == [30, 30]
    options = dash.filter_options(cells)
    assert options.periods == [8092, 8093]
    assert options.wijken == ["WK990101", "WK990102"]
    with use_language("en"):
        assert dash.period_label(8093) == "2023 Q2"
    assert dash.period_label(8093) == "2023 K2"


def test_load_cells_scope_by_role(sqlite_url: str) -> None:
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=4)
    with session_scope(engine) as s:
        funder = orgs.create_organisation(session=s, slug="fonds", name="F")
    staff = dash.load_cells(engine=engine, org_slug="org-a", role="viewer")
    assert len(staff.programmes) == 3
    assert staff.rules["zrm"].mode == "rci"
    assert not staff.change.empty and not staff.area.empty
    with pytest.raises(PermissionDenied):  # a funder's figures: the release
        dash.load_cells(engine=engine, org_slug=funder.slug, role="funder")
    assert dash.min_cell_for("funder") == MIN_CELL
    assert dash.min_cell_for("viewer") is None
    with pytest.raises(OptionError):
        dash.load_cells(engine=engine, org_slug="org-a", role="boss")
    version = dash.data_version(engine=engine, org_slug="org-a", role="analyst")
    assert version[0] > 0 and version[1] == 0


def test_effect_summary_gives_estimates_with_intervals(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from impact.config import get_settings
    from impact.services.demo import load_demo

    monkeypatch.setenv("IMPACT_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    engine = migrated_engine(sqlite_url)
    load_demo(engine)
    with session_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug="demo")
        debt = [
            p.id
            for p in agg.scoped_programmes(session=s, org=org)
            if "Schuld" in p.name
        ]
    rows = dash.effect_summary(
        engine=engine, org_slug="demo", role="analyst", programme_ids=tuple(debt)
    )
    assert len(rows) == 2
    binary = rows[rows["outcome"].str.contains("schulden")].iloc[0]
    assert binary["ci_low"] < binary["estimate"] < binary["ci_high"]
    assert binary["ci_low"] < -0.2 < binary["ci_high"]  # the demo's true effect
    assert "goede aanwijzingen" in binary["evidence"]
    from impact.services.release import funder_effects

    with pytest.raises(PermissionDenied):  # a funder's effects: the release
        dash.effect_summary(engine=engine, org_slug="gemeente-wijkstad", role="funder")
    funded = funder_effects(engine=engine, org_slug="gemeente-wijkstad", role="funder")
    assert set(funded["programme"]) == {
        "Schuldhulp en sociaal raadslieden",
        "Buurthuizen Wijkstad",
    }
