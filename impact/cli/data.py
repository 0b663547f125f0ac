"""Data commands of ``impact``: demo, serve, sample, import, template, report."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from impact.cli._base import app, echo, engine, handles_errors
from impact.cli.server import DEFAULT_HOST, run_app
from impact.i18n import t


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
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on (0.0.0.0: every address)."),
    ] = DEFAULT_HOST,
) -> None:
    """Load the demo organisation (idempotent) and start the app."""
    from impact.services.demo import load_demo, refuse_in_production

    refuse_in_production()  # before the database is touched
    loaded = load_demo(engine())
    echo(t("cli.demo_loaded", inserted=loaded.inserted))
    for email, role, password in loaded.logins:
        echo(f"  {role:<9} {email:<32} {password}")
    if not load_only:
        run_app(port, host)


@app.command("serve")
@handles_errors
def serve(
    port: Annotated[int, typer.Option("--port", help="Port of the app.")] = 8501,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on; default 127.0.0.1 (behind a reverse proxy). "
            "0.0.0.0: every address.",
        ),
    ] = DEFAULT_HOST,
) -> None:
    """Start the app against the configured database."""
    engine()
    run_app(port, host)


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
        typer.Option(
            "--programme",
            help="Programme of rows without one (a short name works when unambiguous).",
        ),
    ] = None,
    group: Annotated[
        str | None,
        typer.Option(
            "--group",
            help="Group of every row when the file has no group column: "
            "treated or comparison.",
        ),
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
    redo: Annotated[
        int | None,
        typer.Option(
            "--redo", help="Restore undone import batch BATCH (within 30 days)."
        ),
    ] = None,
) -> None:
    """Import a file (all rows or none), roll back a batch with --undo, or
    restore an undone one with --redo."""
    if not org:
        raise typer.BadParameter(t("cli.org_required"), param_hint="--org")
    if undo is not None:
        from impact.services.imports import undo_import

        removed = undo_import(engine=engine(), org_slug=org, batch_id=undo, actor="cli")
        echo(t("cli.undone", batch=undo, removed=removed))
        return
    if redo is not None:
        from impact.services.restore import redo_import

        restored = redo_import(
            engine=engine(), org_slug=org, batch_id=redo, actor="cli"
        )
        echo(t("cli.redone", batch=redo, restored=restored))
        return
    if file is None or not file.is_file():
        raise typer.BadParameter(t("cli.file_missing", path=file), param_hint="FILE")
    from impact.ingest.fastread import early_reads

    data = file.read_bytes()
    # a large sheet's read starts now and overlaps the imports and checks below
    with early_reads(data) as pending, _progress(len(data)) as report:
        from impact.errors import ImportRefused
        from impact.services.uploads import import_upload

        try:
            result, parsed = import_upload(
                engine=engine(),
                org_slug=org,
                data=data,
                filename=file.name,
                programme=programme,
                group=group,
                mapping_name=mapping,
                save_mapping_as=save_mapping,
                dry_run=dry_run,
                actor="cli",
                progress=report,
                pending=pending,
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
    out: Annotated[
        Path, typer.Option("--out", help="Workbook to write (.xlsx, or .ods).")
    ],
    kind: Annotated[str, typer.Argument(help="participant or area")] = "participant",
    instrument: Annotated[
        str | None,
        typer.Option("--instrument", help="zrm, pg, djg6, djg11 or swemwbs (wide)."),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="nl or en.")] = "nl",
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            help="The organisation's own template: its programmes, instruments, "
            "wijken and groups as drop-down lists.",
        ),
    ] = None,
) -> None:
    """Write an empty import template (with instructions and drop-down lists)."""
    from impact.errors import check_option
    from impact.ingest.templates import write_template

    check_option("kind", kind, ("participant", "area"))
    check_option("lang", lang, ("nl", "en"))
    if org is not None:
        from impact.services.org_template import organisation_template

        _name, data = organisation_template(engine=engine(), org_slug=org, lang=lang)
    else:
        data = write_template(kind, instrument=instrument, lang=lang)  # type: ignore[arg-type]
    if out.suffix.lower() == ".ods":
        from impact.ingest.ods_writer import xlsx_to_ods

        data = xlsx_to_ods(data)  # the same template as OpenDocument
    out.write_bytes(data)
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
        result = verify_report(engine=engine(), content=verify.read_bytes())
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
        engine=engine(),
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
