"""Password policy after NIST SP 800-63B (5.1.1.2) and OWASP ASVS 5.0 (6.2).

A new password (account set-up, reset, change) must

- have at least :data:`MIN_LENGTH` characters (12) and at most
  :data:`MAX_LENGTH` (so passphrases of 64 characters and more fit);
- not be a common or breached password: the bundled list
  ``data/common-passwords.txt.gz`` (about 40,000 entries, see below), also with
  digits and symbols stripped from its ends (``Password2024!``);
- not be built from context-specific words (the product, the organisation, the
  roles, the user's own address: :data:`CONTEXT_WORDS` plus what the caller
  passes) or from a few characters repeated;
- not be easy to guess according to zxcvbn (score below :data:`MIN_ZXCVBN_SCORE`),
  which models dictionary words, l33t, keyboard walks, dates and sequences.

There are no composition rules (no "one digit, one capital"), no expiry and no
hints; the password is used exactly as typed (no truncation, no case folding).

The bundled list merges two published lists, lower-cased and de-duplicated, most
common first: zxcvbn 4.5.0's ``passwords`` frequency list (30,000 entries from
Mark Burnett's 10 million password set; MIT licence) and Django 5.2's
``common-passwords.txt.gz`` (20,000 entries by Royce Williams from breach
corpora; BSD 3-clause). Both come from their PyPI packages; nothing is fetched
at run time.
"""

from __future__ import annotations

import gzip
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from impact.errors import AuthError
from impact.i18n import t

MIN_LENGTH = 12
MAX_LENGTH = 1024
#: fewer distinct characters than this is a repetition ("aaaaaaaaaaaa")
MIN_DISTINCT = 5
#: what remains after removing context words must be at least this long
MIN_REMAINDER = 8
#: zxcvbn 0..4; 3 means more than 10^8 guesses ("safely unguessable" online)
MIN_ZXCVBN_SCORE = 3
#: zxcvbn refuses longer input; the first characters decide its estimate
ZXCVBN_MAX = 72
LIST_FILE = Path(__file__).with_name("data") / "common-passwords.txt.gz"

#: words no password may be built from (ASVS 6.1.2); the caller adds the
#: organisation's names and the user's address
CONTEXT_WORDS: tuple[str, ...] = (
    "wijkimpact",
    "wijkteam",
    "welzijn",
    "gemeente",
    "wachtwoord",
    "password",
    "welkom",
    "welcome",
    "admin",
    "beheer",
    "analyst",
    "uploader",
    "viewer",
    "funder",
    "demo",
)
_ENDS = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_zxcvbn_lock = threading.Lock()  # zxcvbn keeps the user inputs in a global


@dataclass(frozen=True, slots=True)
class PasswordProblem:
    """Why a password is refused: a message key and its parameters."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


@cache
def common_passwords() -> frozenset[str]:
    """The bundled list of common and breached passwords (lower case)."""
    with gzip.open(LIST_FILE, "rt", encoding="utf-8") as handle:
        return frozenset(
            line.rstrip("\n")
            for line in handle
            if line.strip() and not line.startswith("#")
        )


def context_words(extra: Iterable[str] = ()) -> list[str]:
    """:data:`CONTEXT_WORDS` plus the caller's words split into parts of 4+ letters
    (``anna.de-vries@welzijn.nl`` gives ``anna``, ``vries``, ``welzijn``)."""
    words = set(CONTEXT_WORDS)
    for text in extra:
        words.update(p for p in re.split(r"[\W_]+", text.casefold()) if len(p) >= 4)
    return sorted(words, key=len, reverse=True)


def password_problem(
    password: str, *, context: Iterable[str] = ()
) -> PasswordProblem | None:
    """The first reason ``password`` may not be used, or None when it may."""
    if len(password) < MIN_LENGTH:
        return PasswordProblem("passwords.too_short", {"minimum": MIN_LENGTH})
    if len(password) > MAX_LENGTH:
        return PasswordProblem("passwords.too_long", {"maximum": MAX_LENGTH})
    folded = password.casefold()
    core = _ENDS.sub("", folded)
    if folded in common_passwords() or core in common_passwords():
        return PasswordProblem("passwords.common")
    if len(set(folded)) < MIN_DISTINCT:
        return PasswordProblem("passwords.repetitive")
    words = context_words(context)
    remainder = folded
    for word in words:
        remainder = remainder.replace(word, "")
    if remainder != folded and len(_ENDS.sub("", remainder)) < MIN_REMAINDER:
        return PasswordProblem("passwords.context")
    if _zxcvbn_score(password, words) < MIN_ZXCVBN_SCORE:
        return PasswordProblem("passwords.guessable")
    return None


def check_new_password(password: str, *, context: Iterable[str] = ()) -> None:
    """Raise :class:`AuthError` (code ``password_policy``) when ``password`` is refused.

    Call it wherever a password is chosen: set-up, reset, change. ``context``:
    the user's e-mail address and the organisation's slug and name.
    """
    problem = password_problem(password, context=context)
    if problem is not None:
        message = t(problem.code, lang=None, **problem.params)
        raise AuthError(message, code="password_policy")


def _zxcvbn_score(password: str, words: list[str]) -> int:
    try:
        from zxcvbn import zxcvbn
    except ImportError:  # pragma: no cover - a dependency; the list still applies
        return MIN_ZXCVBN_SCORE
    with _zxcvbn_lock:
        return int(zxcvbn(password[:ZXCVBN_MAX], user_inputs=words)["score"])
