"""Property: whatever organisations, users, roles, fundings and data exist, no read
ever returns another organisation's rows, and funders get only aggregates of the
programmes they fund, with every cell under ``IMPACT_MIN_CELL`` suppressed.

Hypothesis builds random worlds. Every repository read in ``impact.store`` (found
by introspection: a new read that is not listed here fails the test) and every
service read path is called as every member of every organisation, with the
identifiers (programme ids and names, batch ids, file hashes, e-mails) of *all*
organisations. Each organisation's programme and instrument names carry its slug
and its pseudonyms are its own (its own key), so a foreign row is recognisable
wherever it turns up in a result.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import pkgutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

import impact.store
from impact.errors import NotFoundError, PermissionDenied
from impact.sample import generate as sample
from impact.services import (
    admin,
    dashboard,
    import_tools,
    org_admin,
    programmes_admin,
    release,
    report_downloads,
)
from impact.services.imports import frames_sha256, import_frames
from impact.store import (
    aggregates,
    archive,
    audit,
    batches,
    data,
    mappings,
    orgs,
    plans,
    programmes,
    pseudonyms,
    values,
)
from impact.store.engine import dispose_engines, session_scope, write_scope
from impact.store.models import AnalysisPlan, Organisation, Programme, User
from tests.factories import STORE_WRITES, migrated_engine

MAX_EXAMPLES = 12
MIN_CELL = 10
STAFF = ("admin", "analyst", "uploader", "viewer")
#: reads that give a funder the instrument names of its funded programmes' owners
INSTRUMENT_READS = frozenset(
    {
        "aggregates.scoped_instruments",
        "dashboard.load_cells",
        "release.funder_dashboard",
    }
)
#: store functions taking ``org``/``funder`` that write (tested elsewhere)
NOT_READS = STORE_WRITES


def store_reads() -> set[str]:
    """``module.function`` of every public store function taking org or funder."""
    names = set()
    for info in pkgutil.iter_modules(impact.store.__path__):
        module = importlib.import_module(f"impact.store.{info.name}")
        for name, func in inspect.getmembers(module, inspect.isfunction):
            if func.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = inspect.signature(func).parameters
            if ("org" in params or "funder" in params) and name not in NOT_READS:
                names.add(f"{info.name}.{name}")
    return names


# --- worlds -----------------------------------------------------------------


@dataclasses.dataclass
class World:
    providers: list[dict[str, Any]]  # slug, programmes {name: (n_treated, n_comp)}
    funders: list[dict[str, Any]]  # slug, funds [(provider index, programme)]
    users: list[list[tuple[int, str]]]  # per user: [(org index, role)]


@st.composite
def worlds(draw: st.DrawFn) -> World:
    names = [p.name for p in sample.PROGRAMMES]
    providers = []
    for i in range(draw(st.integers(1, 3))):
        chosen = draw(st.lists(st.sampled_from(names), min_size=1, unique=True))
        sizes = {n: (draw(st.integers(0, 7)), draw(st.integers(0, 7))) for n in chosen}
        providers.append({"slug": f"prov-{i}", "programmes": sizes})
    pairs = [(i, n) for i, p in enumerate(providers) for n in p["programmes"]]
    funders = [
        {
            "slug": f"fund-{j}",
            "funds": draw(st.lists(st.sampled_from(pairs), unique=True)),
        }
        for j in range(draw(st.integers(0, 2)))
    ]
    n_orgs = len(providers) + len(funders)
    users = []
    for _ in range(draw(st.integers(1, 5))):
        org_ids = draw(
            st.lists(st.integers(0, n_orgs - 1), min_size=1, max_size=2, unique=True)
        )
        users.append(
            [
                (o, "funder" if o >= len(providers) else draw(st.sampled_from(STAFF)))
                for o in org_ids
            ]
        )
    return World(providers, funders, users)


def tagged(name: str, slug: str) -> str:
    return f"{name} [{slug}]"


def _frames(sizes: dict[str, tuple[int, int]], slug: str, seed: int) -> Any:
    rng = np.random.default_rng(seed)
    parts = []
    if sample.DEBT in sizes:
        parts.append(sample.debt_measurements(rng, *sizes[sample.DEBT]))
    if sample.YOUTH in sizes:
        parts.append(sample.youth_measurements(rng, *sizes[sample.YOUTH]))
    meas = pd.concat(parts, ignore_index=True) if parts else None
    area = sample.area_observations(rng) if sample.BUURTHUIS in sizes else None
    for frame in (meas, area):
        if frame is not None:
            frame["programme"] = frame["programme"].map(lambda n: tagged(n, slug))
    return meas, area


def build(engine: Engine, world: World) -> list[str]:
    slugs = [p["slug"] for p in world.providers] + [f["slug"] for f in world.funders]
    with write_scope(engine) as s:
        for prov in world.providers:
            org = orgs.create_organisation(session=s, slug=prov["slug"], name="P")
            for spec in sample.CUSTOM_INSTRUMENTS:
                spec = dataclasses.replace(spec, name=tagged(spec.name, org.slug))
                programmes.save_instrument(session=s, org=org, spec=spec)
            values.save_value_parameter(
                session=s, org=org, key="k", label=tagged("euro", org.slug),
                amount=1.0, price_year=2024,
            )  # fmt: skip
            mappings.save_mapping(
                session=s,
                org=org,
                name=tagged("layout", org.slug),
                mapping={tagged("Cliënt", org.slug): "client_ref"},
            )
            for name in prov["programmes"]:
                prog = programmes.upsert_programme(
                    session=s, org=org, name=tagged(name, org.slug)
                )
                plans.lock_plan(
                    session=s,
                    org=org,
                    programme=prog,
                    name=tagged("plan", org.slug),
                    spec={"outcome": "zrm"},
                    user_id=None,
                )
        for fund in world.funders:
            funder = orgs.create_organisation(
                session=s, slug=fund["slug"], name="F", kind="funder"
            )
            for p_idx, name in fund["funds"]:
                owner = orgs.get_organisation(
                    session=s, slug=world.providers[p_idx]["slug"]
                )
                prog = programmes.get_programme(
                    session=s, org=owner, name=tagged(name, owner.slug)
                )
                orgs.grant_funding(session=s, funder=funder, programme=prog)
    for i, prov in enumerate(world.providers):
        meas, area = _frames(prov["programmes"], prov["slug"], seed=i)
        if meas is None and area is None:
            continue
        import_frames(
            engine=engine,
            org_slug=prov["slug"],
            measurements=meas,
            area=area,
            filename=f"{prov['slug']}.xlsx",
            file_sha256=frames_sha256(*(f for f in (meas, area) if f is not None)),
        )
    for u, memberships in enumerate(world.users):
        for org_idx, role in memberships:
            admin.add_user(
                engine=engine, email=f"u{u}@x.nl", org_slug=slugs[org_idx], role=role
            )
    return slugs


# --- the oracle: what belongs to whom, read with raw SQL -------------------------


@dataclasses.dataclass
class Truth:
    org_id: dict[str, int]
    pseudonyms: dict[int, set[str]]
    participant_ids: dict[int, set[int]]
    batch_ids: dict[int, set[int]]
    members: dict[int, set[int]]
    funded: dict[int, set[int]]
    people: dict[int, int]  # programme id -> participants
    programmes: dict[int, set[int]]  # organisation id -> its programme ids
    counts: dict[int, dict[str, int]]


def truth(engine: Engine) -> Truth:
    def rows(sql: str) -> list[Any]:
        with engine.connect() as conn:
            return list(conn.execute(sa.text(sql)).all())

    def group(sql: str) -> dict[int, set[Any]]:
        out: dict[int, set[Any]] = {}
        for key, value in rows(sql):
            out.setdefault(key, set()).add(value)
        return out

    org_id = dict(rows("SELECT slug, id FROM organisation"))
    counts = {
        oid: {
            "participants": _n(rows, "participant", oid),
            "measurements": _n(rows, "measurement", oid),
            "area_observations": _n(rows, "areaobservation", oid),
            "import_batches": _n(rows, "importbatch", oid),
        }
        for oid in org_id.values()
    }
    return Truth(
        org_id=org_id,
        pseudonyms=group("SELECT organisation_id, pseudonym FROM participant"),
        participant_ids=group("SELECT organisation_id, id FROM participant"),
        batch_ids=group("SELECT organisation_id, id FROM importbatch"),
        members=group("SELECT organisation_id, user_id FROM membership"),
        funded=group("SELECT funder_id, programme_id FROM funding"),
        people=dict(rows("SELECT programme_id, count(*) FROM participant GROUP BY 1")),
        counts=counts,
        programmes=group("SELECT organisation_id, id FROM programme"),
    )


def _n(rows: Callable[[str], list[Any]], table: str, oid: int) -> int:
    return int(
        rows(f"SELECT count(*) FROM {table} WHERE organisation_id = {oid}")[0][0]
    )


# --- the check -----------------------------------------------------------------


class Leak(AssertionError):
    pass


@dataclasses.dataclass
class Viewer:
    org: Organisation
    truth: Truth
    slugs: list[str]
    funded_ok: set[int]  # programme ids this org may see as a funder
    funded_names: set[str] = dataclasses.field(default_factory=set)
    #: slugs owning a funded programme: a funder may see their instrument names
    funded_owners: set[str] = dataclasses.field(default_factory=set)

    def check(self, where: str, value: Any) -> None:
        for item in _walk(value):
            self._item(where, item)

    def _item(self, where: str, item: Any) -> None:
        me = self.org.id or 0
        if isinstance(item, ProgrammeId):
            own = self.truth.programmes.get(me, set())
            if item.id not in own | self.funded_ok:
                raise Leak(f"{where}: cells of programme {item.id}")
        elif isinstance(item, Programme):
            if item.organisation_id != me and item.id not in self.funded_ok:
                raise Leak(f"{where}: programme {item.name!r} of another organisation")
        elif isinstance(item, Organisation):
            if item.id != me:
                raise Leak(f"{where}: organisation {item.slug}")
        elif isinstance(item, User):
            if item.id not in self.truth.members.get(me, set()):
                raise Leak(f"{where}: user {item.email} is not a member")
        elif isinstance(item, SQLModel) and hasattr(item, "organisation_id"):
            if item.organisation_id != me:
                raise Leak(f"{where}: {type(item).__name__} of another organisation")
        elif isinstance(item, str):
            self._text(where, item)

    def _text(self, where: str, text: str) -> None:
        for slug in self.slugs:
            foreign = f"[{slug}]" in text and slug != self.org.slug
            instrument_of_funded = (
                where in INSTRUMENT_READS and slug in self.funded_owners
            )
            if foreign and text not in self.funded_names and not instrument_of_funded:
                raise Leak(f"{where}: {text!r}")
        for oid, refs in self.truth.pseudonyms.items():
            if oid != self.org.id and text in refs:
                raise Leak(f"{where}: a pseudonym of organisation {oid}")


@dataclasses.dataclass(frozen=True)
class ProgrammeId:
    id: int


def _walk(value: Any) -> Iterator[Any]:
    if isinstance(value, pd.DataFrame):
        yield from _walk(value.to_dict("records"))
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(k)
            if k == "programme_id" and v is not None:
                yield ProgrammeId(int(v))  # aggregate cells name their programme
            else:
                yield from _walk(v)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from _walk(v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield from _walk(dataclasses.asdict(value))
    else:
        yield value


def reads(
    s: Session, org: Organisation, pool: dict[str, list[Any]]
) -> dict[str, list[Any]]:
    """Every store read as ``org``, once per identifier of every organisation."""

    def each(key: str, fn: Callable[[Any], Any]) -> list[Any]:
        out = []
        for ident in pool[key]:
            try:
                out.append(fn(ident))
            except NotFoundError:
                out.append(None)
        return out

    prog_ids = [p.id for p in pool["programmes"]]
    return {
        "programmes.list_programmes": [programmes.list_programmes(session=s, org=org)],
        "programmes.find_programme": each(
            "names", lambda n: programmes.find_programme(session=s, org=org, name=n)
        ),
        "programmes.get_programme": each(
            "names", lambda n: programmes.get_programme(session=s, org=org, name=n)
        ),
        "programmes.programme_by_id": each(
            "programme_ids",
            lambda i: programmes.programme_by_id(session=s, org=org, programme_id=i),
        ),
        "programmes.programme_dates": [programmes.programme_dates(session=s, org=org)],
        "programmes.custom_instruments": [
            programmes.custom_instruments(session=s, org=org)
        ],
        "programmes.instrument_registry": [
            [
                i.name
                for i in programmes.instrument_registry(session=s, org=org).values()
            ]
        ],
        "orgs.members": [orgs.members(session=s, org=org)],
        "orgs.role_in": each(
            "users", lambda u: (orgs.role_in(session=s, org=org, user=u), u.id)
        ),
        "orgs.funded_programmes": [orgs.funded_programmes(session=s, funder=org)],
        "data.funded_programme_counts": [
            data.funded_programme_counts(session=s, funder=org)
        ],
        "batches.find_imported_file": each(
            "shas", lambda h: batches.find_imported_file(session=s, org=org, sha256=h)
        ),
        "batches.get_batch": each(
            "batch_ids", lambda b: batches.get_batch(session=s, org=org, batch_id=b)
        ),
        "batches.list_batches": [batches.list_batches(session=s, org=org)],
        "archive.archived_measurements": each(
            "batch_ids",
            lambda b: archive.archived_measurements(session=s, org=org, batch_id=b),
        ),
        "archive.archived_area": each(
            "batch_ids",
            lambda b: archive.archived_area(session=s, org=org, batch_id=b),
        ),
        "archive.expired_batches": [
            archive.expired_batches(
                session=s, org=org, undone_before=dt.datetime(9999, 1, 1, tzinfo=dt.UTC)
            )
        ],
        "audit.events": [audit.events(session=s, org=org)],
        "data.count_rows": [data.count_rows(session=s, org=org)],
        "data.programme_counts": [data.programme_counts(session=s, org=org)],
        "data.existing_participants": [
            data.existing_participants(session=s, org=org, programme_ids=prog_ids)
        ],
        "data.measurement_frame": each(
            "programmes",
            lambda p: data.measurement_frame(session=s, org=org, programme=p),
        ),
        "pseudonyms.participant_pseudonyms": [
            list(pseudonyms.participant_pseudonyms(session=s, org=org).values())
        ],
        "mappings.list_mappings": [mappings.list_mappings(session=s, org=org)],
        "mappings.get_mapping": each(
            "mapping_names",
            lambda n: mappings.get_mapping(session=s, org=org, name=n),
        ),
        "data.area_frame": each(
            "programmes", lambda p: data.area_frame(session=s, org=org, programme=p)
        ),
        "data.outcome_counts": each(
            "programmes",
            lambda p: data.outcome_counts(session=s, org=org, programme=p),
        ),
        "data.participants_by_wijk": [
            data.participants_by_wijk(session=s, org=org, programme_ids=prog_ids)
        ],
        "data.measured_period": [
            data.measured_period(session=s, org=org, programme_ids=prog_ids)
        ],
        "plans.list_plans": [plans.list_plans(session=s, org=org)],
        "plans.get_plan": each(
            "plan_ids", lambda i: plans.get_plan(session=s, org=org, plan_id=i)
        ),
        "plans.find_locked": each(
            "plan_ids",
            lambda i: plans.find_locked(
                session=s,
                org=org,
                programme=s.get(Programme, s.get(AnalysisPlan, i).programme_id),
                sha256=s.get(AnalysisPlan, i).spec_sha256,
            ),
        ),
        "values.list_value_parameters": [
            values.list_value_parameters(session=s, org=org)
        ],
        **{
            f"aggregates.{name}": [
                _plain(getattr(aggregates, name)(session=s, org=org, as_funder=f))
                for f in (False, True)
            ]
            for name in (
                "scoped_programmes",
                "data_version",
                "outcome_cells",
                "area_cells",
                "scoped_instruments",
            )
        },
    }


def _plain(value: Any) -> Any:
    """Instrument specs by name (their fields are shipped texts, not data)."""
    if isinstance(value, dict):
        return [getattr(v, "name", v) for v in value.values()]
    return value


def _pool(s: Session) -> dict[str, list[Any]]:
    progs = list(s.exec(sa.select(Programme)).scalars())  # type: ignore[call-overload]
    batch_rows = s.execute(sa.text("SELECT id, file_sha256 FROM importbatch")).all()
    return {
        "programmes": progs,
        "programme_ids": [p.id for p in progs],
        "names": [p.name for p in progs],
        "batch_ids": [b[0] for b in batch_rows],
        "shas": [b[1] for b in batch_rows],
        "users": list(s.exec(sa.select(User)).scalars()),  # type: ignore[call-overload]
        "mapping_names": list(
            s.execute(sa.text("SELECT name FROM columnmapping")).scalars()
        ),
        "plan_ids": list(s.execute(sa.text("SELECT id FROM analysisplan")).scalars()),
    }


def check_world(engine: Engine, slugs: list[str]) -> None:
    facts = truth(engine)
    with session_scope(engine) as s:
        pool = _pool(s)
        users = list(s.exec(sa.select(User)).scalars())  # type: ignore[call-overload]
        for user in users:
            for org, role in orgs.memberships_of(session=s, user=user):
                funded = (
                    facts.funded.get(org.id or 0, set()) if role == "funder" else set()
                )
                names = {p.name for p in pool["programmes"] if p.id in funded}
                owners = {
                    o.slug
                    for p in pool["programmes"]
                    if p.id in funded
                    for o in [
                        orgs.organisation_by_id(session=s, org_id=p.organisation_id)
                    ]
                }
                viewer = Viewer(org, facts, slugs, funded, names, owners)
                results = reads(s, org, pool)
                assert set(results) >= store_reads(), store_reads() - set(results)
                for name, values in results.items():
                    viewer.check(name, values)
                # counts must be this organisation's own, exactly
                assert results["data.count_rows"][0] == facts.counts[org.id or 0]
                check_unlabelled_reads(s, org, facts, pool)
                check_services(engine, org, role, facts, viewer)


def check_unlabelled_reads(
    s: Session, org: Organisation, facts: Truth, pool: dict[str, list[Any]]
) -> None:
    """Reads whose results carry no name or pseudonym: asking with every
    organisation's programme ids must give what asking with one's own gives."""
    own = sorted(facts.programmes.get(org.id or 0, set()))
    every = [p.id for p in pool["programmes"]]
    for read in (data.participants_by_wijk, data.measured_period):
        mine = read(session=s, org=org, programme_ids=own)
        assert read(session=s, org=org, programme_ids=every) == mine, read.__name__
    # the data version is this organisation's own counter, never another's
    own, _funded = aggregates.data_version(session=s, org=org)
    stored = s.execute(
        sa.text("SELECT data_version FROM organisation WHERE id = :i"), {"i": org.id}
    ).scalar_one()
    assert own == stored


def service_reads(engine: Engine, slug: str, role: str) -> dict[str, Any]:
    """Every service read path that takes a role, as this member (a refusal by
    the permission table counts as no data)."""
    calls: dict[str, Callable[[], Any]] = {
        "dashboard.data_version": lambda: dashboard.data_version(
            engine=engine, org_slug=slug, role=role
        )[0],
        "dashboard.load_cells": lambda: dashboard.load_cells(
            engine=engine, org_slug=slug, role=role
        ),
        "release.funder_options": lambda: release.funder_options(
            engine=engine, org_slug=slug, role=role
        ),
        "release.funder_dashboard": lambda: release.funder_dashboard(
            engine=engine, org_slug=slug, role=role, filters=release.FunderFilters()
        ),
        "report_downloads.reportable_programmes": lambda: (
            report_downloads.reportable_programmes(
                engine=engine, org_slug=slug, role=role
            )
        ),
        "org_admin.members": lambda: org_admin.members(
            engine=engine, org_slug=slug, role=role
        ),
        "org_admin.instruments": lambda: org_admin.instruments(
            engine=engine, org_slug=slug, role=role
        ),
        "org_admin.value_parameters": lambda: org_admin.value_parameters(
            engine=engine, org_slug=slug, role=role
        ),
        "org_admin.audit_log": lambda: org_admin.audit_log(
            engine=engine, org_slug=slug, role=role
        ),
        "programmes_admin.programme_forms": lambda: programmes_admin.programme_forms(
            engine=engine, org_slug=slug, role=role
        ),
        "import_tools.history": lambda: import_tools.history(
            engine=engine, org_slug=slug, role=role
        ),
    }
    out = {}
    for name, call in calls.items():
        try:
            out[name] = call()
        except PermissionDenied:
            out[name] = None
    return out


def check_funder_dashboard(engine: Engine, slug: str) -> None:
    """Every figure of a funder's dashboard describes >= IMPACT_MIN_CELL people,
    and the staff's cells are refused to a funder."""
    with pytest.raises(PermissionDenied):
        dashboard.load_cells(engine=engine, org_slug=slug, role="funder")
    view = release.funder_dashboard(
        engine=engine, org_slug=slug, role="funder", filters=release.FunderFilters()
    )
    assert view.participants in (None, 0) or view.participants >= MIN_CELL
    for frame in (view.reach, view.outcomes, view.waves, view.periods):
        shown = pd.to_numeric(frame["n"], errors="coerce").dropna()
        assert ((shown == 0) | (shown >= MIN_CELL)).all(), frame


