"""Texts of evidence reports (PDF, XLSX, DOCX)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "report.invalid_field": {
        "nl": "Rapportveld {field} heeft een ongeldige waarde: {value}. Een rapport bevat alleen getallen, tellingen en korte teksten.",
        "en": "Report field {field} has an invalid value: {value}. A report holds only numbers, counts and short texts.",
    },
    "report.no_metadata": {
        "nl": "Dit bestand bevat geen Wijkimpact-rapportgegevens; is het bewerkt of door een ander programma gemaakt?",
        "en": "This file holds no Wijkimpact report data; was it edited or made by another program?",
    },
    "report.unknown_file": {
        "nl": "Onbekend bestandstype: alleen PDF-, Excel- (.xlsx) en Word-bestanden (.docx) van Wijkimpact kunnen worden gecontroleerd.",
        "en": "Unknown file type: only Wijkimpact PDF, Excel (.xlsx) and Word (.docx) files can be verified.",
    },
    # general words
    "report.unit.score": {"nl": "punt", "en": "points"},
    "report.unit.proportion": {"nl": "procentpunt", "en": "percentage points"},
    "report.interval": {"nl": "{low} tot {high}", "en": "{low} to {high}"},
    "report.fewer_than": {"nl": "minder dan {n}", "en": "fewer than {n}"},
    "report.and": {"nl": " en ", "en": " and "},
    "report.word.what_score": {"nl": "de score", "en": "the score"},
    "report.word.what_proportion": {"nl": "het aandeel", "en": "the share"},
    "report.word.rose": {"nl": "steeg", "en": "rose"},
    "report.word.fell": {"nl": "daalde", "en": "fell"},
    "report.word.improvement": {"nl": "een verbetering", "en": "an improvement"},
    "report.word.deterioration": {"nl": "een verslechtering", "en": "a deterioration"},
    "report.period": {
        "nl": "Periode: {start} tot en met {end}",
        "en": "Period: {start} to {end}",
    },
    "report.created": {"nl": "Gemaakt op {when}", "en": "Created on {when}"},
    "report.funder": {"nl": "Voor: {funder}", "en": "For: {funder}"},
    "report.toc": {"nl": "Inhoud", "en": "Contents"},
    "report.page": {"nl": "Pagina {page} van {pages}", "en": "Page {page} of {pages}"},
    "report.made_with": {
        "nl": "Gemaakt met Wijkimpact {version}",
        "en": "Made with Wijkimpact {version}",
    },
    # sections
    "report.section.summary": {"nl": "Samenvatting", "en": "Summary"},
    "report.section.evidence": {"nl": "Bewijsniveau", "en": "Level of evidence"},
    "report.section.outcomes": {"nl": "Uitkomsten", "en": "Outcomes"},
    "report.section.value": {"nl": "Maatschappelijke waarde", "en": "Social value"},
    "report.section.methods": {
        "nl": "Methode en beperkingen",
        "en": "Methods and limits",
    },
    "report.section.reproducibility": {
        "nl": "Reproduceerbaarheid",
        "en": "Reproducibility",
    },
    # summary sentences
    "report.summary.reach": {
        "nl": "Van {start} tot en met {end} namen {n} mensen deel aan {programmes}.",
        "en": "From {start} to {end}, {n} people took part in {programmes}.",
    },
    "report.summary.reach_comparison": {
        "nl": "De vergelijkingsgroep telde {n} mensen.",
        "en": "The comparison group had {n} people.",
    },
    "report.summary.did_better": {
        "nl": "{label}: deelnemers gingen gemiddeld {size} {unit} meer vooruit dan de vergelijkingsgroep (95%-BI {interval}).",
        "en": "{label}: participants improved on average {size} {unit} more than the comparison group (95% CI {interval}).",
    },
    "report.summary.did_worse": {
        "nl": "{label}: deelnemers gingen gemiddeld {size} {unit} minder vooruit dan de vergelijkingsgroep (95%-BI {interval}).",
        "en": "{label}: participants improved on average {size} {unit} less than the comparison group (95% CI {interval}).",
    },
    "report.summary.did_fell": {
        "nl": "{label}: {what} daalde bij deelnemers gemiddeld {size} {unit} meer dan bij de vergelijkingsgroep (95%-BI {interval}); bij deze maat is lager beter.",
        "en": "{label}: {what} fell on average {size} {unit} more among participants than in the comparison group (95% CI {interval}); on this measure lower is better.",
    },
    "report.summary.did_rose": {
        "nl": "{label}: {what} steeg bij deelnemers gemiddeld {size} {unit} meer dan bij de vergelijkingsgroep (95%-BI {interval}); bij deze maat is hoger slechter.",
        "en": "{label}: {what} rose on average {size} {unit} more among participants than in the comparison group (95% CI {interval}); on this measure higher is worse.",
    },
    "report.summary.did_zero": {
        "nl": "{label}: het verschil met de vergelijkingsgroep ({estimate} {unit}, 95%-BI {interval}) is niet te onderscheiden van nul. Dit onderzoek toont dus geen effect aan, maar sluit een effect ook niet uit.",
        "en": "{label}: the difference from the comparison group ({estimate} {unit}, 95% CI {interval}) is not distinguishable from zero. This study therefore shows no effect, but does not rule one out either.",
    },
    "report.summary.prepost_change": {
        "nl": "{label}: de gemiddelde score van deelnemers {verb} met {size} {unit} (95%-BI {interval}), {judgement}.",
        "en": "{label}: participants' mean score {verb} by {size} {unit} (95% CI {interval}), {judgement}.",
    },
    "report.summary.prepost_zero": {
        "nl": "{label}: de gemiddelde score van deelnemers veranderde niet aantoonbaar ({estimate} {unit}, 95%-BI {interval}); de verandering is niet te onderscheiden van nul.",
        "en": "{label}: participants' mean score did not change demonstrably ({estimate} {unit}, 95% CI {interval}); the change is not distinguishable from zero.",
    },
    "report.summary.prepost_not_causal": {
        "nl": "Een voor- en nameting zonder vergelijkingsgroep laat zien hoe deelnemers veranderden; dit is geen causaal effect: hoeveel ervan door het programma komt, is niet te zeggen.",
        "en": "A before-and-after measurement without a comparison group shows how participants changed; this is not a causal effect: how much of it is due to the programme cannot be said.",
    },
    "report.summary.suppressed": {
        "nl": "{label}: te weinig mensen (minder dan {n}) om een uitkomst te tonen.",
        "en": "{label}: too few people (fewer than {n}) to show a result.",
    },
    "report.summary.refused": {
        "nl": "{label}: er is geen effect geschat. {reason}",
        "en": "{label}: no effect was estimated. {reason}",
    },
    "report.summary.no_estimate_reason": {
        "nl": "Er is geen betrouwbare schatting beschikbaar.",
        "en": "No trustworthy estimate is available.",
    },
    "report.summary.reliable": {
        "nl": "{label}: {share} van de deelnemers ging betrouwbaar vooruit (Reliable Change Index).",
        "en": "{label}: {share} of participants reliably improved (Reliable Change Index).",
    },
    "report.summary.reliable_worse": {
        "nl": "{share} ging betrouwbaar achteruit.",
        "en": "{share} reliably deteriorated.",
    },
    "report.summary.value": {
        "nl": "Maatschappelijke waarde: elke euro die het programma kost, levert naar schatting {ratio} op (95%-interval {low} tot {high}); de netto waarde is {net}.",
        "en": "Social value: every euro the programme costs returns an estimated {ratio} (95% interval {low} to {high}); the net value is {net}.",
    },
    "report.summary.value_uncertain": {
        "nl": "Het interval omvat 1: het is niet zeker dat de baten de kosten overtreffen.",
        "en": "The interval includes 1: it is not certain that the benefits exceed the costs.",
    },
    "report.summary.value_defaults": {
        "nl": "De berekening gebruikt standaardwaarden uit de literatuur; controleer ze voor uw situatie.",
        "en": "The calculation uses default values from the literature; check them for your situation.",
    },
    "report.summary.design_descriptive": {
        "nl": "Dit rapport beschrijft bereik en scores; het laat geen effect van het programma zien.",
        "en": "This report describes reach and scores; it does not show an effect of the programme.",
    },
    "report.summary.design_prepost": {
        "nl": "Wat dit ontwerp kan laten zien: hoe deelnemers veranderden. Wat niet: welk deel van die verandering door het programma komt.",
        "en": "What this design can show: how participants changed. What it cannot: which part of that change is due to the programme.",
    },
    "report.summary.design_controlled": {
        "nl": "Wat dit ontwerp kan laten zien: het effect van het programma ten opzichte van de vergelijkingsgroep. Wat niet: of beide groepen zich zonder programma gelijk zouden hebben ontwikkeld (parallelle trends); die aanname is slechts deels te toetsen.",
        "en": "What this design can show: the programme's effect relative to the comparison group. What it cannot: whether both groups would have developed alike without the programme (parallel trends); that assumption can only partly be tested.",
    },
    "report.summary.evidence": {
        "nl": "Dit ontwerp zou hooguit {level} kunnen ondersteunen{caveat}; alleen de Erkenningscommissie Interventies kent een erkenningsniveau toe.",
        "en": "This design could support at most {level}{caveat}; only the Dutch Erkenningscommissie Interventies grants a recognition level.",
    },
    # evidence level
    "report.evidence.level_eerste": {
        "nl": "'eerste aanwijzingen voor effectiviteit'",
        "en": "'first indications of effectiveness' (eerste aanwijzingen)",
    },
    "report.evidence.level_goede": {
        "nl": "'goede aanwijzingen voor effectiviteit'",
        "en": "'good indications of effectiveness' (goede aanwijzingen)",
    },
    "report.evidence.level_sterke": {
        "nl": "'sterke aanwijzingen voor effectiviteit'",
        "en": "'strong indications of effectiveness' (sterke aanwijzingen)",
    },
    "report.evidence.unverified_note": {
        "nl": " (deze indeling is een nog niet geverifieerde aanname)",
        "en": " (this classification is an assumption not yet verified)",
    },
    "report.evidence.ladder": {
        "nl": "De Erkenningscommissie Interventies (Movisie, NJi) kent de niveaus goed beschreven, goed onderbouwd en effectief, met eerste, goede of sterke aanwijzingen voor effectiviteit. Hieronder staat wat dit onderzoek zou kunnen ondersteunen; het is geen toegekend niveau.",
        "en": "The Dutch Erkenningscommissie Interventies (Movisie, NJi) recognises interventions as well described, well founded and effective, with first, good or strong indications of effectiveness. Below is what this study could support; it is not an awarded level.",
    },
    "report.evidence.could_support": {
        "nl": "Dit ontwerp zou hooguit {level} kunnen ondersteunen.",
        "en": "This design could support at most {level}.",
    },
    "report.evidence.descriptive": {
        "nl": "Een beschrijving van bereik en scores geeft geen aanwijzingen voor effectiviteit.",
        "en": "A description of reach and scores gives no indications of effectiveness.",
    },
    "report.evidence.prepost": {
        "nl": "Een voor- en nameting zonder vergelijkingsgroep ondersteunt hooguit eerste aanwijzingen (NJi; Veerman & Van Yperen 2007).",
        "en": "A before-and-after measurement without a comparison group supports at most first indications (NJi; Veerman & Van Yperen 2007).",
    },
    "report.evidence.controlled_goede": {
        "nl": "Een gecontroleerd (quasi-)experimenteel ontwerp met een vergelijkingsgroep zou goede aanwijzingen kunnen ondersteunen.",
        "en": "A controlled (quasi-)experimental design with a comparison group could support good indications.",
    },
    "report.evidence.controlled_sterke": {
        "nl": "Meerdere gecontroleerde studies of een langere follow-up zouden sterke aanwijzingen kunnen ondersteunen.",
        "en": "Several controlled studies or a longer follow-up could support strong indications.",
    },
    "report.evidence.effectief": {
        "nl": "Met minstens twee effectstudies komt het niveau 'effectief' binnen bereik.",
        "en": "With at least two effect studies the level 'effective' comes within reach.",
    },
    "report.evidence.one_study": {
        "nl": "Voor het niveau 'effectief' zijn minstens twee effectstudies nodig; dit is er één.",
        "en": "The level 'effective' needs at least two effect studies; this is one.",
    },
    "report.evidence.only_commission": {
        "nl": "Alleen de Erkenningscommissie Interventies kent een erkenningsniveau toe.",
        "en": "Only the Erkenningscommissie Interventies grants a recognition level.",
    },
    "report.evidence.unverified": {
        "nl": "Let op: dat goede aanwijzingen een gecontroleerd ontwerp vragen en sterke aanwijzingen meerdere studies of langere follow-up, is niet in de bronnen geverifieerd.",
        "en": "Note: that good indications need a controlled design, and strong indications several studies or longer follow-up, has not been verified in the sources.",
    },
    # tables
    "report.col.outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "report.col.n_treated": {"nl": "n deelnemers", "en": "n participants"},
    "report.col.n_comparison": {"nl": "n vergelijking", "en": "n comparison"},
    "report.col.estimate": {"nl": "Schatting", "en": "Estimate"},
    "report.col.ci_low": {"nl": "95%-BI onder", "en": "95% CI low"},
    "report.col.ci_high": {"nl": "95%-BI boven", "en": "95% CI high"},
    "report.col.p": {"nl": "p", "en": "p"},
    "report.col.p_holm": {"nl": "p (Holm)", "en": "p (Holm)"},
    "report.col.effect_size": {"nl": "Hedges' g", "en": "Hedges' g"},
    "report.col.group": {"nl": "Groep", "en": "Group"},
    "report.col.n": {"nl": "Aantal", "en": "Number"},
    "report.col.mean_before": {"nl": "Gem. voor", "en": "Mean before"},
    "report.col.mean_after": {"nl": "Gem. na", "en": "Mean after"},
    "report.col.change": {"nl": "Verandering", "en": "Change"},
    "report.col.item": {"nl": "Onderdeel", "en": "Item"},
    "report.col.value": {"nl": "Waarde", "en": "Value"},
    "report.col.beneficiary": {"nl": "Begunstigde", "en": "Beneficiary"},
    "report.col.benefit": {"nl": "Baten", "en": "Benefit"},
    "report.col.share": {"nl": "Aandeel", "en": "Share"},
    "report.col.input": {"nl": "Invoer", "en": "Input"},
    "report.col.variation": {"nl": "Variatie", "en": "Variation"},
    "report.col.net": {"nl": "Netto waarde", "en": "Net value"},
    "report.col.ratio": {"nl": "Baten/kosten", "en": "Benefit/cost"},
    "report.col.parameter": {"nl": "Parameter", "en": "Parameter"},
    "report.col.amount": {"nl": "Bedrag", "en": "Amount"},
    "report.col.unit": {"nl": "Eenheid", "en": "Unit"},
    "report.col.price_year": {"nl": "Prijsjaar", "en": "Price year"},
    "report.col.source": {"nl": "Bron", "en": "Source"},
    "report.col.status": {"nl": "Status", "en": "Status"},
    "report.col.check": {"nl": "Toets", "en": "Check"},
    "report.col.statistic": {"nl": "Toetsgrootheid", "en": "Statistic"},
    "report.col.verdict": {"nl": "Oordeel", "en": "Verdict"},
    "report.col.note": {"nl": "Toelichting", "en": "Note"},
    "report.col.n_start": {"nl": "n begin", "en": "n start"},
    "report.col.n_end": {"nl": "n eind", "en": "n end"},
    "report.col.retained": {"nl": "Behouden", "en": "Retained"},
    "report.col.variable": {"nl": "Kenmerk", "en": "Variable"},
    "report.col.mean_treated": {"nl": "Gem. deelnemers", "en": "Mean participants"},
    "report.col.mean_comparison": {"nl": "Gem. vergelijking", "en": "Mean comparison"},
    "report.col.std_diff": {"nl": "Gestand. verschil", "en": "Std. difference"},
    # outcomes
    "report.outcomes.caption": {
        "nl": "Schatting: verschil in verandering tussen deelnemers en vergelijkingsgroep (bij voor- en nameting: gemiddelde verandering). BI = betrouwbaarheidsinterval; p (Holm) is gecorrigeerd voor het aantal uitkomsten; g = Hedges' g.",
        "en": "Estimate: difference in change between participants and comparison group (for before-and-after: mean change). CI = confidence interval; p (Holm) is adjusted for the number of outcomes; g = Hedges' g.",
    },
    "report.outcomes.none": {
        "nl": "Dit rapport bevat geen uitkomstmaten.",
        "en": "This report has no outcome measures.",
    },
    "report.outcomes.proportion_note": {
        "nl": "Ja/nee-uitkomsten staan in procentpunten.",
        "en": "Yes/no outcomes are shown in percentage points.",
    },
    "report.outcome.refused": {
        "nl": "Geen schatting: {reason}",
        "en": "No estimate: {reason}",
    },
    "report.outcome.method": {
        "nl": "Methode: {estimator}; onzekerheid: {inference}.",
        "en": "Method: {estimator}; uncertainty: {inference}.",
    },
    "report.outcome.rci_caption": {
        "nl": "Betrouwbare verandering per persoon volgens de Reliable Change Index (Jacobson & Truax).",
        "en": "Reliable change per person by the Reliable Change Index (Jacobson & Truax).",
    },
    "report.estimator.did_2x2": {
        "nl": "verschil-in-verschillen (2×2)",
        "en": "difference-in-differences (2×2)",
    },
    "report.estimator.prepost": {
        "nl": "voor- en nameting (gepaard)",
        "en": "before and after (paired)",
    },
    "report.estimator.event_study": {
        "nl": "event study (twee-weg vaste effecten)",
        "en": "event study (two-way fixed effects)",
    },
    "report.estimator.callaway_santanna": {
        "nl": "gespreide start (Callaway & Sant'Anna)",
        "en": "staggered adoption (Callaway & Sant'Anna)",
    },
    "report.estimator.descriptive": {"nl": "beschrijvend", "en": "descriptive"},
    "report.fig.before_after": {
        "nl": "{label}: gemiddelde voor en na per groep, met 95%-BI.",
        "en": "{label}: mean before and after per group, with 95% CI.",
    },
    "report.fig.trend": {
        "nl": "{label}: gemiddelde per meetmoment per groep.",
        "en": "{label}: mean per measurement per group.",
    },
    "report.fig.event_study": {
        "nl": "{label}: effect per periode ten opzichte van de start, met 95%-BI; de stippellijn is de referentieperiode.",
        "en": "{label}: effect per period relative to the start, with 95% CI; the dashed line is the reference period.",
    },
    "report.fig.change": {
        "nl": "{label}: aandeel met betrouwbare verandering.",
        "en": "{label}: share with reliable change.",
    },
    "report.fig.reach": {
        "nl": "Deelnemers per wijk.",
        "en": "Participants per neighbourhood.",
    },
    "report.reach.title": {"nl": "Bereik", "en": "Reach"},
    "report.reach.participants": {"nl": "Deelnemers", "en": "Participants"},
    "report.reach.comparison": {"nl": "Vergelijkingsgroep", "en": "Comparison group"},
    "report.reach.measurements": {"nl": "Metingen", "en": "Measurements"},
    # value
    "report.value.intro": {
        "nl": "De baten zijn het geschatte effect maal de waarde per eenheid, over {years} jaar met een discontovoet van {rate}. Het interval komt uit {draws} trekkingen uit de onzekerheid van het effect; de bedragen zelf zijn vast gehouden (zie de gevoeligheidsanalyse).",
        "en": "Benefits are the estimated effect times the value per unit, over {years} years at a discount rate of {rate}. The interval comes from {draws} draws from the effect's uncertainty; the amounts themselves are held fixed (see the sensitivity analysis).",
    },
    "report.value.cost": {"nl": "Kosten van het programma", "en": "Programme cost"},
    "report.value.benefit": {"nl": "Maatschappelijke baten", "en": "Social benefits"},
    "report.value.net": {
        "nl": "Netto maatschappelijke waarde",
        "en": "Net social value",
    },
    "report.value.ratio": {
        "nl": "Baten per euro kosten",
        "en": "Benefit per euro cost",
    },
    "report.value.not_indexed": {
        "nl": "Niet geïndexeerd: de bedragen staan in hun eigen prijsjaar. Lever de CBS-consumentenprijsindex (StatLine 83131NED) aan om ze naar één jaar om te rekenen.",
        "en": "Not indexed: amounts are in their own price year. Supply the CBS consumer price index (StatLine 83131NED) to express them in one year.",
    },
    "report.value.sensitivity": {
        "nl": "Gevoeligheidsanalyse",
        "en": "Sensitivity analysis",
    },
    "report.value.parameters": {
        "nl": "Waarderingsparameters en bronnen",
        "en": "Value parameters and sources",
    },
    "report.value.effect": {
        "nl": "Effect (grens 95%-BI)",
        "en": "Effect (95% CI bound)",
    },
    "report.value.duration": {
        "nl": "Looptijd van het effect",
        "en": "Duration of the effect",
    },
    "report.value.default": {
        "nl": "standaardwaarde, ter controle",
        "en": "default, to review",
    },
    "report.value.user": {"nl": "door gebruiker ingevuld", "en": "set by the user"},
    "report.value.assumption": {"nl": "aanname", "en": "assumption"},
    "report.value.none": {
        "nl": "Voor dit rapport is geen maatschappelijke waarde berekend.",
        "en": "No social value was computed for this report.",
    },
    "report.value.suppressed": {
        "nl": "De maatschappelijke waarde wordt niet getoond: ze berust op een groep van minder dan {n} mensen.",
        "en": "The social value is not shown: it rests on a group of fewer than {n} people.",
    },
    # methods
    "report.methods.design": {"nl": "Onderzoeksopzet", "en": "Design"},
    "report.methods.estimator": {"nl": "Schatter", "en": "Estimator"},
    "report.methods.inference": {"nl": "Berekening onzekerheid", "en": "Inference"},
    "report.methods.inference_reason": {
        "nl": "Waarom deze methode",
        "en": "Why this method",
    },
    "report.methods.explain_descriptive": {
        "nl": "Beschrijvende cijfers: aantallen en gemiddelden, zonder schatting van een effect.",
        "en": "Descriptive figures: counts and means, without an estimate of an effect.",
    },
    "report.methods.explain_prepost": {
        "nl": "Gepaarde vergelijking van de voor- en nameting van dezelfde deelnemers, met t-interval en Hedges' g. Zonder vergelijkingsgroep kan de verandering ook komen door herstel dat toch al zou optreden, regressie naar het gemiddelde of uitval van wie het slechter ging.",
        "en": "Paired comparison of the before and after measurements of the same participants, with a t-interval and Hedges' g. Without a comparison group the change may also come from recovery that would have happened anyway, regression to the mean, or dropout of those doing worse.",
    },
    "report.methods.explain_controlled": {
        "nl": "Verschil-in-verschillen: de verandering bij deelnemers min de verandering in de vergelijkingsgroep. Dit is een effect als beide groepen zich zonder programma gelijk zouden hebben ontwikkeld (parallelle trends); verschillen vóór de start en de balans bij de start zijn hieronder getoetst.",
        "en": "Difference-in-differences: the change among participants minus the change in the comparison group. This is an effect if both groups would have developed alike without the programme (parallel trends); differences before the start and the balance at baseline are checked below.",
    },
    "report.methods.checks": {
        "nl": "Toetsen van aannames",
        "en": "Checks of assumptions",
    },
    "report.methods.attrition": {"nl": "Uitval per groep", "en": "Attrition by group"},
    "report.methods.balance": {
        "nl": "Balans bij de start",
        "en": "Balance at baseline",
    },
    "report.methods.limits": {"nl": "Beperkingen", "en": "Limits"},
    "report.methods.suppression": {
        "nl": "Privacy: aantallen en cijfers over minder dan {n} mensen zijn verborgen (weergegeven als '< {n}'); waar een verborgen aantal uit een totaal af te leiden was, is ook een tweede verborgen.",
        "en": "Privacy: counts and figures describing fewer than {n} people are hidden (shown as '< {n}'); where a hidden count could be derived from a total, a second one is hidden too.",
    },
    "report.methods.suppressed_items": {
        "nl": "Verborgen in dit rapport: {items}.",
        "en": "Hidden in this report: {items}.",
    },
    "report.suppressed.cells": {"nl": "cellen van {label}", "en": "cells of {label}"},
    "report.suppressed.outcome": {
        "nl": "de schatting voor {label}",
        "en": "the estimate for {label}",
    },
    "report.suppressed.value": {
        "nl": "de maatschappelijke waarde",
        "en": "the social value",
    },
    "report.suppressed.reach.by_area": {
        "nl": "kleine wijken in het bereik",
        "en": "small neighbourhoods in the reach",
    },
    "report.design.descriptive": {
        "nl": "Beschrijvend (geen effectmeting)",
        "en": "Descriptive (no effect measurement)",
    },
    "report.design.prepost": {
        "nl": "Voor- en nameting zonder vergelijkingsgroep",
        "en": "Before and after, no comparison group",
    },
    "report.design.did": {
        "nl": "Voor- en nameting met vergelijkingsgroep (verschil-in-verschillen)",
        "en": "Before and after with comparison group (difference-in-differences)",
    },
    "report.design.event_study": {
        "nl": "Meerdere metingen met vergelijkingsgroep (event study)",
        "en": "Repeated measurements with comparison group (event study)",
    },
    "report.design.staggered": {
        "nl": "Gespreide start over wijken (Callaway & Sant'Anna)",
        "en": "Staggered start across neighbourhoods (Callaway & Sant'Anna)",
    },
    "report.design.rct": {
        "nl": "Gerandomiseerd experiment",
        "en": "Randomised experiment",
    },
    "report.check.passed": {
        "nl": "geen aanwijzing voor probleem",
        "en": "no sign of a problem",
    },
    "report.check.failed": {"nl": "mogelijk probleem", "en": "possible problem"},
    "report.check.parallel_trends": {
        "nl": "Parallelle trends vóór de start (gezamenlijke toets)",
        "en": "Parallel trends before the start (joint test)",
    },
    "report.check.balance": {"nl": "Balans bij de start", "en": "Balance at baseline"},
    "report.check.attrition": {
        "nl": "Uitval verschilt tussen groepen",
        "en": "Attrition differs between groups",
    },
    # reproducibility
    "report.repro.intro": {
        "nl": "Met deze gegevens is het rapport opnieuw te berekenen en te controleren ('impact report --verify bestand').",
        "en": "With these details the report can be recomputed and verified ('impact report --verify file').",
    },
    "report.repro.fingerprint": {
        "nl": "Vingerafdruk van de gegevens (SHA-256)",
        "en": "Data fingerprint (SHA-256)",
    },
    "report.repro.batches": {"nl": "Importbatches", "en": "Import batches"},
    "report.repro.plan_hash": {
        "nl": "Analyseplan (hash)",
        "en": "Analysis plan (hash)",
    },
    "report.repro.plan_locked": {
        "nl": "Analyseplan vooraf vastgelegd",
        "en": "Analysis plan locked beforehand",
    },
    "report.repro.locked": {"nl": "ja", "en": "yes"},
    "report.repro.not_locked": {
        "nl": "nee: de analyse is niet vooraf vastgelegd",
        "en": "no: the analysis was not fixed beforehand",
    },
    "report.repro.software": {"nl": "Softwareversie", "en": "Software version"},
    "report.repro.created": {"nl": "Gemaakt op", "en": "Created on"},
    "report.repro.min_cell": {
        "nl": "Kleinste getoonde groep",
        "en": "Smallest group shown",
    },
}
