"""``impact funding add|remove|list``: which funder sees which programme."""

from __future__ import annotations

from typing import Annotated

import typer

from impact.cli._base import app, echo, engine, handles_errors
from impact.i18n import t

funding_app = typer.Typer(
    help="Funders (gemeente, fonds) and the programmes they see (aggregates only).",
    no_args_is_help=True,
)
app.add_typer(funding_app, name="funding")

Org = Annotated[str, typer.Option("--org", help="Organisation running the programme.")]
Funder = Annotated[
    str, typer.Option("--funder", help="Slug of the funder organisation.")
]
Name = Annotated[
    str,
    typer.Option("--programme", help="Programme name (a short name works if unique)."),
]


@funding_app.command("add")
@handles_errors
def funding_add(org: Org, funder: Funder, programme: Name) -> None:
    """Let a funder see a programme's aggregates."""
    from impact.services.funding import add_funding

    link = add_funding(
        engine=engine(),
        org_slug=org,
        funder_slug=funder,
        programme=programme,
        actor="cli",
    )
    echo(t("cli.funding_added", funder=link.funder_name, programme=link.programme))


@funding_app.command("remove")
@handles_errors
def funding_remove(org: Org, funder: Funder, programme: Name) -> None:
    """Take a funder's view of a programme away."""
    from impact.services.funding import remove_funding

    done = remove_funding(
        engine=engine(),
        org_slug=org,
        funder_slug=funder,
        programme=programme,
        actor="cli",
    )
    key = "cli.funding_removed" if done else "cli.funding_none"
    echo(t(key, funder=funder, programme=programme))


@funding_app.command("list")
@handles_errors
def funding_list(org: Org) -> None:
    """Every funder of the organisation's programmes."""
    from impact.services.funding import list_funding

    links = list_funding(engine=engine(), org_slug=org)
    if not links:
        echo(t("cli.funding_empty"))
    for link in links:
        echo(f"{link.programme}\t{link.funder_slug}\t{link.funder_name}")
