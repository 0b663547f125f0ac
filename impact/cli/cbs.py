"""``impact cbs import``: CBS neighbourhood statistics (names and indicators)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from impact.cli._base import app, echo, engine, handles_errors
from impact.i18n import t

cbs_app = typer.Typer(
    help="CBS neighbourhood statistics (Kerncijfers wijken en buurten).",
    no_args_is_help=True,
)
app.add_typer(cbs_app, name="cbs")


@cbs_app.command("import")
@handles_errors
def cbs_import(
    org: Annotated[str, typer.Option("--org", help="Organisation slug.")],
    table: Annotated[
        str | None,
        typer.Option("--table", help="CBS table id, fetched online (e.g. 85984NED)."),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help="The table downloaded from CBS Open Data."),
    ] = None,
    gemeente: Annotated[
        list[str] | None,
        typer.Option("--gemeente", help="Only this gemeente (GMxxxx); repeatable."),
    ] = None,
    indicator: Annotated[
        list[str] | None,
        typer.Option("--indicator", help="Indicator to store (e.g. AantalInwoners)."),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help="Year of the table when it is not a known one."),
    ] = None,
) -> None:
    """Store wijk and buurt names and chosen indicators (comparison wijken)."""
    from impact.services.cbs import import_cbs

    done = import_cbs(
        engine=engine(),
        org_slug=org,
        table=table,
        file=file,
        gemeenten=tuple(gemeente or ()),
        indicators=tuple(indicator or ()),
        year=year,
        actor="cli",
    )
    echo(
        t(
            "cli.cbs_imported",
            table=done.table,
            year=done.year,
            names=done.names,
            wijken=done.wijken,
            buurten=done.buurten,
            observations=done.observations,
            indicators=", ".join(done.indicators) or "-",
        )
    )
