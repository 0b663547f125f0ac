"""One data version per organisation: every write path bumps it in the same
transaction, and a cache keyed on it (as the app's) shows the change at its next
read. Each path is also run with the bump broken on purpose: the version stays
and the cache serves a stale dashboard, so the bump is what keeps it current."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from alembic import command
from sqlalchemy.engine import Engine

from impact.config import get_settings
from impact.domain.instruments import custom_instrument
from impact.sample import generate as sample
from impact.services import backup, dashboard, security
from impact.services.demo import load_demo
from impact.services.imports import frames_sha256, import_frames, undo_import
from impact.services.restore import redo_import
from impact.store import batches, migrate, orgs, programmes, values, versions
from impact.store.engine import dispose_engines, get_engine, session_scope, write_scope
from impact.store.models import Programme
from tests.factories import migrated_engine

ORG, FUNDER = "demo", "gemeente-wijkstad"
ERASED_CLIENT = "SR-000001"  # one person of the demo's debt programme


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("version-demo")
    url = f"sqlite:///{folder / 'demo.db'}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("IMPACT_DATABASE_URL", url)
        get_settings.cache_clear()
        load_demo(migrated_engine(url))
        dispose_engines()
    get_settings.cache_clear()
    return folder / "demo.db"


@pytest.fixture()
def engine(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Engine]:
    for file in demo_db.parent.iterdir():  # the database and its key file
        shutil.copy2(file, tmp_path / file.name)
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    monkeypatch.setenv("IMPACT_DATABASE_URL", url)
    get_settings.cache_clear()
    yield get_engine(url)
    dispose_engines()
    get_settings.cache_clear()


class Cache:
    """What apps/cached.py does: dashboard cells keyed by scope and version."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.store: dict[tuple[str, str, tuple[int, int]], object] = {}

    def version(self, slug: str, role: str) -> tuple[int, int]:
        return dashboard.data_version(engine=self.engine, org_slug=slug, role=role)

    def cells(self, slug: str, role: str) -> dashboard.DashboardCells:
        key = (slug, role, self.version(slug, role))
        if key not in self.store:
            self.store[key] = _load(self.engine, slug, role)
        return self.store[key]  # type: ignore[return-value]


def _load(engine: Engine, slug: str, role: str) -> dashboard.DashboardCells:
    """The cells behind a user's dashboard (a funder's: the release's input)."""
    if role == "funder":
        from impact.services.release import _cells

        return _cells(engine, slug, True)[0]
    return dashboard.load_cells(engine=engine, org_slug=slug, role=role)


def _shown(cells: dashboard.DashboardCells) -> tuple[object, ...]:
    """What a user sees change: people, programmes, instruments."""
    view = dashboard.build_view(cells, dashboard.Filters())
    return (
        view.participants,
        tuple(sorted(map(str, cells.programmes["name"]))),
        tuple(sorted(cells.instruments)),
    )


def _first_batch(engine: Engine) -> int:
    with session_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug=ORG)
        return min(b.id or 0 for b in batches.list_batches(session=s, org=org))


def _import(engine: Engine) -> None:
    extra = sample.youth_measurements(np.random.default_rng(5), 4, 0, offset=800_000)
    import_frames(
        engine=engine,
        org_slug=ORG,
        measurements=extra,
        area=None,
        filename="more.xlsx",
        file_sha256=frames_sha256(extra),
    )


def _undo(engine: Engine) -> None:
    undo_import(engine=engine, org_slug=ORG, batch_id=_first_batch(engine))


def _redo_setup(engine: Engine) -> None:
    _undo(engine)


def _redo(engine: Engine) -> None:
    redo_import(engine=engine, org_slug=ORG, batch_id=_first_batch(engine))


def _erase(engine: Engine) -> None:
    security.erase_client(engine=engine, org_slug=ORG, client_ref=ERASED_CLIENT)


def _programme(engine: Engine) -> None:
    with write_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug=ORG)
        programmes.upsert_programme(session=s, org=org, name="Nieuw programma")


def _instrument(engine: Engine) -> None:
    spec = custom_instrument(
        "eigen", "Eigen schaal", kind="numeric", scale_min=0, scale_max=10
    )
    with write_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug=ORG)
        programmes.save_instrument(session=s, org=org, spec=spec)


def _value(engine: Engine) -> None:
    with write_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug=ORG)
        values.save_value_parameter(
            session=s, org=org, key="eigen", label="Eigen", amount=1.0, price_year=2024
        )


