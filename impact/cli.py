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
        engine=_engine(),
        email=email,
        org_slug=org,
        role=role,
        password=password,
        reset_password=password is not None,
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


@app.command("import")
@handles_errors
def import_file(
    file: Annotated[
        Path | None,
        typer.Argument(help="Workbook (.xlsx) or CSV file to import.", exists=False),
    ] = None,
    org: Annotated[str, typer.Option("--org", help="Organisation slug.")] = "",
    programme: Annotated[
        str | None,
        typer.Option("--programme", help="Programme of every row (else a column)."),
    ] = None,
    mapping: Annotated[
        str | None, typer.Option("--mapping", help="Use a saved column mapping.")
    ] = None,
    save_mapping: Annotated[
        str | None,
        typer.Option("--save-mapping", help="Save the column mapping under a name."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check everything, write nothing.")
    ] = False,
    undo: Annotated[
        int | None, typer.Option("--undo", help="Roll back import batch BATCH.")
    ] = None,
) -> None:
    """Import a file (all rows or none), or roll back a batch with --undo."""
    if not org:
        raise typer.BadParameter(t("cli.org_required"), param_hint="--org")
    data = b""
    if undo is None and file is not None and file.is_file():
        from impact.ingest.fastread import start_early

        data = file.read_bytes()
        start_early(data)  # a large sheet's read overlaps what follows
    from impact.errors import ImportRefused
    from impact.services.imports import undo_import
    from impact.services.uploads import import_upload

    if undo is not None:
        removed = undo_import(
            engine=_engine(), org_slug=org, batch_id=undo, actor="cli"
        )
        echo(t("cli.undone", batch=undo, removed=removed))
        return
    if file is None or not file.is_file():
        raise typer.BadParameter(t("cli.file_missing", path=file), param_hint="FILE")
    with _progress(len(data)) as report:
        try:
            result, parsed = import_upload(
                engine=_engine(),
                org_slug=org,
                data=data,
                filename=file.name,
                programme=programme,
                mapping_name=mapping,
                save_mapping_as=save_mapping,
                dry_run=dry_run,
                actor="cli",
                progress=report,
            )
        except ImportRefused as refused:
            _print_problems(refused)
            raise typer.Exit(1) from None
    for problem in parsed.warnings:
        typer.echo(f"{problem.location()}: {problem.message}", err=True)
    key = {
        "imported": "cli.imported",
        "dry_run": "cli.dry_run",
        "unchanged": "cli.unchanged",
    }[result.status]
    echo(
        t(
            key,
            batch_id=result.batch_id,
            rows=result.rows,
            inserted=result.inserted,
            skipped=result.skipped,
            participants_new=result.participants_new,
        )
    )


def _print_problems(refused: Any) -> None:
    typer.echo(str(refused), err=True)
    for problem in refused.problems:
        where = problem.location() if hasattr(problem, "location") else ""
        typer.echo(
            f"{where}: {problem.message}" if where else problem.message, err=True
        )


class _progress:
    """A progress bar on stderr for large files; silent for small ones."""

    LARGE = 2 * 1024 * 1024

    def __init__(self, size: int) -> None:
        self.bar: Any = None
        self.size = size
        self.done = 0

    def __enter__(self) -> Callable[[float, str], None]:
        if self.size >= self.LARGE:
            self.bar = typer.progressbar(length=100, label="import", file=sys.stderr)
            self.bar.__enter__()
        return self.update

    def update(self, fraction: float, _message: str) -> None:
        if self.bar is not None:
            step = max(0, int(fraction * 100) - self.done)
            self.bar.update(step)
            self.done += step

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@app.command("template")
@handles_errors
def template(
    kind: Annotated[str, typer.Argument(help="participant or area")],
    out: Annotated[Path, typer.Option("--out", help="Workbook to write (.xlsx).")],
    instrument: Annotated[
        str | None,
        typer.Option("--instrument", help="zrm, pg, djg6, djg11 or swemwbs (wide)."),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="nl or en.")] = "nl",
) -> None:
    """Write an empty import template (with instructions and drop-down lists)."""
    from impact.errors import check_option
    from impact.ingest.templates import write_template

    check_option("kind", kind, ("participant", "area"))
    check_option("lang", lang, ("nl", "en"))
    out.write_bytes(write_template(kind, instrument=instrument, lang=lang))  # type: ignore[arg-type]
    echo(t("cli.template_written", path=out))


@app.command("report")
@handles_errors
def report(
    org: Annotated[str, typer.Option("--org", help="Organisation slug.")] = "",
    programme: Annotated[
        list[str] | None,
        typer.Option("--programme", help="Programme (repeat for several; none: all)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="pdf, xlsx or docx.")] = "pdf",
    lang: Annotated[str, typer.Option("--lang", help="nl or en.")] = "nl",
    out: Annotated[Path | None, typer.Option("--out", help="File to write.")] = None,
    funder: Annotated[
        bool, typer.Option("--funder", help="The funder version (aggregates only).")
    ] = False,
    verify: Annotated[
        Path | None,
        typer.Option("--verify", help="Recompute a report file and compare."),
    ] = None,
) -> None:
    """Write an evidence report, or check one against the data with --verify."""
    from impact.errors import check_option
    from impact.services.reports import render_report, verify_report

    if verify is not None:
        result = verify_report(engine=_engine(), content=verify.read_bytes())
        if result.ok:
            echo(t("reports.verified", fingerprint=result.fingerprint_now[:16]))
            return
        echo(t("reports.not_verified", count=len(result.differences)))
        for line in result.differences[:20]:
            echo(f"  {line}")
        raise typer.Exit(1)
    if not org:
        raise typer.BadParameter(t("cli.org_required"), param_hint="--org")
    check_option("format", fmt, ("pdf", "xlsx", "docx"))
    check_option("lang", lang, ("nl", "en"))
    content = render_report(
        engine=_engine(),
        org_slug=org,
        programme_names=tuple(programme or ()),
        fmt=fmt,
        lang=lang,
        audience="funder" if funder else "organisation",
        actor="cli",
    )
    target = out or Path(f"wijkimpact-{org}.{fmt}")
    target.write_bytes(content)
    echo(t("cli.report_written", path=target, size=len(content) // 1024))


def _run_app(port: int) -> None:
    from impact.config import get_settings

    script = Path(__file__).resolve().parent.parent / "apps" / "streamlit_app.py"
    if not script.exists():
        raise ImpactError(t("cli.app_missing", path=script))
    settings = get_settings()
    echo(t("cli.app_url", url=f"http://localhost:{port}"))
    from impact.services.doctor import server_flags
    from impact.services.sso import streamlit_secrets_args

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
    with streamlit_secrets_args(settings, port) as sso_args:  # [auth] when SSO is set
        code = subprocess.call([*args, *sso_args])  # noqa: S603 - fixed argument list
    raise typer.Exit(code)


# the keys, erase, db backup/restore and doctor commands live in their own module
from impact import cli_ops  # noqa: E402, F401  (registers its commands on ``app``)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
