"""Texts of general errors (config, options, lookups, permissions)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "errors.bad_option": {
        "nl": "Optie {name} kan niet {value} zijn. Kies uit: {allowed}.",
        "en": "Option {name} cannot be {value}. Choose one of: {allowed}.",
    },
    "errors.placeholder_secret": {
        "nl": "IMPACT_SECRET_KEY heeft een voorbeeldwaarde. Kies een eigen, "
        "geheime sleutel van minstens 32 tekens, of laat de variabele leeg zodat "
        "Wijkimpact er zelf een maakt.",
        "en": "IMPACT_SECRET_KEY has a placeholder value. Choose a secret "
        "key of your own of at least 32 characters, or leave it unset so Wijkimpact "
        "generates one.",
    },
    "errors.short_secret": {
        "nl": "IMPACT_SECRET_KEY is te kort ({length} tekens). Gebruik minstens 32 "
        "tekens.",
        "en": "IMPACT_SECRET_KEY is too short ({length} characters). Use at least 32.",
    },
    "errors.bad_database_url": {
        "nl": "IMPACT_DATABASE_URL wordt niet ondersteund (soort database: {scheme}). "
        "Gebruik sqlite:///pad of postgresql://gebruiker@host/database.",
        "en": "IMPACT_DATABASE_URL is not supported (database type: {scheme}). Use "
        "sqlite:///path or postgresql://user@host/database.",
    },
    "errors.bad_setting": {
        "nl": "{variable} heeft een ongeldige waarde (de waarde wordt niet getoond, "
        "want die kan geheim zijn). Verwacht: {hint}",
        "en": "{variable} has an invalid value (the value is not shown, as it may "
        "be secret). Expected: {hint}",
    },
    "errors.file": {
        "nl": "Bestand {path} kan niet worden gebruikt: {reason}. Controleer de "
        "naam, de map en de rechten.",
        "en": "File {path} cannot be used: {reason}. Check the name, the folder "
        "and the permissions.",
    },
    "errors.database_unreachable": {
        "nl": "De database is niet bereikbaar. Controleer IMPACT_DATABASE_URL (host, "
        "poort, gebruiker, wachtwoord) en of de databaseserver draait.",
        "en": "The database cannot be reached. Check IMPACT_DATABASE_URL (host, "
        "port, user, password) and that the database server is running.",
    },
    "errors.setting_int": {
        "nl": "een geheel getal van minstens {minimum}.",
        "en": "a whole number of at least {minimum}.",
    },
    "errors.setting_choice": {
        "nl": "een van: {choices}.",
        "en": "one of: {choices}.",
    },
    "errors.min_cell_production": {
        "nl": "IMPACT_MIN_CELL is kleiner dan {floor}. In productie weigert "
        "Wijkimpact te starten: cijfers over minder dan {floor} mensen kunnen "
        "personen herkenbaar maken. Zet IMPACT_MIN_CELL op {floor} of hoger.",
        "en": "IMPACT_MIN_CELL is below {floor}. In production Wijkimpact refuses "
        "to start: figures about fewer than {floor} people can identify persons. "
        "Set IMPACT_MIN_CELL to {floor} or more.",
    },
    "errors.secret_file_unsafe": {
        "nl": "Het sleutelbestand {path} is leesbaar voor anderen. Zet de rechten op "
        "600 (chmod 600 {path}).",
        "en": "The key file {path} is readable by others. Set its permissions to 600 "
        "(chmod 600 {path}).",
    },
    "errors.org_not_found": {
        "nl": "Organisatie '{slug}' bestaat niet. Maak hem aan met: impact org create "
        "{slug} --name NAAM",
        "en": "Organisation '{slug}' does not exist. Create it with: impact org create "
        "{slug} --name NAME",
    },
    "errors.org_exists": {
        "nl": "Organisatie '{slug}' bestaat al.",
        "en": "Organisation '{slug}' already exists.",
    },
    "errors.bad_slug": {
        "nl": "'{slug}' is geen geldige korte naam: gebruik 2 tot 40 kleine letters, "
        "cijfers of streepjes.",
        "en": "'{slug}' is not a valid short name: use 2 to 40 lower-case letters, "
        "digits or hyphens.",
    },
    "errors.programme_not_found": {
        "nl": "Programma '{name}' bestaat niet bij organisatie '{org}'.",
        "en": "Programme '{name}' does not exist in organisation '{org}'.",
    },
    "errors.user_not_found": {
        "nl": "Gebruiker '{email}' bestaat niet.",
        "en": "User '{email}' does not exist.",
    },
    "errors.bad_email": {
        "nl": "'{email}' is geen geldig e-mailadres.",
        "en": "'{email}' is not a valid e-mail address.",
    },
    "errors.permission": {
        "nl": "Uw rol ({role}) mag dit niet: {action}.",
        "en": "Your role ({role}) may not do this: {action}.",
    },
    "errors.unknown_instrument": {
        "nl": "Instrument '{code}' is onbekend. Bekend zijn: {known}.",
        "en": "Instrument '{code}' is unknown. Known instruments: {known}.",
    },
    "errors.unknown_domain": {
        "nl": "Domein '{domain}' hoort niet bij instrument {instrument}. Kies uit: "
        "{known}.",
        "en": "Domain '{domain}' does not belong to instrument {instrument}. Choose "
        "one of: {known}.",
    },
    "errors.bad_area_code": {
        "nl": "'{code}' is geen geldige CBS-gebiedscode (bijv. GM0363, WK036307, "
        "BU03630704).",
        "en": "'{code}' is not a valid CBS area code (e.g. GM0363, WK036307, "
        "BU03630704).",
    },
    "errors.database_outdated": {
        "nl": "De database heeft een oudere opbouw. Voer eerst uit: impact db upgrade",
        "en": "The database schema is out of date. Run first: impact db upgrade",
    },
}