def _funding(engine: Engine) -> None:
    with write_scope(engine) as s:
        funder = orgs.get_organisation(session=s, slug=FUNDER)
        org = orgs.get_organisation(session=s, slug=ORG)
        funded = {p.id for p in orgs.funded_programmes(session=s, funder=funder)}
        prog = next(
            p for p in programmes.list_programmes(session=s, org=org)
            if p.id not in funded and p.design == "participant"
        )  # fmt: skip
        orgs.grant_funding(session=s, funder=funder, programme=prog)


def _restore_setup(engine: Engine) -> None:
    folder = Path(str(engine.url.database)).parent
    backup.backup(target=folder / "before.db")
    _erase(engine)  # the live data moves on after the backup


def _restore(engine: Engine) -> None:
    folder = Path(str(engine.url.database)).parent
    backup.restore(source=folder / "before.db")


Step = Callable[[Engine], None]
#: path -> (setup, the write, the scope that sees it, does the dashboard show it)
PATHS: dict[str, tuple[Step | None, Step, tuple[str, str], bool]] = {
    "import": (None, _import, (ORG, "analyst"), True),
    "undo": (None, _undo, (ORG, "analyst"), True),
    "redo": (_redo_setup, _redo, (ORG, "analyst"), True),
    "erasure": (None, _erase, (ORG, "analyst"), True),
    "restore": (_restore_setup, _restore, (ORG, "analyst"), True),
    "programme": (None, _programme, (ORG, "analyst"), True),
    "instrument": (None, _instrument, (ORG, "analyst"), True),
    "funding": (None, _funding, (FUNDER, "funder"), True),
    "value": (None, _value, (ORG, "analyst"), False),  # reports, not cells
}


def _break_bumps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(versions, "bump", lambda **_kw: None)
    monkeypatch.setattr(versions, "bump_all", lambda **_kw: None)


#: a restore puts the backup's versions back with its data, so even without
#: its bump the version differs from the live one; the bump moves every
#: organisation past all versions seen (time-based), which
#: test_a_restore_moves_past_every_version_seen checks
CASES = [(p, b) for p in sorted(PATHS) for b in ("works", "broken")]
CASES.remove(("restore", "broken"))


@pytest.mark.parametrize(("path", "bump"), CASES)
def test_every_write_path_bumps_the_version(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, path: str, bump: str
) -> None:
    setup, write, (slug, role), visible = PATHS[path]
    if setup is not None:
        setup(engine)
    cache = Cache(engine)
    before_version, before = cache.version(slug, role), _shown(cache.cells(slug, role))
    if bump == "broken":
        _break_bumps(monkeypatch)
    write(engine)
    fresh = _shown(_load(engine, slug, role))
    if visible:
        assert fresh != before  # the write changed what the dashboard should show
    if bump == "works":
        assert cache.version(slug, role) != before_version
        assert _shown(cache.cells(slug, role)) == fresh
    else:
        assert cache.version(slug, role) == before_version
        assert _shown(cache.cells(slug, role)) == before  # stale: nothing noticed


def test_erasure_updates_the_cached_dashboard_850_to_849(engine: Engine) -> None:
    cache = Cache(engine)
    assert _shown(cache.cells(ORG, "viewer"))[0] == 850
    _erase(engine)
    assert _shown(cache.cells(ORG, "viewer"))[0] == 849


def test_a_restore_moves_past_every_version_seen(engine: Engine) -> None:
    cache = Cache(engine)
    _restore_setup(engine)
    seen = cache.version(ORG, "analyst")
    _restore(engine)
    assert cache.version(ORG, "analyst")[0] > seen[0]
    assert _shown(cache.cells(ORG, "analyst"))[0] == 850  # the erased one is back


def test_a_migration_bumps_every_version(engine: Engine) -> None:
    cache = Cache(engine)
    before = cache.version(ORG, "analyst")
    url = str(engine.url)
    command.downgrade(migrate.alembic_config(url), "0006")
    migrate.upgrade(url)  # a schema change is a write path
    assert cache.version(ORG, "analyst")[0] > before[0]


def test_a_bump_is_part_of_the_writers_transaction(engine: Engine) -> None:
    cache = Cache(engine)
    before = cache.version(ORG, "analyst")
    with pytest.raises(RuntimeError), write_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug=ORG)
        versions.bump(session=s, org_ids=[org.id])
        raise RuntimeError("the write fails")
    assert cache.version(ORG, "analyst") == before
    with session_scope(engine) as s:
        assert s.get(Programme, 1) is not None
