"""Texts of area programmes: synthetic DiD, few-wijk inference, CBS import."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- synthetic DiD / synthetic control ------------------------------------
    "estimate.sdid.title_synthdid": {
        "nl": "Synthetisch verschil-in-verschillen",
        "en": "Synthetic difference-in-differences",
    },
    "estimate.sdid.title_synthetic_control": {
        "nl": "Synthetische controle",
        "en": "Synthetic control",
    },
    "estimate.sdid.title_did": {
        "nl": "Verschil-in-verschillen (gelijke gewichten)",
        "en": "Difference-in-differences (equal weights)",
    },
    "estimate.sdid.treated": {"nl": "Behandelde eenheden", "en": "Treated units"},
    "estimate.sdid.donors": {
        "nl": "Grootste gewichten",
        "en": "Largest weights",
    },
    "estimate.sdid.missing": {
        "nl": "Kolom '{outcome}' of '{treated}' heeft lege waarden; synthetisch verschil-in-verschillen heeft voor elke eenheid elke periode nodig.",
        "en": "Column '{outcome}' or '{treated}' has missing values; synthetic difference-in-differences needs every unit in every period.",
    },
    "estimate.sdid.unbalanced": {
        "nl": "Niet elke {unit} heeft een waarde in elke {time}. Vul de ontbrekende perioden aan of laat die eenheden weg.",
        "en": "Not every {unit} has a value in every {time}. Fill in the missing periods or leave those units out.",
    },
    "estimate.sdid.no_treated": {
        "nl": "Kolom '{column}' markeert geen enkele behandelde periode (1).",
        "en": "Column '{column}' marks no treated period (1).",
    },
    "estimate.sdid.no_control": {
        "nl": "Elke eenheid is ergens behandeld volgens '{column}'; er is geen vergelijking.",
        "en": "Every unit is treated at some point according to '{column}'; there is no comparison.",
    },
    "estimate.sdid.one_start": {
        "nl": "Volgens '{column}' starten de behandelde eenheden niet allemaal in dezelfde periode (of stoppen ze weer). Deze methode vraagt één startdatum; gebruik anders de gespreide analyse.",
        "en": "According to '{column}' the treated units do not all start in the same period (or they stop again). This method needs one start date; otherwise use the staggered analysis.",
    },
    "estimate.sdid.too_few_pre": {
        "nl": "Er zijn maar {periods} perioden vóór de start; er zijn er minstens 2 nodig om een vergelijking op te bouwen.",
        "en": "There are only {periods} periods before the start; at least 2 are needed to build a comparison.",
    },
    "estimate.sdid.placebo_auto": {
        "nl": "Placebo-methode: de behandelde plaats is {treated} keer per herhaling aan een van de {controls} vergelijkingseenheden gegeven; de spreiding daarvan is de onzekerheid (Arkhangelsky e.a. 2021, alg. 4). Dat veronderstelt dat de vergelijkingseenheden even grillig zijn als de behandelde.",
        "en": "Placebo method: the treated place was given to one of the {controls} comparison units in each repetition ({treated} treated); the spread of those estimates is the uncertainty (Arkhangelsky et al. 2021, alg. 4). This assumes the comparison units are as noisy as the treated ones.",
    },
    "estimate.sdid.placebo_placebo": {
        "nl": "Placebo-methode (gevraagd), met {controls} vergelijkingseenheden.",
        "en": "Placebo method (requested), with {controls} comparison units.",
    },
    "estimate.sdid.jackknife_auto": {
        "nl": "Jackknife: elke eenheid één keer weggelaten, gewichten vast ({treated} behandeld, {donors} vergelijkingseenheden met gewicht; Arkhangelsky e.a. 2021, alg. 3).",
        "en": "Jackknife: each unit left out once, weights fixed ({treated} treated, {donors} comparison units with weight; Arkhangelsky et al. 2021, alg. 3).",
    },
    "estimate.sdid.jackknife_jackknife": {
        "nl": "Jackknife (gevraagd), {treated} behandeld.",
        "en": "Jackknife (requested), {treated} treated.",
    },
    "estimate.sdid.declined_placebo": {
        "nl": "Geen onzekerheidsmarge: met {controls} vergelijkingseenheden is de placebo-methode niet betrouwbaar (nodig: minstens {minimum}). Voeg vergelijkingswijken toe, bijvoorbeeld uit CBS-cijfers (impact cbs import). De schatting zelf is alleen beschrijvend.",
        "en": "No uncertainty interval: with {controls} comparison units the placebo method is not reliable (needed: at least {minimum}). Add comparison neighbourhoods, e.g. from CBS statistics (impact cbs import). The estimate itself is descriptive only.",
    },
    "estimate.sdid.declined_jackknife": {
        "nl": "Geen onzekerheidsmarge: de jackknife heeft minstens 2 behandelde eenheden en 2 vergelijkingseenheden met gewicht nodig ({treated} en {donors}).",
        "en": "No uncertainty interval: the jackknife needs at least 2 treated units and 2 comparison units with weight ({treated} and {donors}).",
    },
    "estimate.sdid.none_requested": {
        "nl": "Geen onzekerheidsmarge gevraagd.",
        "en": "No uncertainty interval requested.",
    },
    # --- few-wijk inference for staggered adoption ----------------------------
    "estimate.vcov.cohort_auto": {
        "nl": "Kleine-steekproefcorrectie ({units} eenheden in {cohorts} startgroepen): spreiding per startgroep met n-1 geschat, t-verdeling met Welch-vrijheidsgraden. De gewone formule is bij zo weinig wijken te optimistisch.",
        "en": "Small-sample correction ({units} units in {cohorts} start groups): spread per start group estimated with n-1, t distribution with Welch degrees of freedom. The usual formula is too optimistic with so few areas.",
    },
    "estimate.vcov.cohort_cohort": {
        "nl": "Kleine-steekproefcorrectie (gevraagd; {units} eenheden in {cohorts} startgroepen).",
        "en": "Small-sample correction (requested; {units} units in {cohorts} start groups).",
    },
    "estimate.vcov.cohort_declined": {
        "nl": "Geen onzekerheidsmarge: {single} startgroep(en) bestaan uit één wijk, waarvan de toevallige schommeling niet te schatten is. Met één of twee behandelde wijken gebruikt Wijkimpact synthetisch verschil-in-verschillen; voeg anders vergelijkingswijken toe.",
        "en": "No uncertainty interval: {single} start group(s) consist of a single area, whose random variation cannot be estimated. With one or two treated areas Wijkimpact uses synthetic difference-in-differences; otherwise add comparison areas.",
    },
    # --- analysis, report and charts ------------------------------------------
    "analysis.sdid.no_treated": {
        "nl": "Geen enkele wijk heeft volgens de gegevens de voorziening gekregen (kolom startjaar is leeg).",
        "en": "According to the data no wijk received the service (the start year column is empty).",
    },
    "app.ana.design.sdid": {
        "nl": "Synthetische vergelijking (één of twee wijken)",
        "en": "Synthetic comparison (one or two wijken)",
    },
    "app.ana.interp.sdid": {
        "nl": "In de wijk met de voorziening veranderde de indicator {estimate} ten opzichte van een gewogen mix van vergelijkbare wijken (95%-interval {low} tot {high}).",
        "en": "In the wijk with the service the indicator changed by {estimate} relative to a weighted mix of similar wijken (95% interval {low} to {high}).",
    },
    "app.effects.design.sdid": {
        "nl": "Synthetische vergelijking per wijk",
        "en": "Synthetic comparison by wijk",
    },
    "report.design.sdid": {
        "nl": "Eén of twee wijken met een gewogen mix van vergelijkingswijken (synthetisch verschil-in-verschillen)",
        "en": "One or two neighbourhoods against a weighted mix of comparison neighbourhoods (synthetic difference-in-differences)",
    },
    "report.estimator.synthdid": {
        "nl": "synthetisch verschil-in-verschillen (Arkhangelsky e.a. 2021)",
        "en": "synthetic difference-in-differences (Arkhangelsky et al. 2021)",
    },
    "report.sdid.mix": {
        "nl": "Vergeleken met een gewogen mix van: {mix}.",
        "en": "Compared with a weighted mix of: {mix}.",
    },
    "report.fig.synthetic": {
        "nl": "{label}: de wijk met de voorziening en haar synthetische tweeling (gewogen vergelijkingswijken); de stippellijn markeert de start.",
        "en": "{label}: the neighbourhood with the service and its synthetic twin (weighted comparison neighbourhoods); the dashed line marks the start.",
    },
    "charts.sdid.treated": {
        "nl": "Wijk met voorziening",
        "en": "Wijk with the service",
    },
    "charts.sdid.synthetic": {
        "nl": "Synthetische tweeling",
        "en": "Synthetic twin",
    },
    "charts.sdid.value": {"nl": "Waarde", "en": "Value"},
    # --- CBS import --------------------------------------------------------------
    "cbs.no_file": {
        "nl": "Bestand {path} bestaat niet.",
        "en": "File {path} does not exist.",
    },
    "cbs.one_source": {
        "nl": "Geef precies één bron: --table (online via CBS Open Data) of --file (een gedownload bestand).",
        "en": "Give exactly one source: --table (online from CBS Open Data) or --file (a downloaded file).",
    },
    "cbs.not_kerncijfers": {
        "nl": "Dit is geen tabel Kerncijfers wijken en buurten: kolom(men) {missing} ontbreken. Download de tabel van CBS Open Data (bijv. 85984NED) als CSV of JSON.",
        "en": "This is not a Kerncijfers wijken en buurten table: column(s) {missing} are missing. Download the table from CBS Open Data (e.g. 85984NED) as CSV or JSON.",
    },
    "cbs.no_indicator": {
        "nl": "Indicator(en) {missing} staan niet in de tabel. Beschikbaar zijn onder meer: {available}.",
        "en": "Indicator(s) {missing} are not in the table. Available include: {available}.",
    },
    "cbs.no_regions": {
        "nl": "Geen gemeente, wijk of buurt gevonden voor {gemeenten}. Controleer de gemeentecode (GM + 4 cijfers).",
        "en": "No municipality, district or neighbourhood found for {gemeenten}. Check the municipality code (GM + 4 digits).",
    },
    "cbs.no_year": {
        "nl": "Van tabel {table} is het jaar niet bekend; geef het met --year.",
        "en": "The year of table {table} is not known; give it with --year.",
    },
    "cbs.no_client": {
        "nl": "Het pakket cbsodata is niet geïnstalleerd (pip install cbsodata); download de tabel anders van CBS Open Data en gebruik --file.",
        "en": "The cbsodata package is not installed (pip install cbsodata); otherwise download the table from CBS Open Data and use --file.",
    },
    "cbs.fetch_failed": {
        "nl": "Tabel {table} kon niet van CBS Open Data worden gehaald ({error}). Zonder internet: download het bestand en gebruik --file.",
        "en": "Table {table} could not be fetched from CBS Open Data ({error}). Offline: download the file and use --file.",
    },
    "cli.cbs_imported": {
        "nl": "CBS-tabel {table} ({year}): {names} namen ({wijken} wijken, {buurten} buurten), {observations} waarden van {indicators} opgeslagen.",
        "en": "CBS table {table} ({year}): {names} names ({wijken} wijken, {buurten} buurten), {observations} values of {indicators} stored.",
    },
}
