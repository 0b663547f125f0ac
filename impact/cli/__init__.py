"""The ``impact`` command: a thin shell over :mod:`impact.services`.

Every command prints user-facing text in the configured language (``--lang`` or
``IMPACT_LANGUAGE``); an :class:`~impact.errors.ImpactError` becomes its message
on stderr and a non-zero exit status, never a traceback.

Modules: ``_base`` (the Typer apps, language, errors, engine), ``admin`` (db,
org, user, status), ``data`` (demo, serve, sample, import, template, report),
``ops`` (keys, erase, backup, restore, doctor), ``evidence`` (signed
evidence packages, the sector hub), ``funding`` (funders and their
programmes), ``cbs`` (CBS neighbourhood statistics), ``funder`` (what a
funder sees), ``server`` (starts the app).
Each command module imports ``_base`` only; this package imports them all so
their commands are registered on :data:`app`.
"""

from __future__ import annotations

from impact.cli import admin, cbs, data, evidence, funder, funding, ops
from impact.cli._base import app

__all__ = ["app", "main"]
_COMMAND_MODULES = (
    admin,
    cbs,
    data,
    evidence,
    funder,
    funding,
    ops,
)  # imported for their registrations


def main() -> None:
    app()
