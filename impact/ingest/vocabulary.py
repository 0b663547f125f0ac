"""Words users write: header synonyms and labels for group, wave and rater.

Everything is compared after :func:`impact.domain.instruments.normalise_code`
(lower case, accents dropped, words joined by ``_``), so ``"Cliënt-nummer"``,
``"clientnummer"`` and ``"CLIENT NUMMER"`` all match.
"""

from __future__ import annotations

import re
from functools import cache

from impact.domain.instruments import normalise_code

PARTICIPANT_FIELDS: tuple[str, ...] = (
    "client_ref",
    "programme",
    "group",
    "wijk",
    "instrument",
    "domain",
    "date",
    "wave",
    "value",
    "rated_by",
)
AREA_FIELDS: tuple[str, ...] = (
    "programme",
    "area_code",
    "period",
    "indicator",
    "value",
    "first_treated",
)
IGNORE, PERSONAL = "ignore", "personal"
MAX_HEADER_WORDS = 5


def _words(text: str) -> list[str]:
    return text.split()


_SYNONYMS: dict[str, str] = {
    "client_ref": (
        "clientnummer client_nummer clientnr client_nr client client_id clientid "
        "client_ref client_referentie clientreferentie clientcode client_code "
        "deelnemer deelnemernummer deelnemersnummer deelnemer_id deelnemer_nr "
        "deelnemernr participant participant_id participant_ref respondent "
        "respondent_id dossiernummer dossier dossier_nr dossiernr "
        "registratienummer id referentie reference ref person_id persoon_id "
        "case_id casenummer huishouden_id huishoudnummer cliënt"
    ),
    "programme": (
        "programma programme program project projectnaam programmanaam "
        "programme_name program_name project_name"
    ),
    "group": (
        "groep group conditie condition arm onderzoeksgroep studiegroep "
        "study_group treatment_group groepsindeling"
    ),
    "wijk": (
        "wijk wijkcode wijknaam buurt buurtcode buurtnaam gebied neighbourhood "
        "neighborhood district area stadsdeel naam_wijk wijk_code"
    ),
    "instrument": (
        "instrument meetinstrument vragenlijst questionnaire measure schaal "
        "scale uitkomstmaat outcome_measure"
    ),
    "domain": (
        "domein domain dimensie dimension leefgebied levensdomein subschaal subscale"
    ),
    "date": (
        "datum date meetdatum datum_meting afnamedatum measurement_date "
        "invuldatum peildatum datum_afname date_measured"
    ),
    "wave": (
        "meetmoment moment wave meting tijdstip timepoint time_point fase ronde "
        "round golf meetronde"
    ),
    "value": "score waarde value resultaat result uitkomst outcome antwoord",
    "rated_by": (
        "beoordeeld_door ingevuld_door rated_by invuller beoordelaar rater "
        "informant respondent_type"
    ),
    "area_code": (
        "gebiedscode area_code gebied_code wijkcode buurtcode code "
        "regiocode region_code cbs_code"
    ),
    "period": "periode period jaar year peiljaar maand month peildatum",
    "indicator": "indicator kengetal",
    "first_treated": (
        "eerste_periode_interventie eerste_jaar_interventie start_interventie "
        "first_treated behandeld_vanaf interventie_vanaf startjaar startperiode "
        "start_periode treatment_start cohort gestart_in"
    ),
}

_PERSONAL_TOKENS = frozenset(
    _words(
        "naam name voornaam achternaam roepnaam tussenvoegsel voorletters surname "
        "firstname lastname fullname adres address straat straatnaam street huisnummer "
        "postcode zipcode zip postal geboortedatum gebdatum dob birthdate birthday "
        "telefoon telefoonnummer phone mobiel mobile email mail emailadres bsn "
        "burgerservicenummer sofinummer iban"
    )
)
_PERSONAL_PAIRS = frozenset(
    {"date_of_birth", "birth_date", "first_name", "last_name", "e_mail", "geb_datum"}
)

