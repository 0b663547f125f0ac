"""Login throttling (NIST SP 800-63B 5.2.2): exponential back-off per address and
client, per client and per account, and no lockout a stranger can hold: the
owner on another client, or on a client that logged in before, still gets in."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from impact.errors import AuthError
from impact.services import throttle
from impact.services.admin import add_user, create_organisation
from impact.services.auth import login
from tests.factories import migrated_engine

PASSWORD = "correct horse battery"
WRONG = "wrong password"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def engine(sqlite_url: str):  # type: ignore[no-untyped-def]
    engine = migrated_engine(sqlite_url)
    create_organisation(engine=engine, slug="org-a", name="A")
    add_user(
        engine=engine, email="ann@a.nl", org_slug="org-a", role="analyst",
        password=PASSWORD,
    )  # fmt: skip
    yield engine


@pytest.fixture()
def gate() -> tuple[throttle.Throttle, Clock]:
    clock = Clock()
    return throttle.Throttle(clock=clock), clock


def _fail(engine, gate, client: str, email: str = "ann@a.nl") -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(AuthError) as refused:
        login(engine=engine, email=email, password=WRONG, client=client, gate=gate)
    return refused.value.code


def _ok(engine, gate, client: str) -> bool:  # type: ignore[no-untyped-def]
    try:
        login(engine=engine, email="ann@a.nl", password=PASSWORD, client=client,
              gate=gate)  # fmt: skip
    except AuthError:
        return False
    return True


def test_policy_doubles_after_the_free_failures_up_to_the_cap() -> None:
    policy = throttle.Policy(free=3, base=2.0, cap=30.0)
    waits = [policy.wait_after(n) for n in range(1, 9)]
    assert waits == [0.0, 0.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]


def test_wait_grows_exponentially_and_the_right_password_waits_too(
    engine,
    gate,  # type: ignore[no-untyped-def]
) -> None:
    throttle_, clock = gate
    for _ in range(throttle.PAIR.free):
        assert _fail(engine, throttle_, "tab-1") == "auth"
    with pytest.raises(AuthError) as waiting:  # right password, but must wait
        login(engine=engine, email="ann@a.nl", password=PASSWORD, client="tab-1",
              gate=throttle_)  # fmt: skip
    assert waiting.value.code == "throttled" and " 2 " in str(waiting.value)
    waits = []
    for _ in range(4):
        waits.append(throttle_.retry_after(throttle.pair_key("ann@a.nl", "tab-1")))
        clock.now += waits[-1]
        assert _fail(engine, throttle_, "tab-1") == "auth"
    assert waits == [2.0, 4.0, 8.0, 16.0]
    clock.now += throttle_.retry_after(throttle.pair_key("ann@a.nl", "tab-1"))
    assert _ok(engine, throttle_, "tab-1")
    assert throttle_.retry_after(throttle.pair_key("ann@a.nl", "tab-1")) == 0.0


def test_a_stranger_retrying_forever_never_keeps_the_owner_out(
    engine,
    gate,  # type: ignore[no-untyped-def]
) -> None:
    """The old lockout: 5 failures, then one try every 15 minutes kept the
    account locked for good. Now the stranger's client waits, the owner not."""
    throttle_, clock = gate
    assert _ok(engine, throttle_, "owner-laptop")
    for _ in range(40):  # a day of retries at the longest wait
        _fail(engine, throttle_, "stranger")
        clock.now += throttle_.retry_after(
            throttle.pair_key("ann@a.nl", "stranger"), throttle.client_key("stranger")
        )
        assert _ok(engine, throttle_, "owner-laptop")
    assert _ok(engine, throttle_, "owner-new-phone")  # a client never seen before


def test_one_client_trying_many_addresses_is_throttled(engine, gate) -> None:  # type: ignore[no-untyped-def]
    throttle_, _clock = gate
    for n in range(throttle.CLIENT.free):
        assert _fail(engine, throttle_, "stuffer", email=f"u{n}@a.nl") == "auth"
    assert _fail(engine, throttle_, "stuffer", email="fresh@a.nl") == "throttled"
    assert _ok(engine, throttle_, "elsewhere")


def test_distributed_failures_slow_new_clients_but_not_known_ones(
    engine,
    gate,  # type: ignore[no-untyped-def]
) -> None:
    throttle_, clock = gate
    assert _ok(engine, throttle_, "owner")
    for n in range(throttle.ACCOUNT.free):
        _fail(engine, throttle_, f"bot-{n}")  # one failure from each of many clients
    assert not _ok(engine, throttle_, "bot-new")  # the account waits for new clients
    assert _ok(engine, throttle_, "owner")  # a client that logged in before does not
    for n in range(throttle.ACCOUNT.free):
        _fail(engine, throttle_, f"bot2-{n}")
    clock.now += 1.0
    with engine.connect() as conn:
        until = conn.execute(text("SELECT locked_until FROM user")).scalar_one()
    assert until is not None  # held in the database: every replica sees it


def test_waits_are_audited_once_per_start(engine, gate) -> None:  # type: ignore[no-untyped-def]
    throttle_, _clock = gate
    for _ in range(throttle.PAIR.free):
        _fail(engine, throttle_, "tab-1")
    _fail(engine, throttle_, "tab-1")  # refused at the gate: not counted again
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT action, detail FROM auditevent")).all()
    actions = [a for a, _d in rows]
    assert actions.count("login_failed") == throttle.PAIR.free
    lockouts = [json.loads(d) for a, d in rows if a == "lockout"]
    assert lockouts == [{"level": "client"}]


def test_failures_are_forgotten_after_a_quiet_hour(gate) -> None:  # type: ignore[no-untyped-def]
    throttle_, clock = gate
    key = throttle.client_key("tab")
    for _ in range(throttle.CLIENT.free):
        throttle_.failed(key, throttle.CLIENT)
    assert throttle_.retry_after(key) > 0
    clock.now += throttle.FORGET_AFTER + 1
    assert throttle_.retry_after(key) == 0.0
    assert not throttle_.failed(key, throttle.CLIENT)  # counting starts afresh
