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
    "funding.not_a_funder": {
        "nl": "'{slug}' is geen financier. Maak de gemeente of het fonds aan met "
        "impact org create SLUG --name NAAM --funder.",
        "en": "'{slug}' is not a funder. Create the gemeente or fund with "
        "impact org create SLUG --name NAME --funder.",
    },
    "cli.funding_added": {
        "nl": "{funder} ziet nu de cijfers van '{programme}' (alleen totalen).",
        "en": "{funder} now sees the figures of '{programme}' (aggregates only).",
    },
    "cli.funding_removed": {
        "nl": "{funder} ziet '{programme}' niet meer.",
        "en": "{funder} no longer sees '{programme}'.",
    },
    "cli.funding_none": {
        "nl": "{funder} had geen toegang tot '{programme}'; er is niets veranderd.",
        "en": "{funder} had no access to '{programme}'; nothing changed.",
    },
    "cli.funding_empty": {
        "nl": "Nog geen financiers gekoppeld.",
        "en": "No funders linked yet.",
    },
    "app.fund.title": {"nl": "Financiers", "en": "Funders"},
    "app.fund.help": {
        "nl": "Een financier (gemeente, fonds) ziet van de gekoppelde programma's "
        "alleen totalen, nooit cijfers over minder dan {min_cell} mensen.",
        "en": "A funder (gemeente, fund) sees only totals of the linked programmes, "
        "never figures about fewer than {min_cell} people.",
    },
    "app.fund.funder": {"nl": "Financier", "en": "Funder"},
    "app.fund.programme": {"nl": "Programma", "en": "Programme"},
    "app.fund.add": {"nl": "Koppelen", "en": "Link"},
    "app.fund.remove": {"nl": "Ontkoppelen", "en": "Unlink"},
    "app.fund.added": {
        "nl": "{funder} ziet nu '{programme}'.",
        "en": "{funder} now sees '{programme}'.",
    },
    "app.fund.removed": {
        "nl": "{funder} ziet '{programme}' niet meer.",
        "en": "{funder} no longer sees '{programme}'.",
    },
    "app.fund.none": {
        "nl": "Nog geen financiers gekoppeld.",
        "en": "No funders linked yet.",
    },
    "app.fund.no_funders": {
        "nl": "Er is nog geen financier in Wijkimpact. Vraag de beheerder van de "
        "installatie die aan te maken (impact org create SLUG --name NAAM --funder).",
        "en": "There is no funder in Wijkimpact yet. Ask the installation's operator "
        "to create one (impact org create SLUG --name NAME --funder).",
    },
    "app.prog.field.target": {"nl": "Bereikdoel", "en": "Reach target"},
    "app.prog.field.target_help": {
        "nl": "Hoeveel mensen (of bij een wijkprogramma: wijken) het programma wil "
        "bereiken. Het dashboard zet het bereik ertegen af.",
        "en": "How many people (for an area programme: wijken) the programme aims to "
        "reach. The dashboard shows reach against it.",
    },
    "app.prog.error.target": {
        "nl": "Het bereikdoel kan niet negatief zijn.",
        "en": "The reach target cannot be negative.",
    },
    "app.dash.target.title": {"nl": "Bereik tegen doel", "en": "Reach against target"},
    "app.dash.target.reached": {"nl": "Bereikt", "en": "Reached"},
    "app.dash.target.target": {"nl": "Doel", "en": "Target"},
    "app.dash.target.share": {"nl": "Van het doel", "en": "Of target"},
    "app.dash.target.unit.participant": {"nl": "mensen", "en": "people"},
    "app.dash.target.unit.area": {"nl": "wijken", "en": "wijken"},
    "app.dash.target.unit": {"nl": "Eenheid", "en": "Unit"},
    "app.dash.target.none": {
        "nl": "Nog geen bereikdoel: vul het in op de pagina Programma's.",
        "en": "No reach target yet: fill it in on the Programmes page.",
    },
    "entry.no_scores": {
        "nl": "Vul minstens één score in.",
        "en": "Fill in at least one score.",
    },
    "entry.refused": {
        "nl": "De meting is niet opgeslagen. Verbeter wat hieronder staat.",
        "en": "The measurement was not stored. Correct what is listed below.",
    },
    "entry.batch_name": {"nl": "Directe invoer", "en": "Direct entry"},
    "app.entry.title": {"nl": "Meting invoeren", "en": "Enter a measurement"},
    "app.entry.caption": {
        "nl": "Voor teams zonder spreadsheet: vul de meting van één cliënt in. Dezelfde "
        "controles als bij een upload; het cliëntnummer wordt direct versleuteld. "
        "Staat er voor dit moment al een score, dan wordt die verbeterd.",
        "en": "For teams without a spreadsheet: enter one client's measurement. The "
        "same checks as an upload; the client number is pseudonymised at once. A "
        "score already stored for this moment is corrected.",
    },
    "app.entry.client": {"nl": "Cliëntnummer", "en": "Client number"},
    "app.entry.client_help": {
        "nl": "Uw eigen dossier- of cliëntnummer (geen BSN, geen naam).",
        "en": "Your own case or client number (no BSN, no name).",
    },
    "app.entry.group": {"nl": "Groep", "en": "Group"},
    "app.entry.wijk": {"nl": "Wijk (optioneel)", "en": "Wijk (optional)"},
    "app.entry.instrument": {"nl": "Instrument", "en": "Instrument"},
    "app.entry.date": {"nl": "Datum van de meting", "en": "Date of the measurement"},
    "app.entry.wave": {"nl": "Meetmoment", "en": "Measurement moment"},
    "app.entry.wave.0": {"nl": "Voormeting", "en": "Baseline"},
    "app.entry.wave.1": {"nl": "Nameting", "en": "Follow-up"},
    "app.entry.wave.n": {"nl": "Nameting {n}", "en": "Follow-up {n}"},
    "app.entry.scores": {
        "nl": "Scores ({low} tot en met {high})",
        "en": "Scores ({low} to {high})",
    },
    "app.entry.yes": {"nl": "Ja", "en": "Yes"},
    "app.entry.no": {"nl": "Nee", "en": "No"},
    "app.entry.save": {"nl": "Meting opslaan", "en": "Save the measurement"},
    "app.entry.saved": {
        "nl": "Opgeslagen als import {batch}: {stored} score(s), waarvan {corrected} "
        "verbeterd. Terugdraaien kan op de pagina Importeren.",
        "en": "Stored as import {batch}: {stored} score(s), {corrected} of them "
        "corrected. You can undo it on the Import page.",
    },
    "app.entry.no_programmes": {
        "nl": "Er is nog geen programma. Maak er eerst een aan op de pagina Programma's.",
        "en": "There is no programme yet. Create one on the Programmes page first.",
    },
    "orgtpl.intro": {
        "nl": "Sjabloon van uw organisatie: vul per rij één meting in op het blad "
        "Gegevens. De keuzelijsten bevatten uw programma's, instrumenten, domeinen, "
        "wijken, groepen en meetmomenten. Namen, adressen en BSN horen hier niet in.",
        "en": "Your organisation's template: one measurement per row on the data "
        "sheet. The drop-down lists hold your programmes, instruments, domains, "
        "wijken, groups and measurement moments. Names, addresses and BSN do not "
        "belong here.",
    },
    "app.imp.template.own": {
        "nl": "Sjabloon van uw organisatie (met keuzelijsten)",
        "en": "Your organisation's template (with drop-down lists)",
    },
}
