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
from collections.abc import Callable, Iterable, Sequence

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


def _keyed_sha256(key: bytes) -> Callable[[bytes], str]:
    """HMAC-SHA256 (RFC 2104) from two pre-keyed SHA-256 states, copied per call."""
    block = 64
    raw = bytes(key)
    padded = (hashlib.sha256(raw).digest() if len(raw) > block else raw).ljust(
        block, b"\0"
    )
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in padded))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))

    def mac(message: bytes) -> str:
        h = inner.copy()
        h.update(message)
        o = outer.copy()
        o.update(h.digest())
        return o.hexdigest()

    return mac


def pseudonymise_many(references: Iterable[object], key: bytes) -> list[str]:
    """:func:`pseudonymise` for many references (and key chains), several times
    faster: the HMAC states are keyed once, not once per reference, and plain
    ASCII references skip Unicode normalisation (NFKC leaves ASCII unchanged)."""
    mac = _keyed_sha256(key)
    out = []
    for reference in references:
        if type(reference) is str and reference.isascii():
            text = " ".join(reference.lower().split())
        else:
            text = normalise_reference(reference)
        out.append(PSEUDONYM_PREFIX + mac(text.encode())[:PSEUDONYM_HEX])
    for later in getattr(key, "later", ()):
        mac = _keyed_sha256(later)
        out = [PSEUDONYM_PREFIX + mac(p.encode())[:PSEUDONYM_HEX] for p in out]
    return out
