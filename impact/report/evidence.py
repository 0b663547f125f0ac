"""Which Dutch recognition level a design *could* support (never an award).

The Erkenningscommissie Interventies / Movisie ladder: goed beschreven → goed
onderbouwd → effectief, with eerste / goede / sterke aanwijzingen. Facts (domain
notes): effectief needs at least two effect studies; pre/post change studies
support at most *eerste aanwijzingen* (NJi; Veerman & Van Yperen 2007). That
*goede* needs a controlled (quasi-)experimental design and *sterke* several
controlled studies or longer follow-up is **unverified**: the assessment says so.
Only the Erkenningscommissie grants a level.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from impact.errors import check_option
from impact.report.model import CONTROLLED_DESIGNS, DESIGNS, Design

Strength = Literal["eerste", "goede", "sterke"]


@dataclass(frozen=True, slots=True)
class EvidenceAssessment:
    """The strongest indications the design could support, and why.

    ``verified`` is False when the statement rests on the unverified part of the
    ladder; ``reasons`` are i18n keys (``report.evidence.*``).
    """

    design: Design
    strength: Strength | None
    could_be_effectief: bool
    verified: bool
    reasons: tuple[str, ...]


def evidence_level(
    design: Design, n_studies: int = 1, *, long_follow_up: bool = False
) -> EvidenceAssessment:
    """Assess ``design`` (one of :data:`DESIGNS`) with ``n_studies`` effect studies."""
    check_option("design", design, DESIGNS)
    reasons = ["report.evidence.only_commission"]
    if design == "descriptive":
        return EvidenceAssessment(
            design, None, False, True, ("report.evidence.descriptive", *reasons)
        )
    if design == "prepost":
        strength: Strength = "eerste"
        verified = True
        reasons.insert(0, "report.evidence.prepost")
    else:
        assert design in CONTROLLED_DESIGNS  # noqa: S101 - exhaustive Literal
        strong = n_studies >= 2 or long_follow_up
        strength = "sterke" if strong else "goede"
        verified = False
        reasons.insert(0, f"report.evidence.controlled_{strength}")
    could = n_studies >= 2
    reasons.append(
        "report.evidence.effectief" if could else "report.evidence.one_study"
    )
    return EvidenceAssessment(design, strength, could, verified, tuple(reasons))
