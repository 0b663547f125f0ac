"""Names of actions and roles, as shown in messages and the admin page."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "action.view_dashboard": {"nl": "dashboard bekijken", "en": "view the dashboard"},
    "action.view_funded": {
        "nl": "gefinancierde programma's bekijken",
        "en": "view funded programmes",
    },
    "action.import_data": {"nl": "gegevens importeren", "en": "import data"},
    "action.undo_import": {"nl": "een import terugdraaien", "en": "undo an import"},
    "action.manage_programmes": {
        "nl": "programma's beheren",
        "en": "manage programmes",
    },
    "action.run_analysis": {"nl": "analyses uitvoeren", "en": "run analyses"},
    "action.lock_plan": {
        "nl": "een analyseplan vastleggen",
        "en": "lock an analysis plan",
    },
    "action.download_report": {"nl": "rapporten downloaden", "en": "download reports"},
    "action.manage_users": {
        "nl": "gebruikers en rollen beheren",
        "en": "manage users and roles",
    },
    "action.manage_instruments": {
        "nl": "eigen instrumenten beheren",
        "en": "manage custom instruments",
    },
    "action.manage_value_parameters": {
        "nl": "waardeparameters beheren",
        "en": "manage value parameters",
    },
    "action.view_audit": {"nl": "het auditlog bekijken", "en": "view the audit log"},
    "action.erase_client": {
        "nl": "gegevens van een cliënt wissen",
        "en": "erase a client's data",
    },
    "action.view_sector": {
        "nl": "gepoold sectorbewijs bekijken",
        "en": "view pooled sector evidence",
    },
    "role.admin": {"nl": "beheerder", "en": "administrator"},
    "role.analyst": {"nl": "analist", "en": "analyst"},
    "role.uploader": {"nl": "invoerder", "en": "uploader"},
    "role.viewer": {"nl": "kijker", "en": "viewer"},
    "role.funder": {"nl": "financier", "en": "funder"},
    "role.sector": {"nl": "sector", "en": "sector"},
    "action.manage_funding": {
        "nl": "financiers aan programma's koppelen",
        "en": "link funders to programmes",
    },
}
