"""Texts of the sector evidence work: meta-analysis, evidence packages, the hub."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- meta-analysis summary ---------------------------------------------------
    "meta.summary.title": {
        "nl": "Random-effects meta-analyse (k = {k})",
        "en": "Random-effects meta-analysis (k = {k})",
    },
    "meta.summary.method": {"nl": "Methode", "en": "Method"},
    "meta.summary.estimate": {"nl": "Gepoolde schatting", "en": "Pooled estimate"},
    "meta.summary.std_error": {"nl": "Standaardfout", "en": "Standard error"},
    "meta.summary.interval": {"nl": "95%-interval", "en": "95% interval"},
    "meta.summary.prediction": {
        "nl": "Voorspellingsinterval",
        "en": "Prediction interval",
    },
    "estimate.meta.few_studies": {
        "nl": "Minder dan vijf studies: tau² en het interval zijn onzeker.",
        "en": "Fewer than five studies: tau² and the interval are uncertain.",
    },
    "estimate.meta.one_study": {
        "nl": "Eén studie: er valt niets te poolen en geen interval te geven.",
        "en": "One study: nothing to pool and no interval to give.",
    },
}
