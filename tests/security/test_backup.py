"""Backup and restore of the SQLite database, through the command line: the
restored database equals the backed-up one, table by table (counts and content
hashes), and a damaged or foreign file is refused without touching anything."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from impact.cli import app
from impact.services.backup import content_digest
from impact.store.engine import dispose_engines, get_engine

runner = CliRunner()
DATA_TABLES = ("participant", "measurement", "areaobservation", "importbatch")


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["--lang", "en", *args], input=input)
    dispose_engines()
    return result


def _counts() -> dict[str, int]:
    with get_engine().connect() as conn:
        return {
            t: int(conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar_one())
            for t in DATA_TABLES
        }


def _digest_without_audit() -> dict[str, str]:
    digest = content_digest(get_engine())
    dispose_engines()
    return {k: v for k, v in digest.items() if k != "auditevent"}


@pytest.fixture(autouse=True)
def _engines():  # type: ignore[no-untyped-def]
    yield


def test_backup_restore_round_trip(isolated_settings: Path) -> None:
    assert run("demo", "--load-only").exit_code == 0
    counts, digest = _counts(), _digest_without_audit()
    assert counts["measurement"] > 1000

    made = run("db", "backup", "before.db")
    assert made.exit_code == 0, made.output
    backup = isolated_settings / "before.db"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert run("db", "backup", "before.db").exit_code == 1  # never overwrites

    # change the live data: erase a client, rotate the key
    erased = run("erase", "--org", "demo", "--client", "SR-000001", "--yes")
    assert erased.exit_code == 0 and "1 participant(s)" in erased.output
    assert run("keys", "rotate", "--org", "demo").exit_code == 0
    assert _digest_without_audit() != digest

    refused = run("db", "restore", "before.db")  # no --yes: asks, answer no
    assert refused.exit_code == 1
    restored = run("db", "restore", "before.db", "--yes")
    assert restored.exit_code == 0, restored.output
    assert "1 client(s) were erased after this backup" in restored.output
    assert _counts() == counts
    assert _digest_without_audit() == digest
    with get_engine().connect() as conn:
        actions = conn.execute(
            sa.text("SELECT action FROM auditevent ORDER BY id")
        ).scalars()
        actions = list(actions)
    # the restored log ends where the backup was taken, plus this restore
    assert actions[-1] == "restore" and "erase" not in actions


@pytest.mark.parametrize("content", [b"not a database at all", b""])
def test_damaged_or_foreign_file_is_refused(
    isolated_settings: Path, content: bytes
) -> None:
    assert run("demo", "--load-only").exit_code == 0
    digest = _digest_without_audit()
    bad = isolated_settings / "bad.db"
    bad.write_bytes(content)
    result = run("db", "restore", str(bad), "--yes")
    assert result.exit_code == 1 and "Nothing was restored" in result.output
    assert _digest_without_audit() == digest


def test_postgres_is_pointed_to_pg_dump(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMPACT_DATABASE_URL", "postgresql://x@127.0.0.1:1/none")
    from impact.config import get_settings

    get_settings.cache_clear()
    from impact.errors import ConfigError
    from impact.services.backup import sqlite_path

    with pytest.raises(ConfigError, match="pg_dump"):
        sqlite_path()


def test_erase_reads_reference_from_stdin(isolated_settings: Path) -> None:
    assert run("demo", "--load-only").exit_code == 0
    result = run(
        "erase", "--org", "demo", "--client-stdin", "--yes", input="SR-000002\n"
    )
    assert result.exit_code == 0 and "1 participant(s)" in result.output
    missing = run("erase", "--org", "demo", "--yes")
    assert missing.exit_code == 1 and "--client" in missing.output
