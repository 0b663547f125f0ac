"""The pseudonymisation keys of an organisation, derived, never stored.

Generation 1 pseudonymises a reference; each later generation re-keys the
pseudonym of the one before (see :mod:`impact.domain.pseudonym`), so an import
needs every generation's key, in order.
"""

from __future__ import annotations

from impact.config import master_secret
from impact.domain.pseudonym import derive_org_key
from impact.store.models import Organisation


def organisation_key(org: Organisation) -> bytes:
    """The key of the organisation's current generation (the last of the chain)."""
    return derive_org_key(master_secret(), org.key_id, org.key_generation)


def organisation_keys(org: Organisation) -> tuple[bytes, ...]:
    """The keys of generations 1 .. current, in order: what an import applies."""
    master = master_secret()
    return tuple(
        derive_org_key(master, org.key_id, generation)
        for generation in range(1, org.key_generation + 1)
    )
