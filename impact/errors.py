"""The ImpactError family: every error a user can see.

A message is written for the person who has to act on it (a social worker, an
analyst, an administrator): what is wrong, where, and what to do. Code below the
services raises errors by message code (:meth:`ImpactError.of`); the text is
made when a face shows the error (``str(error)`` in the language of the current
context, or :meth:`ImpactError.render` with a language), see :mod:`impact.codes`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Self

from impact.codes import Coded


class ImpactError(Exception):
    """Base class. ``str(error)`` is the user-facing message."""

    code: str = "error"
    #: process exit status the CLI uses for this error
    exit_code: int = 1

    def __init__(
        self, message: str | Coded | tuple[Coded, ...] = "", *, code: str | None = None
    ) -> None:
        super().__init__(message)
        #: the message code and parameters, or ready text (older callers)
        self.coded = message
        if code is not None:
            self.code = code

    @classmethod
    def of(cls, key: str, /, **params: Any) -> Self:
        """The error with message ``key`` of the catalogue; text made when shown."""
        return cls(Coded(key, params))

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the language of the current context)."""
        coded = self.coded
        if isinstance(coded, tuple):  # several messages, one after the other
            return " ".join(c.render(lang) for c in coded)
        return coded.render(lang) if isinstance(coded, Coded) else coded

    @property
    def message(self) -> str:
        return self.render()

    def __str__(self) -> str:
        return self.render()

    def to_dict(self) -> dict[str, Any]:
        """The one standard error shape (CLI ``--json``, logs, app)."""
        return {"error": self.code, "message": self.message}


class ConfigError(ImpactError):
    """A setting is missing, unsafe or malformed."""

    code = "config"
    exit_code = 2


class OptionError(ImpactError):
    """A caller passed a value outside an option's allowed set."""

    code = "option"
    exit_code = 2


class NotFoundError(ImpactError):
    """An organisation, programme, user or batch does not exist (for this caller)."""

    code = "not_found"


class PermissionDenied(ImpactError):
    """The user's role does not allow this action."""

    code = "permission"


class AuthError(ImpactError):
    """Login failed, is locked out, or the session expired."""

    code = "auth"


class DataError(ImpactError):
    """Input data cannot be used as it is (bad file, bad values)."""

    code = "data"


class ImportRefused(DataError):
    """An upload was refused; ``problems`` lists every reason, cell by cell."""

    code = "import_refused"

    def __init__(
        self,
        message: str | Coded | tuple[Coded, ...] = "",
        problems: Sequence[Any] = (),
    ) -> None:
        super().__init__(message)
        self.problems = list(problems)

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["problems"] = [
            p.to_dict() if hasattr(p, "to_dict") else str(p) for p in self.problems
        ]
        return out


class EstimationError(ImpactError):
    """The data do not allow the requested estimate (too few units, no variation)."""

    code = "estimation"


class ReportError(ImpactError):
    """A report cannot be built, or a report file cannot be verified."""

    code = "report"


def check_option(name: str, value: object, allowed: Iterable[object]) -> None:
    """Raise :class:`OptionError` listing the allowed values when ``value`` is not one.

    Used at every public boundary that takes a ``Literal`` option.
    """
    allowed = tuple(allowed)
    if value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise OptionError.of(
            "errors.bad_option", name=name, value=repr(value), allowed=choices
        )
