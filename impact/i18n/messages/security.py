"""Texts of security and reliability: erasure, key rotation, backups, doctor, SSO."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "security.sso_refused": {
        "nl": "Inloggen via uw organisatie lukt niet: dit account is (nog) niet "
        "toegelaten tot Wijkimpact. Vraag de beheerder van uw organisatie om u toe "
        "te voegen met uw e-mailadres.",
        "en": "Signing in through your organisation did not work: this account has "
        "not been admitted to Wijkimpact (yet). Ask your organisation's "
        "administrator to add you with your e-mail address.",
    },
}

MESSAGES.update(
    {
        "security.backup_not_sqlite": {
            "nl": "'impact db backup' en 'impact db restore' werken met de ingebouwde "
            "SQLite-database. Maak van PostgreSQL een back-up met pg_dump en zet die "
            "terug met pg_restore (zie docs/deploy.md).",
            "en": "'impact db backup' and 'impact db restore' work with the embedded "
            "SQLite database. Back up PostgreSQL with pg_dump and restore with "
            "pg_restore (see docs/deploy.md).",
        },
        "security.backup_exists": {
            "nl": "Het bestand {path} bestaat al. Kies een nieuwe naam; een back-up "
            "overschrijft nooit een ander bestand.",
            "en": "The file {path} already exists. Choose a new name; a backup never "
            "overwrites another file.",
        },
        "security.backup_missing": {
            "nl": "Het back-upbestand {path} bestaat niet.",
            "en": "The backup file {path} does not exist.",
        },
        "security.backup_invalid": {
            "nl": "{path} is geen bruikbare Wijkimpact-back-up (beschadigd of een "
            "ander soort bestand). Er is niets teruggezet.",
            "en": "{path} is not a usable Wijkimpact backup (damaged, or another "
            "kind of file). Nothing was restored.",
        },
        "security.backup_newer": {
            "nl": "{path} komt uit een nieuwere versie van Wijkimpact (schema "
            "{revision}). Werk Wijkimpact eerst bij.",
            "en": "{path} comes from a newer version of Wijkimpact (schema "
            "{revision}). Upgrade Wijkimpact first.",
        },
        "security.doctor.no_secret": {
            "nl": "IMPACT_SECRET_KEY is niet ingesteld: de sleutel wordt bewaard in "
            "{path}, naast de gegevens. Wie de database kopieert, krijgt de sleutel "
            "erbij. Zet een eigen geheim van minstens {length} tekens in "
            "IMPACT_SECRET_KEY, opgeslagen buiten de server met de gegevens.",
            "en": "IMPACT_SECRET_KEY is not set: the key is kept in {path}, beside "
            "the data. Whoever copies the database gets the key too. Set a secret of "
            "at least {length} characters in IMPACT_SECRET_KEY, stored apart from "
            "the server holding the data.",
        },
        "security.doctor.sqlite": {
            "nl": "IMPACT_ENVIRONMENT=production met de ingebouwde SQLite-database: "
            "meerdere app-processen kunnen die niet delen. Gebruik PostgreSQL "
            "(IMPACT_DATABASE_URL).",
            "en": "IMPACT_ENVIRONMENT=production with the embedded SQLite database: "
            "several app processes cannot share it. Use PostgreSQL "
            "(IMPACT_DATABASE_URL).",
        },
        "security.doctor.error_details": {
            "nl": "De app toont in productie foutdetails (tracebacks) aan gebruikers.",
            "en": "The app shows error details (tracebacks) to users in production.",
        },
        "security.doctor.xsrf": {
            "nl": "De app staat zonder XSRF-bescherming ingesteld.",
            "en": "The app is configured without XSRF protection.",
        },
        "security.doctor.upload": {
            "nl": "IMPACT_MAX_UPLOAD_MB={mb} staat uploads toe groter dan {limit} MB; "
            "een grote upload kan een app-proces zonder geheugen zetten. Kies "
            "{limit} of minder.",
            "en": "IMPACT_MAX_UPLOAD_MB={mb} allows uploads larger than {limit} MB; "
            "one large upload can exhaust an app process's memory. Choose {limit} "
            "or less.",
        },
        "security.doctor.min_cell": {
            "nl": "IMPACT_MIN_CELL={n} is lager dan de ondergrens {floor}: "
            "financiers zouden cijfers over minder dan {floor} mensen zien.",
            "en": "IMPACT_MIN_CELL={n} is below the floor of {floor}: funders would "
            "see figures about fewer than {floor} people.",
        },
        "security.doctor.tls": {
            "nl": "De PostgreSQL-verbinding naar een andere machine vraagt geen TLS. "
            "Voeg sslmode=require (of verify-full) toe aan IMPACT_DATABASE_URL.",
            "en": "The PostgreSQL connection to another machine does not ask for "
            "TLS. Add sslmode=require (or verify-full) to IMPACT_DATABASE_URL.",
        },
        "security.doctor.file_mode": {
            "nl": "{path} is leesbaar voor anderen dan de eigenaar. Zet de rechten op 600: chmod 600 {path}",
            "en": "{path} can be read by others than its owner. Set its permissions to 600: chmod 600 {path}",
        },
        "security.doctor.demo": {
            "nl": "De database bevat demo-gegevens ({names}). Gebruik in productie een lege database: de demo-accounts hebben een gepubliceerd wachtwoord.",
            "en": "The database holds demo data ({names}). Use an empty database in production: the demo accounts have a published password.",
        },
        "security.doctor.demo_password": {
            "nl": "{n} actief account(s) gebruikt het gepubliceerde demo-wachtwoord ({emails}). Geef ze een nieuw wachtwoord of zet ze op non-actief.",
            "en": "{n} active account(s) use the published demo password ({emails}). Give them a new password or deactivate them.",
        },
        "security.demo_in_production": {
            "nl": "impact demo werkt niet in productie (IMPACT_ENVIRONMENT=production): de demo-accounts hebben een gepubliceerd wachtwoord. Gebruik impact serve met uw eigen organisaties en accounts.",
            "en": "impact demo does not run in production (IMPACT_ENVIRONMENT=production): the demo accounts have a published password. Use impact serve with your own organisations and accounts.",
        },
        "security.doctor.ok": {
            "nl": "Geen onveilige instellingen gevonden.",
            "en": "No unsafe settings found.",
        },
        "security.doctor.unsafe": {
            "nl": "{n} onveilige instelling(en) gevonden.",
            "en": "{n} unsafe setting(s) found.",
        },
        "security.cli.rotated": {
            "nl": "Sleutel van '{org}' vernieuwd: generatie {old} → {new}, "
            "{n} pseudoniemen opnieuw versleuteld.",
            "en": "Key of '{org}' rotated: generation {old} → {new}, {n} pseudonyms "
            "re-keyed.",
        },
        "security.cli.erase_confirm": {
            "nl": "Alle gegevens van deze cliënt in '{org}' definitief verwijderen?",
            "en": "Permanently remove all data of this client in '{org}'?",
        },
        "security.cli.erased": {
            "nl": "Verwijderd uit '{org}': {participants} deelnemer(s), "
            "{measurements} meting(en).",
            "en": "Removed from '{org}': {participants} participant(s), "
            "{measurements} measurement(s).",
        },
        "security.cli.client_missing": {
            "nl": "Geef de cliëntreferentie met --client REF of --client-stdin.",
            "en": "Give the client reference with --client REF or --client-stdin.",
        },
        "security.cli.backup_done": {
            "nl": "Back-up geschreven naar {path} ({size} bytes, schema {revision}). "
            "Bewaar de sleutel (IMPACT_SECRET_KEY) apart van de back-ups.",
            "en": "Backup written to {path} ({size} bytes, schema {revision}). Keep "
            "the key (IMPACT_SECRET_KEY) apart from the backups.",
        },
        "security.cli.restore_confirm": {
            "nl": "De huidige database vervangen door {path}? Wat sinds die back-up "
            "is veranderd, gaat verloren.",
            "en": "Replace the current database by {path}? Changes made since that "
            "backup are lost.",
        },
        "security.cli.repeat_erasures": {
            "nl": "Let op: na deze back-up zijn {n} cliënt(en) gewist (AVG art. 17). "
            "Door het terugzetten zijn hun gegevens terug: wis ze opnieuw met "
            "'impact erase' (het auditlog bevat bewust geen referenties).",
            "en": "Note: {n} client(s) were erased after this backup (GDPR art. 17). "
            "Restoring brought their data back: erase them again with 'impact "
            "erase' (the audit log holds no references, by design).",
        },
        "security.cli.restored": {
            "nl": "Back-up {path} teruggezet (schema {revision}).",
            "en": "Backup {path} restored (schema {revision}).",
        },
    }
)
