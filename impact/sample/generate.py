"""The demo gemeente "Wijkstad" (fictional CBS code GM9901) and its three programmes.

Every outcome is generated so that its true effect is known *exactly* in
expectation (no clipping at scale ends: changes are drawn from discrete
distributions that cannot leave the scale), and ``TRUE_EFFECTS`` states it.
``sample_data/README.md`` documents the same numbers; a test checks they agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from impact.domain.instruments import Instrument, custom_instrument

SEED = 20240501
GEMEENTE = "GM9901"
WIJKEN: tuple[tuple[str, str], ...] = tuple(
    (f"WK9901{i:02d}", name)
    for i, name in enumerate(
        (
            "Centrum",
            "Oude Haven",
            "Molenwijk",
            "Zuiderpark",
            "Bloemenbuurt",
            "Kanaalzijde",
            "Noorderhout",
            "De Akkers",
            "Stationskwartier",
            "Vogelwijk",
            "Westerveld",
            "Oostpolder",
        ),
        start=1,
    )
)

DEBT = "Schuldhulp en sociaal raadslieden"
YOUTH = "Jongerenwerk Toekomst"
BUURTHUIS = "Buurthuizen Wijkstad"

#: cohort (first year with a buurthuis) of each wijk; 0 = never
BUURTHUIS_COHORTS: dict[str, int] = {
    code: cohort
    for (code, _), cohort in zip(
        WIJKEN,
        [2019, 2019, 2019, 2019, 2021, 2021, 2021, 2021, 0, 0, 0, 0],
        strict=True,
    )
}
AREA_YEARS = tuple(range(2016, 2026))

# Discrete change distributions {change: probability} (ZRM financiën, 1-5 scale;
# baselines 2-3 so no change can leave the scale).
ZRM_BASELINE = {2: 0.6, 3: 0.4}
ZRM_CHANGE = {
    "comparison": {-1: 0.10, 0: 0.55, 1: 0.30, 2: 0.05},
    "treated": {-1: 0.05, 0: 0.35, 1: 0.40, 2: 0.20},
}
DEBT_BASELINE_P = 0.85
DEBT_FOLLOWUP_P = {"comparison": 0.70, "treated": 0.50}
SWEMWBS_SHIFT = {"comparison": 1, "treated": 3}
DROPOUT_P = {"comparison": 0.18, "treated": 0.10}
COHESIE_EFFECT = 0.30
LONELY_EFFECT = -1.5


def _mean(dist: dict[int, float]) -> float:
    return sum(k * p for k, p in dist.items())


TRUE_EFFECTS: dict[tuple[str, str], float] = {
    (DEBT, "zrm/financien"): _mean(ZRM_CHANGE["treated"])
    - _mean(ZRM_CHANGE["comparison"]),
    (DEBT, "problematische_schulden"): DEBT_FOLLOWUP_P["treated"]
    - DEBT_FOLLOWUP_P["comparison"],
    (YOUTH, "swemwbs/totaal"): float(
        SWEMWBS_SHIFT["treated"] - SWEMWBS_SHIFT["comparison"]
    ),
    (YOUTH, "voortijdig_schoolverlaten"): DROPOUT_P["treated"]
    - DROPOUT_P["comparison"],
    (BUURTHUIS, "cohesie"): COHESIE_EFFECT,
    (BUURTHUIS, "eenzaamheid_ernstig_pct"): LONELY_EFFECT,
}


@dataclass(frozen=True, slots=True)
class ProgrammeSpec:
    name: str
    theme: str
    target_group: str
    design: str
    start_date: dt.date
    yearly_cost: float
    wijken: tuple[str, ...] = field(default=())


PROGRAMMES: tuple[ProgrammeSpec, ...] = (
    ProgrammeSpec(
        DEBT,
        "schulden",
        "huishoudens met (dreigende) schulden",
        "participant",
        dt.date(2022, 9, 1),
        420_000.0,
    ),
    ProgrammeSpec(
        YOUTH,
        "jeugd",
        "jongeren 14-23 jaar",
        "participant",
        dt.date(2022, 9, 1),
        310_000.0,
    ),
    ProgrammeSpec(
        BUURTHUIS,
        "eenzaamheid en cohesie",
        "alle bewoners",
        "area",
        dt.date(2019, 1, 1),
        650_000.0,
        tuple(c for c, g in BUURTHUIS_COHORTS.items() if g),
    ),
)

CUSTOM_INSTRUMENTS: tuple[Instrument, ...] = (
    custom_instrument(
        "problematische_schulden",
        "Problematische schulden (ja/nee)",
        kind="binary",
        direction="higher_worse",
    ),
    custom_instrument(
        "voortijdig_schoolverlaten",
        "Voortijdig schoolverlaten (ja/nee)",
        kind="binary",
        direction="higher_worse",
    ),
    custom_instrument(
        "eenzaamheid_ernstig_pct",
        "Ernstig eenzaam (% bewoners)",
        scale_min=0,
        scale_max=100,
        direction="higher_worse",
    ),
)


def _draw(rng: np.random.Generator, dist: dict[int, float], n: int) -> np.ndarray:
    keys = np.array(list(dist), dtype=np.int64)
    return rng.choice(keys, size=n, p=np.array(list(dist.values())))


def _people(
    rng: np.random.Generator,
    n_treated: int,
    n_comp: int,
    prefix: str,
    start: dt.date,
    offset: int = 0,
) -> pd.DataFrame:
    n = n_treated + n_comp
    intake = pd.Timestamp(start) + pd.to_timedelta(rng.integers(0, 540, n), unit="D")
    return pd.DataFrame(
        {
            "client_ref": [f"{prefix}-{i + offset:06d}" for i in range(1, n + 1)],
            "group": np.repeat(["treated", "comparison"], [n_treated, n_comp]),
            "wijk": rng.choice([c for c, _ in WIJKEN], size=n),
            "intake": intake,
            "followup": intake + pd.to_timedelta(rng.integers(170, 200, n), unit="D"),
        }
    )


def _long(
    people: pd.DataFrame,
    programme: str,
    instrument: str,
    domain: str,
    before: np.ndarray,
    after: np.ndarray,
) -> pd.DataFrame:
    parts = []
    for wave, values, date_col in ((0, before, "intake"), (1, after, "followup")):
        parts.append(
            people[["client_ref", "group", "wijk"]].assign(
                programme=programme,
                instrument=instrument,
                domain=domain,
                date=people[date_col].to_numpy(),
                wave=wave,
                value=values.astype(float),
                rated_by="professional",
            )
        )
    return pd.concat(parts, ignore_index=True)


def debt_measurements(
    rng: np.random.Generator,
    n_treated: int = 300,
    n_comp: int = 200,
    offset: int = 0,
    prefix: str = "SR",
) -> pd.DataFrame:
    people = _people(rng, n_treated, n_comp, prefix, dt.date(2023, 1, 9), offset)
    groups = people["group"].to_numpy()
    base = _draw(rng, ZRM_BASELINE, len(people))
    change = np.empty(len(people), dtype=np.int64)
    for g in ("treated", "comparison"):
        mask = groups == g
        change[mask] = _draw(rng, ZRM_CHANGE[g], int(mask.sum()))
    debt0 = rng.random(len(people)) < DEBT_BASELINE_P
    p1 = np.where(
        groups == "treated", DEBT_FOLLOWUP_P["treated"], DEBT_FOLLOWUP_P["comparison"]
    )
    debt1 = rng.random(len(people)) < p1
    return pd.concat(
        [
            _long(people, DEBT, "zrm", "financien", base, base + change),
            _long(
                people,
                DEBT,
                "problematische_schulden",
                "problematische_schulden",
                debt0,
                debt1,
            ),
        ],
        ignore_index=True,
    )


def youth_measurements(
    rng: np.random.Generator,
    n_treated: int = 200,
    n_comp: int = 150,
    offset: int = 0,
    prefix: str = "JW",
) -> pd.DataFrame:
    people = _people(rng, n_treated, n_comp, prefix, dt.date(2023, 2, 6), offset)
    groups = people["group"].to_numpy()
    n = len(people)
    base = 20 + rng.binomial(16, 0.5, n) - 8  # 12..28
    shift = np.where(
        groups == "treated", SWEMWBS_SHIFT["treated"], SWEMWBS_SHIFT["comparison"]
    )
    after = base + shift + rng.binomial(8, 0.5, n) - 4  # stays within 7..35
    p_drop = np.where(
        groups == "treated", DROPOUT_P["treated"], DROPOUT_P["comparison"]
    )
    dropout = rng.random(n) < p_drop
    return pd.concat(
        [
            _long(people, YOUTH, "swemwbs", "totaal", base, after),
            _long(
                people,
                YOUTH,
                "voortijdig_schoolverlaten",
                "voortijdig_schoolverlaten",
                np.zeros(n),
                dropout,
            ),
        ],
        ignore_index=True,
    )


def area_observations(
    rng: np.random.Generator,
    cohorts: dict[str, int] | None = None,
    programme: str = BUURTHUIS,
) -> pd.DataFrame:
    """Area panel: 12 wijken x 10 years x 2 indicators, staggered buurthuizen
    (or the ``cohorts`` given, with the same true effects)."""
    rows = []
    year_effect = {y: 0.04 * (y - 2016) for y in AREA_YEARS}
    for code, cohort in (cohorts or BUURTHUIS_COHORTS).items():
        level_c = 6.4 + rng.normal(0, 0.4)
        level_l = 12.0 + rng.normal(0, 2.0)
        for year in AREA_YEARS:
            on = cohort > 0 and year >= cohort
            cohesie = level_c + year_effect[year] + COHESIE_EFFECT * on
            lonely = level_l + 0.3 * (year - 2016) + LONELY_EFFECT * on
            first = cohort or None
            rows.append(
                (
                    programme,
                    code,
                    year,
                    "cohesie",
                    round(cohesie + rng.normal(0, 0.12), 2),
                    first,
                )
            )
            rows.append(
                (
                    programme,
                    code,
                    year,
                    "eenzaamheid_ernstig_pct",
                    round(lonely + rng.normal(0, 0.6), 2),
                    first,
                )
            )
    frame = pd.DataFrame(
        rows,
        columns=[
            "programme",
            "area_code",
            "period",
            "indicator",
            "value",
            "first_treated",
        ],
    )
    frame["first_treated"] = frame["first_treated"].astype("Int64")
    return frame


#: one buurthuis in one wijk (Centrum, 2019): the synthetic-DiD case
ONE_BUURTHUIS = "Buurthuis Centrum"
ONE_BUURTHUIS_COHORTS: dict[str, int] = {
    code: (2019 if code == WIJKEN[0][0] else 0) for code, _ in WIJKEN
}


def one_buurthuis_observations(seed: int = SEED + 1) -> pd.DataFrame:
    """12 wijken, only Centrum with a buurthuis (2019); effects as BUURTHUIS."""
    rng = np.random.default_rng(seed)
    return area_observations(rng, ONE_BUURTHUIS_COHORTS, ONE_BUURTHUIS)


@dataclass(frozen=True)
class SampleData:
    measurements: pd.DataFrame
    area_observations: pd.DataFrame


def demo_data(seed: int = SEED) -> SampleData:
    """The demo organisation's data: same seed, same data, on every machine."""
    rng = np.random.default_rng(seed)
    measurements = pd.concat(
        [debt_measurements(rng), youth_measurements(rng)], ignore_index=True
    )
    return SampleData(measurements, area_observations(rng))