def check_services(
    engine: Engine, org: Organisation, role: str, facts: Truth, viewer: Viewer
) -> None:
    counts = admin.status(engine=engine, org_slug=org.slug)
    assert counts == facts.counts[org.id or 0]
    for name, result in service_reads(engine, org.slug, role).items():
        viewer.check(name, result)
    rows = admin.programme_overview(engine=engine, org_slug=org.slug, role=role)
    viewer.check("programme_overview", rows)
    ids = {r["id"] for r in rows}
    if role != "funder":
        assert all(tagged("", org.slug) in str(r["name"]) for r in rows)
        return
    assert ids == facts.funded.get(org.id or 0, set())
    check_funder_dashboard(engine, org.slug)
    for row in rows:
        true_n = facts.people.get(int(row["id"]), 0)  # type: ignore[call-overload]
        if row["areas"] is not None:  # an area programme counts wijken
            assert row["participants"] is None, row
        elif 0 < true_n < MIN_CELL:
            assert row["participants"] is None and row["measurements"] is None, row
        else:
            assert row["participants"] == true_n, row


@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(world=worlds())
def test_no_read_returns_another_organisations_rows(world: World) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / uuid.uuid4().hex}.db"
        engine = migrated_engine(url)
        try:
            slugs = build(engine, world)
            check_world(engine, slugs)
        finally:
            dispose_engines()


def test_the_check_catches_a_leak(sqlite_url: str) -> None:
    """The walker is not vacuous: a foreign programme in a result is caught."""
    engine = migrated_engine(sqlite_url)
    world = World(
        [{"slug": "prov-0", "programmes": {sample.DEBT: (3, 3)}}] * 1
        + [{"slug": "prov-1", "programmes": {sample.DEBT: (3, 3)}}],
        [],
        [[(0, "admin")]],
    )
    slugs = build(engine, world)
    facts = truth(engine)
    with session_scope(engine) as s:
        a = orgs.get_organisation(session=s, slug="prov-0")
        b = orgs.get_organisation(session=s, slug="prov-1")
        viewer = Viewer(a, facts, slugs, set())
        foreign = programmes.list_programmes(session=s, org=b)
        with pytest.raises(Leak):
            viewer.check("x", foreign)
        frame = data.measurement_frame(session=s, org=b, programme=foreign[0])
        assert len(frame)
        with pytest.raises(Leak):
            viewer.check("x", frame)
