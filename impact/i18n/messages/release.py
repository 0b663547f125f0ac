"""Texts of the release to funders (filters, the funder view command)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "release.one_wijk": {
        "nl": "Als financier kiest u één wijk of alle wijken tegelijk: cijfers voor "
        "een combinatie van wijken worden niet vrijgegeven.",
        "en": "As a funder you choose one wijk or all wijken at once: figures for a "
        "combination of wijken are not released.",
    },
    "release.whole_year": {
        "nl": "Als financier kiest u een heel jaar (bijvoorbeeld 2024-K1:2024-K4) of "
        "alle jaren: cijfers over een deel van een jaar of meerdere jaren samen "
        "worden niet vrijgegeven.",
        "en": "As a funder you choose one whole year (for example 2024-Q1:2024-Q4) "
        "or all years: figures for part of a year or several years together are not "
        "released.",
    },
    "release.bad_period": {
        "nl": "'{text}' is geen periode. Schrijf VAN:TOT met kwartalen, bijvoorbeeld "
        "2024-Q1:2024-Q4.",
        "en": "'{text}' is not a period. Write FROM:TO in quarters, for example "
        "2024-Q1:2024-Q4.",
    },
    "release.not_a_funder": {
        "nl": "{email} is geen financier: deze weergave is alleen voor accounts met de "
        "rol financier.",
        "en": "{email} is not a funder: this view is for accounts with the funder "
        "role only.",
    },
    "release.unknown_wijk": {
        "nl": "Wijk '{wijk}' komt niet voor in de programma's die u financiert. "
        "Kies een wijkcode uit: {choices}.",
        "en": "Wijk '{wijk}' does not occur in the programmes you fund. Choose a "
        "wijk code from: {choices}.",
    },
    "release.col.areas": {
        "nl": "Wijken (gebiedsprogramma)",
        "en": "Wijken (area programme)",
    },
    "release.all_years": {"nl": "Alle jaren", "en": "All years"},
    "release.all_wijken": {"nl": "Alle wijken", "en": "All wijken"},
    "release.year": {"nl": "Instroomjaar", "en": "Intake year"},
    "release.grain": {
        "nl": "Financiers zien één wijk of alle wijken en hele instroomjaren, zodat "
        "geen combinatie van filters een kleine groep blootlegt.",
        "en": "Funders see one wijk or all wijken and whole intake years, so that no "
        "combination of filters exposes a small group.",
    },
    "report.areas.participants": {
        "nl": "Wijken met de interventie",
        "en": "Wijken with the intervention",
    },
    "report.areas.comparison": {
        "nl": "Wijken zonder (vergelijking)",
        "en": "Wijken without (comparison)",
    },
    "report.areas.measurements": {
        "nl": "Gebiedsmetingen (wijk \u00d7 periode)",
        "en": "Area observations (wijk \u00d7 period)",
    },
    "report.summary.reach_areas": {
        "nl": "Van {start} tot en met {end} liep {programmes} in {n} wijken; {m} "
        "wijken zonder dienen als vergelijking. De cijfers beschrijven hele wijken "
        "(hun bewoners samen), niet individuele deelnemers.",
        "en": "From {start} to {end}, {programmes} ran in {n} wijken; {m} wijken "
        "without it serve as comparison. The figures describe whole wijken (their "
        "residents together), not individual participants.",
    },
}
