"""Set-up commands of ``impact``: database schema, organisations, users, status."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from impact.cli._base import (
    app,
    db_app,
    echo,
    engine,
    handles_errors,
    org_app,
    user_app,
)
from impact.i18n import t


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
    sector: Annotated[
        bool,
        typer.Option(
            "--sector", help="A sector hub that imports and pools evidence packages."
        ),
    ] = False,
) -> None:
    """Create an organisation."""
    from impact.services.admin import create_organisation

    if funder and sector:
        raise typer.BadParameter("--funder / --sector", param_hint="--sector")
    kind = "funder" if funder else "sector" if sector else "provider"
    org = create_organisation(engine=engine(), slug=slug, name=name, kind=kind)
    echo(t("cli.org_created", slug=org.slug, name=org.name))


@user_app.command("add")
@handles_errors
def user_add(
    email: Annotated[str, typer.Argument(help="E-mail address (the login name).")],
    org: Annotated[str, typer.Option("--org", help="Organisation slug.")],
    role: Annotated[
        str,
        typer.Option(
            "--role", help="admin, analyst, uploader, viewer, funder or sector."
        ),
    ],
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read a password from standard input."),
    ] = False,
) -> None:
    """Add a user to an organisation with a role (or change the role)."""
    from impact.domain.roles import ROLES
    from impact.errors import check_option
    from impact.services.admin import add_user

    check_option("role", role, ROLES)
    password = sys.stdin.readline().rstrip("\n") if password_stdin else None
    address, created = add_user(
        engine=engine(),
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

    counts = get_status(engine=engine(), org_slug=org)
    if as_json:
        echo(json.dumps(counts))
        return
    for key, value in counts.items():
        echo(f"{t('cli.count.' + key)}: {value}")
