"""Names of the import fields, as a social worker reads them in the mapping table."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "field.client_ref": {"nl": "cliëntnummer", "en": "client number"},
    "field.programme": {"nl": "programma", "en": "programme"},
    "field.group": {
        "nl": "groep (deelnemer/vergelijking)",
        "en": "group (treated/comparison)",
    },
    "field.wijk": {"nl": "wijk of buurt", "en": "wijk or buurt"},
    "field.instrument": {"nl": "instrument", "en": "instrument"},
    "field.domain": {"nl": "domein", "en": "domain"},
    "field.date": {"nl": "datum van de meting", "en": "date of the measurement"},
    "field.wave": {"nl": "meetmoment", "en": "measurement moment"},
    "field.value": {"nl": "score", "en": "score"},
    "field.rated_by": {"nl": "ingevuld door", "en": "rated by"},
    "field.area_code": {"nl": "gebiedscode (WK/BU)", "en": "area code (WK/BU)"},
    "field.period": {"nl": "jaar of periode", "en": "year or period"},
    "field.indicator": {"nl": "indicator", "en": "indicator"},
    "field.first_treated": {
        "nl": "eerste jaar met interventie",
        "en": "first year with the intervention",
    },
    "field.personal": {
        "nl": "persoonsgegeven: niet opslaan",
        "en": "personal data: do not store",
    },
    "field.ignore": {"nl": "negeren", "en": "ignore"},
    "field.score": {
        "nl": "score {instrument} · {domain}",
        "en": "score {instrument} · {domain}",
    },
    "field.score_wave": {
        "nl": "score {instrument} · {domain} (meetmoment {wave})",
        "en": "score {instrument} · {domain} (moment {wave})",
    },
    "field.date_wave": {
        "nl": "datum van meetmoment {wave}",
        "en": "date of moment {wave}",
    },
}
