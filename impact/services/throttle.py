"""Login throttling with exponential back-off (NIST SP 800-63B 5.2.2, ASVS 6.3.1).

Failures are counted at three levels, each with its own :class:`Policy`: after
``free`` failures every further one doubles the wait before the next attempt,
up to ``cap``. Nothing is locked for a fixed time, so nobody can hold an
account locked by retrying once per lockout period:

- **pair** (one e-mail address from one client): the wall a password guesser
  meets first. It is keyed on the address as typed, so an unknown address is
  throttled exactly like a known one (no enumeration). It never affects the
  owner on another client.
- **client** (one browser session or network address, any addresses): credential
  stuffing from one place.
- **account** (one existing account, all clients; counted in the database, so
  it holds across replicas and restarts): a distributed attack. A client that
  has logged in to the account before is exempt, so a stranger cannot keep the
  owner out even by spreading failures over many clients.

A level forgets its failures :data:`FORGET_AFTER` seconds after the last one;
a successful login clears its pair. The in-process levels (pair, client) are
per app process: behind the sticky proxy of ``docs/deploy.md`` a client always
reaches the same process.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

#: seconds without a failure after which a pair or client starts afresh
FORGET_AFTER = 3600.0
#: most keys kept in memory; beyond it the quietest are forgotten first
MAX_ENTRIES = 100_000


@dataclass(frozen=True, slots=True)
class Policy:
    """``free`` failures without waiting, then ``base``, 2x``base``, ... ``cap`` s."""

    free: int
    base: float
    cap: float

    def wait_after(self, failures: int) -> float:
        """Seconds to wait after the ``failures``-th consecutive failure."""
        if failures < self.free:
            return 0.0
        return min(self.cap, self.base * 2.0 ** (failures - self.free))


PAIR = Policy(free=5, base=2.0, cap=900.0)
CLIENT = Policy(free=20, base=2.0, cap=900.0)
ACCOUNT = Policy(free=20, base=2.0, cap=900.0)


@dataclass(slots=True)
class _Entry:
    failures: int
    last_failure: float
    allowed_at: float


class Throttle:
    """Failure counts and waits per key, in this process (thread-safe)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._entries: dict[Hashable, _Entry] = {}
        self._known: dict[Hashable, float] = {}
        self._lock = threading.Lock()

    def retry_after(self, *keys: Hashable) -> float:
        """Seconds until every key in ``keys`` may try again (0: now)."""
        now = self.clock()
        with self._lock:
            waits = [self._live(key, now) for key in keys]
        return max([e.allowed_at - now for e in waits if e is not None] + [0.0])

    def failed(self, key: Hashable, policy: Policy) -> bool:
        """Count a failure; True when this one starts a wait for the first time."""
        now = self.clock()
        with self._lock:
            entry = self._live(key, now) or _Entry(0, now, now)
            entry.failures += 1
            entry.last_failure = now
            entry.allowed_at = now + policy.wait_after(entry.failures)
            self._entries[key] = entry
            self._prune(now)
            return entry.failures == policy.free

    def succeeded(self, key: Hashable) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def remember(self, key: Hashable) -> None:
        """Note a client that logged in to an account (exempt from its level)."""
        with self._lock:
            self._known[key] = self.clock()
            if len(self._known) > MAX_ENTRIES:
                oldest = min(self._known, key=self._known.__getitem__)
                self._known.pop(oldest)

    def known(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._known

    def _live(self, key: Hashable, now: float) -> _Entry | None:
        entry = self._entries.get(key)
        if entry is not None and now - entry.last_failure > FORGET_AFTER:
            del self._entries[key]
            return None
        return entry

    def _prune(self, now: float) -> None:
        if len(self._entries) <= MAX_ENTRIES:
            return
        for key in [
            k for k, e in self._entries.items() if now - e.last_failure > FORGET_AFTER
        ]:
            del self._entries[key]
        while len(self._entries) > MAX_ENTRIES:
            quietest = min(self._entries, key=lambda k: self._entries[k].last_failure)
            del self._entries[quietest]


#: the process-wide throttle the login uses
THROTTLE = Throttle()


def pair_key(email: str, client: str) -> tuple[str, str, str]:
    return ("pair", email.strip().casefold(), client)


def client_key(client: str) -> tuple[str, str]:
    return ("client", client)


def known_key(user_id: int, client: str) -> tuple[str, int, str]:
    return ("known", user_id, client)
