"""The dashboard's effect table: per programme and outcome the current estimate
from :mod:`impact.services.analysis` (so from ``impact.estimate``), with its
interval, inference method and the evidence level the design could support."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlalchemy.engine import Engine

from impact.domain.suppression import is_disclosive
from impact.errors import EstimationError
from impact.i18n import t, use_language
from impact.report.evidence import evidence_level
from impact.services.analysis import OutcomeAnalysis, analyse_outcome, list_outcomes
from impact.services.report_parts import DESIGNS, outcome_of
from impact.store import aggregates as agg
from impact.store import orgs
from impact.store.engine import session_scope

EFFECT_COLUMNS = [
    "programme",
    "outcome",
    "design",
    "estimate",
    "ci_low",
    "ci_high",
    "inference",
    "evidence",
    "n_treated",
    "n_comparison",
    "note",
    "instrument",
    "domain",
]


def _targets(
    engine: Engine, org_slug: str, as_funder: bool, programme_ids: Sequence[int]
) -> list[tuple[str, str]]:
    """(owner slug, programme name) of the participant and area programmes."""
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        progs = agg.scoped_programmes(session=session, org=org, as_funder=as_funder)
        out = []
        for p in progs:
            if programme_ids and p.id not in programme_ids:
                continue
            owner = orgs.organisation_by_id(session=session, org_id=p.organisation_id)
            out.append((owner.slug, p.name))
        return out


def effect_rows(
    *,
    engine: Engine,
    org_slug: str,
    as_funder: bool,
    programme_ids: Sequence[int] = (),
    min_cell: int | None = None,
    lang: str = "nl",
) -> pd.DataFrame:
    """EFFECT_COLUMNS, one row per programme and outcome (see module docstring),
    with the texts in ``lang``."""
    with use_language(lang):
        return _effect_rows(engine, org_slug, as_funder, programme_ids, min_cell)


def _effect_rows(
    engine: Engine,
    org_slug: str,
    as_funder: bool,
    programme_ids: Sequence[int],
    min_cell: int | None,
) -> pd.DataFrame:
    rows = []
    for owner, name in _targets(engine, org_slug, as_funder, programme_ids):
        outcomes = list_outcomes(engine=engine, org_slug=owner, programme=name)
        for o in outcomes.itertuples():
            try:
                a = analyse_outcome(
                    engine=engine,
                    org_slug=owner,
                    programme=name,
                    instrument=str(o.instrument),
                    domain=str(o.domain),
                )
            except EstimationError as exc:
                row = _refused(name, str(o.label), str(exc))
            else:
                row = _row(a, min_cell)
            rows.append([*row, str(o.instrument), str(o.domain)])
    return pd.DataFrame(rows, columns=EFFECT_COLUMNS)


def _refused(programme: str, outcome: str, reason: str) -> list[object]:
    return [programme, outcome, "", None, None, None, "", "", None, None, reason]


def _row(a: OutcomeAnalysis, min_cell: int | None) -> list[object]:
    block = outcome_of(a, None)
    level = evidence_level(DESIGNS[a.design])
    evidence = (
        t(
            "report.evidence.could_support",
            level=t(f"report.evidence.level_{level.strength}"),
        )
        if level.strength
        else ""
    )
    people = [a.n_treated] + ([a.n_comparison] if a.design == "did" else [])
    hidden = (
        min_cell is not None
        and a.design not in ("staggered", "sdid")
        and any(is_disclosive(n, min_cell) for n in people)
    )
    if hidden:
        return [
            a.programme,
            a.label,
            t(f"app.effects.design.{a.design}"),
            None,
            None,
            None,
            "",
            evidence,
            None,
            None,
            t("app.effects.suppressed", min_cell=min_cell),
        ]
    note = block.refused or ""
    return [
        a.programme,
        a.label,
        t(f"app.effects.design.{a.design}"),
        block.estimate,
        block.ci_low,
        block.ci_high,
        block.inference,
        evidence,
        a.n_treated,
        a.n_comparison if a.design != "prepost" else None,
        note,
    ]
