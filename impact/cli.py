"""The ``impact`` command: a thin shell over :mod:`impact.services`.

Every command prints user-facing text in the configured language (``--lang`` or
``IMPACT_LANGUAGE``); an :class:`~impact.errors.ImpactError` becomes its message
on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from impact.errors import ImpactError
from impact.i18n import t, use_language

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    help="Wijkimpact: outcome measurement and impact reporting for social work.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database schema and maintenance.", no_args_is_help=True)
org_app = typer.Typer(help="Organisations.", no_args_is_help=True)
user_app = typer.Typer(help="Users and their roles.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(org_app, name="org")
app.add_typer(user_app, name="user")

_state: dict[str, str | None] = {"lang": None}


def echo(text: str = "") -> None:
    typer.echo(text)


def handles_errors(func: F) -> F:
    """Run a command in the chosen language; show ImpactError as a message."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with use_language(_state["lang"]):
            try:
                return func(*args, **kwargs)
            except ImpactError as exc:
                typer.echo(str(exc), err=True)
                raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


@app.callback()
def main_options(
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of messages: nl (default) or en."),
    ] = None,
) -> None:
    """Wijkimpact: outcome measurement and impact reporting for social work."""
    if lang is not None and lang not in ("nl", "en"):
        raise typer.BadParameter("--lang must be nl or en")
    _state["lang"] = lang


def _engine() -> Any:
    from impact.store.engine import get_engine
    from impact.store.migrate import upgrade

    upgrade()  # cheap when already at head; a fresh database gets its tables
    return get_engine()


@db_app.command("upgrade")
@handles_errors
def db_upgrade() -> None:
    """Create or migrate the database schema to the newest version."""
    from impact.store.migrate import upgrade

    revision = upgrade()
    echo(t("cli.db_upgraded", revision=revision))


@org_app.command("create")
@handles_errors
def org_create(
    slug: Annotated[
        str, typer.Argument(help="Short name: lower-case letters, digits, -")
    ],
    name: Annotated[str, typer.Option("--name", help="Full name of the organisation.")],
    funder: Annotated[
        bool, typer.Option("--funder", help="A funder (gemeente, fonds).")
    ] = False,
) -> None:
    """Create an organisation."""
    from impact.services.admin import create_organisation

    org = create_organisation(
        engine=_engine(), slug=slug, name=name, kind="funder" if funder else "provider"
    )
    echo(t("cli.org_created", slug=org.slug, name=org.name))


@user_app.command("add")
@handles_errors
def user_add(
    email: Annotated[str, typer.Argument(help="E-mail address (the login name).")],
    org: Annotated[str, typer.Option("--org", help="Organisation slug.")],
    role: Annotated[
        str,
        typer.Option("--role", help="admin, analyst, uploader, viewer or funder."),
    ],
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read a password from standard input."),
    ] = False,
) -> None:
    """Add a user to an organisation with a role (or change the role)."""
    from impact.errors import check_option
    from impact.services.admin import add_user
    from impact.store.models import ROLES

    check_option("role", role, ROLES)
    password = sys.stdin.readline().rstrip("\n") if password_stdin else None
    address, created = add_user(
        engine=_engine(), email=email, org_slug=org, role=role, password=password
    )
    key = "cli.user_created" if created else "cli.user_updated"
    echo(t(key, email=address, org=org, role=role))


@app.command("status")
@handles_errors
def status(
    org: Annotated[str, typer.Option("--org", help="Organisation slug.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Counts of participants, measurements, area observations and import batches."""
    from impact.services.admin import status as get_status

    counts = get_status(engine=_engine(), org_slug=org)
    if as_json:
        echo(json.dumps(counts))
        return
    for key, value in counts.items():
        echo(f"{t('cli.count.' + key)}: {value}")


@app.command("sample")
@handles_errors
def sample(
    rows: Annotated[
        int, typer.Option("--rows", min=1, max=1_048_575, help="Number of data rows.")
    ] = 3400,
    out: Annotated[
        Path, typer.Option("--out", help="Workbook to write (.xlsx).")
    ] = Path("sample.xlsx"),
    seed: Annotated[
        int, typer.Option("--seed", help="Random seed (same seed, same file).")
    ] = 20240501,
) -> None:
    """Write a long-format participant workbook of N rows for the demo programmes."""
    from impact.sample.generate import measurement_rows
    from impact.sample.workbook import write_measurements

    path = write_measurements(measurement_rows(rows, seed=seed), out)
    echo(t("cli.sample_written", rows=rows, path=path))


@app.command("demo")
@handles_errors
def demo(
    port: Annotated[int, typer.Option("--port", help="Port of the app.")] = 8501,
    load_only: Annotated[
        bool, typer.Option("--load-only", help="Load the demo data and exit.")
    ] = False,
) -> None:
    """Load the demo organisation (idempotent) and start the app."""
    from impact.services.demo import load_demo

    loaded = load_demo(_engine())
    echo(t("cli.demo_loaded", inserted=loaded.inserted))
    for email, role, password in loaded.logins:
        echo(f"  {role:<9} {email:<32} {password}")
    if not load_only:
        _run_app(port)


@app.command("serve")
@handles_errors
def serve(
    port: Annotated[int, typer.Option("--port", help="Port of the app.")] = 8501,
) -> None:
    """Start the app against the configured database."""
    _engine()
    _run_app(port)


def _run_app(port: int) -> None:
    from impact.config import get_settings

    script = Path(__file__).resolve().parent.parent / "apps" / "streamlit_app.py"
    if not script.exists():
        raise ImpactError(t("cli.app_missing", path=script))
    settings = get_settings()
    echo(t("cli.app_url", url=f"http://localhost:{port}"))
    from impact.services.doctor import server_flags

    args = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.port",
        str(port),
        *server_flags(settings),  # checked by 'impact doctor'
    ]
    raise typer.Exit(subprocess.call(args))  # noqa: S603 - fixed argument list


# --- security and reliability: keys, erasure, backups, doctor -------------------

keys_app = typer.Typer(help="Pseudonymisation keys.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("rotate")
@handles_errors
def keys_rotate(
    org: Annotated[str, typer.Option("--org", help="Organisation slug.")],
) -> None:
    """Re-key every pseudonym of an organisation to a new key generation."""
    from impact.services.security import rotate_key

    done = rotate_key(engine=_engine(), org_slug=org)
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
    done = erase_client(engine=_engine(), org_slug=org, client_ref=reference)
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

    _engine()
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
    from impact.config import get_settings
    from impact.services.doctor import check

    findings = check(get_settings())
    if as_json:
        echo(json.dumps([{"code": f.code, "message": f.message} for f in findings]))
    else:
        for finding in findings:
            echo(f"- [{finding.code}] {finding.message}")
        key = "security.doctor.unsafe" if findings else "security.doctor.ok"
        echo(t(key, n=len(findings)))
    if findings:
        raise typer.Exit(1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
