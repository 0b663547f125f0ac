"""Texts of the charts: axis titles, legends, group and category names."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "charts.missing_columns": {
        "nl": "De gegevens voor grafiek '{chart}' missen kolommen: {columns}.",
        "en": "The data for chart '{chart}' lack columns: {columns}.",
    },
    "charts.needs_n": {
        "nl": "Om kleine groepen te verbergen heeft de grafiek een kolom 'n' (aantal personen) nodig.",
        "en": "To hide small groups the chart needs a column 'n' (number of people).",
    },
    "charts.group": {"nl": "Groep", "en": "Group"},
    "charts.group.treated": {"nl": "Deelnemers", "en": "Participants"},
    "charts.group.comparison": {"nl": "Vergelijkingsgroep", "en": "Comparison group"},
    "charts.moment.before": {"nl": "Voormeting", "en": "Before"},
    "charts.moment.after": {"nl": "Nameting", "en": "After"},
    "charts.period": {"nl": "Meetmoment", "en": "Measurement"},
    "charts.rel_period": {
        "nl": "Periode ten opzichte van de start (0 = start)",
        "en": "Period relative to the start (0 = start)",
    },
    "charts.effect": {
        "nl": "Verschil met vergelijkingsgroep (95%-BI)",
        "en": "Difference from comparison group (95% CI)",
    },
    "charts.share": {"nl": "Aandeel van de groep", "en": "Share of the group"},
    "charts.change.improved": {"nl": "Betrouwbaar vooruit", "en": "Reliably improved"},
    "charts.change.unchanged": {
        "nl": "Geen betrouwbare verandering",
        "en": "No reliable change",
    },
    "charts.change.deteriorated": {
        "nl": "Betrouwbaar achteruit",
        "en": "Reliably deteriorated",
    },
    "charts.area": {"nl": "Wijk", "en": "Neighbourhood"},
    "charts.participants": {"nl": "Aantal deelnemers", "en": "Number of participants"},
}
