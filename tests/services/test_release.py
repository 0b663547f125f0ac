"""The release to funders, on the demo data plus a world with a small wijk: the
cases of issue #11 as regression tests.

The small world is the issue's own: in WK990101 a programme has 22 treated
and 8 comparison clients (headline 30), in WK990102 30 and 20.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sqlalchemy.engine import Engine

from impact.domain.suppression import TOTAL
from impact.errors import DataError, PermissionDenied
from impact.report import read_embedded
from impact.sample import generate as sample
from impact.services.dashboard import Filters
from impact.services.demo import FUNDER_SLUG, load_demo
from impact.services.imports import frames_sha256, import_frames
from impact.services.release import (
    FunderFilters,
    dashboard_view,
    funder_filters,
    release_for,
)
from impact.services.release.funder_report import funder_report
from impact.services.release.view_json import funder_view, parse_period
from impact.store import orgs, programmes
from impact.store.engine import dispose_engines, write_scope
from tests.factories import migrated_engine

FUNDER = "funder@demo.wijkimpact.nl"
SMALL = "Wijkproject"
#: (wijk, group) -> people of the small world
SMALL_WORLD = {
    ("WK990101", "treated"): 22,
    ("WK990101", "comparison"): 8,
    ("WK990102", "treated"): 30,
    ("WK990102", "comparison"): 20,
}
MIN_CELL = 10


def _small_world(engine: Engine) -> None:
    with write_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug="demo")
        funder = orgs.get_organisation(session=s, slug=FUNDER_SLUG)
        prog = programmes.upsert_programme(session=s, org=org, name=SMALL)
        orgs.grant_funding(session=s, funder=funder, programme=prog)
    rng = np.random.default_rng(11)
    frame = sample.debt_measurements(rng, 52, 28, offset=900_000, prefix="WP")
    wijk = {}
    for group in ("treated", "comparison"):
        refs = sorted(set(frame.loc[frame["group"] == group, "client_ref"]))
        first = SMALL_WORLD[("WK990101", group)]
        wijk.update(
            {r: "WK990101" if i < first else "WK990102" for i, r in enumerate(refs)}
        )
    frame = frame.assign(programme=SMALL, wijk=frame["client_ref"].map(wijk))
    import_frames(
        engine=engine, org_slug="demo", measurements=frame, area=None,
        filename="wijkproject.xlsx", file_sha256=frames_sha256(frame),
    )  # fmt: skip


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder: Path = tmp_path_factory.mktemp("release")
    engine = migrated_engine(f"sqlite:///{folder / 'demo.db'}")
    load_demo(engine)
    _small_world(engine)
    yield engine
    dispose_engines()


def _all_views(engine: Engine) -> Iterator[tuple[FunderFilters, object]]:
    release = release_for(engine=engine, org_slug=FUNDER_SLUG, role="funder")
    years = sorted(
        {
            int(y)
            for c in release.reach.values()
            for _w, _g, y in c.table.values
            if y.isdigit()
        }
    )
    wijken = sorted(
        {
            w
            for c in release.reach.values()
            for w, _g, _y in c.table.values
            if w.startswith("WK")
        }
    )
    ids = [(), *((i,) for i in release.names)]
    for pid, wijk, year in itertools.product(ids, [None, *wijken], [None, *years]):
        flt = FunderFilters(pid, wijk, year)
        yield flt, dashboard_view(release, flt)


def test_one_wijk_filter_does_not_give_the_hidden_group_away(engine: Engine) -> None:
    shown = funder_view(engine=engine, email=FUNDER, programme=SMALL, wijk="WK990101")
    rows = {r["group"]: r["participants"] for r in shown["reach"]}
    assert rows["comparison"] is None  # 8 people
    # 30 - 22 = 8 is no longer possible: the 22 is hidden with it
    assert shown["total_participants"] is None or rows["treated"] is None
    assert 8 not in rows.values() and 22 not in rows.values()


def test_no_filter_combination_leaves_one_hidden_cell_beside_its_total(
    engine: Engine,
) -> None:
    for flt, view in _all_views(engine):
        for (programme, wijk), part in view.reach.groupby(["programme", "wijk"]):  # type: ignore[attr-defined]
            hidden = part["n"].isna().sum()
            assert hidden != 1, (flt, programme, wijk)


def test_period_filters_are_whole_years_only() -> None:
    with pytest.raises(DataError):  # one quarter less than the year
        funder_filters(Filters((), (), *parse_period("2024-Q1:2024-Q3")))
    with pytest.raises(DataError):  # two years together
        funder_filters(Filters((), (), *parse_period("2023-Q1:2024-Q4")))
    with pytest.raises(DataError):  # two wijken together
        funder_filters(Filters((), ("WK990101", "WK990102")))
    assert (
        funder_filters(Filters((), (), *parse_period("2024-Q1:2024-Q4"))).year == 2024
    )
    with pytest.raises(DataError):
        parse_period("2024")


def test_no_mean_or_share_of_a_hidden_group_leaves(engine: Engine) -> None:
    from impact.charts import dashboard as charts

    for flt, view in _all_views(engine):
        outcomes = view.outcomes  # type: ignore[attr-defined]
        hidden = outcomes[outcomes["n"].isna()]
        stats = ["mean_before", "mean_after", "share_improved", "share_deteriorated"]
        assert hidden[stats].isna().all().all(), flt
        for programme, frame in outcomes.groupby("programme"):
            if frame["share_improved"].notna().any():
                data = charts.improved_chart(frame).to_dict()["datasets"]
                for rows in data.values():
                    assert all(r["n"] >= MIN_CELL for r in rows), (flt, programme)


def test_report_and_dashboard_publish_the_same_cells(engine: Engine) -> None:
    shown = funder_view(engine=engine, email=FUNDER, programme=SMALL)
    content = funder_report(
        engine=engine, funder_slug=FUNDER_SLUG, programme_name=SMALL, fmt="xlsx"
    )
    reach = read_embedded(content)["reach"]
    release = release_for(engine=engine, org_slug=FUNDER_SLUG, role="funder")
    pid = next(i for i, n in release.names.items() if n == SMALL)
    cube = release.reach[pid]
    assert reach["n_participants"] == cube.count((TOTAL, "treated", TOTAL))
    assert reach["n_comparison"] == cube.count((TOTAL, "comparison", TOTAL))
    by_area = {r["area"]: r["n"] for r in reach["by_area"]}
    for wijk, n in by_area.items():
        assert n == cube.count((wijk, "treated", TOTAL))
    # the org-wide minus programme trick: the 8 and 12 are not differences
    assert shown["total_participants"] == 80
    counts = [reach["n_participants"], reach["n_comparison"], *by_area.values()]
    assert 8 not in counts and 22 not in counts


def test_a_hidden_wijk_is_not_drawn_as_zero(engine: Engine) -> None:
    from impact.report.document import build_document
    from impact.report.privacy import suppress
    from impact.services.reports import build_report

    report = suppress(
        build_report(
            engine=engine, org_slug="demo", programme_names=(SMALL,), audience="funder"
        )
    )
    hidden = {r.area for r in report.reach.by_area if r.n is None}
    assert hidden  # WK990101's 22 treated are hidden with its 8 comparison
    figure = next(
        block
        for section in build_document(report, "nl").sections
        for block in section.blocks
        if getattr(block, "name", "") == "reach" and hasattr(block, "spec")
    )
    rows = [r for data in figure.spec["datasets"].values() for r in data]
    drawn = {r["area"]: r["n"] for r in rows if "area" in r}
    for wijk in hidden:
        assert drawn[wijk] is None  # no bar, labelled "< 10"


def test_area_programme_speaks_of_wijken(engine: Engine) -> None:
    shown = funder_view(engine=engine, email=FUNDER, programme=sample.BUURTHUIS)
    assert shown["total_participants"] is None and shown["areas"] == 12
    content = funder_report(
        engine=engine, funder_slug=FUNDER_SLUG, programme_name=sample.BUURTHUIS,
        fmt="docx",
    )  # fmt: skip
    reach = read_embedded(content)["reach"]
    assert reach["unit"] == "areas"
    assert (reach["n_participants"], reach["n_comparison"]) == (8, 4)
    from io import BytesIO

    from docx import Document

    words = " ".join(p.text for p in Document(BytesIO(content)).paragraphs)
    assert "8 wijken" in words and "namen deel" not in words


def test_counts_are_per_programme_and_funded_only(engine: Engine) -> None:
    content = funder_report(
        engine=engine, funder_slug=FUNDER_SLUG, programme_name=sample.DEBT, fmt="pdf"
    )
    embedded = read_embedded(content)
    assert embedded["reach"]["n_measurements"] == 2000  # not the organisation's
    text = json.dumps(embedded) + json.dumps(
        funder_view(engine=engine, email=FUNDER), ensure_ascii=False
    )
    assert sample.YOUTH not in text


def test_only_funders_get_a_funder_view(engine: Engine) -> None:
    with pytest.raises(PermissionDenied):
        funder_view(engine=engine, email="analyst@demo.wijkimpact.nl")


def test_demo_cost_of_the_protection(engine: Engine) -> None:
    """What the protection costs on the demo's funded debt programme: every
    published (wijk, group, year) cell and margin, and how many are hidden."""
    release = release_for(engine=engine, org_slug=FUNDER_SLUG, role="funder")
    pid = next(i for i, n in release.names.items() if n == sample.DEBT)
    table = release.reach[pid].table
    cells = {k for k in table.values if TOTAL not in k}
    primary = table.primary & cells
    secondary = (table.hidden - table.primary) & cells
    assert len(primary) > 0 and len(secondary) >= len(primary) // 2
    # every wijk x group over all years: at most a sixth hidden
    wijk_group = {
        k for k in table.values if k[0] != TOTAL and k[1] != TOTAL and k[2] == TOTAL
    }
    assert len(wijk_group & table.hidden) <= len(wijk_group) // 6
    assert table.shown((TOTAL, TOTAL, TOTAL)) == 500
    frame = pd.DataFrame({"n": [len(cells), len(primary), len(secondary)]})
    assert frame["n"].sum() > 0
