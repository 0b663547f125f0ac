"""Texts of the app's pages: dashboard, funder view, programmes, admin."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # login: choosing the organisation
    "app.login.choose_org": {
        "nl": "U werkt voor meer dan één organisatie. Kies waarin u nu wilt werken.",
        "en": "You work for more than one organisation. Choose where you want to work now.",
    },
    "app.login.organisation": {"nl": "Organisatie", "en": "Organisation"},
    "app.login.continue": {"nl": "Verder", "en": "Continue"},
    # groups, waves, arms
    "app.group.treated": {"nl": "Deelnemers", "en": "Participants"},
    "app.group.comparison": {"nl": "Vergelijkingsgroep", "en": "Comparison group"},
    "app.wave.0": {"nl": "Voormeting", "en": "Baseline"},
    "app.wave.1": {"nl": "Nameting", "en": "Follow-up"},
    "app.wave.n": {"nl": "Meting {n}", "en": "Measurement {n}"},
    "app.arm.with": {"nl": "Wijken met voorziening", "en": "Wijken with the service"},
    "app.arm.without": {
        "nl": "Wijken zonder voorziening",
        "en": "Wijken without the service",
    },
    # chart titles and table headers
    "app.chart.group": {"nl": "Groep", "en": "Group"},
    "app.chart.programme": {"nl": "Programma", "en": "Programme"},
    "app.chart.wijk": {"nl": "Wijk", "en": "Wijk (district)"},
    "app.chart.participants": {"nl": "Aantal deelnemers", "en": "Participants"},
    "app.chart.outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "app.chart.share_improved": {
        "nl": "Aandeel vooruitgegaan",
        "en": "Share improved",
    },
    "app.chart.share_deteriorated": {
        "nl": "Aandeel achteruitgegaan",
        "en": "Share deteriorated",
    },
    "app.chart.improved": {"nl": "Vooruitgegaan", "en": "Improved"},
    "app.chart.deteriorated": {"nl": "Achteruitgegaan", "en": "Deteriorated"},
    "app.chart.share": {"nl": "Aandeel", "en": "Share"},
    "app.chart.n_pairs": {
        "nl": "Mensen met voor- en nameting",
        "en": "People with before and after",
    },
    "app.chart.n": {"nl": "Aantal mensen", "en": "Number of people"},
    "app.chart.n_areas": {"nl": "Aantal wijken", "en": "Number of wijken"},
    "app.chart.mean": {
        "nl": "Gemiddelde (ja/nee: aandeel ja)",
        "en": "Mean (yes/no: share yes)",
    },
    "app.chart.mean_before": {"nl": "Gemiddelde voor", "en": "Mean before"},
    "app.chart.mean_after": {"nl": "Gemiddelde na", "en": "Mean after"},
    "app.chart.before": {"nl": "Voor (eerste meting)", "en": "Before (first)"},
    "app.chart.after": {"nl": "Na (laatste meting)", "en": "After (last)"},
    "app.chart.moment": {"nl": "Moment", "en": "Moment"},
    "app.chart.moment_key": {
        "nl": "○ {before}   ◆ {after}",
        "en": "○ {before}   ◆ {after}",
    },
    "app.chart.wave": {"nl": "Meting", "en": "Measurement"},
    "app.chart.intake_quarter": {
        "nl": "Kwartaal van instroom",
        "en": "Quarter of intake",
    },
    "app.chart.period": {"nl": "Jaar", "en": "Year"},
    "app.chart.areas": {"nl": "Wijken", "en": "Wijken"},
    # dashboard
    "app.dash.title": {"nl": "Dashboard", "en": "Dashboard"},
    "app.dash.live": {
        "nl": "Live: nieuwe imports verschijnen binnen {seconds} seconden vanzelf.",
        "en": "Live: new imports appear by themselves within {seconds} seconds.",
    },
    "app.dash.loading": {
        "nl": "Cijfers worden bijgewerkt…",
        "en": "Updating the figures…",
    },
    "app.dash.filter.programme": {"nl": "Programma", "en": "Programme"},
    "app.dash.filter.wijk": {"nl": "Wijk", "en": "Wijk"},
    "app.dash.filter.all": {"nl": "Alle", "en": "All"},
    "app.dash.filter.period": {
        "nl": "Periode van instroom",
        "en": "Period of intake",
    },
    "app.dash.filter.period_help": {
        "nl": "Deelnemers tellen mee in het kwartaal van hun eerste meting.",
        "en": "Participants count in the quarter of their first measurement.",
    },
    "app.dash.quarter": {"nl": "{year} K{quarter}", "en": "{year} Q{quarter}"},
    "app.dash.kpi.participants": {"nl": "Deelnemers", "en": "Participants"},
    "app.dash.kpi.programmes": {"nl": "Programma's", "en": "Programmes"},
    "app.dash.kpi.wijken": {"nl": "Wijken bereikt", "en": "Wijken reached"},
    "app.dash.tab.reach": {"nl": "Bereik", "en": "Reach"},
    "app.dash.tab.outcomes": {"nl": "Uitkomsten", "en": "Outcomes"},
    "app.dash.tab.trends": {"nl": "Ontwikkeling", "en": "Trends"},
    "app.dash.reach.title": {
        "nl": "Deelnemers per wijk en programma",
        "en": "Participants per wijk and programme",
    },
    "app.dash.reach.caption": {
        "nl": "Iedereen met ten minste één meting, deelnemers en vergelijkingsgroep samen.",
        "en": "Everyone with at least one measurement, participants and comparison group together.",
    },
    "app.dash.reach.hidden": {
        "nl": "* In deze wijk zijn groepen van minder dan {min_cell} mensen verborgen; "
        "de balk telt alleen de getoonde groepen.",
        "en": "* Groups of fewer than {min_cell} people are hidden in this wijk; the bar "
        "counts only the groups shown.",
    },
    "app.dash.outcomes.title": {
        "nl": "Wie gaat er vooruit?",
        "en": "Who is improving?",
    },
    "app.dash.outcomes.caption": {
        "nl": "Alleen mensen met een eerste én een latere meting. Dit is een monitor, "
        "geen effectmeting: ook zonder programma veranderen mensen. Vergelijk daarom "
        "met de vergelijkingsgroep.",
        "en": "Only people with a first and a later measurement. This is monitoring, "
        "not an effect estimate: people change without a programme too, so compare "
        "with the comparison group.",
    },
    "app.dash.improved.title": {
        "nl": "Aandeel dat duidelijk vooruit- of achteruitging",
        "en": "Share that clearly improved or deteriorated",
    },
    "app.dash.before_after.title": {
        "nl": "Gemiddelde score voor en na",
        "en": "Mean score before and after",
    },
    "app.dash.rule.rci": {
        "nl": "vooruit = verandering groter dan meetruis (Reliable Change Index, betrouwbaarheid {reliability})",
        "en": "improved = change larger than measurement noise (Reliable Change Index, reliability {reliability})",
    },
    "app.dash.rule.mcid": {
        "nl": "vooruit = minstens {points} punten beter (kleinste belangrijke verandering)",
        "en": "improved = at least {points} points better (minimal important change)",
    },
    "app.dash.rule.binary": {
        "nl": "vooruit = van de slechte naar de goede situatie (ja/nee)",
        "en": "improved = from the bad to the good state (yes/no)",
    },
    "app.dash.rule.none": {
        "nl": "geen drempel bekend voor dit instrument: niet ingedeeld",
        "en": "no threshold known for this instrument: not classified",
    },
    "app.dash.table": {"nl": "Cijfers als tabel", "en": "Figures as a table"},
    "app.dash.empty": {
        "nl": "Nog geen gegevens voor deze selectie.",
        "en": "No data for this selection yet.",
    },
    "app.dash.nothing_shown": {
        "nl": "Niets te tonen: te weinig mensen of geen drempel bekend.",
        "en": "Nothing to show: too few people or no threshold known.",
    },
    "app.dash.effects.title": {
        "nl": "Effectschatting per programma en uitkomst",
        "en": "Effect estimate per programme and outcome",
    },
    "app.dash.effects.caption": {
        "nl": "De geschatte werking van het programma, met betrouwbaarheidsinterval. "
        "Met een vergelijkingsgroep: verschil in verandering (difference-in-differences); "
        "zonder: alleen voor-na-verandering, geen bewijs van effect.",
        "en": "The estimated effect of the programme, with its interval. With a "
        "comparison group: difference in change (difference-in-differences); "
        "without: before/after change only, no proof of an effect.",
    },
    "app.dash.effects.show": {
        "nl": "Toon effectschattingen (berekenen kan even duren)",
        "en": "Show effect estimates (may take a moment)",
    },
    "app.dash.effects.running": {
        "nl": "Effecten worden geschat…",
        "en": "Estimating effects…",
    },
    "app.effects.col.design": {"nl": "Opzet", "en": "Design"},
    "app.effects.col.estimate": {"nl": "Effect", "en": "Effect"},
    "app.effects.col.interval": {"nl": "95%-interval", "en": "95% interval"},
    "app.effects.col.inference": {"nl": "Methode", "en": "Method"},
    "app.effects.col.evidence": {"nl": "Bewijskracht", "en": "Strength of evidence"},
    "app.effects.col.note": {"nl": "Opmerking", "en": "Note"},
    "app.effects.design.did": {
        "nl": "Verschil in verandering met vergelijkingsgroep",
        "en": "Difference in change vs comparison group",
    },
    "app.effects.design.prepost": {
        "nl": "Voor-na (geen vergelijkingsgroep)",
        "en": "Before/after (no comparison group)",
    },
    "app.effects.design.staggered": {
        "nl": "Gespreide invoering per wijk",
        "en": "Staggered roll-out by wijk",
    },
    "app.effects.suppressed": {
        "nl": "Niet getoond: een groep telt minder dan {min_cell} mensen.",
        "en": "Not shown: a group has fewer than {min_cell} people.",
    },
    "app.dash.trend.title": {"nl": "Ontwikkeling in de tijd", "en": "Trends over time"},
    "app.dash.trend.waves": {
        "nl": "Gemiddelde score per meting",
        "en": "Mean score per measurement",
    },
    "app.dash.trend.periods": {
        "nl": "Aandeel vooruit- en achteruitgegaan per kwartaal van instroom",
        "en": "Share improved and deteriorated by quarter of intake",
    },
    "app.dash.trend.periods_caption": {
        "nl": "Kwartalen met minder dan {n} mensen met een voor- en nameting zijn weggelaten.",
        "en": "Quarters with fewer than {n} people with a before and after are left out.",
    },
    "app.dash.trend.area": {
        "nl": "Wijkcijfers per jaar",
        "en": "Wijk figures per year",
    },
    "app.dash.trend.area_caption": {
        "nl": "Gemiddelde over de wijken, met en zonder de voorziening (ooit gestart).",
        "en": "Mean over the wijken, with and without the service (ever started).",
    },
    # funder view
    "app.funder.title": {
        "nl": "Gefinancierde programma's",
        "en": "Funded programmes",
    },
    "app.funder.caption": {
        "nl": "{org} · alleen totalen van de programma's die u financiert",
        "en": "{org} · totals only, for the programmes you fund",
    },
    "app.funder.suppression": {
        "nl": "Cijfers over minder dan {min_cell} mensen worden niet getoond "
        "(weergegeven als \u201c< {min_cell}\u201d) om deelnemers te beschermen.",
        "en": "Figures about fewer than {min_cell} people are not shown "
        "(displayed as \u201c< {min_cell}\u201d) to protect participants.",
    },
    # programmes editor
    "app.prog.edit.title": {
        "nl": "Programma aanmaken of wijzigen",
        "en": "Create or edit a programme",
    },
    "app.prog.edit.choose": {"nl": "Programma", "en": "Programme"},
    "app.prog.edit.new": {"nl": "+ Nieuw programma", "en": "+ New programme"},
    "app.prog.field.name": {"nl": "Naam", "en": "Name"},
    "app.prog.field.theme": {"nl": "Thema", "en": "Theme"},
    "app.prog.field.target_group": {"nl": "Doelgroep", "en": "Target group"},
    "app.prog.field.design": {"nl": "Opzet", "en": "Design"},
    "app.prog.design.participant": {
        "nl": "Deelnemers (metingen per persoon)",
        "en": "Participants (measurements per person)",
    },
    "app.prog.design.area": {
        "nl": "Gebied (cijfers per wijk)",
        "en": "Area (figures per wijk)",
    },
    "app.prog.field.start": {"nl": "Startdatum", "en": "Start date"},
    "app.prog.field.end": {"nl": "Einddatum", "en": "End date"},
    "app.prog.field.cost": {"nl": "Kosten per jaar (€)", "en": "Yearly cost (€)"},
    "app.prog.field.wijken": {"nl": "Wijken (CBS-codes)", "en": "Wijken (CBS codes)"},
    "app.prog.field.wijken_help": {
        "nl": "Eén wijkcode per regel, bijvoorbeeld WK036307.",
        "en": "One wijk code per line, for example WK036307.",
    },
    "app.prog.save": {"nl": "Opslaan", "en": "Save"},
    "app.prog.saved": {
        "nl": "Programma '{name}' is opgeslagen.",
        "en": "Programme '{name}' was saved.",
    },
    "app.prog.error.name": {
        "nl": "Geef het programma een naam (hoogstens {maximum} tekens).",
        "en": "Give the programme a name (at most {maximum} characters).",
    },
    "app.prog.error.duplicate": {
        "nl": "Er is al een programma met de naam '{name}'. Kies een andere naam.",
        "en": "There is already a programme called '{name}'. Choose another name.",
    },
    "app.prog.error.dates": {
        "nl": "De einddatum ligt vóór de startdatum. Pas een van beide aan.",
        "en": "The end date is before the start date. Change one of them.",
    },
    "app.prog.error.cost": {
        "nl": "De kosten per jaar kunnen niet negatief zijn.",
        "en": "The yearly cost cannot be negative.",
    },
    "app.prog.error.wijk": {
        "nl": "'{code}' is geen wijkcode. Gebruik WK gevolgd door zes tekens, bijvoorbeeld WK036307.",
        "en": "'{code}' is not a wijk code. Use WK followed by six characters, for example WK036307.",
    },
    # import
    "app.imp.title": {"nl": "Importeren", "en": "Import"},
    "app.imp.template.title": {"nl": "1. Sjabloon", "en": "1. Template"},
    "app.imp.template.kind": {"nl": "Soort gegevens", "en": "Kind of data"},
    "app.imp.kind.participant": {
        "nl": "Deelnemers (metingen per persoon)",
        "en": "Participants (measurements per person)",
    },
    "app.imp.kind.area": {"nl": "Wijkcijfers", "en": "Wijk figures"},
    "app.imp.template.download": {
        "nl": "Download leeg sjabloon (Excel)",
        "en": "Download empty template (Excel)",
    },
    "app.imp.upload.title": {"nl": "2. Bestand uploaden", "en": "2. Upload a file"},
    "app.imp.upload.label": {
        "nl": "Excel- of CSV-bestand (het sjabloon of uw eigen indeling)",
        "en": "Excel or CSV file (the template or your own layout)",
    },
    "app.imp.preview": {"nl": "Eerste rijen", "en": "First rows"},
    "app.imp.mapping": {"nl": "Kolommen koppelen", "en": "Match the columns"},
    "app.imp.mapping_help": {
        "nl": "Controleer bij elke kolom wat erin staat; pas het aan waar het niet klopt. "
        "Kolommen met namen of adressen worden niet opgeslagen.",
        "en": "Check what each column holds; change it where it is wrong. Columns "
        "with names or addresses are never stored.",
    },
    "app.imp.col.header": {"nl": "Kolom in uw bestand", "en": "Column in your file"},
    "app.imp.col.field": {"nl": "Betekenis", "en": "Meaning"},
    "app.imp.col.severity": {"nl": "Soort", "en": "Kind"},
    "app.imp.col.sheet": {"nl": "Blad", "en": "Sheet"},
    "app.imp.col.row": {"nl": "Rij", "en": "Row"},
    "app.imp.col.column": {"nl": "Kolom", "en": "Column"},
    "app.imp.col.message": {"nl": "Wat is er mis", "en": "What is wrong"},
    "app.imp.col.batch": {"nl": "Import", "en": "Import"},
    "app.imp.col.created_at": {"nl": "Tijdstip", "en": "When"},
    "app.imp.col.filename": {"nl": "Bestand", "en": "File"},
    "app.imp.col.rows": {"nl": "Rijen", "en": "Rows"},
    "app.imp.col.inserted": {"nl": "Nieuw opgeslagen", "en": "Newly stored"},
    "app.imp.col.status": {"nl": "Status", "en": "Status"},
    "app.imp.severity.error": {"nl": "Fout", "en": "Error"},
    "app.imp.severity.warning": {"nl": "Waarschuwing", "en": "Warning"},
    "app.imp.status.imported": {"nl": "Geïmporteerd", "en": "Imported"},
    "app.imp.status.undone": {"nl": "Teruggedraaid", "en": "Undone"},
    "app.imp.refused": {
        "nl": "Dit bestand kan nog niet worden geïmporteerd: {n} punt(en) hieronder. "
        "Er is niets opgeslagen.",
        "en": "This file cannot be imported yet: {n} point(s) below. Nothing was stored.",
    },
    "app.imp.warnings": {
        "nl": "Het bestand kan worden geïmporteerd, maar let op {n} waarschuwing(en).",
        "en": "The file can be imported, but note {n} warning(s).",
    },
    "app.imp.marked": {
        "nl": "Download uw bestand met de problemen gemarkeerd",
        "en": "Download your file with the problems marked",
    },
    "app.imp.ready": {
        "nl": "Alles gecontroleerd: {rows} metingen klaar om op te slaan.",
        "en": "Everything checked: {rows} measurements ready to store.",
    },
    "app.imp.confirm": {"nl": "3. Importeren", "en": "3. Import"},
    "app.imp.progress": {"nl": "Bezig met opslaan…", "en": "Storing…"},
    "app.imp.result.imported": {
        "nl": "Import {batch} klaar: {rows} rijen gelezen, {inserted} nieuw opgeslagen, "
        "{skipped} stonden er al, {people} nieuwe deelnemers.",
        "en": "Import {batch} done: {rows} rows read, {inserted} newly stored, "
        "{skipped} were already there, {people} new participants.",
    },
    "app.imp.result.unchanged": {
        "nl": "Dit bestand was al geïmporteerd; er is niets veranderd ({rows} rijen).",
        "en": "This file was imported before; nothing changed ({rows} rows).",
    },
    "app.imp.result.dry_run": {
        "nl": "Proefimport: {inserted} van {rows} rijen zouden nieuw zijn.",
        "en": "Dry run: {inserted} of {rows} rows would be new.",
    },
    "app.imp.history": {"nl": "Eerdere imports", "en": "Earlier imports"},
    "app.imp.history_empty": {"nl": "Nog geen imports.", "en": "No imports yet."},
    "app.imp.undo_choose": {
        "nl": "Import terugdraaien",
        "en": "Undo an import",
    },
    "app.imp.undo": {"nl": "Terugdraaien", "en": "Undo"},
    "app.imp.undo_sure": {
        "nl": "Ja, verwijder alles wat import #{batch} toevoegde",
        "en": "Yes, remove everything import #{batch} added",
    },
    "app.imp.undo_placeholder": {
        "nl": "Kies een import",
        "en": "Choose an import",
    },
    "app.imp.undone": {
        "nl": "Import {batch} is teruggedraaid: {removed} rijen verwijderd.",
        "en": "Import {batch} was undone: {removed} rows removed.",
    },
    # analysis
    "app.ana.title": {"nl": "Analyse", "en": "Analysis"},
    "app.ana.caption": {
        "nl": "Leg eerst vast wat u gaat schatten; pas daarna ziet u de uitkomst. "
        "Zo kan niemand achteraf het gunstigste resultaat kiezen.",
        "en": "First lock what you will estimate; only then do you see the result. "
        "That way nobody can pick the most favourable result afterwards.",
    },
    "app.ana.step1": {"nl": "1. Analyseplan", "en": "1. Analysis plan"},
    "app.ana.step2": {"nl": "2. Schatten", "en": "2. Estimate"},
    "app.ana.design": {"nl": "Opzet", "en": "Design"},
    "app.ana.design.auto": {
        "nl": "Automatisch (uit de gegevens)",
        "en": "Automatic (from the data)",
    },
    "app.ana.design.prepost": {
        "nl": "Voor-na, zonder vergelijkingsgroep",
        "en": "Before/after, no comparison group",
    },
    "app.ana.design.did": {
        "nl": "Verschil in verandering (2x2 DiD)",
        "en": "Difference in differences (2x2)",
    },
    "app.ana.design.staggered": {
        "nl": "Gespreide invoering per wijk (met event study)",
        "en": "Staggered roll-out by wijk (with event study)",
    },
    "app.ana.lock_help": {
        "nl": "Een vastgelegd plan wordt met een vingerafdruk bewaard en in het auditlog genoteerd.",
        "en": "A locked plan is stored with a fingerprint and recorded in the audit log.",
    },
    "app.ana.lock": {"nl": "Leg analyseplan vast", "en": "Lock the analysis plan"},
    "app.ana.locked": {
        "nl": "Plan {plan} is vastgelegd (vingerafdruk {sha}…).",
        "en": "Plan {plan} is locked (fingerprint {sha}…).",
    },
    "app.ana.no_plans": {
        "nl": "Nog geen vastgelegd plan. Leg eerst een plan vast.",
        "en": "No locked plan yet. Lock a plan first.",
    },
    "app.ana.plan": {"nl": "Vastgelegd plan", "en": "Locked plan"},
    "app.ana.plan_label": {
        "nl": "#{plan} · {programme} · {outcome} · {design}",
        "en": "#{plan} · {programme} · {outcome} · {design}",
    },
    "app.ana.run": {"nl": "Bereken de schatting", "en": "Compute the estimate"},
    "app.ana.diagnostics": {"nl": "Controles", "en": "Diagnostics"},
    "app.ana.n_treated": {
        "nl": "Deelnemers (of wijken met voorziening)",
        "en": "Participants (or wijken with the service)",
    },
    "app.ana.n_comparison": {
        "nl": "Vergelijkingsgroep (of wijken zonder)",
        "en": "Comparison group (or wijken without)",
    },
    "app.ana.pretrend": {
        "nl": "Toets gelijke trends vóór de start (p)",
        "en": "Test of parallel trends before the start (p)",
    },
    "app.ana.event": {
        "nl": "Effect per periode rond de start (event study)",
        "en": "Effect per period around the start (event study)",
    },
    "app.ana.interp.did": {
        "nl": "Deelnemers veranderden gemiddeld {estimate} punten anders dan de vergelijkingsgroep (95%-interval {low} tot {high}).",
        "en": "Participants changed on average {estimate} points differently from the comparison group (95% interval {low} to {high}).",
    },
    "app.ana.interp.prepost": {
        "nl": "Deelnemers veranderden gemiddeld {estimate} punten tussen de eerste en laatste meting (95%-interval {low} tot {high}); zonder vergelijkingsgroep is dit geen effect van het programma.",
        "en": "Participants changed on average {estimate} points between first and last measurement (95% interval {low} to {high}); without a comparison group this is not an effect of the programme.",
    },
    "app.ana.interp.staggered": {
        "nl": "In wijken met de voorziening veranderde de indicator gemiddeld {estimate} ten opzichte van wijken zonder (95%-interval {low} tot {high}).",
        "en": "In wijken with the service the indicator changed on average {estimate} relative to wijken without (95% interval {low} to {high}).",
    },
    "app.ana.interp.better": {
        "nl": "Het hele interval wijst op verbetering.",
        "en": "The whole interval points to improvement.",
    },
    "app.ana.interp.worse": {
        "nl": "Het hele interval wijst op verslechtering.",
        "en": "The whole interval points to deterioration.",
    },
    "app.ana.interp.unclear": {
        "nl": "Het interval bevat 0: met deze gegevens is niet te zeggen of er een effect is.",
        "en": "The interval includes 0: these data cannot tell whether there is an effect.",
    },
    "app.ana.interp.none": {
        "nl": "Voor deze gegevens is geen betrouwbare schatting met interval mogelijk; zie de reden hieronder.",
        "en": "No trustworthy estimate with an interval is possible for these data; see the reason below.",
    },
    "app.plan.not_found": {
        "nl": "Analyseplan {plan} bestaat niet (voor deze organisatie).",
        "en": "Analysis plan {plan} does not exist (for this organisation).",
    },
    "app.plan.changed": {
        "nl": "Analyseplan {plan} is na het vastleggen gewijzigd en wordt niet uitgevoerd.",
        "en": "Analysis plan {plan} was changed after it was locked and is not run.",
    },
    # reports
    "app.rep.title": {"nl": "Rapporten", "en": "Reports"},
    "app.rep.caption": {
        "nl": "Een bewijsrapport per programma: bereik, effecten met interval, "
        "methode en bewijskracht.",
        "en": "An evidence report per programme: reach, effects with intervals, "
        "method and strength of evidence.",
    },
    "app.rep.format": {"nl": "Formaat", "en": "Format"},
    "app.rep.make": {"nl": "Maak rapport", "en": "Make report"},
    "app.rep.making": {
        "nl": "Rapport wordt gemaakt…",
        "en": "Making the report…",
    },
    "app.rep.download": {"nl": "Download {name}", "en": "Download {name}"},
    # admin
    "app.admin.title": {"nl": "Beheer", "en": "Administration"},
    "app.admin.tab.users": {"nl": "Gebruikers en rollen", "en": "Users and roles"},
    "app.admin.tab.instruments": {"nl": "Eigen instrumenten", "en": "Own instruments"},
    "app.admin.tab.values": {"nl": "Waardeparameters", "en": "Value parameters"},
    "app.admin.tab.audit": {"nl": "Auditlog", "en": "Audit log"},
    "app.admin.col.email": {"nl": "E-mailadres", "en": "E-mail address"},
    "app.admin.col.role": {"nl": "Rol", "en": "Role"},
    "app.admin.col.active": {"nl": "Actief", "en": "Active"},
    "app.admin.col.code": {"nl": "Code", "en": "Code"},
    "app.admin.col.name": {"nl": "Naam", "en": "Name"},
    "app.admin.col.kind": {"nl": "Soort", "en": "Kind"},
    "app.admin.col.range": {"nl": "Bereik", "en": "Range"},
    "app.admin.col.direction": {"nl": "Richting", "en": "Direction"},
    "app.admin.col.key": {"nl": "Sleutel", "en": "Key"},
    "app.admin.col.label": {"nl": "Omschrijving", "en": "Description"},
    "app.admin.col.amount": {"nl": "Bedrag (€)", "en": "Amount (€)"},
    "app.admin.col.unit": {"nl": "Eenheid", "en": "Unit"},
    "app.admin.col.year": {"nl": "Prijsjaar", "en": "Price year"},
    "app.admin.col.beneficiary": {"nl": "Baathouder", "en": "Beneficiary"},
    "app.admin.col.source": {"nl": "Bron", "en": "Source"},
    "app.admin.col.when": {"nl": "Tijdstip", "en": "When"},
    "app.admin.col.actor": {"nl": "Door", "en": "By"},
    "app.admin.col.action": {"nl": "Actie", "en": "Action"},
    "app.admin.col.detail": {"nl": "Details", "en": "Details"},
    "app.admin.users.add": {
        "nl": "Gebruiker toevoegen of rol wijzigen",
        "en": "Add a user or change a role",
    },
    "app.admin.users.add_help": {
        "nl": "Het adres krijgt de gekozen rol in deze organisatie. Het wachtwoord geldt "
        "alleen als er voor dit adres nog geen account bestaat; van een bestaand "
        "account verandert alleen de rol hier, nooit het wachtwoord.",
        "en": "The address gets the chosen role in this organisation. The password "
        "only applies when the address has no account yet; of an existing account "
        "only the role here changes, never the password.",
    },
    "app.admin.users.password": {
        "nl": "Wachtwoord (alleen voor een nieuw account)",
        "en": "Password (new accounts only)",
    },
    "app.admin.users.submit": {"nl": "Opslaan", "en": "Save"},
    "app.admin.users.saved": {
        "nl": "{email} heeft de rol {role} in deze organisatie.",
        "en": "{email} has the role {role} in this organisation.",
    },
    "app.admin.error.last_admin": {
        "nl": "Dit is de laatste beheerder van de organisatie. Maak eerst iemand anders beheerder.",
        "en": "This is the organisation's last administrator. Make someone else administrator first.",
    },
    "app.admin.instruments.add": {
        "nl": "Eigen instrument toevoegen of wijzigen",
        "en": "Add or change an own instrument",
    },
    "app.admin.instruments.min": {"nl": "Laagste score", "en": "Lowest score"},
    "app.admin.instruments.max": {"nl": "Hoogste score", "en": "Highest score"},
    "app.admin.instruments.binary_help": {
        "nl": "Bij ja/nee is het bereik altijd 0 (nee) tot 1 (ja).",
        "en": "For yes/no the range is always 0 (no) to 1 (yes).",
    },
    "app.admin.instruments.submit": {"nl": "Opslaan", "en": "Save"},
    "app.admin.instruments.saved": {
        "nl": "Instrument '{code}' is opgeslagen.",
        "en": "Instrument '{code}' was saved.",
    },
    "app.admin.kind.numeric": {"nl": "Getal", "en": "Number"},
    "app.admin.kind.binary": {"nl": "Ja/nee", "en": "Yes/no"},
    "app.admin.direction.higher_better": {
        "nl": "Hoger is beter",
        "en": "Higher is better",
    },
    "app.admin.direction.higher_worse": {
        "nl": "Hoger is slechter",
        "en": "Higher is worse",
    },
    "app.admin.error.instrument_name": {
        "nl": "Geef het instrument een code en een naam.",
        "en": "Give the instrument a code and a name.",
    },
    "app.admin.error.range": {
        "nl": "De laagste score moet lager zijn dan de hoogste score.",
        "en": "The lowest score must be below the highest score.",
    },
    "app.admin.values.help": {
        "nl": "Bedragen voor de maatschappelijke kosten-batenanalyse, met prijsjaar en bron.",
        "en": "Amounts for the social cost-benefit analysis, with price year and source.",
    },
    "app.admin.values.edit": {
        "nl": "Parameter toevoegen of wijzigen",
        "en": "Add or change a parameter",
    },
    "app.admin.values.new": {"nl": "+ Nieuwe parameter", "en": "+ New parameter"},
    "app.admin.values.submit": {"nl": "Opslaan", "en": "Save"},
    "app.admin.values.saved": {
        "nl": "Parameter '{key}' is opgeslagen.",
        "en": "Parameter '{key}' was saved.",
    },
    "app.admin.error.value_key": {
        "nl": "Geef de parameter een sleutel en een omschrijving.",
        "en": "Give the parameter a key and a description.",
    },
    "app.admin.error.value_year": {
        "nl": "Het prijsjaar moet tussen {low} en {high} liggen.",
        "en": "The price year must lie between {low} and {high}.",
    },
    "app.admin.audit.help": {
        "nl": "Wie deed wat en wanneer (alleen-lezen, nieuwste eerst).",
        "en": "Who did what and when (read-only, newest first).",
    },
}