def _letters(number: int) -> str:
    """``20240501`` → ``"BRSDKV"``: a number written in the letters A-Z."""
    out = ""
    while True:
        number, digit = divmod(number, 26)
        out = chr(ord("A") + digit) + out
        if not number:
            return out


def measurement_rows(n_rows: int, seed: int = SEED) -> pd.DataFrame:
    """Exactly ``n_rows`` long-format rows for the demo programmes (benchmarks).

    Each round adds as many debt-programme as youth-programme people (four rows
    each: two outcomes, two waves) until enough rows exist; the last rows are cut,
    so one person at the end may keep only some of their rows.
    """
    rng = np.random.default_rng(seed)
    parts, total, offset = [], 0, 0
    while total < n_rows:
        block = min(max(-(-(n_rows - total) // 16), 10), 50_000)
        # client numbers carry the seed (as letters: a long run of digits would
        # look like a BSN candidate), so files of different seeds and the demo's
        # own SR-/JW- clients never claim the same person
        tag = _letters(seed)
        debt = debt_measurements(rng, block, block, offset, prefix=f"SR{tag}")
        youth = youth_measurements(rng, block, block, offset, prefix=f"JW{tag}")
        offset += 2 * block
        parts += [debt, youth]
        total += len(debt) + len(youth)
    frame = pd.concat(parts, ignore_index=True)
    return frame.iloc[:n_rows].reset_index(drop=True)
