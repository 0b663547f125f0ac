"""Import use case: validated frames -> one transaction in the store.

All rows or none: the batch, its participants and measurements are written in
one transaction, and a refusal or dry run leaves the database as it was. The
file's sha256 and the measurements' natural keys make a repeated upload change
nothing, and the result says so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy.engine import Engine
from sqlmodel import Session

from impact.domain.pseudonym import rekey
from impact.errors import ImportRefused, PermissionDenied
from impact.i18n import t
from impact.ingest.pseudonymise import pseudonymise_refs
from impact.services.keys import organisation_key
from impact.services.permissions import require
from impact.store import archive, audit, batches, data, programmes, pseudonyms
from impact.store.engine import write_scope
from impact.store.models import ImportBatch, Organisation

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class ImportResult:
    batch_id: int | None
    status: str  # imported | unchanged | dry_run
    rows: int
    inserted: int
    skipped: int
    participants_new: int
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        return {
            "batch_id": self.batch_id,
            "status": self.status,
            "rows": self.rows,
            "inserted": self.inserted,
            "skipped": self.skipped,
            "participants_new": self.participants_new,
            "warnings": list(self.warnings),
        }


def rekey_forward(
    pseudonyms: pd.Series, org: Organisation, generation: int
) -> pd.Series:
    """Pseudonyms of key ``generation`` brought to the organisation's current one."""
    if not 1 <= generation <= org.key_generation:
        raise ValueError(f"no key generation {generation} in {org.slug}")
    later = organisation_key(org).later[generation - 1 :]
    codes, uniques = pd.factorize(pseudonyms.astype(str))
    moved = []
    for pseudonym in uniques:
        for key in later:
            pseudonym = rekey(pseudonym, key)
        moved.append(pseudonym)
    return pd.Series(pd.Index(moved).take(codes), index=pseudonyms.index)


def frames_sha256(*frames: pd.DataFrame) -> str:
    digest = hashlib.sha256()
    for frame in frames:
        digest.update(
            pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes()
        )
    return digest.hexdigest()


def import_frames(
    *,
    engine: Engine,
    org_slug: str,
    measurements: pd.DataFrame | None,
    area: pd.DataFrame | None,
    filename: str,
    file_sha256: str,
    user_id: int | None = None,
    actor: str = "",
    dry_run: bool = False,
    progress: Progress | None = None,
    warnings: tuple[str, ...] = (),
    pseudonym_generation: int | None = None,
) -> ImportResult:
    """Store validated frames in one transaction (see module docstring).

    ``pseudonym_generation``: for measurements that arrive pseudonymised (a
    ``participant`` column), the key generation used; when the organisation's
    key was rotated since, they are re-keyed forward here, under the lock.
    """
    note = progress or (lambda _f, _m: None)
    with write_scope(engine, bulk=True) as session:
        # imports of one organisation queue here (key rotation and erasure too)
        org = pseudonyms.lock_organisation(session=session, slug=org_slug)
        if batches.find_imported_file(session=session, org=org, sha256=file_sha256):
            return ImportResult(
                None,
                "unchanged",
                _n(measurements, area),
                0,
                _n(measurements, area),
                0,
                warnings,
            )
        ids = _programme_ids(session, org, measurements, area)
        batch = batches.add_batch(
            session=session,
            batch=ImportBatch(
                organisation_id=org.id or 0,
                user_id=user_id,
                filename=filename[:255],
                file_sha256=file_sha256,
                kind="area" if area is not None and len(area) else "participant",
                n_rows=_n(measurements, area),
            ),
        )
        note(0.5, t("import.progress_writing"))
        counts = _write(
            session, org, batch, measurements, area, ids, pseudonym_generation
        )
        batch.n_inserted, batch.n_skipped = counts.rows_new, counts.rows_skipped
        session.add(batch)
        audit.record(
            session=session,
            action="import",
            org=org,
            user_id=user_id,
            actor=actor,
            batch=batch.id,
            filename=filename[:255],
            rows=batch.n_rows,
            inserted=counts.rows_new,
        )
        result = ImportResult(
            batch.id,
            "dry_run" if dry_run else "imported",
            batch.n_rows,
            counts.rows_new,
            counts.rows_skipped,
            counts.participants_new,
            warnings,
        )
        if dry_run:
            session.rollback()
        note(1.0, t("import.progress_done"))
        return result


