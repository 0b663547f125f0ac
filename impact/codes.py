"""Codes inside, words at the edge: a message code with its parameters.

Layers below :mod:`impact.services` return a :class:`Coded` (a warning, a
reason, a problem) instead of text; the faces (pages, CLI, report renderers)
turn it into Dutch or English with :meth:`Coded.render` in the language they
chose. ``str(coded)`` renders in the language of the current context, so an
f-string in a face shows the user's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Coded:
    """A catalogue key (``code``) and the parameters its text needs."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, code: str, /, **params: Any) -> Coded:
        return cls(code, params)

    def render(self, lang: str | None = None) -> str:
        """The text in ``lang`` (default: the language of the current context)."""
        from impact.i18n import t

        params = {
            k: v.render(lang) if isinstance(v, Coded) else v
            for k, v in self.params.items()
        }
        return t(self.code, lang, **params)

    def __str__(self) -> str:
        return self.render()

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "params": {k: str(v) for k, v in self.params.items()},
        }


def render(value: object, lang: str | None = None) -> str:
    """A :class:`Coded` in ``lang``; anything else as ``str``."""
    return value.render(lang) if isinstance(value, Coded) else str(value)
