"""Texts of the managers' reading of an estimate (impact.services.verdict)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "verdict.unit.points": {"nl": "punten", "en": "points"},
    "verdict.unit.points_pp": {"nl": "procentpunt", "en": "percentage points"},
    "verdict.direction.higher_better": {
        "nl": "hoger is beter",
        "en": "higher is better",
    },
    "verdict.direction.higher_worse": {"nl": "lager is beter", "en": "lower is better"},
    "verdict.scale.numeric": {
        "nl": "Schaal {low} tot en met {high}, {direction}.",
        "en": "Scale {low} to {high}, {direction}.",
    },
    "verdict.scale.binary": {
        "nl": "Aandeel mensen met ja ({direction}).",
        "en": "Share of people answering yes ({direction}).",
    },
    "verdict.more_better": {
        "nl": "in de goede richting",
        "en": "in the right direction",
    },
    "verdict.more_worse": {
        "nl": "in de verkeerde richting",
        "en": "in the wrong direction",
    },
    "verdict.headline.did": {
        "nl": "Deelnemers gingen op {outcome} {size} {unit} {way} meer dan de "
        "vergelijkingsgroep (95%-zeker tussen {low} en {high}).",
        "en": "Participants moved {size} {unit} more {way} on {outcome} than the "
        "comparison group (95% sure between {low} and {high}).",
    },
    "verdict.headline.prepost": {
        "nl": "Deelnemers veranderden op {outcome} gemiddeld {size} {unit} {way} "
        "tussen de eerste en de laatste meting (95%-zeker tussen {low} en {high}). "
        "Zonder vergelijkingsgroep is niet te zeggen of dat door het programma komt.",
        "en": "Participants changed {size} {unit} {way} on {outcome} between the "
        "first and the last measurement (95% sure between {low} and {high}). "
        "Without a comparison group we cannot tell whether the programme caused it.",
    },
    "verdict.headline.staggered": {
        "nl": "In wijken met het programma ging {outcome} {size} {unit} {way} meer "
        "dan in wijken zonder (95%-zeker tussen {low} en {high}).",
        "en": "In wijken with the programme {outcome} moved {size} {unit} more {way} "
        "than in wijken without (95% sure between {low} and {high}).",
    },
    "verdict.headline.none": {
        "nl": "Met deze gegevens is geen betrouwbare schatting te maken; de reden "
        "staat bij de technische toelichting.",
        "en": "These data do not allow a trustworthy estimate; the reason is in the "
        "technical details.",
    },
    "verdict.shares.treated": {
        "nl": "Ongeveer {k} van de 10 deelnemers ging vooruit ({i} van {n}).",
        "en": "About {k} in 10 participants improved ({i} of {n}).",
    },
    "verdict.shares.comparison": {
        "nl": "In de vergelijkingsgroep ongeveer {k} van de 10 ({i} van {n}).",
        "en": "In the comparison group about {k} in 10 ({i} of {n}).",
    },
    "verdict.light.green": {
        "nl": "Groen: sterk resultaat",
        "en": "Green: strong result",
    },
    "verdict.light.orange": {
        "nl": "Oranje: voorzichtig lezen",
        "en": "Orange: read with care",
    },
    "verdict.light.red": {"nl": "Rood: niet op bouwen", "en": "Red: do not rely on it"},
    "verdict.reason.no_interval": {
        "nl": "Er is geen betrouwbaar onzekerheidsinterval mogelijk (te weinig "
        "groepen of wijken).",
        "en": "No trustworthy uncertainty interval is possible (too few groups or "
        "wijken).",
    },
    "verdict.reason.pretrend": {
        "nl": "Vóór de start liepen de groepen al uiteen, dus de vergelijking is "
        "niet eerlijk.",
        "en": "The groups already drifted apart before the start, so the comparison "
        "is not fair.",
    },
    "verdict.reason.prepost": {
        "nl": "Er is geen vergelijkingsgroep: de verandering kan ook zonder het "
        "programma zijn ontstaan.",
        "en": "There is no comparison group: the change could have happened "
        "without the programme.",
    },
    "verdict.reason.unclear": {
        "nl": "Het interval bevat 0: een effect is niet aangetoond.",
        "en": "The interval includes 0: an effect has not been shown.",
    },
    "verdict.reason.controlled": {
        "nl": "Vergelijkingsgroep, geen uiteenlopende trends vóór de start, en het "
        "hele interval wijst dezelfde kant op.",
        "en": "Comparison group, no diverging trends before the start, and the whole "
        "interval points the same way.",
    },
    "verdict.method.iid": {
        "nl": "gewone standaardfouten",
        "en": "ordinary standard errors",
    },
    "verdict.method.hc1": {
        "nl": "robuuste standaardfouten",
        "en": "robust standard errors",
    },
    "verdict.method.cr1": {
        "nl": "standaardfouten die rekening houden met herhaalde metingen per "
        "persoon of wijk (geclusterd)",
        "en": "standard errors that allow for repeated measurements per person or "
        "wijk (clustered)",
    },
    "verdict.method.cv3": {
        "nl": "geclusterde standaardfouten met correctie voor weinig clusters",
        "en": "clustered standard errors corrected for few clusters",
    },
    "verdict.method.wild": {
        "nl": "wild cluster bootstrap (voor weinig clusters)",
        "en": "wild cluster bootstrap (for few clusters)",
    },
    "verdict.method.ri": {
        "nl": "randomisatie-inferentie",
        "en": "randomization inference",
    },
    "verdict.method.declined": {
        "nl": "geen interval (niet betrouwbaar te berekenen)",
        "en": "no interval (cannot be computed reliably)",
    },
    "verdict.method.influence": {
        "nl": "onzekerheid uit invloedsfuncties (per wijk)",
        "en": "uncertainty from influence functions (per wijk)",
    },
    "verdict.method.cohort": {
        "nl": "onzekerheid per startcohort met correctie voor weinig wijken",
        "en": "uncertainty per start cohort corrected for few wijken",
    },
    "verdict.method.multiplier": {
        "nl": "multiplier bootstrap",
        "en": "multiplier bootstrap",
    },
    "verdict.method.paired_t": {
        "nl": "gepaarde t-toets (voor en na bij dezelfde mensen)",
        "en": "paired t-test (before and after in the same people)",
    },
    "verdict.method.placebo": {
        "nl": "placebotoets over de wijken zonder het programma",
        "en": "placebo test over the wijken without the programme",
    },
    "verdict.method.jackknife": {
        "nl": "jackknife (steeds één wijk weglaten)",
        "en": "jackknife (leaving out one wijk at a time)",
    },
    "verdict.method.hksj": {
        "nl": "Hartung-Knapp-correctie",
        "en": "Hartung-Knapp correction",
    },
    "verdict.method.wald": {"nl": "Wald-interval", "en": "Wald interval"},
    "verdict.method.none": {"nl": "geen interval", "en": "no interval"},
    "verdict.method.other": {"nl": "methode {code}", "en": "method {code}"},
    "app.ana.light": {"nl": "Hoe sterk is dit?", "en": "How strong is this?"},
    "app.ana.technical": {
        "nl": "Technische toelichting (voor analisten)",
        "en": "Technical details (for analysts)",
    },
    "app.ana.method": {"nl": "Methode", "en": "Method"},
    "app.ana.p": {"nl": "p-waarde", "en": "p-value"},
    "app.ana.check": {"nl": "Controle", "en": "Check"},
    "app.ana.value": {"nl": "Waarde", "en": "Value"},
    "app.ana.effect": {"nl": "Effect", "en": "Effect"},
    "app.ana.interval": {"nl": "95%-interval", "en": "95% interval"},
    "app.ana.plan_exists": {
        "nl": "Dit plan was al vastgelegd als plan {plan}; dat plan is gekozen.",
        "en": "This plan was already locked as plan {plan}; that plan is selected.",
    },
}
