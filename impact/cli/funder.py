"""``impact funder view``: what a funder's dashboard shows, as JSON or text.

The figures come from :func:`impact.services.release.funder_view`, the same
release path as the funder's page, so a script sees exactly what the page shows.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from impact.cli._base import app, echo, engine, handles_errors

funder_app = typer.Typer(help="What funders see.", no_args_is_help=True)
app.add_typer(funder_app, name="funder")


@funder_app.command("view")
@handles_errors
def view(
    user: Annotated[str, typer.Option("--user", help="The funder's e-mail address.")],
    programme: Annotated[
        str | None, typer.Option("--programme", help="One funded programme (name).")
    ] = None,
    wijk: Annotated[
        str | None, typer.Option("--wijk", help="One wijk code (WKxxxxxx).")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option("--period", help="Whole years as FROM:TO, e.g. 2024-Q1:2024-Q4."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print exactly what this funder's dashboard shows for these filters."""
    from impact.services.release.view_json import funder_view

    shown = funder_view(
        engine=engine(), email=user, programme=programme, wijk=wijk, period=period
    )
    if as_json:
        echo(json.dumps(shown, ensure_ascii=False, indent=2))
        return
    echo(f"{', '.join(shown['programmes'])}: {shown['total_participants']}")  # type: ignore[arg-type]
    for row in shown["reach"]:  # type: ignore[attr-defined]
        n = row["participants"]
        echo(f"  {row['programme']} · {row['wijk']} · {row['group']}: {n}")
