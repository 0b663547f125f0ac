"""A sector hub: trust an organisation's key, import its signed packages.

Import refuses, with a message a hub administrator can act on: a file that is
not a package, a sender whose key the hub has not registered, a signature that
does not verify with that key (changed after signing, or signed by another key)
and a package older than (or as old as) the one the hub already holds for that
organisation and period (a replay). The same package twice changes nothing; a
newer package of the same organisation and period replaces the older one, and
the audit log says so.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.engine import Engine

from impact.codes import Coded
from impact.domain import evidence as ev
from impact.errors import DataError
from impact.services.evidence import EvidenceRefused, ImportOutcome
from impact.store import audit, orgs
from impact.store import evidence as store
from impact.store.engine import write_scope
from impact.store.models import Organisation

SECTOR_KIND = "sector"


def _hub(session: object, hub_slug: str) -> Organisation:
    hub = orgs.get_organisation(session=session, slug=hub_slug)  # type: ignore[arg-type]
    if hub.kind != SECTOR_KIND:
        raise DataError(
            Coded.of("evidence.not_a_hub", org=hub_slug), code="evidence.not_hub"
        )
    return hub


def trust_key(
    *, engine: Engine, hub_slug: str, source_slug: str, key: str, actor: str = ""
) -> bool:
    """Register ``source_slug``'s public key at the hub; True when it changed."""
    try:
        ev.parse_public_key(key)
    except ev.PackageInvalid:
        raise DataError(Coded.of("evidence.bad_key"), code="evidence.bad_key") from None
    with write_scope(engine) as session:
        hub = _hub(session, hub_slug)
        changed = store.set_trusted_key(
            session=session, hub=hub, source=source_slug, public_key=key.strip()
        )
        if changed:
            audit.record(
                session=session, action="evidence_trust", org=hub, actor=actor,
                source=source_slug, key=key.strip(),
            )  # fmt: skip
    return changed


def import_package(
    *, engine: Engine, hub_slug: str, content: bytes, actor: str = ""
) -> ImportOutcome:
    """Verify and store a package (see the module text for what is refused).

    A refusal of a signed-looking package is in the audit log (sender, reason).
    """
    try:
        return _import(engine, hub_slug, content, actor)
    except EvidenceRefused as refused:
        if refused.source:
            with write_scope(engine) as session:
                hub = _hub(session, hub_slug)
                audit.record(
                    session=session, action="evidence_refused", org=hub,
                    actor=actor, source=refused.source, reason=refused.code,
                )  # fmt: skip
        raise


def _import(engine: Engine, hub_slug: str, content: bytes, actor: str) -> ImportOutcome:
    try:
        package = ev.read_package(content)
    except ev.PackageInvalid as exc:
        raise _refused(exc.code) from None
    payload = package["payload"]
    source = payload["organisation"]["slug"]
    period = payload["period"]
    signed_at = _signed_at(payload)
    with write_scope(engine) as session:
        hub = _hub(session, hub_slug)
        key = store.trusted_key(session=session, hub=hub, source=source)
        if key is None:
            raise _refused("unknown", source=source, hub=hub_slug)
        try:
            ev.verify(package, ev.parse_public_key(key))
        except ev.PackageInvalid as exc:
            raise _refused(exc.code, source=source) from None
        digest = ev.digest(payload)  # verified: canonical JSON exists
        known = store.find_package(session=session, hub=hub, digest=digest)
        if known is not None and known.replaced_at is None:
            return _outcome("unchanged", payload)  # the same package again
        current = store.current_package(
            session=session, hub=hub, source=source, period=period
        )
        if current is not None and _signed_at(current.payload) >= signed_at:
            raise _refused(
                "older", source=source, period=period,
                held=_signed_at(current.payload).isoformat(timespec="seconds"),
            )  # fmt: skip
        store.add_package(
            session=session, hub=hub, source=source, period=period,
            signed_at=signed_at, digest=digest, payload=payload, replaces=current,
        )  # fmt: skip
        status = "replaced" if current is not None else "imported"
        audit.record(
            session=session, action="evidence_import", org=hub, actor=actor,
            source=source, period=period, digest=digest, status=status,
            replaced_digest=current.digest if current is not None else None,
        )  # fmt: skip
    return _outcome(status, payload)


def _signed_at(payload: dict[str, object]) -> datetime:
    try:
        return datetime.fromisoformat(str(payload["created_at"]))
    except ValueError:
        raise _refused("bad_format") from None


def _outcome(status: str, payload: dict[str, object]) -> ImportOutcome:
    return ImportOutcome(
        status,  # type: ignore[arg-type]
        str(payload["organisation"]["slug"]),  # type: ignore[index]
        str(payload["period"]),
        len(payload["results"]),  # type: ignore[arg-type]
        len(payload.get("withheld", [])),  # type: ignore[arg-type]
    )


def _refused(code: str, **params: str) -> EvidenceRefused:
    refused = EvidenceRefused(
        Coded(f"evidence.refused.{code}", params), code=f"evidence.{code}"
    )
    refused.source = params.get("source", "")
    return refused
