"""Texts of login and accounts."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "auth.failed": {
        "nl": "Inloggen mislukt: het e-mailadres of wachtwoord klopt niet, of het "
        "account is na te veel pogingen tijdelijk geblokkeerd (probeer het over 15 "
        "minuten opnieuw).",
        "en": "Login failed: the e-mail address or password is incorrect, or the "
        "account is temporarily locked after too many attempts (try again in 15 "
        "minutes).",
    },
    "auth.password_too_short": {
        "nl": "Het wachtwoord moet minstens {minimum} tekens hebben.",
        "en": "The password must have at least {minimum} characters.",
    },
    "auth.no_membership": {
        "nl": "U bent (nog) niet toegevoegd aan een organisatie. Vraag de beheerder "
        "van uw organisatie om toegang.",
        "en": "You have not been added to an organisation (yet). Ask your "
        "organisation's administrator for access.",
    },
}
