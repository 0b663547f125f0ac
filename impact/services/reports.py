"""Report use case: the store and the engine -> an EvidenceReport -> a file.

``build_report`` analyses every outcome of the chosen programmes (whole
organisation when none are named), applies Holm across them, and fills the
report model with aggregates only. ``verify_report`` reads the JSON a report
file carries, builds the same report again from the store and compares.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

import numpy as np
from sqlalchemy.engine import Engine

from impact import __version__
from impact.config import get_settings
from impact.errors import EstimationError, ReportError, check_option
from impact.estimate import holm
from impact.i18n import t, use_language
from impact.report import EvidenceReport, Request, read_embedded, render
from impact.report.model import Reach, ReachRow, Reproducibility
from impact.services.analysis import OutcomeAnalysis, analyse_outcome, list_outcomes
from impact.services.report_parts import methods_of, outcome_of, value_of
from impact.store import audit, data, orgs, programmes
from impact.store.engine import session_scope, write_scope

Audience = Literal["organisation", "funder"]
#: numbers compared by --verify must agree to this relative precision
VERIFY_RTOL = 1e-9


def build_report(
    *,
    engine: Engine,
    org_slug: str,
    programme_names: tuple[str, ...] = (),
    lang: str = "nl",
    audience: Audience = "organisation",
    created_at: datetime | None = None,
    funder: str | None = None,
) -> EvidenceReport:
    """The evidence report of ``programme_names`` (empty: all) of an organisation."""
    check_option("audience", audience, ("organisation", "funder"))
    with use_language(lang):
        org_name, names, ids = _programmes(engine, org_slug, programme_names)
        analyses = _analyses(engine, org_slug, names)
        if not analyses:
            raise ReportError(t("reports.no_data", org=org_slug))
        p_holm = holm([_p(a) for a in analyses])
        outcomes = tuple(
            outcome_of(a, _finite(p)) for a, p in zip(analyses, p_holm, strict=True)
        )
        start, end = _period(engine, org_slug, ids)
        report = EvidenceReport(
            title=t("reports.title", programmes=", ".join(names)),
            organisation=org_name,
            programmes=names,
            period_start=start,
            period_end=end,
            language="en" if lang == "en" else "nl",
            created_at=created_at or datetime.now(UTC).replace(microsecond=0),
            reach=_reach(engine, org_slug, ids, analyses),
            methods=methods_of(analyses),
            reproducibility=_reproducibility(analyses),
            outcomes=outcomes,
            value=value_of(engine, org_slug, analyses),
            funder=funder,
            min_cell=get_settings().min_cell,
            request=Request(org_slug, tuple(programme_names), audience),
        )
    if audience == "funder":
        from impact.services.release.reports import released

        report = released(engine, org_slug, ids, report)
    return report


def _programmes(
    engine: Engine, org_slug: str, names: tuple[str, ...]
) -> tuple[str, tuple[str, ...], list[int]]:
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        if names:
            rows = [
                programmes.get_programme(session=session, org=org, name=n)
                for n in names
            ]
        else:
            rows = list(programmes.list_programmes(session=session, org=org))
        return org.name, tuple(p.name for p in rows), [p.id or 0 for p in rows]


def _analyses(
    engine: Engine, org_slug: str, names: tuple[str, ...]
) -> list[OutcomeAnalysis]:
    out = []
    for name in names:
        outcomes = list_outcomes(engine=engine, org_slug=org_slug, programme=name)
        for instrument, domain in zip(
            outcomes["instrument"], outcomes["domain"], strict=True
        ):
            try:
                out.append(
                    analyse_outcome(
                        engine=engine,
                        org_slug=org_slug,
                        programme=name,
                        instrument=instrument,
                        domain=domain,
                    )
                )
            except EstimationError:
                continue  # an outcome without usable data is left out, not guessed
    return out


def _p(a: OutcomeAnalysis) -> float:
    value = a.estimate.p_value
    return float(value) if value is not None else float("nan")


def _finite(value: float) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def _period(engine: Engine, org_slug: str, ids: list[int]) -> tuple[date, date]:
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        first, last, p0, p1 = data.measured_period(
            session=session, org=org, programme_ids=ids
        )
    starts = [d for d in (_as_date(first), date(int(p0), 1, 1) if p0 else None) if d]
    ends = [d for d in (_as_date(last), date(int(p1), 12, 31) if p1 else None) if d]
    return (min(starts), max(ends)) if starts else (date.today(), date.today())


def _as_date(value: object) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _reach(
    engine: Engine, org_slug: str, ids: list[int], analyses: list[OutcomeAnalysis]
) -> Reach:
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        rows = data.participants_by_wijk(session=session, org=org, programme_ids=ids)
        counts = data.programme_counts(session=session, org=org)
    measurements = sum(m + a for p, _n, m, a in counts if p.id in ids)
    if analyses and all(a.design == "staggered" for a in analyses):
        return Reach(
            n_participants=max(a.n_treated for a in analyses),
            n_comparison=max(a.n_comparison for a in analyses),
            n_measurements=measurements,
            unit="areas",
        )
    treated = sum(n for _w, g, n in rows if g == "treated")
    comparison = sum(n for _w, g, n in rows if g == "comparison")
    by_wijk: dict[str, int] = {}
    for wijk, group, n in rows:
        if group == "treated":
            by_wijk[wijk] = by_wijk.get(wijk, 0) + n
    return Reach(
        n_participants=treated or None if rows else None,
        n_comparison=comparison if rows else None,
        n_measurements=measurements,
        by_area=tuple(ReachRow(w, n) for w, n in sorted(by_wijk.items())),
    )


def _reproducibility(analyses: list[OutcomeAnalysis]) -> Reproducibility:
    digest = hashlib.sha256(
        "".join(a.data_sha256 for a in analyses).encode()
    ).hexdigest()
    batches = sorted({b for a in analyses for b in a.batch_ids})
    return Reproducibility(
        data_fingerprint=digest,
        software_version=__version__,
        import_batches=tuple(str(b) for b in batches),
    )


def render_report(
    *,
    engine: Engine,
    org_slug: str,
    programme_names: tuple[str, ...] = (),
    fmt: str = "pdf",
    lang: str = "nl",
    audience: Audience = "organisation",
    user_id: int | None = None,
    actor: str = "",
) -> bytes:
    """Build and render a report; the download is recorded in the audit log."""
    report = build_report(
        engine=engine,
        org_slug=org_slug,
        programme_names=programme_names,
        lang=lang,
        audience=audience,
    )
    content = render(report, fmt, lang)  # type: ignore[arg-type]
    _audit_export(
        engine,
        org_slug,
        user_id,
        actor,
        format=fmt,
        programmes=list(report.programmes),
        audience=audience,
        fingerprint=report.reproducibility.data_fingerprint,
    )
    return content


def _audit_export(
    engine: Engine, org_slug: str, user_id: int | None, actor: str, **detail: object
) -> None:
    """Every download is in the audit log (what and for whom, never the data)."""
    with write_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        audit.record(
            session=session,
            action="export",
            org=org,
            user_id=user_id,
            actor=actor,
            **detail,
        )


@dataclass(frozen=True)
class Verification:
    ok: bool
    differences: tuple[str, ...]
    fingerprint_then: str
    fingerprint_now: str


def verify_report(*, engine: Engine, content: bytes) -> Verification:
    """Recompute a report file's numbers from the store and compare them."""
    embedded = read_embedded(content)
    then = EvidenceReport.from_dict(embedded)
    if then.request is None:
        raise ReportError(t("reports.no_request"))
    now = build_report(
        engine=engine,
        org_slug=then.request.org_slug,
        programme_names=then.request.programmes,
        lang=then.language,
        audience=then.request.audience,
        created_at=then.created_at,
    )
    from impact.report.privacy import suppress

    now = suppress(now)
    differences = tuple(_compare(then.to_dict(), now.to_dict(), "report"))
    return Verification(
        not differences,
        differences,
        then.reproducibility.data_fingerprint,
        now.reproducibility.data_fingerprint,
    )


def _compare(a: object, b: object, where: str) -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        keys = sorted(set(a) | set(b))
        return [d for k in keys for d in _compare(a.get(k), b.get(k), f"{where}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: {len(a)} ≠ {len(b)}"]
        return [
            d
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            for d in _compare(x, y, f"{where}[{i}]")
        ]
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool):
        same = bool(np.isclose(a, b, rtol=VERIFY_RTOL, atol=1e-12))
    else:
        same = a == b
    return [] if same else [f"{where}: {a!r} ≠ {b!r}"]
