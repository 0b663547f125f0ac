"""Test factories: databases with organisations and sample data."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine

from impact.sample import generate as sample
from impact.services.imports import frames_sha256, import_frames
from impact.store import orgs, programmes
from impact.store.engine import get_engine, write_scope
from impact.store.migrate import upgrade

#: store functions taking ``org``/``funder`` that write; the scoping tests call
#: every other one as a read
STORE_WRITES = frozenset(
    {
        "record",
        "create_organisation",
        "set_membership",
        "grant_funding",
        "upsert_programme",
        "save_instrument",
        "write_measurements",
        "write_area_observations",
        "add_batch",
        "undo_batch_rows",
        "record_import",
        "changing",
        "replace_pseudonyms",
        "erase_participants",
        "save_mapping",
        "save_value_parameter",
        "lock_plan",
        "archive_batch",
        "drop_archive",
        "mark_purged",
        "erase_archived",
        "purge_expired",
    }
)


def migrated_engine(url: str) -> Engine:
    upgrade(url)
    return get_engine(url)


def add_org_with_data(
    engine: Engine, slug: str, seed: int = 1, n: int = 40
) -> dict[str, int]:
    """An organisation with the three sample programmes and a little data."""
    with write_scope(engine) as session:
        org = orgs.create_organisation(session=session, slug=slug, name=slug.title())
        for spec in sample.CUSTOM_INSTRUMENTS:
            programmes.save_instrument(session=session, org=org, spec=spec)
        for p in sample.PROGRAMMES:
            programmes.upsert_programme(
                session=session,
                org=org,
                name=p.name,
                design=p.design,
                start_date=p.start_date,
            )
    rng = np.random.default_rng(seed)
    measurements = pd.concat(
        [sample.debt_measurements(rng, n, n), sample.youth_measurements(rng, n, n)],
        ignore_index=True,
    )
    area = sample.area_observations(rng)
    result = import_frames(
        engine=engine,
        org_slug=slug,
        measurements=measurements,
        area=area,
        filename=f"{slug}.xlsx",
        file_sha256=frames_sha256(measurements, area),
    )
    return {
        "measurements": len(measurements),
        "area": len(area),
        "inserted": result.inserted,
    }
