"""The pseudonymisation key of an organisation, derived, never stored."""

from __future__ import annotations

from impact.config import master_secret
from impact.domain.pseudonym import derive_org_key
from impact.store.models import Organisation


def organisation_key(org: Organisation) -> bytes:
    return derive_org_key(master_secret(), org.key_id, org.key_generation)
