"""Operations commands of ``impact``: key rotation, erasure, backup and restore,
and the deployment doctor, registered on the app of :mod:`impact.cli._base`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from impact.cli._base import app, db_app, echo, engine, handles_errors, keys_app
from impact.errors import ImpactError
from impact.i18n import t


@keys_app.command("rotate")
@handles_errors
def keys_rotate(
    org: Annotated[str, typer.Option("--org", help="Organisation slug.")],
) -> None:
    """Re-key every pseudonym of an organisation to a new key generation."""
    from impact.services.security import rotate_key

    done = rotate_key(engine=engine(), org_slug=org)
    echo(
        t(
            "security.cli.rotated",
            org=done.org_slug,
            old=done.old_generation,
            new=done.new_generation,
            n=done.pseudonyms,
        )
    )


@app.command("erase")
@handles_errors
def erase(
    org: Annotated[str, typer.Option("--org", help="Organisation slug.")],
    client: Annotated[
        str | None,
        typer.Option("--client", help="The client's reference, as in the uploads."),
    ] = None,
    client_stdin: Annotated[
        bool,
        typer.Option(
            "--client-stdin",
            help="Read the reference from standard input (keeps it out of the "
            "shell history).",
        ),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask to confirm.")] = False,
) -> None:
    """Erase one client's data from every programme of an organisation (AVG art. 17)."""
    from impact.services.security import erase_client

    reference = sys.stdin.readline().strip() if client_stdin else client
    if not reference:
        raise ImpactError(t("security.cli.client_missing"))
    if not yes and not typer.confirm(t("security.cli.erase_confirm", org=org)):
        raise typer.Exit(1)
    done = erase_client(engine=engine(), org_slug=org, client_ref=reference)
    echo(
        t(
            "security.cli.erased",
            org=done.org_slug,
            participants=done.participants,
            measurements=done.measurements,
        )
    )


@db_app.command("backup")
@handles_errors
def db_backup(
    file: Annotated[Path, typer.Argument(help="Backup file to write (new).")],
) -> None:
    """Write a consistent copy of the SQLite database (online backup)."""
    from impact.services.backup import backup

    engine()
    done = backup(target=file)
    echo(
        t("security.cli.backup_done", path=done.path, size=done.size,
          revision=done.revision)
    )  # fmt: skip


@db_app.command("restore")
@handles_errors
def db_restore(
    file: Annotated[Path, typer.Argument(help="Backup file to restore.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask to confirm.")] = False,
) -> None:
    """Replace the SQLite database by a backup (checked first)."""
    from impact.services.backup import restore

    if not yes and not typer.confirm(t("security.cli.restore_confirm", path=file)):
        raise typer.Exit(1)
    done = restore(source=file)
    echo(t("security.cli.restored", path=file, revision=done.revision))
    if done.erasures_to_repeat:
        echo(t("security.cli.repeat_erasures", n=done.erasures_to_repeat))


@app.command("doctor")
@handles_errors
def doctor(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Check this deployment's settings; exit 1 when anything is unsafe."""
    from impact.config import read_settings
    from impact.services.doctor import check

    findings = check(read_settings())  # lenient: list what get_settings refuses
    if as_json:
        echo(json.dumps([{"code": f.code, "message": f.message} for f in findings]))
    else:
        for finding in findings:
            echo(f"- [{finding.code}] {finding.message}")
        key = "security.doctor.unsafe" if findings else "security.doctor.ok"
        echo(t(key, n=len(findings)))
    if findings:
        raise typer.Exit(1)
