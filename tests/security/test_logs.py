"""Logs and error messages never carry client references, pseudonyms, cell
values or secrets, even with every logger at DEBUG."""

from __future__ import annotations

import logging

import numpy as np
import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from impact.config import get_settings
from impact.errors import ImportRefused
from impact.sample import generate as sample
from impact.services import security
from impact.services.demo import load_demo
from impact.services.imports import frames_sha256, import_frames
from impact.store.engine import dispose_engines, session_scope
from impact.store.models import Participant
from tests.factories import migrated_engine

SECRET = "log-scan-secret-0123456789-abcdefghijklmnop"
#: cell values no log line would contain by chance
CELL_VALUES = (3.14159265, 2.71828182, 1.41421356)


def test_full_import_logs_nothing_personal(
    sqlite_url: str,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("IMPACT_SECRET_KEY", SECRET)
    get_settings.cache_clear()
    caplog.set_level(logging.DEBUG)
    engine = migrated_engine(sqlite_url)
    load_demo(engine)
    extra = sample.debt_measurements(np.random.default_rng(9), 4, 4)
    extra["client_ref"] = extra["client_ref"].str.replace("SR-", "L-")
    extra["value"] = np.resize(np.array(CELL_VALUES), len(extra))
    import_frames(
        engine=engine, org_slug="demo", measurements=extra, area=None,
        filename="extra.xlsx", file_sha256=frames_sha256(extra),
    )  # fmt: skip
    with pytest.raises(ImportRefused):
        import_frames(
            engine=engine, org_slug="demo",
            measurements=extra.assign(programme="Onbekend"), area=None,
            filename="bad.xlsx", file_sha256="b" * 64,
        )  # fmt: skip
    security.rotate_key(engine=engine, org_slug="demo")
    security.erase_client(engine=engine, org_slug="demo", client_ref="SR-000001")
    with engine.connect() as conn:
        pseudonyms = set(
            conn.execute(sa.text("SELECT pseudonym FROM participant")).scalars()
        )
    # a database error mentions no parameter values either
    with pytest.raises(IntegrityError) as info, session_scope(engine) as s:
        p = next(iter(pseudonyms))
        s.add(Participant(organisation_id=1, programme_id=999, pseudonym=p, group="x"))
        s.flush()
    assert p not in str(info.value)
    dispose_engines()

    captured = capfd.readouterr()
    text = "\n".join(
        [r.getMessage() for r in caplog.records] + [captured.out, captured.err]
    )
    assert caplog.records  # the loggers did speak (alembic at least)
    refs = set(sample.demo_data().measurements["client_ref"]) | set(extra["client_ref"])
    needles = refs | pseudonyms | {SECRET} | {repr(v) for v in CELL_VALUES}
    assert [n for n in needles if n in text] == []
