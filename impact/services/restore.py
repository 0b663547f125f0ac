"""Restoring an undone import batch (``impact import --redo``), and purging the
archive of batches undone longer ago than :data:`RESTORE_DAYS`.

An undo archives the rows it removes (:mod:`impact.store.archive`); a restore
puts them back under the same batch number, in one transaction under the
organisation's lock. Pseudonyms archived before a key rotation are re-keyed
forward first (:func:`impact.services.imports.rekey_forward`), so the restored
rows link to the same people as before. Undo and restore are both audited.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy.engine import Engine
from sqlmodel import Session

from impact.errors import ImportRefused, PermissionDenied
from impact.i18n import t
from impact.services.imports import check_groups, rekey_forward
from impact.services.permissions import require
from impact.store import archive, audit, batches, data, pseudonyms
from impact.store.archive import RESTORE_DAYS, purge_expired
from impact.store.engine import write_scope
from impact.store.models import ImportBatch, Organisation

__all__ = ["RESTORE_DAYS", "may_change", "purge_expired", "redo_import"]


def may_change(batch: ImportBatch, user_id: int | None, role: str | None) -> bool:
    """Uploaders and analysts undo and restore their own batches; admins (and
    the command line, without a role) any (as :func:`~impact.services.imports.
    undo_import`)."""
    return role in (None, "admin") or (user_id is not None and batch.user_id == user_id)


def redo_import(
    *,
    engine: Engine,
    org_slug: str,
    batch_id: int,
    user_id: int | None = None,
    actor: str = "",
    role: str | None = None,
    now: datetime | None = None,
) -> int:
    """Put an undone batch's rows back; returns the number of rows restored."""
    with write_scope(engine, bulk=True) as session:
        org = pseudonyms.lock_organisation(session=session, slug=org_slug)
        purge_expired(session=session, org=org, now=now)
        batch = batches.get_batch(session=session, org=org, batch_id=batch_id)
        _check_restorable(session, org, batch, user_id, role)
        restored = _restore(session, org, batch)
        archive.drop_archive(session=session, org=org, batch_ids=[batch_id])
        batch.status, batch.undone_at = "imported", None
        session.add(batch)
        audit.record(
            session=session,
            action="redo",
            org=org,
            user_id=user_id,
            actor=actor,
            batch=batch_id,
            restored=restored,
        )
        return restored


def _check_restorable(
    session: Session,
    org: Organisation,
    batch: ImportBatch,
    user_id: int | None,
    role: str | None,
) -> None:
    if role is not None:
        require(role, "undo_import")
    if not may_change(batch, user_id, role):
        raise PermissionDenied(t("import.redo_not_own", batch=batch.id))
    if batch.status == "imported":
        raise ImportRefused(t("import.redo_not_undone", batch=batch.id))
    if batch.status == "purged":
        raise ImportRefused(t("import.redo_purged", batch=batch.id, days=RESTORE_DAYS))
    twin = batches.find_imported_file(
        session=session, org=org, sha256=batch.file_sha256
    )
    if twin is not None:
        raise ImportRefused(t("import.redo_twin", batch=batch.id, twin=twin.id))


def _restore(session: Session, org: Organisation, batch: ImportBatch) -> int:
    rows = archive.archived_measurements(
        session=session, org=org, batch_id=batch.id or 0
    )
    area = archive.archived_area(session=session, org=org, batch_id=batch.id or 0)
    ids = {
        str(p): int(p)
        for frame in (rows, area)
        for p in frame["programme_id"].unique().tolist()
    }
    restored = 0
    if len(rows):
        frame = _measurement_frame(rows, org)
        check_groups(session, org, frame, ids)
        counts = data.write_measurements(
            session=session, org=org, batch=batch, frame=frame, programme_ids=ids
        )
        restored += counts.rows_new
    if len(area):
        frame = area.rename(columns={"programme_id": "programme"}).assign(
            programme=lambda f: f["programme"].astype(str)
        )
        counts = data.write_area_observations(
            session=session, org=org, batch=batch, frame=frame, programme_ids=ids
        )
        restored += counts.rows_new
    return restored


def _measurement_frame(rows: pd.DataFrame, org: Organisation) -> pd.DataFrame:
    """Archived rows as an import frame, every pseudonym of the current key."""
    participant = rows["pseudonym"].astype(str).copy()
    for generation in rows["key_generation"].unique().tolist():
        if int(generation) != org.key_generation:
            old = rows["key_generation"] == generation
            participant[old] = rekey_forward(participant[old], org, int(generation))
    return pd.DataFrame(
        {
            "participant": participant,
            "programme": rows["programme_id"].astype(str),
            "group": rows["group"],
            "wijk": rows["wijk"],
            "instrument": rows["instrument"],
            "domain": rows["domain"],
            "date": pd.to_datetime(rows["date"]),
            "wave": rows["wave"].astype("int64"),
            "value": rows["value"].astype("float64"),
            "rated_by": rows["rated_by"],
        }
    )
