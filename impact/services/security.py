"""Key rotation and erasure (AVG art. 17): the two use cases that rewrite or
remove pseudonymised data. Each runs in one transaction under the
organisation's lock and leaves an audit event that holds counts, never a
client reference or a pseudonym.

Key rotation, the design
------------------------
A pseudonym is one-way: the original reference cannot be recovered, so a new
key cannot be applied to it. Generations therefore chain: generation 1 is
``HMAC(key_1, reference)``, generation ``n`` is ``HMAC(key_n, pseudonym_{n-1})``.
Rotating from ``n`` to ``n+1`` re-keys every stored pseudonym once and raises
``Organisation.key_generation``; from then on an import computes the whole chain
(:func:`impact.services.keys.organisation_key`), so the same client still links
to the same participant. Pseudonyms that left the system before the rotation
(exports, copies, logs) no longer match anything in the database.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import Engine

from impact.config import master_secret
from impact.domain.pseudonym import KeyChain, derive_org_key, pseudonymise, rekey
from impact.services.imports import pseudonymise_refs
from impact.services.keys import organisation_key
from impact.store import archive, audit, pseudonyms
from impact.store.engine import write_scope
from impact.store.models import Organisation


@dataclass(frozen=True, slots=True)
class Rotation:
    org_slug: str
    old_generation: int
    new_generation: int
    pseudonyms: int


@dataclass(frozen=True, slots=True)
class Erasure:
    org_slug: str
    participants: int
    measurements: int


def rotate_key(
    *, engine: Engine, org_slug: str, user_id: int | None = None, actor: str = "cli"
) -> Rotation:
    """Re-key every pseudonym of the organisation to the next key generation."""
    with write_scope(engine) as session:
        org = pseudonyms.lock_organisation(session=session, slug=org_slug)
        old = org.key_generation
        key = derive_org_key(master_secret(), org.key_id, old + 1)
        current = pseudonyms.participant_pseudonyms(session=session, org=org)
        new = {pid: rekey(p, key) for pid, p in current.items()}
        pseudonyms.replace_pseudonyms(session=session, org=org, new=new)
        org.key_generation = old + 1
        session.add(org)
        audit.record(
            session=session,
            action="key_rotate",
            org=org,
            user_id=user_id,
            actor=actor,
            generation=old + 1,
            pseudonyms=len(new),
        )
        return Rotation(org.slug, old, old + 1, len(new))


def erase_client(
    *,
    engine: Engine,
    org_slug: str,
    client_ref: str,
    user_id: int | None = None,
    actor: str = "cli",
) -> Erasure:
    """Remove one person's participants and measurements from every programme of
    the organisation. The audit event records the counts only."""
    with write_scope(engine) as session:
        org = pseudonyms.lock_organisation(session=session, slug=org_slug)
        refs = pd.Series([client_ref])
        pseudonym = str(pseudonymise_refs(refs, organisation_key(org)).iloc[0])
        people, rows = pseudonyms.erase_participants(
            session=session, org=org, pseudonym=pseudonym
        )
        archived = archive.erase_archived(
            session=session,
            org=org,
            pseudonyms_by_generation=_every_generation(client_ref, org),
        )
        audit.record(
            session=session,
            action="erase",
            org=org,
            user_id=user_id,
            actor=actor,
            participants=people,
            measurements=rows,
            archived=archived,
        )
        return Erasure(org.slug, people, rows + archived)


def _every_generation(client_ref: str, org: Organisation) -> dict[int, str]:
    """The client's pseudonym under each key generation (archived rows of undone
    batches keep the generation they were undone under)."""
    keys = [bytes(organisation_key(org)), *organisation_key(org).later]
    return {
        g: pseudonymise(client_ref, KeyChain(keys[:g])) for g in range(1, len(keys) + 1)
    }
