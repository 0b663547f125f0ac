"""Texts of social value (MKBA / SROI): parameters, units, errors."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "value.unknown_parameter": {
        "nl": "Onbekende waarderingsparameter '{name}'. Bekend zijn: {known}.",
        "en": "Unknown value parameter '{name}'. Known: {known}.",
    },
    "value.bad_index": {
        "nl": "Prijsindex voor jaar {year} is ongeldig ({value}); gebruik positieve getallen per jaartal.",
        "en": "Price index for year {year} is invalid ({value}); use positive numbers per year.",
    },
    "value.index_year_missing": {
        "nl": "De prijsindex heeft geen cijfer voor {year}. Vul dat jaar aan (CBS StatLine 83131NED); nu bekend: {years}.",
        "en": "The price index has no figure for {year}. Add that year (CBS StatLine 83131NED); known now: {years}.",
    },
    "value.no_uncertainty": {
        "nl": "Geef de standaardfout of het 95%-betrouwbaarheidsinterval van het effect; zonder onzekerheid kan de maatschappelijke waarde niet eerlijk worden getoond.",
        "en": "Give the effect's standard error or 95% confidence interval; without its uncertainty the social value cannot be shown honestly.",
    },
    "value.bad_std_error": {
        "nl": "De standaardfout van het effect moet 0 of positief zijn, niet {value}.",
        "en": "The effect's standard error must be 0 or positive, not {value}.",
    },
    "value.amount_missing": {
        "nl": "Deze parameters hebben nog geen bedrag: {keys}. Vul het bedrag in volgens de toelichting bij de parameter.",
        "en": "These parameters have no amount yet: {keys}. Fill in the amount as the parameter's derivation explains.",
    },
    "value.no_unit_values": {
        "nl": "Kies minstens één parameter met een bedrag per eenheid effect (bijvoorbeeld per voorkomen geval per jaar).",
        "en": "Choose at least one parameter with an amount per unit of effect (for example per avoided case per year).",
    },
    "value.no_participants": {
        "nl": "Er zijn geen deelnemers om de waarde over te berekenen.",
        "en": "There are no participants to compute the value for.",
    },
    "value.bad_cost": {
        "nl": "De kosten van het programma moeten een positief bedrag zijn, niet {cost}.",
        "en": "The programme's cost must be a positive amount, not {cost}.",
    },
    "value.bad_duration": {
        "nl": "Looptijd ({years} jaar) moet positief zijn en de discontovoet ({rate}) tussen 0 en 1.",
        "en": "Duration ({years} years) must be positive and the discount rate ({rate}) between 0 and 1.",
    },
    # parameter labels
    "value.param.shelter_cost_rough_sleeper": {
        "nl": "Kosten opvang per dakloze (buitenslaper)",
        "en": "Shelter costs per rough sleeper",
    },
    "value.param.shelter_cost_resident": {
        "nl": "Kosten opvang per bewoner",
        "en": "Shelter costs per resident",
    },
    "value.param.public_cost_rough_sleeper": {
        "nl": "Vermeden publieke kosten per dakloze (buitenslaper)",
        "en": "Public costs avoided per rough sleeper",
    },
    "value.param.public_cost_resident": {
        "nl": "Vermeden publieke kosten per bewoner",
        "en": "Public costs avoided per resident",
    },
    "value.param.debt_case_avoided": {
        "nl": "Baten per voorkomen geval van problematische schulden (aanname)",
        "en": "Benefit per avoided case of problematic debt (assumption)",
    },
    "value.param.loneliness_case_avoided": {
        "nl": "Vermeden extra zorgkosten per voorkomen geval van ernstige eenzaamheid (aanname)",
        "en": "Extra healthcare costs avoided per avoided case of severe loneliness (assumption)",
    },
    "value.param.loneliness_national_cost": {
        "nl": "Extra zorgkosten door ernstige eenzaamheid, landelijk",
        "en": "Extra healthcare costs of severe loneliness, national",
    },
    "value.param.return_debt_counselling": {
        "nl": "Rendement schuldhulpverlening (baten per euro)",
        "en": "Return of debt counselling (benefit per euro)",
    },
    "value.param.return_multiproblem": {
        "nl": "Rendement aanpak multiprobleemhuishoudens (baten per euro)",
        "en": "Return of multi-problem household approach (benefit per euro)",
    },
    "value.param.return_social_work_average": {
        "nl": "Gemiddeld rendement sociaal werk (baten per euro)",
        "en": "Average return of social work (benefit per euro)",
    },
    # units
    "value.unit.per_person_year": {
        "nl": "per persoon per jaar",
        "en": "per person per year",
    },
    "value.unit.per_avoided_case_year": {
        "nl": "per voorkomen geval per jaar",
        "en": "per avoided case per year",
    },
    "value.unit.per_point": {
        "nl": "per punt verandering per deelnemer",
        "en": "per point of change per participant",
    },
    "value.unit.per_year_national": {
        "nl": "per jaar, heel Nederland",
        "en": "per year, the Netherlands as a whole",
    },
    "value.unit.per_euro": {
        "nl": "euro baten per euro kosten",
        "en": "euro benefit per euro cost",
    },
    # derivations of assumption parameters
    "value.derivation.debt_case_avoided": {
        "nl": "Zelf in te vullen. Het model van Regioplan/HU (2011) rekent met 4 maanden minder bijstand per geholpen huishouden: bedrag = 4 × de maandelijkse bijstandsuitkering in het prijsjaar, plus andere vermeden kosten die u kunt onderbouwen. Vermeld bron en prijsjaar.",
        "en": "To be filled in. The Regioplan/HU (2011) model assumes 4 months less social assistance per household helped: amount = 4 × the monthly social assistance benefit in the price year, plus other avoided costs you can substantiate. State source and price year.",
    },
    "value.derivation.loneliness_case_avoided": {
        "nl": "Zelf in te vullen. Ernstige eenzaamheid gaat samen met 40–50% hogere zorgkosten (Meisters et al. 2021): bedrag = 0,40 tot 0,50 × de gemiddelde zorgkosten per volwassene per jaar (vermeld bron en prijsjaar). Dit is een samenhang, geen bewezen gevolg van eenzaamheid.",
        "en": "To be filled in. Severe loneliness goes with 40–50% higher healthcare costs (Meisters et al. 2021): amount = 0.40 to 0.50 × the average healthcare costs per adult per year (state source and price year). This is an association, not a proven consequence of loneliness.",
    },
    # notes
    "value.note.price_year_publication": {
        "nl": "Prijsjaar gelijkgesteld aan het publicatiejaar en begunstigde naar onze indeling: controleer beide in de bron.",
        "en": "Price year taken as the publication year and beneficiary as we classify it: check both in the source.",
    },
    "value.note.debt_split": {
        "nl": "Volgens de bron valt ongeveer de helft van de baten bij de gemeente; splits het bedrag zo nodig over twee parameters.",
        "en": "According to the source about half of the benefits fall to the municipality; split the amount over two parameters if needed.",
    },
    "value.note.debt_return": {
        "nl": "Baten iets meer dan 2× de kosten; het model neemt 4 maanden minder bijstand aan.",
        "en": "Benefits a little over 2× the costs; the model assumes 4 months less social assistance.",
    },
    "value.note.loneliness_extra_costs": {
        "nl": "Ernstige eenzaamheid gaat samen met 40–50% hogere zorgkosten, landelijk ongeveer € 2 miljard per jaar. Prijsjaar: controleer in de bron.",
        "en": "Severe loneliness goes with 40–50% higher healthcare costs, about €2 billion a year nationally. Price year: check the source.",
    },
    # beneficiaries
    "value.beneficiary.gemeente": {"nl": "Gemeente", "en": "Municipality"},
    "value.beneficiary.zorgverzekeraar": {
        "nl": "Zorgverzekeraar",
        "en": "Health insurer",
    },
    "value.beneficiary.rijk": {"nl": "Rijk", "en": "Central government"},
    "value.beneficiary.inwoner": {"nl": "Inwoner", "en": "Resident"},
    "value.beneficiary.publiek": {
        "nl": "Overheid (niet uitgesplitst)",
        "en": "Public sector (not split)",
    },
    "value.beneficiary.samenleving": {"nl": "Samenleving", "en": "Society"},
}
