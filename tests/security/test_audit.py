"""Accountability: the audit log is append-only in the database itself, covers
every sensitive action, and never holds a client reference or pseudonym."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from impact.errors import AuthError
from impact.sample import generate as sample
from impact.services import security
from impact.services.admin import add_user, create_organisation
from impact.services.auth import MAX_FAILED_LOGINS, login
from impact.services.demo import DEMO_PASSWORD, load_demo
from impact.services.imports import frames_sha256, import_frames, undo_import
from impact.store import audit
from impact.store.engine import session_scope
from impact.store.models import AuditEvent
from tests.factories import migrated_engine

EXTRA_REF = "K-999000001"


def _first_event(engine: Engine) -> tuple[int, str, Any]:
    with engine.connect() as conn:
        row = conn.execute(
            sa.text("SELECT id, action, detail FROM auditevent ORDER BY id LIMIT 1")
        ).one()
    return int(row[0]), str(row[1]), row[2]


def _append_only(engine: Engine) -> None:
    with session_scope(engine) as s:
        audit.record(session=s, action="org_create", actor="test", slug="x")
    before = _first_event(engine)
    event_id = before[0]

    attempts = {
        "orm update": lambda s: _orm_update(s, event_id),
        "orm delete": lambda s: s.delete(s.get(AuditEvent, event_id)),
        "sql update": lambda s: s.execute(
            sa.text("UPDATE auditevent SET actor = 'someone else'")
        ),
        "sql delete": lambda s: s.execute(sa.text("DELETE FROM auditevent")),
    }
    if engine.dialect.name == "postgresql":
        attempts["sql truncate"] = lambda s: s.execute(
            sa.text("TRUNCATE auditevent CASCADE")
        )
    for name, attempt in attempts.items():
        with pytest.raises(DBAPIError, match="append-only"), session_scope(engine) as s:
            attempt(s)
            s.flush()
        assert _first_event(engine) == before, name
    # appending still works
    with session_scope(engine) as s:
        audit.record(session=s, action="org_create", actor="test", slug="y")
    with engine.connect() as conn:
        n = conn.execute(sa.text("SELECT count(*) FROM auditevent")).scalar_one()
    assert n == 2


def _orm_update(s: Session, event_id: int) -> None:
    event = s.get(AuditEvent, event_id)
    assert event is not None
    event.actor = "someone else"
    s.add(event)


def test_audit_log_is_append_only_sqlite(sqlite_url: str) -> None:
    _append_only(migrated_engine(sqlite_url))


@pytest.mark.postgres
def test_audit_log_is_append_only_postgres(postgres_url: str) -> None:
    _append_only(migrated_engine(postgres_url))


@pytest.mark.parametrize(
    "detail",
    [
        {"client_ref": "K-1"},
        {"pseudonym": "x"},
        {"note": "p_" + "a" * 32},
        {"rows": [1, {"who": "p_" + "0123456789abcdef" * 2}]},
    ],
)
def test_record_refuses_person_data(sqlite_url: str, detail: dict) -> None:
    engine = migrated_engine(sqlite_url)
    with pytest.raises(ValueError, match="audit detail"), session_scope(engine) as s:
        audit.record(session=s, action="import", **detail)


# --- a full session: every sensitive action leaves an event without person data ---


def _pseudonyms(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(sa.text("SELECT pseudonym FROM participant")).scalars())


def _full_session(engine: Engine) -> tuple[pd.DataFrame, set[str]]:
    load_demo(engine)
    create_organisation(engine=engine, slug="extra-org", name="Extra")
    login(engine=engine, email="analyst@demo.wijkimpact.nl", password=DEMO_PASSWORD)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthError):
            login(
                engine=engine, email="viewer@demo.wijkimpact.nl", password="wrong1234"
            )
    with pytest.raises(AuthError):
        login(engine=engine, email="nobody@demo.wijkimpact.nl", password="x" * 12)
    extra = sample.debt_measurements(np.random.default_rng(5), 3, 3)
    extra["client_ref"] = extra["client_ref"].str.replace("SR-", "K-999")
    result = import_frames(
        engine=engine, org_slug="demo", measurements=extra, area=None,
        filename="extra.xlsx", file_sha256=frames_sha256(extra), actor="uploader",
    )  # fmt: skip
    undo_import(engine=engine, org_slug="demo", batch_id=result.batch_id or 0)
    import_frames(
        engine=engine, org_slug="demo", measurements=extra, area=None,
        filename="extra.xlsx", file_sha256=frames_sha256(extra), actor="uploader",
    )  # fmt: skip
    add_user(
        engine=engine, email="viewer@demo.wijkimpact.nl", org_slug="demo",
        role="analyst",
    )  # fmt: skip
    generation_1 = _pseudonyms(engine)
    security.rotate_key(engine=engine, org_slug="demo")
    security.erase_client(engine=engine, org_slug="demo", client_ref=EXTRA_REF)
    frames = pd.concat([sample.demo_data().measurements, extra], ignore_index=True)
    return frames, generation_1 | _pseudonyms(engine)


def test_every_sensitive_action_is_audited_without_person_data(
    sqlite_url: str,
) -> None:
    engine = migrated_engine(sqlite_url)
    frames, pseudonyms = _full_session(engine)
    with engine.connect() as conn:
        events = conn.execute(
            sa.text("SELECT action, actor, detail FROM auditevent")
        ).all()
    actions = {a for a, _, _ in events}
    assert {
        "org_create", "user_add", "role_change", "import", "undo", "login",
        "login_failed", "lockout", "key_rotate", "erase",
    } <= actions  # fmt: skip
    assert {"export", "plan_lock"} <= set(audit.ACTIONS)  # recorded by their services
    refs = set(frames["client_ref"].astype(str))
    assert EXTRA_REF in refs and len(pseudonyms) > 1000
    text = json.dumps([[a, b, c] for a, b, c in events])
    leaked = [r for r in refs | pseudonyms if r in text]
    assert leaked == []
    erase = [json.loads(d) for a, _, d in events if a == "erase"]
    # 4 live rows of the re-import, and the 4 of the undone import's archive
    assert erase == [{"participants": 1, "measurements": 4, "archived": 4}]