_GROUP_WORDS = {
    "treated": (
        "treated deelnemer deelnemers interventie interventiegroep behandeld "
        "behandelgroep experiment experimenteel experimental treatment "
        "intervention participant participants deelname ja yes 1"
    ),
    "comparison": (
        "comparison vergelijkingsgroep vergelijking controle controlegroep control "
        "control_group wachtlijst wachtlijstgroep waiting_list waitlist wachtend "
        "niet_deelnemer nee no 0"
    ),
}
_RATER_WORDS = {
    "professional": (
        "professional professioneel hulpverlener medewerker begeleider consulent "
        "wijkwerker prof staff worker"
    ),
    "self": "self zelf client deelnemer zelfrapportage self_report eigen",
}
_WAVE_ZERO = frozenset(
    _words(
        "voormeting nulmeting beginmeting intake baseline pre start begin "
        "startmeting instroom aanvang voor vm voor_meting before pre_test pretest "
        "intakemeting eerste_meting first"
    )
)
_WAVE_ONE = (
    "nameting eindmeting afsluiting follow_up followup post vervolgmeting "
    "uitstroom einde eind na nm na_meting evaluatie eindevaluatie evaluation "
    "after end post_test posttest tweede_meting second final"
)
_WAVE_NUMBERED = re.compile(
    r"^(?:t|w|wave|meting|golf|meetmoment|moment|ronde|round|time)_?(\d{1,2})$"
)
_WAVE_LATER = re.compile(rf"^(?:{'|'.join(_WAVE_ONE.split())})_?(\d{{1,2}})?$")


@cache
def synonyms() -> dict[str, str]:
    """Normalised header → field (area-only fields kept apart by the caller)."""
    out: dict[str, str] = {}
    for fieldname, words in _SYNONYMS.items():
        for word in words.split():
            out.setdefault(normalise_code(word), fieldname)
    return out


def field_for(header: str, kind: str) -> str | None:
    """The canonical field a header names, for a participant or an area file."""
    code = normalise_code(header)
    if kind == "area":
        for fieldname in ("area_code", "period", "indicator", "first_treated"):
            if code in _SYNONYMS[fieldname].split():
                return fieldname
        if code in _SYNONYMS["wijk"].split():
            return "area_code"
    found = synonyms().get(code)
    if found is None:
        return None
    allowed = AREA_FIELDS if kind == "area" else PARTICIPANT_FIELDS
    return found if found in allowed else None


def is_personal_header(header: str) -> bool:
    code = normalise_code(header)
    tokens = code.split("_")
    if len(tokens) > MAX_HEADER_WORDS:
        return False  # a sentence, not a column header
    if any(tok in _PERSONAL_TOKENS for tok in tokens):
        return True
    return any(
        "_".join(tokens[i : i + 3]) in _PERSONAL_PAIRS for i in range(len(tokens))
    )


def _label_table(words: dict[str, str]) -> dict[str, str]:
    return {normalise_code(w): key for key, text in words.items() for w in text.split()}


_GROUPS = _label_table(_GROUP_WORDS)
_RATERS = _label_table(_RATER_WORDS)


def parse_group(text: str) -> str | None:
    return _GROUPS.get(normalise_code(text))


def parse_rater(text: str) -> str | None:
    return _RATERS.get(normalise_code(text))


def parse_wave(text: str) -> int | None:
    """``voormeting``/``T0`` → 0, ``nameting``/``T1`` → 1, ``nameting 2`` → 2."""
    code = normalise_code(text)
    if code.isdigit():
        number = int(code)
        return number if number < 100 else None
    if code in _WAVE_ZERO:
        return 0
    if m := _WAVE_NUMBERED.match(code):
        return int(m[1])
    if m := _WAVE_LATER.match(code):
        return int(m[1]) if m[1] else 1
    return None


def split_wave(code: str) -> tuple[str, int] | None:
    """``financien_voormeting`` → (``financien``, 0); ``t1_pg`` → (``pg``, 1)."""
    tokens = code.split("_")
    for cut in range(1, len(tokens)):
        head, tail = "_".join(tokens[:cut]), "_".join(tokens[cut:])
        wave = parse_wave(tail)
        if wave is not None and not tail.isdigit():
            return head, wave
        wave = parse_wave(head)
        if wave is not None and not head.isdigit():
            return tail, wave
    return None
