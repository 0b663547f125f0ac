"""Texts of login and accounts."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "auth.failed": {
        "nl": "Inloggen mislukt: het e-mailadres of wachtwoord klopt niet, of er is "
        "na veel mislukte pogingen even een wachttijd (probeer het over enkele "
        "minuten opnieuw).",
        "en": "Login failed: the e-mail address or password is incorrect, or there "
        "is a short wait after many failed attempts (try again in a few minutes).",
    },
    "auth.no_membership": {
        "nl": "U bent (nog) niet toegevoegd aan een organisatie. Vraag de beheerder "
        "van uw organisatie om toegang.",
        "en": "You have not been added to an organisation (yet). Ask your "
        "organisation's administrator for access.",
    },
}
