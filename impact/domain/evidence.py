"""Evidence packages: aggregates an organisation shares with a sector hub, signed.

A package is JSON ``{"format", "payload", "signature", "public_key"}``. The
signature is Ed25519 (RFC 8032) over the *canonical* payload: UTF-8 JSON with
sorted keys and no spaces, so any change of any value, key or order-insensitive
content changes the signed bytes. ``public_key`` is informational only; a hub
verifies against the key it registered for the sending organisation
(``impact evidence trust``), never against the key the file brings along.

Signing keys are derived, not stored: the 32-byte Ed25519 seed is
HKDF-SHA256(master secret, salt ``wijkimpact-evidence-signing-v1``, info
``org:<key_id>``), like the pseudonymisation keys. There is no key file to leak,
lose or forget in a backup; whoever holds the master secret can already read
every organisation's data, so deriving adds no new power. Changing the master
secret changes the public key: hubs must then trust the new key (docs/security.md).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
from typing import Any, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from impact.domain.pseudonym import hkdf_sha256

FORMAT = "wijkimpact-evidence/1"
INTERVENTION_KINDS: tuple[str, ...] = (
    "schuldhulp",
    "sociaal raadslieden",
    "jongerenwerk",
    "opbouwwerk",
    "buurthuis",
    "wijkteam",
    "maatschappelijke opvang",
    "other",
)
#: designs that compare with a group that did not take part
COMPARISON_DESIGNS = frozenset({"did", "staggered", "twfe", "event_study", "sdid"})
DesignFamily = Literal["prepost", "comparison"]
#: the keys one result of a package may carry, and nothing else
RESULT_KEYS: frozenset[str] = frozenset(
    {
        "programme",
        "intervention_kind",
        "outcome",
        "label",
        "instrument",
        "domain",
        "design",
        "inference",
        "effect",
        "std_error",
        "ci_low",
        "ci_high",
        "n_treated",
        "n_comparison",
        "unit",
        "hedges_g",
        "hedges_g_variance",
        "higher_is_better",
        "evidence_level",
        "period_start",
        "period_end",
        "report_fingerprint",
    }
)
WITHHELD_KEYS: frozenset[str] = frozenset({"programme", "outcome", "reason"})
NUMBER_KEYS = frozenset(
    {"effect", "std_error", "ci_low", "ci_high", "hedges_g", "hedges_g_variance"}
)
COUNT_KEYS = frozenset({"n_treated", "n_comparison"})
#: largest package file a hub reads (a package of aggregates is a few kB)
MAX_PACKAGE_BYTES = 5 * 1024 * 1024


class PackageInvalid(ValueError):
    """A package that cannot be trusted; ``code`` says why (faces translate it)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def design_family(design: str) -> DesignFamily:
    return "comparison" if design in COMPARISON_DESIGNS else "prepost"


def signing_key(master: bytes, org_key_id: str) -> Ed25519PrivateKey:
    seed = hkdf_sha256(
        master,
        salt=b"wijkimpact-evidence-signing-v1",
        info=f"org:{org_key_id}".encode(),
    )
    return Ed25519PrivateKey.from_private_bytes(seed)


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def parse_public_key(text: str) -> Ed25519PublicKey:
    """A base64 public key as ``impact evidence key`` prints it."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise PackageInvalid("bad_key") from exc


def canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(
        payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
        allow_nan=False,
    ).encode("utf-8")  # fmt: skip


def digest(payload: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(payload)).hexdigest()


def sign(payload: dict[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    """The package: payload, signature and (for information) the public key."""
    signature = key.sign(canonical(payload))
    return {
        "format": FORMAT,
        "payload": payload,
        "signature": base64.b64encode(signature).decode("ascii"),
        "public_key": public_key_b64(key),
    }


def read_package(content: bytes) -> dict[str, Any]:
    """Parse a package file; refuse anything not shaped like one."""
    if len(content) > MAX_PACKAGE_BYTES:
        raise PackageInvalid("too_large")
    try:
        package = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageInvalid("not_json") from exc
    if not isinstance(package, dict) or package.get("format") != FORMAT:
        raise PackageInvalid("bad_format")
    payload = package.get("payload")
    if not isinstance(payload, dict) or not isinstance(package.get("signature"), str):
        raise PackageInvalid("bad_format")
    check_payload(payload)
    return package


def verify(package: dict[str, Any], trusted: Ed25519PublicKey) -> None:
    """Raise :class:`PackageInvalid` ("tampered") unless ``trusted`` signed it."""
    try:
        signature = base64.b64decode(package["signature"], validate=True)
        trusted.verify(signature, canonical(package["payload"]))
    except (binascii.Error, ValueError, InvalidSignature) as exc:
        raise PackageInvalid("tampered") from exc


def check_payload(payload: dict[str, Any]) -> None:
    """Only the aggregate fields a package may hold (no rows, no extra keys)."""
    org = payload.get("organisation")
    results = payload.get("results")
    withheld = payload.get("withheld", [])
    if not isinstance(org, dict) or not isinstance(org.get("slug"), str):
        raise PackageInvalid("bad_format")
    if not isinstance(results, list) or not isinstance(withheld, list):
        raise PackageInvalid("bad_format")
    if not isinstance(payload.get("period"), str) or not payload.get("created_at"):
        raise PackageInvalid("bad_format")
    for row in results:
        if not isinstance(row, dict) or not set(row) <= RESULT_KEYS:
            raise PackageInvalid("bad_format")
        if row.get("intervention_kind") not in INTERVENTION_KINDS:
            raise PackageInvalid("bad_kind")
        if not all(_typed(key, value) for key, value in row.items()):
            raise PackageInvalid("bad_format")
    for row in withheld:
        if not isinstance(row, dict) or not set(row) <= WITHHELD_KEYS:
            raise PackageInvalid("bad_format")


def _typed(key: str, value: object) -> bool:
    """Numbers are finite numbers or null, counts whole and >= 0, the rest text."""
    if value is None:
        return key not in ("programme", "outcome", "design", "intervention_kind")
    if key in NUMBER_KEYS:
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and math.isfinite(value)
        )
    if key in COUNT_KEYS:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if key == "higher_is_better":
        return isinstance(value, bool)
    return isinstance(value, str) and len(value) <= 500
