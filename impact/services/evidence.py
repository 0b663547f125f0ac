"""Evidence packages: export (signed aggregates), trust a key, import at a hub.

An organisation exports, per programme and outcome, only the figures its
evidence report already shows to a funder: effect, standard error, interval,
n per group, design, standardised effect. An outcome whose group is smaller than
``IMPACT_MIN_CELL`` people is left out and listed as withheld, without numbers.
A sector hub (an organisation of kind ``sector``) imports a package only when
the key it registered for the sender verifies the signature.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy.engine import Engine

from impact import __version__
from impact.config import get_settings, master_secret
from impact.domain import evidence as ev
from impact.errors import DataError, ImpactError, NotFoundError, ReportError
from impact.report.evidence import evidence_level
from impact.report.model import EvidenceReport, Outcome
from impact.services.reports import build_report
from impact.store import audit, orgs, programmes
from impact.store.engine import session_scope, write_scope

ImportStatus = Literal["imported", "unchanged", "replaced"]
DESIGN_OF_ESTIMATOR = {
    "did_2x2": "did",
    "prepost": "prepost",
    "callaway_santanna": "staggered",
    "synthdid": "sdid",
}
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_ONE_DAY = timedelta(days=1)


class EvidenceRefused(ImpactError):
    """A package the hub does not accept; ``code`` is ``evidence.<reason>``."""

    code = "evidence"
    #: the sending organisation's slug, when the package named one
    source: str = ""


@dataclass(frozen=True)
class ImportOutcome:
    status: ImportStatus
    source: str
    period: str
    results: int
    withheld: int


def public_key(*, engine: Engine, org_slug: str) -> str:
    """The organisation's Ed25519 public key (base64, one line) to share."""
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        key_id = org.key_id
    return ev.public_key_b64(ev.signing_key(master_secret(), key_id))


def export_package(
    *,
    engine: Engine,
    org_slug: str,
    programme_names: tuple[str, ...] = (),
    period: str | None = None,
    kinds: dict[str, str] | None = None,
    named: bool = False,
    actor: str = "",
    created_at: datetime | None = None,
) -> dict[str, Any]:
    """A signed package of the organisation's aggregate results."""
    kinds = kinds or {}
    bad = sorted(k for k in kinds.values() if k not in ev.INTERVENTION_KINDS)
    if bad:
        raise DataError.of(
            "evidence.bad_kind", kind=bad[0], allowed=", ".join(ev.INTERVENTION_KINDS)
        )
    bounds = parse_period(period) if period else None
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        chosen = programme_names or tuple(
            p.name for p in programmes.list_programmes(session=session, org=org)
        )
        themes = {
            n: programmes.get_programme(session=session, org=org, name=n).theme
            for n in chosen
        }
        org_name, key_id = org.name, org.key_id
    results: list[dict[str, Any]] = []
    withheld: list[dict[str, Any]] = []
    spans: list[tuple[date, date]] = []
    min_cell = get_settings().min_cell
    for name in chosen:
        kind = kinds.get(name) or _kind_from_theme(themes[name])
        report = _programme_report(engine, org_slug, name)
        if report is None:
            withheld.append({"programme": name, "outcome": None, "reason": "no_data"})
            continue
        if bounds and not _within(report, bounds):
            raise DataError.of(
                "evidence.period_outside",
                programme=name,
                start=report.period_start.isoformat(),
                end=report.period_end.isoformat(),
                period=period,
            )
        spans.append((report.period_start, report.period_end))
        for outcome in report.outcomes:
            if _too_small(outcome, min_cell) or outcome.estimate is None:
                reason = "min_cell" if _too_small(outcome, min_cell) else "no_estimate"
                withheld.append(
                    {"programme": name, "outcome": outcome.key, "reason": reason}
                )
                continue
            results.append(_result(name, kind, outcome, report))
    label = period or _span_label(spans)
    payload = {
        "organisation": {"slug": org_slug, "name": org_name if named else None,
                         "named": named},
        "period": label,
        "created_at": (created_at or datetime.now(UTC)).isoformat(),
        "software_version": __version__,
        "min_cell": min_cell,
        "results": results,
        "withheld": withheld,
    }  # fmt: skip
    package = ev.sign(payload, ev.signing_key(master_secret(), key_id))
    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        audit.record(
            session=session, action="evidence_export", org=org, actor=actor,
            period=label, results=len(results), withheld=len(withheld),
            digest=ev.digest(payload),
        )  # fmt: skip
    return package


