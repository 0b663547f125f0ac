"""Texts of single sign-on (OpenID Connect) on the login page."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "sso.button": {
        "nl": "Inloggen met uw organisatie-account",
        "en": "Log in with your organisation account",
    },
    "sso.or_password": {
        "nl": "Of log in met een Wijkimpact-account:",
        "en": "Or log in with a Wijkimpact account:",
    },
    "sso.signed_in_as": {
        "nl": "Uw organisatie meldt u aan als {email}.",
        "en": "Your organisation signs you in as {email}.",
    },
    "sso.logout": {
        "nl": "Afmelden bij uw organisatie-account",
        "en": "Sign out of your organisation account",
    },
    "sso.expired": {
        "nl": "Uw aanmelding is ouder dan {hours} uur. Meld u opnieuw aan.",
        "en": "Your sign-in is older than {hours} hours. Please sign in again.",
    },
}
