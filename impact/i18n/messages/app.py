"""Texts of the Streamlit app."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "app.login.title": {"nl": "Inloggen", "en": "Log in"},
    "app.login.intro": {
        "nl": "Log in met het e-mailadres en wachtwoord dat uw beheerder u gaf.",
        "en": "Log in with the e-mail address and password your administrator gave you.",
    },
    "app.login.email": {"nl": "E-mailadres", "en": "E-mail address"},
    "app.login.password": {"nl": "Wachtwoord", "en": "Password"},
    "app.login.submit": {"nl": "Inloggen", "en": "Log in"},
    "app.logout": {"nl": "Uitloggen", "en": "Log out"},
    "app.signed_in_as": {
        "nl": "Ingelogd als {email} · {org} · {role}",
        "en": "Signed in as {email} · {org} · {role}",
    },
    "app.programmes.title": {"nl": "Programma's", "en": "Programmes"},
    "app.programmes.none": {
        "nl": "Er zijn nog geen programma's. Een analist kan ze aanmaken.",
        "en": "There are no programmes yet. An analyst can create them.",
    },
    "app.col.programme": {"nl": "Programma", "en": "Programme"},
    "app.col.theme": {"nl": "Thema", "en": "Theme"},
}
