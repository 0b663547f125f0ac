"""Import batches of one organisation."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from impact.errors import NotFoundError
from impact.store.models import ImportBatch, Organisation


def find_imported_file(
    *, session: Session, org: Organisation, sha256: str
) -> ImportBatch | None:
    """The live batch that imported a file with this hash, if any."""
    return session.exec(
        select(ImportBatch).where(
            ImportBatch.organisation_id == org.id,
            ImportBatch.file_sha256 == sha256,
            ImportBatch.status == "imported",
        )
    ).first()


def get_batch(*, session: Session, org: Organisation, batch_id: int) -> ImportBatch:
    batch = session.get(ImportBatch, batch_id)
    if batch is None or batch.organisation_id != org.id:
        raise NotFoundError.of("store.batch_not_found", batch=batch_id, org=org.slug)
    return batch


def list_batches(
    *, session: Session, org: Organisation, limit: int = 100
) -> Sequence[ImportBatch]:
    return session.exec(
        select(ImportBatch)
        .where(ImportBatch.organisation_id == org.id)
        .order_by(col(ImportBatch.id).desc())
        .limit(limit)
    ).all()


def add_batch(*, session: Session, batch: ImportBatch) -> ImportBatch:
    session.add(batch)
    session.flush()
    return batch
