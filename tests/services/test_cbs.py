"""``impact cbs import`` from a committed extract: names reach the dashboard."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from impact.cli import app
from impact.errors import DataError
from impact.ingest import cbs
from impact.sample import generate as sample
from impact.services.cbs import CBS_PROGRAMME, import_cbs
from impact.services.dashboard import Filters, build_view, filter_options, load_cells
from impact.services.imports import frames_sha256, import_frames
from impact.store import orgs, programmes
from impact.store.engine import write_scope
from tests.factories import migrated_engine

EXTRACT = Path(__file__).parents[1] / "data" / "cbs_85984NED_extract.csv"


@pytest.fixture()
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'cbs.db'}"
    monkeypatch.setenv("IMPACT_DATABASE_URL", url)
    engine = migrated_engine(url)
    with write_scope(engine) as session:
        org = orgs.create_organisation(
            session=session, slug="buurtwerk", name="Buurtwerk"
        )
        programmes.upsert_programme(
            session=session, org=org, name=sample.DEBT, design="participant"
        )
        for spec in sample.CUSTOM_INSTRUMENTS:
            programmes.save_instrument(session=session, org=org, spec=spec)
    yield engine


def _participants_in_amsterdam(engine) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(4)
    rows = sample.debt_measurements(rng, 30, 30)
    codes = sorted(rows["wijk"].unique())
    to_amsterdam = {c: f"WK03630{i % 6}" for i, c in enumerate(codes)}
    rows = rows.assign(wijk=rows["wijk"].map(to_amsterdam))
    import_frames(
        engine=engine,
        org_slug="buurtwerk",
        measurements=rows,
        area=None,
        filename="amsterdam.xlsx",
        file_sha256=frames_sha256(rows),
    )


def test_parse_reads_cbs_layout() -> None:
    table = cbs.parse(cbs.read_file(EXTRACT), gemeenten=("GM0363",))
    names = table.names.set_index("code")["name"]
    assert names["WK036300"] == "Burgwallen-Oude Zijde"  # padding stripped
    assert names["GM0363"] == "Amsterdam" and "WK059901" not in names
    assert set(table.names["level"]) == {"gemeente", "wijk", "buurt"}
    inhabitants = table.values[table.values["indicator"] == "AantalInwoners"]
    assert inhabitants.set_index("area_code")["value"]["WK036301"] == 3905
    assert "GM0363" not in set(table.values["area_code"])  # areas only
    # '.' is CBS's missing value: no row, not a zero
    old = table.values[table.values["indicator"] == "k_65JaarOfOuder"]
    assert "WK036304" not in set(old["area_code"]) and len(old) == 7


def test_unknown_indicator_names_the_available_ones() -> None:
    with pytest.raises(DataError, match="AantalInwoners"):
        cbs.parse(cbs.read_file(EXTRACT), indicators=("Geluk",))


def test_cli_import_puts_names_on_the_dashboard(engine) -> None:  # type: ignore[no-untyped-def]
    _participants_in_amsterdam(engine)
    before = filter_options(
        load_cells(engine=engine, org_slug="buurtwerk", role="admin")
    )
    assert before.wijk_labels["WK036300"] == "WK036300"
    result = CliRunner().invoke(
        app,
        [
            "cbs",
            "import",
            "--file",
            str(EXTRACT),
            "--org",
            "buurtwerk",
            "--gemeente",
            "GM0363",
            "--indicator",
            "AantalInwoners",
            "--indicator",
            "Bevolkingsdichtheid_33",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "85984NED" in result.output
    cells = load_cells(engine=engine, org_slug="buurtwerk", role="admin")
    options = filter_options(cells)
    assert options.wijk_labels["WK036300"] == "Burgwallen-Oude Zijde (WK036300)"
    view = build_view(cells, Filters())
    assert "Burgwallen-Oude Zijde (WK036300)" in set(view.reach["wijk"])


def test_indicators_become_area_observations_once(engine) -> None:  # type: ignore[no-untyped-def]
    first = import_cbs(
        engine=engine,
        org_slug="buurtwerk",
        file=EXTRACT,
        indicators=("AantalInwoners",),
    )
    again = import_cbs(
        engine=engine,
        org_slug="buurtwerk",
        file=EXTRACT,
        indicators=("AantalInwoners",),
    )
    assert first.year == cbs.TABLE_YEARS["85984NED"] and first.wijken == 8
    assert first.observations == 10 and again.observations == 0
    from impact.store import data
    from impact.store.engine import session_scope

    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug="buurtwerk")
        prog = programmes.get_programme(session=session, org=org, name=CBS_PROGRAMME)
        frame = data.area_frame(session=session, org=org, programme=prog)
    assert isinstance(frame, pd.DataFrame) and len(frame) == 10
    assert frame["first_treated"].isna().all()


def test_one_source_exactly(engine) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataError):
        import_cbs(engine=engine, org_slug="buurtwerk")
    with pytest.raises(DataError):
        import_cbs(engine=engine, org_slug="buurtwerk", table="85984NED", file=EXTRACT)


def test_cbs_wijken_join_an_area_programme_as_comparison(engine) -> None:  # type: ignore[no-untyped-def]
    from impact.services.analysis import _programme_data

    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug="buurtwerk")
        programmes.upsert_programme(
            session=session, org=org, name="Buurthuis", design="area"
        )
    own = pd.DataFrame(
        {
            "programme": "Buurthuis",
            "area_code": ["WK036300", "WK036300", "WK059901", "WK059901"],
            "period": [2023, 2024, 2023, 2024],
            "indicator": "AantalInwoners",
            "value": [4300.0, 4400.0, 15900.0, 16000.0],
            "first_treated": pd.array([2024, 2024, pd.NA, pd.NA], dtype="Int64"),
        }
    )
    import_frames(
        engine=engine,
        org_slug="buurtwerk",
        measurements=None,
        area=own,
        filename="buurthuis.xlsx",
        file_sha256=frames_sha256(own),
    )
    for year in (2023, 2024):
        import_cbs(
            engine=engine,
            org_slug="buurtwerk",
            file=EXTRACT,
            year=year,
            indicators=("AantalInwoners", "Bevolkingsdichtheid"),
        )
    rows, _, kind = _programme_data(engine, "buurtwerk", "Buurthuis")
    assert kind == "area"
    donors = rows[~rows["area_code"].isin(["WK036300", "WK059901"])]
    assert set(donors["indicator"]) == {"AantalInwoners"}  # only the programme's
    assert donors["first_treated"].isna().all()
    assert "WK036301" in set(donors["area_code"])
    # the programme's own rows win over CBS rows for its wijken
    treated = rows[rows["area_code"] == "WK036300"]
    assert sorted(treated["value"]) == [4300.0, 4400.0]
