"""Dashboard aggregates: equal to an independent pandas computation from the raw
rows, on SQLite and PostgreSQL, and never showing another organisation's data."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from impact.errors import NotFoundError
from impact.sample import generate as sample
from impact.services.imports import undo_import
from impact.store import aggregates as agg
from impact.store import batches, data, orgs, plans, programmes, values
from impact.store.engine import session_scope
from impact.store.models import AnalysisPlan, Organisation, Programme
from tests.factories import add_org_with_data, migrated_engine

TOLERANCE = 1e-9
Z = 1.96
ZRM_RELIABILITY = 0.87
RULES = (
    agg.ChangeRule("zrm", True, "rci", Z**2 * 2 * (1 - ZRM_RELIABILITY)),
    agg.ChangeRule("swemwbs", True, "mcid", 3.0),
    agg.ChangeRule("problematische_schulden", False, "binary", 1.0),
    agg.ChangeRule("voortijdig_schoolverlaten", False, "binary", 1.0),
)
SCOPED_MODULES = (agg, values, plans)


def _raw(engine: Engine, slug: str) -> pd.DataFrame:
    with session_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug=slug)
        frames = [
            data.measurement_frame(session=s, org=org, programme=p).assign(
                programme_id=p.id
            )
            for p in programmes.list_programmes(session=s, org=org)
        ]
    return pd.concat(frames, ignore_index=True)


def _expected_changes(raw: pd.DataFrame) -> pd.DataFrame:
    """Per programme, instrument and group: pairs, sums and classified counts."""
    keys = ["programme_id", "instrument", "domain", "participant"]
    ordered = raw.sort_values([*keys, "wave"])
    first = ordered.groupby(keys).first()
    last = ordered.groupby(keys).last()
    size = ordered.groupby(keys).size()
    pairs = first[size >= 2].assign(before=first["value"], after=last["value"])
    pairs = pairs.reset_index()
    spread = pairs.groupby(["programme_id", "instrument"])["before"].std(ddof=1)
    rows = []
    for rule in RULES:
        part = pairs[pairs["instrument"] == rule.instrument]
        sign = 1 if rule.higher_better else -1
        delta = (part["after"] - part["before"]) * sign
        if rule.mode == "rci":
            sd = part["programme_id"].map(
                lambda p, ins=rule.instrument: spread[(p, ins)]
            )
            s_diff = np.sqrt(2) * sd * np.sqrt(1 - ZRM_RELIABILITY)
            up, down = delta / s_diff > Z, delta / s_diff < -Z
        elif rule.mode == "mcid":
            up, down = delta >= rule.value, delta <= -rule.value
        else:
            up, down = delta > 0, delta < 0
        rows.append(part.assign(up=up.astype(int), down=down.astype(int)))
    every = pd.concat(rows)
    return every.groupby(["programme_id", "instrument", "group"]).agg(
        n_pairs=("before", "size"),
        sum_before=("before", "sum"),
        sum_after=("after", "sum"),
        n_improved=("up", "sum"),
        n_deteriorated=("down", "sum"),
    )


def _check_cells_match_raw_rows(url: str) -> None:
    engine = migrated_engine(url)
    add_org_with_data(engine, "org-a", seed=11, n=60)
    add_org_with_data(engine, "org-b", seed=12, n=30)
    raw = _raw(engine, "org-a")
    with session_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug="org-a")
        cells = agg.outcome_cells(session=s, org=org, rules=RULES)
    got = cells.change.groupby(["programme_id", "instrument", "group"])[
        ["n_pairs", "sum_before", "sum_after", "n_improved", "n_deteriorated"]
    ].sum()
    expected = _expected_changes(raw)
    got.index = got.index.set_levels(got.index.levels[0].astype("int64"), level=0)
    pd.testing.assert_frame_equal(
        got.astype(float), expected.astype(float), check_like=True, atol=TOLERANCE
    )
    people = raw.drop_duplicates(["programme_id", "participant"])
    reach = cells.reach.groupby(["programme_id", "group", "wijk"])["n_people"].sum()
    want = people.groupby(["programme_id", "group", "wijk"]).size()
    assert reach.sort_index().tolist() == want.sort_index().tolist()
    intake = pd.to_datetime(raw.groupby(["programme_id", "participant"])["date"].min())
    quarters = (intake.dt.year * 4 + (intake.dt.month - 1) // 3).value_counts()
    by_period = cells.reach.groupby("period")["n_people"].sum()
    assert by_period.to_dict() == {float(k): v for k, v in quarters.items()}


def test_cells_match_the_raw_rows_on_sqlite(sqlite_url: str) -> None:
    _check_cells_match_raw_rows(sqlite_url)


@pytest.mark.postgres
def test_cells_match_the_raw_rows_on_postgres(postgres_url: str) -> None:
    _check_cells_match_raw_rows(postgres_url)


def _org_functions() -> set[str]:
    names = set()
    for module in SCOPED_MODULES:
        for name, func in inspect.getmembers(module, inspect.isfunction):
            params = inspect.signature(func).parameters
            mine = func.__module__ == module.__name__ and not name.startswith("_")
            if mine and "org" in params:
                names.add(f"{module.__name__.rsplit('.', 1)[1]}.{name}")
    return names - {"values.save_value_parameter", "plans.lock_plan"}  # writes


def _found(read: Callable[[], Any]) -> Any:
    try:
        return read()
    except NotFoundError:
        return None


def _cell_rows(cells: agg.OutcomeCells) -> list[dict[str, Any]]:
    return cells.change.to_dict("records") + cells.reach.to_dict("records")


def _reads() -> dict[str, Callable[[Session, Organisation, bool], Any]]:
    """Each read, called as organisation (or funder) ``b``."""
    return {
        "aggregates.outcome_cells": lambda s, b, f: _cell_rows(
            agg.outcome_cells(session=s, org=b, rules=RULES, as_funder=f)
        ),
        "aggregates.area_cells": lambda s, b, f: agg.area_cells(
            session=s, org=b, as_funder=f
        ).to_dict("records"),
        "aggregates.data_version": lambda s, b, f: [
            v for v in agg.data_version(session=s, org=b, as_funder=f) if v
        ],
        "aggregates.scoped_programmes": lambda s, b, f: agg.scoped_programmes(
            session=s, org=b, as_funder=f
        ),
        "aggregates.scoped_instruments": lambda s, b, f: {
            k: v
            for k, v in agg.scoped_instruments(session=s, org=b, as_funder=f).items()
            if k == "problematische_schulden"
        },
        "values.list_value_parameters": lambda s, b, f: values.list_value_parameters(
            session=s, org=b
        ),
        "plans.list_plans": lambda s, b, f: plans.list_plans(session=s, org=b),
        "plans.get_plan": lambda s, b, f: _found(
            lambda: plans.get_plan(session=s, org=b, plan_id=1)
        ),
        "plans.find_locked": lambda s, b, f: [
            found
            for plan in s.exec(select(AnalysisPlan)).all()
            if (
                found := plans.find_locked(
                    session=s,
                    org=b,
                    programme=s.get(Programme, plan.programme_id),
                    sha256=plan.spec_sha256,
                )
            )
        ],
    }


def _check_scoping(url: str) -> None:
    engine = migrated_engine(url)
    add_org_with_data(engine, "org-a", seed=1)
    with session_scope(engine) as s:
        a = orgs.get_organisation(session=s, slug="org-a")
        values.save_value_parameter(
            session=s, org=a, key="k", label="K", amount=1.0, price_year=2024
        )
        prog = programmes.list_programmes(session=s, org=a)[0]
        plans.lock_plan(
            session=s, org=a, programme=prog, name="p", spec={"x": 1}, user_id=None
        )
        b = orgs.create_organisation(session=s, slug="org-b", name="B")
    reads = _reads()
    assert set(reads) == _org_functions()
    with session_scope(engine) as s:
        for name, read in reads.items():
            for as_funder in (False, True):
                assert not read(s, b, as_funder), f"{name} leaked org-a's data"
            assert read(s, a, False), f"{name} found nothing for its own org"


def test_every_aggregate_is_scoped_on_sqlite(sqlite_url: str) -> None:
    _check_scoping(sqlite_url)


@pytest.mark.postgres
def test_every_aggregate_is_scoped_on_postgres(postgres_url: str) -> None:
    _check_scoping(postgres_url)


def test_a_funder_sees_only_the_programmes_it_funds(sqlite_url: str) -> None:
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=2)
    with session_scope(engine) as s:
        a = orgs.get_organisation(session=s, slug="org-a")
        funder = orgs.create_organisation(
            session=s, slug="fonds", name="F", kind="funder"
        )
        funded = programmes.get_programme(session=s, org=a, name=sample.DEBT)
        orgs.grant_funding(session=s, funder=funder, programme=funded)
    with session_scope(engine) as s:
        funder = orgs.get_organisation(session=s, slug="fonds")
        cells = agg.outcome_cells(session=s, org=funder, rules=RULES, as_funder=True)
        assert set(cells.change["programme_id"]) == {funded.id}
        assert set(cells.reach["programme_id"]) == {funded.id}
        assert agg.data_version(session=s, org=funder, as_funder=True)[0] > 0
        assert "problematische_schulden" in agg.scoped_instruments(
            session=s, org=funder, as_funder=True
        )


def test_data_version_changes_on_import_and_undo(sqlite_url: str) -> None:
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=3)
    with session_scope(engine) as s:
        a = orgs.get_organisation(session=s, slug="org-a")
        first = agg.data_version(session=s, org=a)
        batch = batches.list_batches(session=s, org=a)[0]
    undo_import(engine=engine, org_slug="org-a", batch_id=batch.id or 0)
    with session_scope(engine) as s:
        a = orgs.get_organisation(session=s, slug="org-a")
        after_undo = agg.data_version(session=s, org=a)
        assert agg.outcome_cells(session=s, org=a, rules=RULES).change.empty
    assert first[0] > 0 and first[1] == 0  # own version; no funded programmes
    assert after_undo != first
