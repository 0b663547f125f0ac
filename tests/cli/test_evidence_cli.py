"""``impact evidence``: export -> key -> trust -> import -> pooled, as a hub
administrator would run it, including the refusals a careless or hostile
sender causes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from impact.cli import app
from impact.config import get_settings
from tests.factories import add_org_with_data, migrated_engine

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


@pytest.fixture()
def world(sqlite_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("IMPACT_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    engine = migrated_engine(sqlite_url)
    add_org_with_data(engine, "welzijn-a", seed=1, n=40)
    add_org_with_data(engine, "welzijn-b", seed=2, n=40)
    yield engine


def test_round_trip_export_trust_import_pooled(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("org", "create", "branche", "--name", "Branche", "--sector").exit_code == 0
    )
    for slug, named in (("welzijn-a", True), ("welzijn-b", False)):
        args = [
            "evidence",
            "export",
            "--org",
            slug,
            "--out",
            str(tmp_path / f"{slug}.json"),
        ]
        result = run(*args, *(["--named"] if named else []))
        assert result.exit_code == 0, result.output
        key = run("evidence", "key", "--org", slug)
        assert key.exit_code == 0 and len(key.output.strip().splitlines()) == 1
        trusted = run("evidence", "trust", "--org", "branche", "--from", slug,
                      "--key", key.output.strip())  # fmt: skip
        assert trusted.exit_code == 0, trusted.output
        imported = run(
            "evidence", "import", str(tmp_path / f"{slug}.json"), "--org", "branche"
        )
        assert imported.exit_code == 0 and "ingelezen" in imported.output
    again = run(
        "evidence", "import", str(tmp_path / "welzijn-a.json"), "--org", "branche"
    )
    assert again.exit_code == 0 and "niets veranderd" in again.output
    pooled = run("evidence", "pooled", "--org", "branche", "--json")
    assert pooled.exit_code == 0, pooled.output
    data = json.loads(pooled.output)
    assert data["organisations"] == 2 and data["packages"] == 2
    two = [p for p in data["pools"] if p["k"] == 2]
    assert two, "both organisations report the same sample outcomes"
    names = {s["name"] for p in data["pools"] for s in p["studies"]}
    assert names == {"Welzijn-A", None}  # welzijn-b did not agree to be named
    text = run("--lang", "en", "evidence", "pooled", "--org", "branche")
    assert text.exit_code == 0 and "g = " in text.output
    assert "with comparison group" in text.output
    report = tmp_path / "sector.xlsx"
    written = run("evidence", "report", "--org", "branche", "--out", str(report),
                  "--format", "xlsx", "--lang", "en")  # fmt: skip
    assert written.exit_code == 0, written.output
    assert report.read_bytes()[:2] == b"PK"


def test_cli_refusals_are_messages_not_tracebacks(world, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("org", "create", "branche", "--name", "Branche", "--sector")
    out = tmp_path / "a.json"
    assert (
        run("evidence", "export", "--org", "welzijn-a", "--out", str(out)).exit_code
        == 0
    )
    unknown = run("--lang", "en", "evidence", "import", str(out), "--org", "branche")
    assert unknown.exit_code == 1 and "holds no key of 'welzijn-a'" in unknown.output
    key = run("evidence", "key", "--org", "welzijn-a").output.strip()
    run("evidence", "trust", "--org", "branche", "--from", "welzijn-a", "--key", key)
    package = json.loads(out.read_text())
    package["payload"]["results"][0]["n_treated"] += 100
    out.write_text(json.dumps(package))
    tampered = run("evidence", "import", str(out), "--org", "branche")
    assert tampered.exit_code == 1 and "handtekening klopt niet" in tampered.output
    not_hub = run(
        "evidence", "trust", "--org", "welzijn-b", "--from", "x", "--key", key
    )
    assert not_hub.exit_code == 1 and "geen sectorhub" in not_hub.output
    bad_kind = run("evidence", "export", "--org", "welzijn-a", "--out", str(out),
                   "--kind", "Schuldhulp=bank")  # fmt: skip
    assert bad_kind.exit_code == 1 and "schuldhulp" in bad_kind.output
    assert "Traceback" not in unknown.output + tampered.output + not_hub.output
