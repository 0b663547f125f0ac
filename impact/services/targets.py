"""Reach against target per programme, for the organisation's own dashboard:
people with a measurement (participant programmes) or wijken where the
intervention started (area programmes), next to the programme's reach target."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import col

from impact.services.permissions import require
from impact.store import data, orgs
from impact.store.engine import session_scope
from impact.store.models import AreaObservation

COLUMNS = ["programme", "design", "reached", "target", "share"]


def reach_targets(*, engine: Engine, org_slug: str, role: str) -> pd.DataFrame:
    """One row per programme: programme, design, reached, target, share (0-1,
    ``None`` without a target)."""
    require(role, "view_dashboard")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        counts = data.programme_counts(session=session, org=org)
        treated = dict(
            session.execute(
                sa.select(
                    col(AreaObservation.programme_id),
                    sa.func.count(sa.distinct(col(AreaObservation.area_code))),
                )
                .where(
                    col(AreaObservation.organisation_id) == org.id,
                    col(AreaObservation.first_treated).is_not(None),
                )
                .group_by(col(AreaObservation.programme_id))
            ).all()
        )
        rows = []
        for p, people, _meas, _area in counts:
            reached = int(treated.get(p.id, 0)) if p.design == "area" else people
            target = p.reach_target
            share = reached / target if target else None
            rows.append((p.name, p.design, reached, target, share))
    return pd.DataFrame(rows, columns=COLUMNS)
