"""Pseudonymisation (AVG art. 4(5)): a keyed hash, the key kept apart from the data.

Each organisation's key is derived from the master secret with HKDF-SHA256
(RFC 5869) and never stored. A client reference becomes
``HMAC-SHA256(org_key, normalised reference)``: the same client links across
uploads, and without the key no one can reverse it or test a guess.

Key rotation (``impact keys rotate``) cannot recompute pseudonyms from references
it does not have, so generations chain: the pseudonym of generation ``n`` is
``HMAC(key_n, pseudonym of generation n-1)``. Rotation re-keys each stored
pseudonym once. An organisation's key is a :class:`KeyChain`: it is ``bytes``
(generation 1's key) and carries the later generations, and :func:`pseudonymise`
applies them all, so every caller that pseudonymises with the organisation's
key gets the current generation without knowing about rotation.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Sequence

PSEUDONYM_PREFIX = "p_"
PSEUDONYM_HEX = 32  # 128 bits: collisions are negligible at any realistic size


def hkdf_sha256(secret: bytes, *, salt: bytes, info: bytes, length: int = 32) -> bytes:
    """HKDF (RFC 5869) with SHA-256."""
    prk = hmac.new(salt or b"\x00" * 32, secret, hashlib.sha256).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def derive_org_key(master: bytes, org_key_id: str, generation: int = 1) -> bytes:
    """The pseudonymisation key of one organisation (and key generation)."""
    return hkdf_sha256(
        master,
        salt=b"wijkimpact-pseudonym-v1",
        info=f"org:{org_key_id}:gen:{generation}".encode(),
    )


def normalise_reference(reference: object) -> str:
    """Trim, fold case and width, drop a trailing ``.0`` Excel adds to numbers."""
    if isinstance(reference, float) and reference.is_integer():
        reference = int(reference)
    text = unicodedata.normalize("NFKC", str(reference)).strip().casefold()
    return " ".join(text.split())


class KeyChain(bytes):
    """Key generations ``1..n`` of one organisation, usable wherever one key is.

    The bytes are generation 1's key; ``later`` holds generations ``2..n``.
    """

    later: tuple[bytes, ...]

    def __new__(cls, keys: Sequence[bytes]) -> KeyChain:
        if not keys:
            raise ValueError("a key chain needs at least one key")
        chain = super().__new__(cls, bytes(keys[0]))
        chain.later = tuple(bytes(k) for k in keys[1:])
        return chain

    @property
    def generation(self) -> int:
        return 1 + len(self.later)

    def __repr__(self) -> str:  # never print key material
        return f"KeyChain(generation={self.generation})"


def pseudonymise(reference: object, key: bytes) -> str:
    """``"K-00123"`` → ``"p_3f1c..."`` (stable for one key; a :class:`KeyChain`
    applies each of its generations in turn)."""
    digest = hmac.new(
        bytes(key), normalise_reference(reference).encode(), hashlib.sha256
    )
    pseudonym = PSEUDONYM_PREFIX + digest.hexdigest()[:PSEUDONYM_HEX]
    for later in getattr(key, "later", ()):
        pseudonym = rekey(pseudonym, later)
    return pseudonym


def rekey(pseudonym: str, key: bytes) -> str:
    """The next generation of a pseudonym: ``HMAC(key, pseudonym)``."""
    digest = hmac.new(key, pseudonym.encode(), hashlib.sha256)
    return PSEUDONYM_PREFIX + digest.hexdigest()[:PSEUDONYM_HEX]
