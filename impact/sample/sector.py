"""A fictional sector for the demo: organisations' package results with known truth.

Each fictional organisation reports, per programme and outcome, a standardised
effect drawn around a known true mean: its own true effect is the mean plus a
between-organisation deviation (standard deviation ``tau``), and its estimate
adds sampling error for its group sizes (variance of Hedges' g,
(n1 + n2) / (n1 n2) + g^2 / (2 (n1 + n2))). Deterministic (seeded). The
true values are listed in ``sample_data/README.md``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

SEED = 20261203
PERIOD = "2024-01-01:2025-12-31"


@dataclass(frozen=True, slots=True)
class Truth:
    """The true mean effect (g, positive = better) and its spread between orgs."""

    kind: str
    outcome: str
    label: str
    instrument: str
    design: str
    mean_g: float
    tau: float
    sd: float  # raw-scale SD, to express the effect in instrument units


ZRM = ("zrm/financien", "ZRM · Financiën", "zrm")
SWEMWBS = ("swemwbs/totaal", "SWEMWBS", "swemwbs")
TRUTHS: tuple[Truth, ...] = (
    Truth("schuldhulp", *ZRM, "did", 0.35, 0.10, 0.9),
    Truth("jongerenwerk", *SWEMWBS, "did", 0.25, 0.05, 5.0),
    Truth("wijkteam", *ZRM, "did", 0.20, 0.15, 0.9),
    Truth("schuldhulp", *ZRM, "prepost", 0.60, 0.10, 0.9),
)

#: (slug, name, agrees to be named, truths it reports: indices into TRUTHS)
ORGANISATIONS: tuple[tuple[str, str, bool, tuple[int, ...]], ...] = (
    ("demo-welzijn-noord", "Welzijn Noord (demo)", True, (0, 1)),
    ("demo-kompas", "Stichting Kompas (demo)", False, (0, 2)),
    ("demo-buurtkracht", "Buurtkracht (demo)", True, (0, 1, 2)),
    ("demo-de-brug", "De Brug (demo)", False, (0, 1)),
    ("demo-samen-oost", "Samen Oost (demo)", True, (0, 2, 3)),
    ("demo-zuidwerk", "Zuidwerk (demo)", False, (1, 2, 3)),
    ("demo-raadslieden", "Raadslieden West (demo)", True, (0, 3)),
)


def sector_results(seed: int = SEED) -> dict[str, list[dict[str, object]]]:
    """Per organisation slug, its package results (the export's fields)."""
    rng = np.random.default_rng(seed)
    out: dict[str, list[dict[str, object]]] = {}
    for slug, _name, _named, indices in ORGANISATIONS:
        out[slug] = [_result(TRUTHS[i], rng) for i in indices]
    return out


def _result(truth: Truth, rng: np.random.Generator) -> dict[str, object]:
    n1 = int(rng.integers(40, 160))
    n2 = 0 if truth.design == "prepost" else int(rng.integers(40, 160))
    true_g = truth.mean_g + rng.normal(0.0, truth.tau)
    var_g = (
        (n1 + n2) / (n1 * n2) + true_g**2 / (2 * (n1 + n2))
        if n2
        else 2 / n1 + true_g**2 / (2 * n1)
    )
    g = float(true_g + rng.normal(0.0, math.sqrt(var_g)))
    se = math.sqrt(var_g) * truth.sd
    effect = g * truth.sd
    instrument, _, domain = truth.outcome.partition("/")
    return {
        "programme": f"{truth.kind.capitalize()} ({truth.design})",
        "intervention_kind": truth.kind,
        "outcome": truth.outcome,
        "label": truth.label,
        "instrument": instrument,
        "domain": domain or instrument,
        "design": truth.design,
        "inference": "cr1" if n2 else "t",
        "effect": effect,
        "std_error": se,
        "ci_low": effect - 1.96 * se,
        "ci_high": effect + 1.96 * se,
        "n_treated": n1,
        "n_comparison": n2 or None,
        "unit": "people",
        "hedges_g": g,
        "hedges_g_variance": var_g,
        "higher_is_better": True,
        "evidence_level": "eerste" if truth.design == "prepost" else "goede",
        "period_start": PERIOD.split(":")[0],
        "period_end": PERIOD.split(":")[1],
        "report_fingerprint": "demo",
    }
