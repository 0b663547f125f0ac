"""Password policy (NIST SP 800-63B 5.1.1.2, ASVS 6.2): length, the bundled list
of common and breached passwords, context words, repetition, zxcvbn; no
composition rules; the same policy where accounts are created."""

from __future__ import annotations

import gzip

import pytest

from impact.errors import AuthError
from impact.services import passwords
from impact.services.admin import add_user, create_organisation
from impact.services.passwords import password_problem
from tests.factories import migrated_engine

CONTEXT = ("anna.de-vries@welzijn-oost.nl", "welzijn-oost", "Welzijn Oost")


def _code(password: str) -> str | None:
    problem = password_problem(password, context=CONTEXT)
    return None if problem is None else problem.code


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("aaaaaaaaaa", "passwords.too_short"),  # the example
        ("aaaaaaaaaaaa", "passwords.repetitive"),
        ("abcabcabcabc", "passwords.repetitive"),
        ("123456789012", "passwords.guessable"),
        ("baseballbaseball", "passwords.guessable"),
        ("Password2024!", "passwords.common"),  # a listed word, digits and symbols
        ("iloveyou12345", "passwords.common"),
        ("Wijkimpact-2026", "passwords.context"),
        ("welzijn-oost-2026", "passwords.context"),
        ("anna.devries!!", "passwords.context"),
        ("Wachtwoord123", "passwords.common"),
        ("qwertyuiop123", "passwords.common"),
        ("voetbalvoetbal", "passwords.guessable"),
        ("x" * (passwords.MAX_LENGTH + 1), "passwords.too_long"),
    ],
)
def test_weak_passwords_are_refused(password: str, code: str) -> None:
    assert _code(password) == code


@pytest.mark.parametrize(
    "password",
    [
        "correct horse battery staple",
        "fietsen langs de amstel",  # lower case only: no composition rules
        "ZONDER KLEINE LETTERS MAG OOK",
        "0612 8844 9017 3355",  # digits only, random
        "ik drink 's ochtends thee 🍵",  # any character, emoji included
        "b7Qm-x2Lr-K9pw",
        "a" + "n" * 0 + "lange zin " * 7,  # 71 characters
        "een heel lange wachtzin die langer is dan vierenzestig tekens, zonder meer",
    ],
)
def test_strong_passwords_of_any_composition_are_accepted(password: str) -> None:
    assert _code(password) is None, password


def test_the_bundled_list_is_large_ranked_and_lower_case() -> None:
    listed = passwords.common_passwords()
    assert len(listed) > 35_000
    assert {"123456", "password", "qwerty", "iloveyou", "welkom"} <= listed
    assert all(p == p.casefold() for p in listed)
    with gzip.open(passwords.LIST_FILE, "rt", encoding="utf-8") as handle:
        head = handle.read(2000)
    assert "licence" in head and "zxcvbn" in head and "Django" in head


def test_the_password_is_used_exactly_as_typed(sqlite_url: str) -> None:
    """No truncation, no case folding, no trimming (ASVS 6.2.8)."""
    from impact.services.auth import login

    engine = migrated_engine(sqlite_url)
    create_organisation(engine=engine, slug="org-a", name="A")
    chosen = "Fietsen langs de Amstel " + "en verder " * 9  # > 72 bytes
    add_user(engine=engine, email="ann@a.nl", org_slug="org-a", role="viewer",
             password=chosen)  # fmt: skip
    assert login(engine=engine, email="ann@a.nl", password=chosen).email == "ann@a.nl"
    for variant in (chosen.lower(), chosen[:72], chosen.strip(), chosen + "!"):
        with pytest.raises(AuthError):
            login(engine=engine, email="ann@a.nl", password=variant, client=variant)


@pytest.mark.parametrize(
    "password", ["aaaaaaaaaa", "aaaaaaaaaaaa", "Password2024!", "A-eigen-wachtwoord"]
)
def test_creating_an_account_applies_the_policy(sqlite_url: str, password: str) -> None:
    engine = migrated_engine(sqlite_url)
    create_organisation(engine=engine, slug="org-a", name="A")
    with pytest.raises(AuthError) as refused:
        add_user(engine=engine, email="ann@a.nl", org_slug="org-a", role="viewer",
                 password=password)  # fmt: skip
    assert refused.value.code == "password_policy"


def test_the_cli_refuses_a_weak_password_with_a_message(
    isolated_settings: object,
) -> None:
    from typer.testing import CliRunner

    from impact.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["org", "create", "org-a", "--name", "A"]).exit_code == 0
    result = runner.invoke(
        app,
        ["--lang", "en", "user", "add", "ann@a.nl", "--org", "org-a", "--role",
         "viewer", "--password-stdin"],
        input="aaaaaaaaaaaa\n",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "repeats the same few characters" in result.output
    assert "Traceback" not in result.output


def test_a_password_does_not_expire(sqlite_url: str) -> None:
    """No periodic rotation (ASVS 6.2.10): an account set up years ago still logs
    in with its password."""
    from sqlalchemy import text

    from impact.services.auth import login

    engine = migrated_engine(sqlite_url)
    create_organisation(engine=engine, slug="org-a", name="A")
    add_user(engine=engine, email="ann@a.nl", org_slug="org-a", role="viewer",
             password="fietsen langs de amstel")  # fmt: skip
    with engine.begin() as conn:
        conn.execute(text("UPDATE user SET created_at = '2019-01-01 00:00:00'"))
    assert login(engine=engine, email="ann@a.nl", password="fietsen langs de amstel")
