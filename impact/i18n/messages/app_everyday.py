"""Texts of the everyday-use parts of the pages: import choices, restore,
direct entry, funders and reach targets, the managers' analysis view."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "app.imp.choices": {"nl": "Over dit bestand", "en": "About this file"},
    "app.imp.saved_mapping": {
        "nl": "Opgeslagen koppeling gebruiken",
        "en": "Use a saved column mapping",
    },
    "app.imp.saved_mapping_none": {
        "nl": "Geen: Wijkimpact raadt de kolommen",
        "en": "None: Wijkimpact guesses the columns",
    },
    "app.imp.saved_mapping_empty": {
        "nl": "Nog geen opgeslagen koppelingen",
        "en": "No saved mappings yet",
    },
    "app.imp.programme": {
        "nl": "Programma voor rijen zonder programma",
        "en": "Programme for rows without one",
    },
    "app.imp.programme_placeholder": {
        "nl": "Kies een programma",
        "en": "Choose a programme",
    },
    "app.imp.programme_help": {
        "nl": "Heeft uw bestand geen kolom 'programma', of zijn er lege cellen? Dan "
        "horen die rijen bij dit programma.",
        "en": "If your file has no 'programme' column, or empty cells in it, those "
        "rows belong to this programme.",
    },
    "app.imp.group_question": {
        "nl": "Uw bestand heeft geen kolom 'groep'. Wie staan erin?",
        "en": "Your file has no 'group' column. Who is in it?",
    },
    "app.imp.group_answer.treated": {
        "nl": "Alleen deelnemers",
        "en": "Only participants",
    },
    "app.imp.group_answer.comparison": {
        "nl": "Alleen een vergelijkingsgroep (bijvoorbeeld wachtlijst)",
        "en": "Only a comparison group (for example a waiting list)",
    },
    "app.imp.group_question_help": {
        "nl": "Staan er beide groepen in? Koppel dan hieronder de kolom die de "
        "groep aangeeft.",
        "en": "Both groups in the file? Then map the column that holds the group "
        "below.",
    },
    "app.imp.save_mapping": {
        "nl": "Koppeling bewaren als (optioneel)",
        "en": "Save this mapping as (optional)",
    },
    "app.imp.col.count": {"nl": "Aantal", "en": "Count"},
    "app.imp.col.cells": {"nl": "Eerste cellen", "en": "First cells"},
    "app.imp.status.purged": {"nl": "Definitief verwijderd", "en": "Purged"},
    "app.imp.redo_choose": {
        "nl": "Teruggedraaide import herstellen (kan {days} dagen)",
        "en": "Restore an undone import (possible for {days} days)",
    },
    "app.imp.redo": {"nl": "Herstellen", "en": "Restore"},
    "app.imp.redone": {
        "nl": "Import {batch} is hersteld: {restored} rijen teruggezet.",
        "en": "Import {batch} was restored: {restored} rows put back.",
    },
}
