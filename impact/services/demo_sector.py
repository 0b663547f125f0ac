"""The demo's fictional sector: a hub, seven organisations, their signed packages.

Each organisation signs its package with its own derived key and the hub
imports it through the same verification as any package (trust, then import),
so the sector view and report work out of the box. Idempotent: the packages
carry a fixed signing time, so a second run finds them unchanged.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.engine import Engine

from impact import __version__
from impact.config import get_settings, master_secret
from impact.domain import evidence as ev
from impact.sample import sector as sample_sector
from impact.services.evidence_hub import import_package, trust_key
from impact.store import orgs
from impact.store.engine import write_scope

HUB_SLUG = "demo-sector"
HUB_NAME = "Branchevereniging Sociaal Werk (demo)"
SIGNED_AT = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


def load_sector_demo(engine: Engine) -> int:
    """Create the hub and the organisations where missing; import the packages.

    Returns the number of packages newly imported (0 on a second run).
    """
    keys = _ensure_organisations(engine)
    results = sample_sector.sector_results()
    imported = 0
    for slug, name, named, _indices in sample_sector.ORGANISATIONS:
        key = keys[slug]
        trust_key(
            engine=engine, hub_slug=HUB_SLUG, source_slug=slug,
            key=ev.public_key_b64(key), actor="demo",
        )  # fmt: skip
        payload = {
            "organisation": {"slug": slug, "name": name if named else None,
                             "named": named},
            "period": sample_sector.PERIOD,
            "created_at": SIGNED_AT.isoformat(),
            "software_version": __version__,
            "min_cell": get_settings().min_cell,
            "results": results[slug],
            "withheld": [],
        }  # fmt: skip
        package = ev.sign(payload, key)
        done = import_package(
            engine=engine, hub_slug=HUB_SLUG,
            content=json.dumps(package).encode(), actor="demo",
        )  # fmt: skip
        imported += done.status != "unchanged"
    return imported


def _ensure_organisations(engine: Engine) -> dict[str, Ed25519PrivateKey]:
    master = master_secret()
    keys = {}
    with write_scope(engine) as session:
        if orgs.find_organisation(session=session, slug=HUB_SLUG) is None:
            orgs.create_organisation(
                session=session, slug=HUB_SLUG, name=HUB_NAME, kind="sector"
            )
        for slug, name, _named, _indices in sample_sector.ORGANISATIONS:
            org = orgs.find_organisation(session=session, slug=slug)
            if org is None:
                org = orgs.create_organisation(session=session, slug=slug, name=name)
            keys[slug] = ev.signing_key(master, org.key_id)
    return keys
