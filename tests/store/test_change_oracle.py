"""An independent oracle for the dashboard's change classification: who
improved and who deteriorated, computed in pandas straight from the stored
measurements with the published formulas (not a copy of the SQL rule):

- Reliable Change Index (Jacobson & Truax 1991): RCI = (after - before) / S_diff
  with S_diff = SD_before * sqrt(2 * (1 - r)); reliable when |RCI| > 1.96;
- a minimal important change (MCID): |change| of at least the MCID;
- yes/no outcomes: a move from one state to the other.

The first and last measured wave of each person are compared; SD_before is the
sample SD (n - 1) of the before scores of the people measured twice in the same
programme and outcome."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from sqlalchemy import text

from impact.store import aggregates as agg
from impact.store import orgs
from impact.store.engine import session_scope
from tests.factories import add_org_with_data, migrated_engine

Z = 1.96
#: a low reliability puts the reliable-change threshold between whole-point
#: changes of the ZRM (1 to 5), so a wrong threshold shows in the counts
RELIABILITY = {"zrm": 0.3}
MCID = {"swemwbs": 3.0}
BINARY = {"problematische_schulden"}
HIGHER_BETTER = {"zrm": True, "swemwbs": True, "problematische_schulden": False}
KEYS = ["programme_id", "instrument", "domain", "group"]
SEEDS = (3, 11)


def _rules() -> list[agg.ChangeRule]:
    """The production rules for these instruments (built the way the dashboard
    does, from reliability / MCID / kind)."""
    rules = [
        agg.ChangeRule(code, True, "rci", Z**2 * 2 * (1 - r))
        for code, r in RELIABILITY.items()
    ]
    rules += [agg.ChangeRule(code, True, "mcid", v) for code, v in MCID.items()]
    rules += [agg.ChangeRule(code, False, "binary", 1.0) for code in BINARY]
    return rules


def _classify(row: pd.Series, sd: float) -> tuple[bool, bool]:
    change = row["after"] - row["before"]
    signed = change if HIGHER_BETTER[row["instrument"]] else -change
    code = row["instrument"]
    if code in RELIABILITY:
        s_diff = sd * math.sqrt(2 * (1 - RELIABILITY[code]))
        rci = signed / s_diff if s_diff > 0 else 0.0
        return rci > Z, rci < -Z
    if code in MCID:
        return signed >= MCID[code], signed <= -MCID[code]
    return signed == 1, signed == -1  # yes/no: 1 -> 0 or 0 -> 1


def oracle(engine) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    """improved / deteriorated / classified per programme, outcome and group."""
    with engine.connect() as conn:
        m = pd.read_sql(
            text(
                "SELECT m.participant_id, m.programme_id, m.instrument, m.domain, "
                'm.wave, m.value, p."group" FROM measurement m '
                "JOIN participant p ON p.id = m.participant_id"
            ),
            conn,
        )
    m = m[m["instrument"].isin(HIGHER_BETTER)].sort_values("wave")
    person = ["participant_id", "programme_id", "instrument", "domain", "group"]
    per = m.groupby(person).agg(
        n=("wave", "size"), before=("value", "first"), after=("value", "last")
    )
    per = per[per["n"] >= 2].reset_index()
    sd = per.groupby(["programme_id", "instrument", "domain"])["before"].std(ddof=1)
    rows = []
    for r in per.itertuples(index=False):
        row = pd.Series(r._asdict())
        s = sd.get((r.programme_id, r.instrument, r.domain), float("nan"))
        up, down = _classify(row, 0.0 if pd.isna(s) else float(s))
        rows.append((r.programme_id, r.instrument, r.domain, r.group, up, down))
    frame = pd.DataFrame(rows, columns=[*KEYS, "improved", "deteriorated"])
    return (
        frame.groupby(KEYS)
        .agg(
            n_improved=("improved", "sum"),
            n_deteriorated=("deteriorated", "sum"),
            n_classified=("improved", "size"),
        )
        .astype(int)
        .sort_index()
    )


@pytest.mark.parametrize("seed", SEEDS)
def test_dashboard_classification_matches_the_published_formulas(
    sqlite_url: str, seed: int
) -> None:
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "org-a", seed=seed, n=60)
    with session_scope(engine) as s:
        org = orgs.get_organisation(session=s, slug="org-a")
        cells = agg.outcome_cells(session=s, org=org, rules=_rules()).change
    cells = cells[cells["instrument"].isin(HIGHER_BETTER)]
    got = (
        cells.astype({"programme_id": int})
        .groupby(KEYS)[["n_improved", "n_deteriorated", "n_classified"]]
        .sum()
        .astype(int)
        .sort_index()
    )
    want = oracle(engine)
    assert want["n_improved"].sum() > 0 and want["n_deteriorated"].sum() > 0
    assert set(want.index.get_level_values("instrument")) == set(HIGHER_BETTER)
    pd.testing.assert_frame_equal(got, want, check_names=False)
