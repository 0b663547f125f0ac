"""The instrument registry: shipped instruments and organisation-defined ones.

Scores only: item texts of licensed instruments are not shipped. Outcomes Star is
deliberately absent (its licence forbids building it into software).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from impact.errors import DataError

Direction = Literal["higher_better", "higher_worse"]
Kind = Literal["numeric", "binary"]

ZRM_DOMAINS: tuple[str, ...] = (
    "financien",
    "werk_opleiding",
    "tijdsbesteding",
    "huisvesting",
    "huiselijke_relaties",
    "geestelijke_gezondheid",
    "lichamelijke_gezondheid",
    "verslaving",
    "basale_adl",
    "instrumentele_adl",
    "sociaal_netwerk",
    "maatschappelijke_participatie",
    "justitie",
)
PG_DOMAINS: tuple[str, ...] = (
    "lichaamsfuncties",
    "mentaal_welbevinden",
    "zingeving",
    "kwaliteit_van_leven",
    "meedoen",
    "dagelijks_functioneren",
)

#: display labels per domain code (nl, en)
DOMAIN_LABELS: dict[str, tuple[str, str]] = {
    "financien": ("Financiën", "Finances"),
    "werk_opleiding": ("Werk & opleiding", "Work & education"),
    "tijdsbesteding": ("Tijdsbesteding", "Time use"),
    "huisvesting": ("Huisvesting", "Housing"),
    "huiselijke_relaties": ("Huiselijke relaties", "Domestic relations"),
    "geestelijke_gezondheid": ("Geestelijke gezondheid", "Mental health"),
    "lichamelijke_gezondheid": ("Lichamelijke gezondheid", "Physical health"),
    "verslaving": ("Verslaving", "Addiction"),
    "basale_adl": ("Basale ADL", "Basic ADL"),
    "instrumentele_adl": ("Instrumentele ADL", "Instrumental ADL"),
    "sociaal_netwerk": ("Sociaal netwerk", "Social network"),
    "maatschappelijke_participatie": ("Maatschappelijke participatie", "Participation"),
    "justitie": ("Justitie", "Justice"),
    "lichaamsfuncties": ("Lichaamsfuncties", "Bodily functions"),
    "mentaal_welbevinden": ("Mentaal welbevinden", "Mental wellbeing"),
    "zingeving": ("Zingeving", "Meaningfulness"),
    "kwaliteit_van_leven": ("Kwaliteit van leven", "Quality of life"),
    "meedoen": ("Meedoen", "Participation"),
    "dagelijks_functioneren": ("Dagelijks functioneren", "Daily functioning"),
    "totaal": ("Totaal", "Total"),
    "eenzaamheid": ("Eenzaamheid", "Loneliness"),
    "cohesie": ("Sociale cohesie", "Social cohesion"),
}


@dataclass(frozen=True, slots=True)
class Instrument:
    """An outcome instrument: its scale per domain and which way is better.

    ``reliability`` (Cronbach's alpha) and ``sd`` (a reference standard deviation)
    feed the Reliable Change Index; ``mcid`` is a minimal important change.
    """

    code: str
    name: str
    domains: tuple[str, ...]
    scale_min: float
    scale_max: float
    direction: Direction = "higher_better"
    kind: Kind = "numeric"
    version: str = "1"
    reliability: float | None = None
    mcid: float | None = None
    integer_scores: bool = False
    area_level: bool = False
    source: str = ""
    bands: tuple[tuple[float, float, str], ...] = field(default=())

    def check_domain(self, domain: str) -> str:
        """The normalised domain code; raises when it is not one of this instrument."""
        code = normalise_code(domain)
        if code not in self.domains:
            raise DataError.of(
                "errors.unknown_domain",
                domain=domain,
                instrument=self.code,
                known=", ".join(self.domains),
            )
        return code

    def in_range(self, value: float) -> bool:
        return self.scale_min <= value <= self.scale_max

    def improvement(self, change: float) -> float:
        """Change signed so that positive is always better."""
        return change if self.direction == "higher_better" else -change


def normalise_code(text: str) -> str:
    """``"Werk & opleiding"`` → ``"werk_opleiding"``, ``"Financiën"`` → ``"financien"``.

    Codes are ASCII, lower case, words joined by ``_``.
    """
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = []
    for ch in plain.lower().strip():
        out.append(ch if ch.isalnum() else "_")
    code = "_".join(part for part in "".join(out).split("_") if part)
    return code


SHIPPED: dict[str, Instrument] = {
    i.code: i
    for i in (
        Instrument(
            code="zrm",
            name="Zelfredzaamheid-Matrix",
            domains=ZRM_DOMAINS,
            scale_min=1,
            scale_max=5,
            version="2017",
            reliability=0.87,
            integer_scores=True,
            source="Fassaert et al. 2014, Community Ment Health J 50:583 (α 0.85–0.89)",
        ),
        Instrument(
            code="pg",
            name="Positieve Gezondheid",
            domains=PG_DOMAINS,
            scale_min=0,
            scale_max=10,
            source="iph.nl; dimension = mean of its items; no reliability published",
        ),
        Instrument(
            code="djg6",
            name="De Jong Gierveld eenzaamheidsschaal (6 items)",
            domains=("eenzaamheid",),
            scale_min=0,
            scale_max=6,
            direction="higher_worse",
            integer_scores=True,
            bands=((0, 1, "niet"), (2, 4, "matig"), (5, 6, "ernstig")),
            source="CBS technical notes 2020/2023; vzinfo.nl",
        ),
        Instrument(
            code="djg11",
            name="De Jong Gierveld eenzaamheidsschaal (11 items)",
            domains=("eenzaamheid",),
            scale_min=0,
            scale_max=11,
            direction="higher_worse",
            integer_scores=True,
            bands=((0, 2, "niet"), (3, 8, "matig"), (9, 11, "sterk")),
            source="CBS technical notes 2020/2023; vzinfo.nl",
        ),
        Instrument(
            code="swemwbs",
            name="Short Warwick-Edinburgh Mental Wellbeing Scale (ruwe score)",
            domains=("totaal",),
            scale_min=7,
            scale_max=35,
            integer_scores=True,
            mcid=3.0,
            source="Shah et al. 2018, HQLO 16:239 (SEM ≈ 1.03, important change ≈ 3)",
        ),
        Instrument(
            code="cohesie",
            name="Sociale cohesie (Veiligheidsmonitor)",
            domains=("cohesie",),
            scale_min=0,
            scale_max=10,
            area_level=True,
            source="CBS StatLine 85147NED (national mean 6.4 in 2021)",
        ),
    )
}


def custom_instrument(
    code: str,
    name: str,
    *,
    kind: Kind = "numeric",
    scale_min: float = 0,
    scale_max: float = 1,
    direction: Direction = "higher_better",
    domains: tuple[str, ...] | None = None,
) -> Instrument:
    """An organisation-defined outcome; ``binary`` means yes/no scored 1/0."""
    from impact.errors import check_option

    check_option("kind", kind, ("numeric", "binary"))
    check_option("direction", direction, ("higher_better", "higher_worse"))
    if kind == "binary":
        scale_min, scale_max = 0, 1
    if scale_min >= scale_max:
        raise DataError(
            f"scale_min ({scale_min}) must be below scale_max ({scale_max})"
        )
    norm = normalise_code(code)
    return Instrument(
        code=norm,
        name=name,
        domains=tuple(normalise_code(d) for d in (domains or (norm,))),
        scale_min=scale_min,
        scale_max=scale_max,
        direction=direction,
        kind=kind,
        integer_scores=kind == "binary",
    )


def get_instrument(
    code: str, custom: dict[str, Instrument] | None = None
) -> Instrument:
    """Look up a shipped or custom instrument by code (case-insensitive)."""
    key = normalise_code(code)
    registry = {**SHIPPED, **(custom or {})}
    if key not in registry:
        raise DataError.of(
            "errors.unknown_instrument", code=code, known=", ".join(sorted(registry))
        )
    return registry[key]


def domain_label(domain: str, lang: str = "nl") -> str:
    nl, en = DOMAIN_LABELS.get(domain, (domain, domain))
    return nl if lang == "nl" else en