def _kind_from_theme(theme: str) -> str:
    theme = (theme or "").strip().lower()
    return theme if theme in ev.INTERVENTION_KINDS else "other"


def _programme_report(
    engine: Engine, org_slug: str, name: str
) -> EvidenceReport | None:
    try:
        return build_report(
            engine=engine, org_slug=org_slug, programme_names=(name,), lang="en"
        )
    except (ReportError, NotFoundError):
        return None


def _too_small(outcome: Outcome, min_cell: int) -> bool:
    """People-based groups under the minimum cell; area counts are wijken."""
    if outcome.unit != "people":
        return False
    groups = [outcome.n_treated, outcome.n_comparison]
    return any(n is not None and 0 < n < min_cell for n in groups) or not (
        outcome.n_treated or 0
    )


def _result(
    programme: str, kind: str, o: Outcome, report: EvidenceReport
) -> dict[str, Any]:
    design = DESIGN_OF_ESTIMATOR.get(o.estimator, o.estimator)
    g, g_var = _hedges(o)
    level = evidence_level(design)  # type: ignore[arg-type]
    return {
        "programme": programme,
        "intervention_kind": kind,
        "outcome": o.key,
        "label": o.label,
        "instrument": o.instrument,
        "domain": o.key.split("/", 1)[1] if "/" in o.key else o.instrument,
        "design": design,
        "inference": o.inference,
        "effect": o.estimate,
        "std_error": o.std_error,
        "ci_low": o.ci_low,
        "ci_high": o.ci_high,
        "n_treated": o.n_treated,
        "n_comparison": o.n_comparison,
        "unit": o.unit,
        "hedges_g": g,
        "hedges_g_variance": g_var,
        "higher_is_better": o.direction == "higher_better",
        "evidence_level": level.strength,
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "report_fingerprint": report.reproducibility.data_fingerprint,
    }


def _hedges(o: Outcome) -> tuple[float | None, float | None]:
    """g oriented so that positive is better, and its variance.

    g = J x effect / SD (the report's effect size); with the SD treated as
    known, SE(g) = SE(effect) x g / effect.
    """
    g, effect, se = o.effect_size, o.estimate, o.std_error
    if (
        g is None
        or effect is None
        or se is None
        or effect == 0
        or not math.isfinite(se)
    ):
        return None, None
    variance = (se * g / effect) ** 2
    sign = 1.0 if o.direction == "higher_better" else -1.0
    return sign * g, variance


def parse_period(text: str) -> tuple[date, date]:
    """``2024-Q1:2024-Q4``, ``2023:2024`` or ``2024-01-01:2024-12-31``."""
    parts = text.split(":")
    if len(parts) != 2:
        raise DataError.of("evidence.bad_period", period=text)
    start, end = (
        _bound(p.strip(), first=i == 0, text=text) for i, p in enumerate(parts)
    )
    if end < start:
        raise DataError.of("evidence.bad_period", period=text)
    return start, end


def _bound(part: str, *, first: bool, text: str) -> date:
    if m := _QUARTER.match(part):
        year, quarter = int(m[1]), int(m[2])
        if first:
            return date(year, 3 * quarter - 2, 1)
        month = 3 * quarter
        return date(year + month // 12, month % 12 + 1, 1) - _ONE_DAY
    if m := _YEAR.match(part):
        return date(int(m[1]), 1, 1) if first else date(int(m[1]), 12, 31)
    try:
        return date.fromisoformat(part)
    except ValueError:
        raise DataError.of("evidence.bad_period", period=text) from None


def _within(report: EvidenceReport, bounds: tuple[date, date]) -> bool:
    return bounds[0] <= report.period_start and report.period_end <= bounds[1]


def _span_label(spans: list[tuple[date, date]]) -> str:
    if not spans:
        return "-"
    return (
        f"{min(s for s, _ in spans).isoformat()}:{max(e for _, e in spans).isoformat()}"
    )
