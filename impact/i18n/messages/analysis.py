"""Texts of the analysis use case."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "analysis.no_outcome": {
        "nl": "Er zijn geen metingen van '{outcome}' in dit programma. Kies een "
        "uitkomst uit de lijst of importeer eerst metingen.",
        "en": "There are no measurements of '{outcome}' in this programme. Choose an "
        "outcome from the list or import measurements first.",
    },
}
