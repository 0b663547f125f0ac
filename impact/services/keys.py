"""The pseudonymisation key of an organisation, derived, never stored.

Generation 1 pseudonymises a reference; each later generation re-keys the
pseudonym of the one before (see :mod:`impact.domain.pseudonym`). The key is
returned as a :class:`~impact.domain.pseudonym.KeyChain` of every generation, so
``pseudonymise(ref, organisation_key(org))`` is right after any rotation.
"""

from __future__ import annotations

from impact.config import master_secret
from impact.domain.pseudonym import KeyChain, derive_org_key
from impact.store.models import Organisation


def organisation_key(org: Organisation) -> KeyChain:
    """The organisation's key generations 1 .. current, as one key."""
    master = master_secret()
    return KeyChain(
        [
            derive_org_key(master, org.key_id, generation)
            for generation in range(1, org.key_generation + 1)
        ]
    )
