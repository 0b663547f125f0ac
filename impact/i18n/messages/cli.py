"""Texts printed by the ``impact`` command."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "cli.db_upgraded": {
        "nl": "Database bijgewerkt naar versie {revision}.",
        "en": "Database upgraded to revision {revision}.",
    },
    "cli.org_created": {
        "nl": "Organisatie '{slug}' ({name}) aangemaakt.",
        "en": "Organisation '{slug}' ({name}) created.",
    },
    "cli.user_created": {
        "nl": "Gebruiker {email} aangemaakt en toegevoegd aan '{org}' als {role}.",
        "en": "User {email} created and added to '{org}' as {role}.",
    },
    "cli.user_updated": {
        "nl": "Gebruiker {email} heeft nu de rol {role} in '{org}'.",
        "en": "User {email} now has the role {role} in '{org}'.",
    },
    "cli.count.participants": {"nl": "Deelnemers", "en": "Participants"},
    "cli.count.measurements": {"nl": "Metingen", "en": "Measurements"},
    "cli.count.area_observations": {
        "nl": "Gebiedswaarnemingen",
        "en": "Area observations",
    },
    "cli.count.import_batches": {"nl": "Importbatches", "en": "Import batches"},
    "cli.sample_written": {
        "nl": "{rows} rijen geschreven naar {path}.",
        "en": "Wrote {rows} rows to {path}.",
    },
    "cli.demo_loaded": {
        "nl": "Demo-organisatie 'demo' is klaar ({inserted} nieuwe rijen). Inloggen kan met:",
        "en": "Demo organisation 'demo' is ready ({inserted} new rows). Log in with:",
    },
    "cli.app_url": {
        "nl": "De app draait op {url} (stoppen: Ctrl+C).",
        "en": "The app runs at {url} (stop: Ctrl+C).",
    },
    "cli.app_missing": {
        "nl": "De app is niet gevonden op {path}. Installeer Wijkimpact vanuit een "
        "checkout van de broncode (pip install -e .).",
        "en": "The app was not found at {path}. Install Wijkimpact from a source "
        "checkout (pip install -e .).",
    },
    "cli.org_required": {
        "nl": "Geef de organisatie op met --org SLUG.",
        "en": "Name the organisation with --org SLUG.",
    },
    "cli.file_missing": {
        "nl": "Bestand niet gevonden: {path}.",
        "en": "File not found: {path}.",
    },
    "cli.undone": {
        "nl": "Importbatch {batch} is teruggedraaid: {removed} rijen verwijderd.",
        "en": "Import batch {batch} was rolled back: {removed} rows removed.",
    },
    "cli.redone": {
        "nl": "Importbatch {batch} is hersteld: {restored} rijen teruggezet.",
        "en": "Import batch {batch} was restored: {restored} rows put back.",
    },
    "cli.imported": {
        "nl": "Geïmporteerd als batch {batch_id}: {rows} rijen gelezen, {inserted} nieuw, "
        "{skipped} al aanwezig; {participants_new} nieuwe deelnemers.",
        "en": "Imported as batch {batch_id}: {rows} rows read, {inserted} new, {skipped} "
        "already present; {participants_new} new participants.",
    },
    "cli.dry_run": {
        "nl": "Proefimport zonder fouten: {rows} rijen, waarvan {inserted} nieuw en "
        "{skipped} al aanwezig. Er is niets opgeslagen.",
        "en": "Dry run without errors: {rows} rows, {inserted} new and {skipped} already "
        "present. Nothing was saved.",
    },
    "cli.unchanged": {
        "nl": "Dit bestand is al eerder geïmporteerd; er is niets veranderd ({rows} rijen).",
        "en": "This file was imported before; nothing has changed ({rows} rows).",
    },
    "cli.template_written": {
        "nl": "Sjabloon geschreven naar {path}.",
        "en": "Template written to {path}.",
    },
    "cli.report_written": {
        "nl": "Rapport geschreven naar {path} ({size} kB).",
        "en": "Report written to {path} ({size} kB).",
    },
}
