"""Texts of the estimation engine: input problems, inference choices, warnings."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- input problems -------------------------------------------------------
    "estimate.not_a_frame": {
        "nl": "De gegevens moeten een tabel (DataFrame) zijn, niet {kind}.",
        "en": "The data must be a table (DataFrame), not {kind}.",
    },
    "estimate.missing_columns": {
        "nl": "Kolom(men) ontbreken: {missing}. Beschikbare kolommen: {available}.",
        "en": "Missing column(s): {missing}. Available columns: {available}.",
    },
    "estimate.empty": {
        "nl": "De tabel heeft geen rijen; er valt niets te schatten.",
        "en": "The table has no rows; there is nothing to estimate.",
    },
    "estimate.not_numeric": {
        "nl": "Kolom '{column}' moet getallen bevatten, maar bevat bijvoorbeeld {example}.",
        "en": "Column '{column}' must contain numbers, but contains e.g. {example}.",
    },
    "estimate.all_missing": {
        "nl": "Kolom '{column}' is helemaal leeg (alle waarden ontbreken).",
        "en": "Column '{column}' is empty (all values are missing).",
    },
    "estimate.not_binary": {
        "nl": "Kolom '{column}' mag alleen 0 of 1 (ja/nee) bevatten, maar bevat {example}.",
        "en": "Column '{column}' may only contain 0 or 1 (yes/no), but contains {example}.",
    },
    "estimate.need_cluster": {
        "nl": "Voor vcov='{vcov}' is een clusterkolom nodig (bijvoorbeeld wijk of deelnemer); geef cluster=... op.",
        "en": "vcov='{vcov}' needs a cluster column (e.g. neighbourhood or participant); pass cluster=....",
    },
    "estimate.too_few_obs": {
        "nl": "Te weinig waarnemingen ({n}) voor {k} te schatten getallen.",
        "en": "Too few observations ({n}) for {k} quantities to estimate.",
    },
    "estimate.too_few_clusters": {
        "nl": "Er is maar {clusters} cluster; voor een onzekerheidsmarge zijn er minstens 2 nodig.",
        "en": "There is only {clusters} cluster; an uncertainty interval needs at least 2.",
    },
    "estimate.collinear": {
        "nl": "De gegevens laten niet toe deze termen los van elkaar te schatten (ze hangen volledig samen): {terms}. Laat een covariaat weg of controleer de groeps- en periodekolommen.",
        "en": "The data cannot separate these terms (they are perfectly related): {terms}. Drop a covariate or check the group and period columns.",
    },
    "estimate.bad_alpha": {
        "nl": "alpha moet tussen 0 en 1 liggen, niet {alpha}.",
        "en": "alpha must lie between 0 and 1, not {alpha}.",
    },
    # --- 2x2 DiD ---------------------------------------------------------------
    "estimate.did.title": {
        "nl": "Verschil-in-verschillen (2x2)",
        "en": "Difference-in-differences (2x2)",
    },
    "estimate.did.no_treated_post": {
        "nl": "Er zijn geen metingen van de deelnemende groep na de start; zonder die metingen is geen effect te schatten.",
        "en": "There are no measurements of the treated group after the start; without them no effect can be estimated.",
    },
    "estimate.did.no_treated_pre": {
        "nl": "Er zijn geen metingen van de deelnemende groep vóór de start (nulmeting).",
        "en": "There are no measurements of the treated group before the start (baseline).",
    },
    "estimate.did.no_control_post": {
        "nl": "Er zijn geen metingen van de vergelijkingsgroep na de start.",
        "en": "There are no measurements of the comparison group after the start.",
    },
    "estimate.did.no_control_pre": {
        "nl": "Er zijn geen metingen van de vergelijkingsgroep vóór de start (nulmeting).",
        "en": "There are no measurements of the comparison group before the start (baseline).",
    },
    # --- inference choices -----------------------------------------------------
    "estimate.vcov.iid_requested": {
        "nl": "Klassieke standaardfouten (gevraagd): die gaan uit van onafhankelijke waarnemingen met gelijke spreiding.",
        "en": "Classical standard errors (requested): they assume independent observations with equal spread.",
    },
    "estimate.vcov.hc1_requested": {
        "nl": "Robuuste standaardfouten (HC1, gevraagd): bestand tegen ongelijke spreiding, niet tegen samenhang binnen groepen.",
        "en": "Robust standard errors (HC1, requested): they allow unequal spread, not correlation within groups.",
    },
    "estimate.vcov.hc1_auto": {
        "nl": "Robuuste standaardfouten (HC1), omdat geen clusterkolom is opgegeven. Meet u dezelfde mensen of wijken vaker, geef die dan als cluster op.",
        "en": "Robust standard errors (HC1), because no cluster column was given. If the same people or areas are measured repeatedly, pass them as cluster.",
    },
    "estimate.vcov.cr1_requested": {
        "nl": "Geclusterde standaardfouten (CR1, gevraagd) over {clusters} clusters, met een t-verdeling met G-1 vrijheidsgraden.",
        "en": "Clustered standard errors (CR1, requested) over {clusters} clusters, with a t distribution with G-1 degrees of freedom.",
    },
    "estimate.vcov.cr1_auto": {
        "nl": "Geclusterde standaardfouten (CR1) met een t-verdeling (G-1): er zijn genoeg clusters ({clusters}; {treated} deelnemend, {control} ter vergelijking) om die te vertrouwen.",
        "en": "Clustered standard errors (CR1) with a t distribution (G-1): there are enough clusters ({clusters}; {treated} treated, {control} comparison) to trust them.",
    },
    "estimate.vcov.cv3_requested": {
        "nl": "Cluster-jackknife (CV3, gevraagd) over {clusters} clusters: het effect wordt telkens zonder één cluster opnieuw geschat; t-verdeling met G-1 vrijheidsgraden.",
        "en": "Cluster jackknife (CV3, requested) over {clusters} clusters: the effect is re-estimated leaving out one cluster at a time; t distribution with G-1 degrees of freedom.",
    },
    "estimate.vcov.cv3_auto": {
        "nl": "Cluster-jackknife (CV3) met een t-verdeling (G-1): met zo weinig clusters ({clusters}; {treated} deelnemend, {control} ter vergelijking) geeft die betrouwbaardere marges dan geclusterde standaardfouten of de wild bootstrap.",
        "en": "Cluster jackknife (CV3) with a t distribution (G-1): with so few clusters ({clusters}; {treated} treated, {control} comparison) it gives more trustworthy margins than clustered standard errors or the wild bootstrap.",
    },
    "estimate.vcov.wild_requested": {
        "nl": "Wild cluster bootstrap (gevraagd, {weights}-gewichten) over {clusters} clusters; het interval komt uit het omkeren van de toets.",
        "en": "Wild cluster bootstrap (requested, {weights} weights) over {clusters} clusters; the interval comes from inverting the test.",
    },
    "estimate.vcov.wild_auto": {
        "nl": "Wild cluster bootstrap ({weights}-gewichten), omdat er te weinig clusters zijn voor gewone geclusterde standaardfouten ({clusters}; {treated} deelnemend, {control} ter vergelijking). Die zouden de onzekerheid onderschatten.",
        "en": "Wild cluster bootstrap ({weights} weights), because there are too few clusters for ordinary clustered standard errors ({clusters}; {treated} treated, {control} comparison), which would understate the uncertainty.",
    },
    "estimate.vcov.ri_auto": {
        "nl": "Randomisatie-inferentie: met maar {treated} deelnemende cluster(s) van de {clusters} vergelijken we het effect met dat van alle {assignments} andere mogelijke indelingen van clusters. Dat klopt als de clusters zonder interventie vergelijkbaar zouden zijn.",
        "en": "Randomization inference: with only {treated} treated cluster(s) out of {clusters} the effect is compared with that of all {assignments} possible assignments of clusters. This holds if the clusters would be comparable without the intervention.",
    },
    "estimate.vcov.declined": {
        "nl": "Geen onzekerheidsmarge: met {treated} deelnemende en {control} vergelijkingsclusters (van {clusters}) geeft geen enkele methode een betrouwbaar interval. De puntschatting is alleen een beschrijving.",
        "en": "No uncertainty interval: with {treated} treated and {control} comparison clusters (of {clusters}) no method gives a trustworthy interval. The point estimate is a description only.",
    },
    "estimate.vcov.influence": {
        "nl": "Standaardfouten uit de invloedsfunctie (analytisch), geclusterd per eenheid.",
        "en": "Standard errors from the influence function (analytic), clustered by unit.",
    },
    "estimate.vcov.multiplier": {
        "nl": "Multiplier-bootstrap ({draws} trekkingen, {weights}) met uniforme banden over alle getoonde effecten.",
        "en": "Multiplier bootstrap ({draws} draws, {weights}) with uniform bands over all effects shown.",
    },
    "estimate.vcov.paired_t": {
        "nl": "Gepaarde t-toets op de verschillen per persoon.",
        "en": "Paired t-test on the per-person differences.",
    },
    # --- warnings --------------------------------------------------------------
    "estimate.warn.cr1_few": {
        "nl": "Met {clusters} clusters ({treated} deelnemend) zijn geclusterde standaardfouten vaak te klein; overweeg vcov='auto'.",
        "en": "With {clusters} clusters ({treated} treated) clustered standard errors are often too small; consider vcov='auto'.",
    },
    "estimate.warn.wild_few": {
        "nl": "Met {treated} deelnemende cluster(s) is ook de wild bootstrap onbetrouwbaar.",
        "en": "With {treated} treated cluster(s) even the wild bootstrap is unreliable.",
    },
    "estimate.warn.dropped": {
        "nl": "{rows} rij(en) met ontbrekende waarden zijn weggelaten.",
        "en": "{rows} row(s) with missing values were left out.",
    },
    "estimate.warn.unbounded": {
        "nl": "Het interval is aan minstens één kant onbegrensd: de gegevens sluiten geen enkele effectgrootte uit.",
        "en": "The interval is unbounded on at least one side: the data rule out no effect size.",
    },
    # --- panels, TWFE, event study ---------------------------------------------
    "estimate.panel.time_missing": {
        "nl": "Kolom '{column}' (periode) heeft lege waarden; vul die in of laat die rijen weg.",
        "en": "Column '{column}' (period) has empty values; fill them in or drop those rows.",
    },
    "estimate.panel.duplicates": {
        "nl": "Sommige eenheden ('{unit}') komen meer dan eens voor in dezelfde periode ('{time}'). Tel of middel ze eerst per eenheid en periode.",
        "en": "Some units ('{unit}') appear more than once in the same period ('{time}'). Sum or average them per unit and period first.",
    },
    "estimate.panel.no_convergence": {
        "nl": "Het wegwerken van de vaste effecten convergeerde niet; controleer of eenheden en perioden goed gecodeerd zijn.",
        "en": "Removing the fixed effects did not converge; check that units and periods are coded correctly.",
    },
    "estimate.twfe.title": {
        "nl": "Verschil-in-verschillen met vaste effecten (TWFE)",
        "en": "Difference-in-differences with fixed effects (TWFE)",
    },
    "estimate.twfe.treatment_missing": {
        "nl": "Kolom '{column}' (behandeld) heeft lege waarden; vul 0 of 1 in.",
        "en": "Column '{column}' (treated) has empty values; fill in 0 or 1.",
    },
    "estimate.twfe.no_treated": {
        "nl": "Kolom '{column}' is nergens 1: er is geen behandelde eenheid-periode, dus geen effect te schatten.",
        "en": "Column '{column}' is never 1: there is no treated unit-period, so no effect to estimate.",
    },
    "estimate.event.title": {
        "nl": "Event study (effect per periode rond de start)",
        "en": "Event study (effect by period around the start)",
    },
    "estimate.event.reference": {"nl": "Referentieperiode", "en": "Reference period"},
    "estimate.event.pretrend": {
        "nl": "p-waarde gezamenlijke pre-trendtoets",
        "en": "p-value joint pre-trend test",
    },
    "estimate.event.time_numeric": {
        "nl": "Kolom '{column}' moet een getal zijn (jaar of periodenummer) om perioden tot de start te tellen.",
        "en": "Column '{column}' must be a number (year or period number) to count periods to the start.",
    },
    "estimate.event.no_treated": {
        "nl": "Kolom '{column}' noemt geen enkele startperiode: er zijn geen behandelde eenheden.",
        "en": "Column '{column}' gives no start period at all: there are no treated units.",
    },
    "estimate.event.no_reference": {
        "nl": "De referentieperiode {reference} komt in de gegevens niet voor; kies een periode vóór de start die wel gemeten is.",
        "en": "The reference period {reference} does not occur in the data; choose a measured period before the start.",
    },
    "estimate.event.no_never_treated": {
        "nl": "Er zijn geen nooit-behandelde eenheden; periode {dropped} dient daarom als tweede referentie.",
        "en": "There are no never-treated units; period {dropped} therefore serves as a second reference.",
    },
    # --- staggered adoption ------------------------------------------------------
    "estimate.staggered.title": {
        "nl": "Gespreide invoering: effect per cohort en periode (Callaway & Sant'Anna)",
        "en": "Staggered adoption: effect by cohort and period (Callaway & Sant'Anna)",
    },
    "estimate.staggered.aggregate_title": {
        "nl": "Gespreide invoering, samengevat ({type})",
        "en": "Staggered adoption, aggregated ({type})",
    },
    "estimate.staggered.control": {
        "nl": "Vergelijkingsgroep",
        "en": "Comparison group",
    },
    "estimate.staggered.group_varies": {
        "nl": "Kolom '{column}' (eerste behandelde periode) verschilt binnen een eenheid; per eenheid hoort één startperiode (of 0 voor nooit).",
        "en": "Column '{column}' (first treated period) varies within a unit; each unit needs one start period (or 0 for never).",
    },
    "estimate.staggered.unbalanced": {
        "nl": "{units} eenheid/eenheden zijn niet in elke periode gemeten en zijn weggelaten (gebalanceerd panel nodig).",
        "en": "{units} unit(s) are not measured in every period and were left out (a balanced panel is needed).",
    },
    "estimate.staggered.already_treated": {
        "nl": "{units} eenheid/eenheden waren al behandeld in de eerste periode en zijn weggelaten: voor hen is er geen nulmeting.",
        "en": "{units} unit(s) were already treated in the first period and were left out: they have no baseline.",
    },
    "estimate.staggered.no_never_treated": {
        "nl": "Er zijn geen nooit-behandelde eenheden. Kies control='notyet' om nog-niet-behandelde eenheden als vergelijking te gebruiken.",
        "en": "There are no never-treated units. Choose control='notyet' to use not-yet-treated units as the comparison.",
    },
    "estimate.staggered.last_cohort_control": {
        "nl": "Er zijn geen nooit-behandelde eenheden; het laatste cohort (start {period}) dient als vergelijking en perioden vanaf {period} vallen weg.",
        "en": "There are no never-treated units; the last cohort (start {period}) serves as the comparison and periods from {period} on are dropped.",
    },
    "estimate.staggered.unit_missing": {
        "nl": "Kolom '{column}' (eenheid) heeft lege waarden; elke rij hoort bij een eenheid.",
        "en": "Column '{column}' (unit) has empty values; every row must belong to a unit.",
    },
    "estimate.staggered.no_cells": {
        "nl": "Geen enkel cohort heeft een bruikbare vergelijkingsgroep en nulmeting; controleer de startperioden.",
        "en": "No cohort has a usable comparison group and baseline; check the start periods.",
    },
    # --- pre/post -------------------------------------------------------------
    "estimate.prepost.title": {
        "nl": "Voor- en nameting (zonder vergelijkingsgroep)",
        "en": "Before and after (no comparison group)",
    },
    "estimate.prepost.change": {"nl": "Gemiddelde verandering", "en": "Mean change"},
    "estimate.prepost.improved": {
        "nl": "Betrouwbaar verbeterd",
        "en": "Reliably improved",
    },
    "estimate.prepost.deteriorated": {
        "nl": "Betrouwbaar verslechterd",
        "en": "Reliably deteriorated",
    },
    "estimate.prepost.both_periods": {
        "nl": "Geef zowel before= als after= op, of geen van beide (dan telt per persoon de eerste en de laatste meting).",
        "en": "Pass both before= and after=, or neither (then each person's first and last measurement count).",
    },
    "estimate.prepost.too_few": {
        "nl": "Maar {n} persoon/personen met zowel een voor- als een nameting; er zijn er minstens 2 nodig.",
        "en": "Only {n} person(s) with both a before and an after measurement; at least 2 are needed.",
    },
    "estimate.prepost.bad_reliability": {
        "nl": "De betrouwbaarheid moet tussen 0 en 1 liggen (bijv. Cronbachs alfa 0,85), niet {value}.",
        "en": "Reliability must lie between 0 and 1 (e.g. Cronbach's alpha 0.85), not {value}.",
    },
    "estimate.prepost.no_spread": {
        "nl": "De beginscores verschillen niet van elkaar; zonder spreiding is geen Reliable Change Index te berekenen. Geef een referentie-SD op (sd=...).",
        "en": "The baseline scores do not vary; without spread no Reliable Change Index can be computed. Pass a reference SD (sd=...).",
    },
    "estimate.prepost.not_causal": {
        "nl": "Dit is geen schatting van het effect: zonder vergelijkingsgroep lopen het effect, wat er toch al veranderd zou zijn en regressie naar het gemiddelde (mensen melden zich vaak op een dieptepunt) door elkaar.",
        "en": "This is not an estimate of the effect: without a comparison group the effect, change that would have happened anyway and regression to the mean (people often enrol at a low point) are mixed up.",
    },
    "estimate.prepost.no_reliability": {
        "nl": "Zonder betrouwbaarheid (reliability=...) is niet te zeggen wie betrouwbaar verbeterd of verslechterd is.",
        "en": "Without a reliability (reliability=...) it cannot be said who reliably improved or deteriorated.",
    },
    "estimate.prepost.lost": {
        "nl": "{units} persoon/personen hebben geen tweede meting en tellen niet mee.",
        "en": "{units} person(s) have no second measurement and are not counted.",
    },
    # --- power and diagnostics ------------------------------------------------
    "estimate.power.bad_levels": {
        "nl": "alpha en power moeten tussen 0 en 1 liggen.",
        "en": "alpha and power must lie between 0 and 1.",
    },
    "estimate.power.bad_sizes": {
        "nl": "Het aantal deelnemers en de standaarddeviatie moeten groter dan 0 zijn.",
        "en": "The number of participants and the standard deviation must be above 0.",
    },
    "estimate.power.no_control": {
        "nl": "Voor dit ontwerp is een vergelijkingsgroep nodig (n_control > 0).",
        "en": "This design needs a comparison group (n_control > 0).",
    },
    "estimate.power.bad_corr": {
        "nl": "ICC moet in [0, 1) liggen en de voor-na-correlatie in (-1, 1).",
        "en": "ICC must lie in [0, 1) and the before-after correlation in (-1, 1).",
    },
    "estimate.power.few_clusters": {
        "nl": "Met minder dan 3 clusters is geen detecteerbaar effect te berekenen.",
        "en": "With fewer than 3 clusters no detectable effect can be computed.",
    },
    "estimate.diag.two_groups": {
        "nl": "De groepskolom moet precies twee waarden hebben (deelnemers en vergelijking), niet {found}.",
        "en": "The group column must have exactly two values (treated and comparison), not {found}.",
    },
    "estimate.diag.one_period": {
        "nl": "Er is maar één periode; uitval is pas te zien met een vervolgmeting.",
        "en": "There is only one period; attrition needs a follow-up measurement.",
    },
    "estimate.summary.warnings": {"nl": "Let op", "en": "Note"},
    "estimate.summary.effect": {"nl": "Effect", "en": "Effect"},
    "estimate.summary.interval": {"nl": "95%-interval", "en": "95% interval"},
    "estimate.summary.method": {"nl": "Methode", "en": "Method"},
    "estimate.summary.reason": {"nl": "Waarom", "en": "Why"},
    "estimate.summary.n_obs": {"nl": "Waarnemingen", "en": "Observations"},
    "estimate.summary.n_clusters": {"nl": "Clusters", "en": "Clusters"},
    "estimate.summary.n_units": {"nl": "Eenheden", "en": "Units"},
}
