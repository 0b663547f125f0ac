"""Domain rules: BSN detection, pseudonyms, area codes, instruments, suppression."""

from __future__ import annotations

import pytest

from impact.domain.areas import parse_area_code
from impact.domain.bsn import looks_like_bsn, passes_elfproef
from impact.domain.instruments import SHIPPED, custom_instrument, get_instrument
from impact.domain.pseudonym import (
    derive_org_key,
    hkdf_sha256,
    pseudonymise,
    pseudonymise_many,
)
from impact.domain.suppression import suppress_counts
from impact.errors import DataError, OptionError


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("123456782", True),  # the textbook example number that passes the elfproef
        (123456782, True),
        (123456782.0, True),
        ("1234.56.782", True),
        ("BSN 123456782 bekend", True),
        (12345672, True),  # 012345672 passes: a BSN whose leading zero Excel lost
        ("12345672", False),  # in text only nine digits count
        (20240131, False),  # reads as a date, not a BSN
        ("123456789", False),
        ("000000000", False),
        (3.5, False),
        ("K-00123", False),
        (None, False),
        (True, False),
    ],
)
def test_bsn_detection(value: object, expected: bool) -> None:
    assert looks_like_bsn(value) is expected


def test_elfproef_rule() -> None:
    # 9*1+8*2+7*3+6*4+5*5+4*6+3*7+2*8-1*2 = 154 = 14*11
    assert passes_elfproef("123456782")
    assert not passes_elfproef("123456783")


def test_hkdf_matches_rfc5869_case_1() -> None:
    ikm = bytes.fromhex("0b" * 22)
    salt = bytes.fromhex("000102030405060708090a0b0c")
    info = bytes.fromhex("f0f1f2f3f4f5f6f7f8f9")
    okm = hkdf_sha256(ikm, salt=salt, info=info, length=42)
    assert okm.hex() == (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
        "34007208d5b887185865"
    )


def test_pseudonyms_link_per_org_and_differ_across_orgs() -> None:
    master = b"m" * 40
    key_a, key_b = derive_org_key(master, "a"), derive_org_key(master, "b")
    assert pseudonymise(" K-00123 ", key_a) == pseudonymise("k-00123", key_a)
    assert pseudonymise("K-00123", key_a) != pseudonymise("K-00123", key_b)
    assert pseudonymise(123.0, key_a) == pseudonymise("123", key_a)
    assert "00123" not in pseudonymise("K-00123", key_a)


def test_area_codes() -> None:
    code = parse_area_code(" wk036307")
    assert (code.code, code.level, code.gemeente) == ("WK036307", "wijk", "GM0363")
    assert parse_area_code("BU03630704").wijk == "WK036307"
    with pytest.raises(DataError, match="CBS"):
        parse_area_code("Noord")


def test_instruments() -> None:
    zrm = get_instrument("ZRM")
    assert len(zrm.domains) == 13 and (zrm.scale_min, zrm.scale_max) == (1, 5)
    assert zrm.check_domain("Werk & opleiding") == "werk_opleiding"
    assert get_instrument("djg6").improvement(-2) == 2
    assert len(SHIPPED["pg"].domains) == 6
    with pytest.raises(DataError, match="Outcomes Star"):
        get_instrument("Outcomes Star")
    debt = custom_instrument(
        "Problematische schulden", "Schulden", kind="binary", direction="higher_worse"
    )
    assert (debt.code, debt.scale_max) == ("problematische_schulden", 1)
    with pytest.raises(OptionError, match="numeric"):
        custom_instrument("x", "x", kind="ordinal")  # type: ignore[arg-type]


def test_suppression_hides_small_and_derivable_cells() -> None:
    assert suppress_counts([25, 4, 30], 10) == [None, None, 30]
    assert suppress_counts([25, 14, 30], 10) == [25, 14, 30]
    assert suppress_counts([3, 4, 30], 10) == [None, None, 30]


def test_batch_pseudonyms_equal_single_ones() -> None:
    key = derive_org_key(b"m" * 40, "a")
    refs = ["K-00123", " k-00123 ", "Ünïcode ｗｉｄｅ", 123.0, 42, "tab\there", ""]
    long_key = b"k" * 100  # longer than the SHA-256 block: hashed first (RFC 2104)
    for k in (key, long_key):
        assert pseudonymise_many(refs, k) == [pseudonymise(r, k) for r in refs]


def test_batch_pseudonyms_follow_a_key_chain() -> None:
    from impact.domain.pseudonym import KeyChain

    chain = KeyChain([derive_org_key(b"m" * 40, "a", g) for g in (1, 2, 3)])
    refs = ["K-00123", "Ünïcode", 77.0]
    assert pseudonymise_many(refs, chain) == [pseudonymise(r, chain) for r in refs]
    assert pseudonymise_many(refs, chain) != pseudonymise_many(refs, bytes(chain))
