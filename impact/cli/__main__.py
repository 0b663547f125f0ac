"""``python -m impact.cli``: the same as the ``impact`` command."""

from __future__ import annotations

from impact.cli import main

main()