def _n(measurements: pd.DataFrame | None, area: pd.DataFrame | None) -> int:
    return sum(len(f) for f in (measurements, area) if f is not None)


def _programme_ids(
    session: Session,
    org: Organisation,
    measurements: pd.DataFrame | None,
    area: pd.DataFrame | None,
) -> dict[str, int]:
    known = {
        p.name: p.id or 0 for p in programmes.list_programmes(session=session, org=org)
    }
    used: set[str] = set()
    for frame in (measurements, area):
        if frame is not None and len(frame):
            used |= set(frame["programme"].dropna().astype(str).unique())
    missing = sorted(used - set(known))
    if missing:
        raise ImportRefused(
            t(
                "import.unknown_programmes",
                names=", ".join(missing),
                known=", ".join(sorted(known)) or "-",
            )
        )
    return known


def _write(
    session: Session,
    org: Organisation,
    batch: ImportBatch,
    measurements: pd.DataFrame | None,
    area: pd.DataFrame | None,
    ids: dict[str, int],
    generation: int | None = None,
) -> data.WriteCounts:
    people = rows_new = skipped = 0
    if measurements is not None and len(measurements):
        frame = measurements
        if "participant" not in frame:
            frame = frame.assign(
                participant=pseudonymise_refs(
                    frame["client_ref"], organisation_key(org)
                )
            ).drop(columns=["client_ref"])
        elif generation is not None and generation != org.key_generation:
            frame = frame.assign(
                participant=rekey_forward(frame["participant"], org, generation)
            )
        check_groups(session, org, frame, ids)
        counts = data.write_measurements(
            session=session, org=org, batch=batch, frame=frame, programme_ids=ids
        )
        people, rows_new, skipped = (
            counts.participants_new,
            counts.rows_new,
            counts.rows_skipped,
        )
    if area is not None and len(area):
        counts = data.write_area_observations(
            session=session, org=org, batch=batch, frame=area, programme_ids=ids
        )
        rows_new += counts.rows_new
        skipped += counts.rows_skipped
    return data.WriteCounts(people, rows_new, skipped)


def check_groups(
    session: Session, org: Organisation, frame: pd.DataFrame, ids: dict[str, int]
) -> None:
    """Refuse rows that put a stored participant in the other group."""
    stored = data.existing_participants(
        session=session, org=org, programme_ids=sorted(set(ids.values()))
    )
    if stored.empty:
        return
    known = frame[frame["participant"].isin(stored["pseudonym"])]  # usually few
    incoming = known.assign(programme_id=known["programme"].map(ids))[
        ["programme_id", "participant", "group"]
    ].drop_duplicates()
    both = incoming.merge(
        stored.rename(columns={"pseudonym": "participant", "group": "stored"}),
        on=["programme_id", "participant"],
    )
    clash = both[both["group"] != both["stored"]]
    if len(clash):
        raise ImportRefused(t("import.group_conflict", n=len(clash)))


def undo_import(
    *,
    engine: Engine,
    org_slug: str,
    batch_id: int,
    user_id: int | None = None,
    actor: str = "",
    role: str | None = None,
) -> int:
    """Remove what one batch added; returns the number of rows removed.

    ``role`` is the caller's role in the organisation (the app passes it);
    an admin may undo any batch, everyone else only batches they imported.
    ``None`` is the operator's shell (``impact import --undo``). The rows go
    to the archive first, so the batch can be restored
    (:func:`impact.services.restore.redo_import`) until it is purged.
    """
    if role is not None:
        require(role, "undo_import")
    with write_scope(engine) as session:
        org = pseudonyms.lock_organisation(session=session, slug=org_slug)
        batch = batches.get_batch(session=session, org=org, batch_id=batch_id)
        if role not in (None, "admin") and (
            user_id is None or batch.user_id != user_id
        ):
            raise PermissionDenied(t("import.undo_not_own", batch=batch_id))
        if batch.status != "imported":
            raise ImportRefused(t("import.already_undone", batch=batch_id))
        archive.purge_expired(session=session, org=org)
        archive.archive_batch(session=session, org=org, batch=batch)
        removed = data.undo_batch_rows(session=session, org=org, batch=batch)
        audit.record(
            session=session,
            action="undo",
            org=org,
            user_id=user_id,
            actor=actor,
            batch=batch_id,
            removed=removed,
        )
        return removed
