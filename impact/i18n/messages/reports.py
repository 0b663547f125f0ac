"""Texts of the report use case (the report layer has its own catalogue)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "reports.title": {
        "nl": "Effectrapportage: {programmes}",
        "en": "Evidence report: {programmes}",
    },
    "reports.no_data": {
        "nl": "Er zijn nog geen metingen om over te rapporteren bij '{org}'. Importeer "
        "eerst gegevens.",
        "en": "There are no measurements to report on in '{org}' yet. Import data "
        "first.",
    },
    "reports.no_request": {
        "nl": "Dit rapport vermeldt niet waarvoor het gemaakt is en kan daarom niet "
        "opnieuw worden berekend. Maak een nieuw rapport.",
        "en": "This report does not say what it was made for, so it cannot be "
        "recomputed. Make a new report.",
    },
    "reports.wave.0": {"nl": "voormeting", "en": "baseline"},
    "reports.wave.1": {"nl": "nameting", "en": "follow-up"},
    "reports.wave.2": {"nl": "tweede nameting", "en": "second follow-up"},
    "reports.verified": {
        "nl": "Het rapport klopt: alle getallen volgen opnieuw uit de huidige gegevens "
        "(vingerafdruk {fingerprint}).",
        "en": "The report checks out: every number follows again from the current "
        "data (fingerprint {fingerprint}).",
    },
    "reports.not_verified": {
        "nl": "Het rapport klopt niet meer met de huidige gegevens ({count} "
        "verschillen). Eerste verschillen:",
        "en": "The report no longer matches the current data ({count} differences). "
        "First differences:",
    },
}
