"""What every ``impact`` command shares: the Typer apps, the language option,
error handling and the database engine. Imports no other ``impact.cli`` module.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, TypeVar

import typer
from sqlalchemy.exc import OperationalError

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

keys_app = typer.Typer(help="Pseudonymisation keys.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")

_state: dict[str, str | None] = {"lang": None}


def echo(text: str = "") -> None:
    typer.echo(text)


def handles_errors(func: F) -> F:
    """Run a command in the chosen language; show ImpactError as a message."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with use_language(_state["lang"] or configured_language()):
            try:
                return func(*args, **kwargs)
            except ImpactError as exc:
                typer.echo(str(exc), err=True)
                raise typer.Exit(exc.exit_code) from None
            except OSError as exc:
                # a file the user named cannot be read or written: say which
                # and why, without a traceback
                path = exc.filename or ""
                typer.echo(t("errors.file", path=path, reason=exc.strerror), err=True)
                raise typer.Exit(1) from None
            except OperationalError:
                # the driver's text names host and port; the user needs the
                # variable to check, not a traceback
                typer.echo(t("errors.database_unreachable"), err=True)
                raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def configured_language() -> str:
    """``IMPACT_LANGUAGE``, read here at the face (the layers below get the
    language passed); Dutch when the settings cannot be read, so the error that
    says what is wrong with them can still be shown."""
    from impact.config import get_settings

    try:
        return get_settings().language
    except Exception:  # a bad setting is reported by the command that needs it
        return "nl"


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


def engine() -> Any:
    from impact.store.engine import get_engine
    from impact.store.migrate import upgrade

    upgrade()  # cheap when already at head; a fresh database gets its tables
    return get_engine()
