"""Texts of the password policy, login throttling and the app's error guard."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "passwords.too_short": {
        "nl": "Kies een wachtwoord van minstens {minimum} tekens. Een zin van een paar gewone woorden is sterk en makkelijk te onthouden.",
        "en": "Choose a password of at least {minimum} characters. A sentence of a few ordinary words is strong and easy to remember.",
    },
    "passwords.too_long": {
        "nl": "Dit wachtwoord is langer dan {maximum} tekens. Kies een korter wachtwoord.",
        "en": "This password is longer than {maximum} characters. Choose a shorter one.",
    },
    "passwords.common": {
        "nl": "Dit wachtwoord staat op een lijst van veelgebruikte of uitgelekte wachtwoorden. Kies een ander.",
        "en": "This password is on a list of common or leaked passwords. Choose another one.",
    },
    "passwords.repetitive": {
        "nl": "Dit wachtwoord herhaalt steeds dezelfde paar tekens. Kies een wachtwoord met meer afwisseling, bijvoorbeeld een zin.",
        "en": "This password repeats the same few characters. Choose one with more variety, for example a sentence.",
    },
    "passwords.context": {
        "nl": "Dit wachtwoord bestaat vooral uit uw e-mailadres, de naam van uw organisatie, 'Wijkimpact' of een rol. Kies een wachtwoord dat daar niet op lijkt.",
        "en": "This password consists mostly of your e-mail address, your organisation's name, 'Wijkimpact' or a role. Choose one that does not resemble these.",
    },
    "passwords.guessable": {
        "nl": "Dit wachtwoord is te makkelijk te raden (een bekend woord met een jaartal, een toetsenbordpatroon of een reeks). Kies een langer wachtwoord, bijvoorbeeld een zin van vier of meer woorden.",
        "en": "This password is too easy to guess (a known word with a year, a keyboard pattern or a sequence). Choose a longer one, for example a sentence of four or more words.",
    },
    "auth.throttled": {
        "nl": "Te veel mislukte pogingen. Wacht {seconds} seconden en probeer het dan opnieuw.",
        "en": "Too many failed attempts. Wait {seconds} seconds, then try again.",
    },
    "app.error_reference": {
        "nl": "Er ging iets mis op deze pagina. Probeer het opnieuw; blijft het misgaan, geef dan referentie {reference} door aan uw beheerder.",
        "en": "Something went wrong on this page. Try again; if it keeps happening, give reference {reference} to your administrator.",
    },
}
