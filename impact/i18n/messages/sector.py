"""Texts of the sector evidence work: meta-analysis, evidence packages, the hub."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- meta-analysis summary ---------------------------------------------------
    "meta.summary.title": {
        "nl": "Random-effects meta-analyse (k = {k})",
        "en": "Random-effects meta-analysis (k = {k})",
    },
    "meta.summary.method": {"nl": "Methode", "en": "Method"},
    "estimate.meta.reason.hksj": {
        "nl": "Hartung-Knapp-Sidik-Jonkman: standaardfout uit de spreiding van de "
        "{k} studies, t-verdeling met k-1 vrijheidsgraden",
        "en": "Hartung-Knapp-Sidik-Jonkman: standard error from the spread of the "
        "{k} studies, t distribution with k-1 degrees of freedom",
    },
    "estimate.meta.reason.wald": {
        "nl": "Wald: normale verdeling, te smal als er weinig studies zijn",
        "en": "Wald: normal distribution, too narrow when studies are few",
    },
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
    # --- evidence packages --------------------------------------------------------
    "evidence.bad_kind": {
        "nl": "Soort interventie '{kind}' bestaat niet. Kies uit: {allowed}.",
        "en": "Intervention kind '{kind}' does not exist. Choose from: {allowed}.",
    },
    "evidence.bad_kind_option": {
        "nl": "Schrijf --kind als PROGRAMMA=SOORT, bijvoorbeeld 'Schuldhulp=schuldhulp'.",
        "en": "Write --kind as PROGRAMME=KIND, for example 'Debt help=schuldhulp'.",
    },
    "evidence.bad_period": {
        "nl": "Periode '{period}' is onleesbaar. Schrijf bijvoorbeeld "
        "2024-Q1:2024-Q4, 2023:2024 of 2024-01-01:2024-12-31.",
        "en": "Period '{period}' cannot be read. Write for example "
        "2024-Q1:2024-Q4, 2023:2024 or 2024-01-01:2024-12-31.",
    },
    "evidence.period_outside": {
        "nl": "De metingen van '{programme}' lopen van {start} tot {end}, buiten "
        "de periode {period}. Een pakket beschrijft al zijn metingen; kies een "
        "periode die ze omvat.",
        "en": "The measurements of '{programme}' run from {start} to {end}, outside "
        "the period {period}. A package describes all of its measurements; choose "
        "a period that covers them.",
    },
    "evidence.not_a_hub": {
        "nl": "'{org}' is geen sectorhub. Maak er een met "
        "'impact org create SLUG --name NAAM --sector'.",
        "en": "'{org}' is not a sector hub. Create one with "
        "'impact org create SLUG --name NAME --sector'.",
    },
    "evidence.bad_key": {
        "nl": "Dit is geen publieke sleutel zoals 'impact evidence key' die toont "
        "(één regel base64, 32 bytes).",
        "en": "This is not a public key as 'impact evidence key' prints it "
        "(one line of base64, 32 bytes).",
    },
    "evidence.refused.not_json": {
        "nl": "Geweigerd: dit bestand is geen bewijspakket (geen JSON).",
        "en": "Refused: this file is not an evidence package (not JSON).",
    },
    "evidence.refused.too_large": {
        "nl": "Geweigerd: dit bestand is groter dan 5 MB; een bewijspakket met "
        "alleen gemiddelden is een paar kB.",
        "en": "Refused: this file is larger than 5 MB; an evidence package of "
        "averages only is a few kB.",
    },
    "evidence.refused.bad_format": {
        "nl": "Geweigerd: dit bestand is geen geldig bewijspakket van Wijkimpact "
        "(onbekende velden of een ontbrekend onderdeel).",
        "en": "Refused: this file is not a valid Wijkimpact evidence package "
        "(unknown fields or a missing part).",
    },
    "evidence.refused.bad_kind": {
        "nl": "Geweigerd: het pakket noemt een soort interventie buiten de vaste lijst.",
        "en": "Refused: the package names an intervention kind outside the fixed list.",
    },
    "evidence.refused.unknown": {
        "nl": "Geweigerd: de hub '{hub}' heeft geen sleutel van '{source}'. Vraag "
        "'{source}' om 'impact evidence key --org {source}' en registreer die met "
        "'impact evidence trust --org {hub} --from {source} --key SLEUTEL'.",
        "en": "Refused: hub '{hub}' holds no key of '{source}'. Ask '{source}' for "
        "'impact evidence key --org {source}' and register it with "
        "'impact evidence trust --org {hub} --from {source} --key KEY'.",
    },
    "evidence.refused.tampered": {
        "nl": "Geweigerd: de handtekening klopt niet met de geregistreerde sleutel "
        "van '{source}'. Het pakket is na ondertekening veranderd of door een "
        "andere sleutel ondertekend. Vraag '{source}' om een nieuw pakket.",
        "en": "Refused: the signature does not match the registered key of "
        "'{source}'. The package was changed after signing or signed with another "
        "key. Ask '{source}' for a new package.",
    },
    "evidence.refused.older": {
        "nl": "Geweigerd: de hub heeft al een pakket van '{source}' over {period} "
        "van {held}; dit pakket is even oud of ouder (een herhaling).",
        "en": "Refused: the hub already holds a package of '{source}' for {period} "
        "signed {held}; this package is as old or older (a replay).",
    },
    "evidence.cli.exported": {
        "nl": "Bewijspakket geschreven naar {path}: {results} uitkomsten, "
        "{withheld} achtergehouden.",
        "en": "Evidence package written to {path}: {results} outcomes, "
        "{withheld} withheld.",
    },
    "evidence.cli.trusted": {
        "nl": "Sleutel van '{source}' geregistreerd bij '{hub}'.",
        "en": "Key of '{source}' registered at '{hub}'.",
    },
    "evidence.cli.trust_unchanged": {
        "nl": "Deze sleutel van '{source}' was al geregistreerd bij '{hub}'.",
        "en": "This key of '{source}' was already registered at '{hub}'.",
    },
    "evidence.cli.imported": {
        "nl": "Pakket van '{source}' over {period} ingelezen: {results} uitkomsten.",
        "en": "Package of '{source}' for {period} imported: {results} outcomes.",
    },
    "evidence.cli.replaced": {
        "nl": "Pakket van '{source}' over {period} vervangt het oudere: "
        "{results} uitkomsten.",
        "en": "Package of '{source}' for {period} replaces the older one: "
        "{results} outcomes.",
    },
    "evidence.cli.unchanged": {
        "nl": "Dit pakket van '{source}' over {period} was al ingelezen; niets veranderd.",
        "en": "This package of '{source}' for {period} was already imported; "
        "nothing changed.",
    },
    # --- sector view and report ------------------------------------------------------
    "sector.anonymous": {"nl": "Organisatie {number}", "en": "Organisation {number}"},
    "sector.heterogeneity.unknown": {
        "nl": "verschillen tussen organisaties niet te beoordelen (één organisatie)",
        "en": "differences between organisations cannot be judged (one organisation)",
    },
    "sector.heterogeneity.low": {
        "nl": "de organisaties vinden vrijwel hetzelfde effect (I² {i2})",
        "en": "the organisations find nearly the same effect (I² {i2})",
    },
    "sector.heterogeneity.moderate": {
        "nl": "het effect verschilt enigszins tussen organisaties (I² {i2})",
        "en": "the effect differs somewhat between organisations (I² {i2})",
    },
    "sector.heterogeneity.substantial": {
        "nl": "het effect verschilt flink tussen organisaties (I² {i2})",
        "en": "the effect differs considerably between organisations (I² {i2})",
    },
    "sector.heterogeneity.considerable": {
        "nl": "het effect verschilt sterk tussen organisaties (I² {i2}); het "
        "gemiddelde zegt weinig over één organisatie",
        "en": "the effect differs strongly between organisations (I² {i2}); the "
        "average says little about any one organisation",
    },
    "sector.conclusion.single": {
        "nl": "Eén organisatie: niets te poolen.",
        "en": "One organisation: nothing to pool.",
    },
    "sector.conclusion.better": {
        "nl": "Gemiddeld gaat het deelnemers beter dan zonder (het interval ligt "
        "boven nul).",
        "en": "On average participants do better than without (the interval lies "
        "above zero).",
    },
    "sector.conclusion.worse": {
        "nl": "Gemiddeld gaat het deelnemers slechter (het interval ligt onder nul).",
        "en": "On average participants do worse (the interval lies below zero).",
    },
    "sector.conclusion.improved": {
        "nl": "Gemiddeld gaan deelnemers vooruit tussen voor- en nameting; zonder "
        "vergelijkingsgroep is dat geen bewijs dat het programma dat deed.",
        "en": "On average participants improve between before and after; without "
        "a comparison group that is no proof that the programme did it.",
    },
    "sector.conclusion.declined": {
        "nl": "Gemiddeld gaan deelnemers achteruit tussen voor- en nameting "
        "(zonder vergelijkingsgroep).",
        "en": "On average participants decline between before and after (without "
        "a comparison group).",
    },
    "sector.conclusion.unclear": {
        "nl": "Geen duidelijk gemiddeld effect: het interval omvat nul.",
        "en": "No clear average effect: the interval includes zero.",
    },
    "sector.strength.weak": {
        "nl": "zwak bewijs (voor/na-metingen zonder vergelijkingsgroep, of minder "
        "dan drie organisaties)",
        "en": "weak evidence (before/after measurements without a comparison "
        "group, or fewer than three organisations)",
    },
    "sector.strength.moderate": {
        "nl": "redelijk bewijs (vergelijkingsgroepen, maar weinig organisaties, "
        "grote verschillen of een onzeker effect)",
        "en": "moderate evidence (comparison groups, but few organisations, large "
        "differences or an uncertain effect)",
    },
    "sector.strength.strong": {
        "nl": "sterk bewijs (vijf of meer organisaties met vergelijkingsgroep, "
        "vergelijkbare effecten, interval buiten nul)",
        "en": "strong evidence (five or more organisations with a comparison "
        "group, similar effects, interval away from zero)",
    },
    "sector.family.prepost": {
        "nl": "voor/na (geen vergelijking)",
        "en": "before/after (no comparison)",
    },
    "sector.family.comparison": {
        "nl": "met vergelijkingsgroep",
        "en": "with comparison group",
    },
    "sector.mixed": {
        "nl": "Voor {kind} · {outcome} bestaan zowel voor/na-resultaten als "
        "resultaten met een vergelijkingsgroep. Die worden nooit samen gepoold: "
        "voor/na-metingen tonen verandering, geen effect.",
        "en": "For {kind} · {outcome} there are both before/after results and "
        "results with a comparison group. They are never pooled together: "
        "before/after measurements show change, not an effect.",
    },
    # --- sector evidence report ---------------------------------------------------
    "sector.report.title": {"nl": "Sectorbewijs", "en": "Sector evidence"},
    "sector.report.subtitle": {
        "nl": "{organisations} organisaties, {packages} ondertekende bewijspakketten",
        "en": "{organisations} organisations, {packages} signed evidence packages",
    },
    "sector.report.empty": {
        "nl": "De hub '{hub}' heeft nog geen resultaten om te poolen. Importeer "
        "eerst bewijspakketten met 'impact evidence import'.",
        "en": "Hub '{hub}' has no results to pool yet. Import evidence packages "
        "first with 'impact evidence import'.",
    },
    "sector.report.summary": {
        "nl": "Wat het gepoolde bewijs laat zien",
        "en": "What the pooled evidence shows",
    },
    "sector.report.lead": {
        "nl": "Per soort interventie en uitkomst zijn de resultaten van de "
        "organisaties samengenomen (random-effects meta-analyse op Hedges' g; "
        "positief betekent beter voor deelnemers). Geen enkel cliëntgegeven heeft "
        "een organisatie verlaten: alleen gemiddelden, aantallen en intervallen.",
        "en": "For each intervention kind and outcome the organisations' results "
        "are pooled (random-effects meta-analysis on Hedges' g; positive means "
        "better for participants). No client record left any organisation: only "
        "means, counts and intervals.",
    },
    "sector.report.pool_effect": {
        "nl": "Gepoold over {k} organisaties: g = {g}, 95%-interval {interval}.",
        "en": "Pooled over {k} organisations: g = {g}, 95% interval {interval}.",
    },
    "sector.report.strength": {
        "nl": "Sterkte: {strength}.",
        "en": "Strength: {strength}.",
    },
    "sector.report.never_mixed": {
        "nl": "Voor/na-resultaten (zonder vergelijkingsgroep) worden nooit samen "
        "gepoold met resultaten met een vergelijkingsgroep; ze staan apart en "
        "laten verandering zien, geen bewezen effect.",
        "en": "Before/after results (without a comparison group) are never pooled "
        "with results that have a comparison group; they are shown apart and "
        "show change, not a proven effect.",
    },
    "sector.report.overview": {"nl": "Overzicht", "en": "Overview"},
    "sector.report.differences": {
        "nl": "Verschillen tussen soorten interventie (Q-tussen)",
        "en": "Differences between intervention kinds (Q-between)",
    },
    "sector.report.not_standardised": {
        "nl": "{n} resultaten hebben geen gestandaardiseerd effect (bijvoorbeeld "
        "wijkindicatoren) en zijn niet gepoold.",
        "en": "{n} results have no standardised effect (for example wijk "
        "indicators) and are not pooled.",
    },
    "sector.report.pooled": {
        "nl": "Gepoold (95%-interval)",
        "en": "Pooled (95% interval)",
    },
    "sector.report.prediction": {
        "nl": "Voorspellingsinterval nieuwe organisatie",
        "en": "Prediction interval, new organisation",
    },
    "sector.report.g": {
        "nl": "Hedges' g (positief = beter)",
        "en": "Hedges' g (positive = better)",
    },
    "sector.report.forest": {
        "nl": "Forest plot: elke organisatie met 95%-interval (grootte = gewicht), "
        "het gepoolde effect (ruit) en het voorspellingsinterval (gestippeld).",
        "en": "Forest plot: each organisation with its 95% interval (size = "
        "weight), the pooled effect (diamond) and the prediction interval (dashed).",
    },
    "sector.report.methods": {"nl": "Methode", "en": "Method"},
    "sector.report.method.model": {
        "nl": "Random-effects meta-analyse: tau² met REML, interval volgens "
        "Hartung-Knapp-Sidik-Jonkman (t met k-1 vrijheidsgraden), "
        "voorspellingsinterval voor een nieuwe organisatie. Heterogeniteit met I² "
        "(Higgins & Thompson 2002). De berekening reproduceert metafor (BCG-voorbeeld).",
        "en": "Random-effects meta-analysis: tau² by REML, interval by "
        "Hartung-Knapp-Sidik-Jonkman (t with k-1 degrees of freedom), prediction "
        "interval for a new organisation. Heterogeneity by I² (Higgins & Thompson "
        "2002). The computation reproduces metafor (BCG example).",
    },
    "sector.report.method.g": {
        "nl": "Hedges' g is het effect gedeeld door de standaarddeviatie bij de "
        "start, met kleine-steekproefcorrectie, zo gedraaid dat positief beter is; "
        "zo zijn verschillende instrumenten samen te nemen.",
        "en": "Hedges' g is the effect divided by the standard deviation at the "
        "start, with the small-sample correction, turned so that positive is "
        "better; this lets different instruments be combined.",
    },
    "sector.report.method.families": {
        "nl": "Ontwerpen met een vergelijkingsgroep (verschil-in-verschillen, "
        "gespreide invoering) en voor/na-metingen worden apart gepoold.",
        "en": "Designs with a comparison group (difference-in-differences, "
        "staggered adoption) and before/after measurements are pooled separately.",
    },
    "sector.report.method.privacy": {
        "nl": "Elk pakket is door de organisatie ondertekend (Ed25519) en door de "
        "hub gecontroleerd. Uitkomsten met een groep kleiner dan de minimale "
        "celgrootte zijn niet gedeeld. Organisaties staan alleen met naam vermeld "
        "als zij daarmee instemden.",
        "en": "Each package was signed by the organisation (Ed25519) and checked "
        "by the hub. Outcomes with a group smaller than the minimum cell size were "
        "not shared. Organisations are named only when they agreed.",
    },
    "sector.report.method.levels": {
        "nl": "Dit rapport kent geen erkenningsniveau toe; alleen de "
        "Erkenningscommissie Interventies doet dat.",
        "en": "This report awards no recognition level; only the Dutch "
        "Erkenningscommissie Interventies does.",
    },
    "sector.report.strength_short.weak": {"nl": "zwak", "en": "weak"},
    "sector.report.strength_short.moderate": {"nl": "redelijk", "en": "moderate"},
    "sector.report.strength_short.strong": {"nl": "sterk", "en": "strong"},
    "sector.report.col.kind": {"nl": "Soort interventie", "en": "Intervention kind"},
    "sector.report.col.outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "sector.report.col.family": {"nl": "Ontwerp", "en": "Design"},
    "sector.report.col.k": {"nl": "Organisaties", "en": "Organisations"},
    "sector.report.col.g": {"nl": "g", "en": "g"},
    "sector.report.col.ci_low": {"nl": "95%-interval laag", "en": "95% CI low"},
    "sector.report.col.ci_high": {"nl": "95%-interval hoog", "en": "95% CI high"},
    "sector.report.col.pi_low": {"nl": "Voorspelling laag", "en": "Prediction low"},
    "sector.report.col.pi_high": {"nl": "Voorspelling hoog", "en": "Prediction high"},
    "sector.report.col.i2": {"nl": "I² (%)", "en": "I² (%)"},
    "sector.report.col.strength": {"nl": "Sterkte", "en": "Strength"},
    "sector.report.col.kinds": {"nl": "Soorten", "en": "Kinds"},
    "sector.report.col.q": {"nl": "Q-tussen", "en": "Q-between"},
    "sector.report.col.df": {"nl": "vg", "en": "df"},
    "sector.report.col.p": {"nl": "p", "en": "p"},
    "sector.report.col.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "sector.report.col.design": {"nl": "Ontwerp", "en": "Design"},
    "sector.report.col.se": {"nl": "SE", "en": "SE"},
    "sector.report.col.weight": {"nl": "Gewicht (%)", "en": "Weight (%)"},
    # --- the sector page ------------------------------------------------------------
    "app.sector.title": {"nl": "Sectorbewijs", "en": "Sector evidence"},
    "app.sector.caption": {
        "nl": "{org}: gepoolde resultaten van organisaties die een ondertekend "
        "bewijspakket deelden. Geen cliëntgegevens, alleen gemiddelden en intervallen.",
        "en": "{org}: pooled results of organisations that shared a signed evidence "
        "package. No client records, only averages and intervals.",
    },
    "app.sector.pool": {
        "nl": "Soort interventie, uitkomst en ontwerp",
        "en": "Intervention kind, outcome and design",
    },
    "app.sector.report": {"nl": "Rapport sectorbewijs", "en": "Sector evidence report"},
    "app.sector.download": {"nl": "Download het rapport", "en": "Download the report"},
    # --- intervention kinds (codes of the controlled list) -------------------------
    "sector.kind.schuldhulp": {"nl": "schuldhulp", "en": "debt advice"},
    "sector.kind.sociaal raadslieden": {
        "nl": "sociaal raadslieden",
        "en": "social counsellors",
    },
    "sector.kind.jongerenwerk": {"nl": "jongerenwerk", "en": "youth work"},
    "sector.kind.opbouwwerk": {"nl": "opbouwwerk", "en": "community development"},
    "sector.kind.buurthuis": {"nl": "buurthuis", "en": "community centre"},
    "sector.kind.wijkteam": {"nl": "wijkteam", "en": "neighbourhood team"},
    "sector.kind.maatschappelijke opvang": {
        "nl": "maatschappelijke opvang",
        "en": "shelter",
    },
    "sector.kind.other": {"nl": "overig", "en": "other"},
}
