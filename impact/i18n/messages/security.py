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
