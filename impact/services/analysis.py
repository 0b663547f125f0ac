"""Analysis use case: one outcome of one programme -> estimate + what to show.

Chooses the design from the data (comparison group: 2x2 DiD; none: pre/post;
area panel: Callaway & Sant'Anna), runs :mod:`impact.estimate`, and adds the
descriptive figures the dashboard and the report show (group means by wave,
change categories). Participant-level rows never leave this module.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine
from sqlmodel import Session

from impact.domain.instruments import Instrument, domain_label
from impact.errors import EstimationError, check_option
from impact.estimate import EffectResult, PrePostResult, did, prepost, staggered
from impact.i18n import t
from impact.services.area_sdid import fit_sdid
from impact.services.cbs import CBS_PROGRAMME
from impact.store import data, orgs, programmes
from impact.store.engine import session_scope
from impact.store.models import Organisation, Programme

Design = Literal["auto", "prepost", "did", "staggered", "sdid"]
DESIGNS: tuple[Design, ...] = ("auto", "prepost", "did", "staggered", "sdid")
#: with at most this many treated wijken ``auto`` uses synthetic DiD
SDID_MAX_TREATED = 2


@dataclass(frozen=True)
class OutcomeAnalysis:
    """Everything shown about one outcome; frames hold aggregates only."""

    programme: str
    instrument: Instrument
    domain: str
    label: str
    design: str
    estimate: EffectResult  # DidResult | PrePostResult | AggregateResult | ...
    means: pd.DataFrame  # group, period, n, mean, sd, ci_low, ci_high
    change: pd.DataFrame  # group, improved, unchanged, deteriorated (counts)
    n_treated: int
    n_comparison: int
    event: pd.DataFrame | None = None  # rel_period, estimate, ci_low, ci_high
    pretrend_p: float | None = None
    data_sha256: str = ""
    batch_ids: tuple[int, ...] = field(default=())
    #: synthetic DiD: (wijk code, weight) of the comparison mix, largest first
    weights: tuple[tuple[str, float], ...] = field(default=())
    #: synthetic DiD: period, treated (mean of treated wijken), synthetic (twin)
    synthetic: pd.DataFrame | None = None
    start_period: int | None = None

    @property
    def key(self) -> str:
        return outcome_key(self.instrument.code, self.domain)


def outcome_key(instrument: str, domain: str) -> str:
    return instrument if instrument == domain else f"{instrument}/{domain}"


def list_outcomes(*, engine: Engine, org_slug: str, programme: str) -> pd.DataFrame:
    """instrument, domain, key, label, n (rows) per outcome of a programme."""
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        prog = programmes.get_programme(session=session, org=org, name=programme)
        registry = programmes.instrument_registry(session=session, org=org)
        rows = data.outcome_counts(session=session, org=org, programme=prog)
    counts = pd.DataFrame(rows, columns=["instrument", "domain", "n"])
    counts = counts.sort_values(["instrument", "domain"]).reset_index(drop=True)
    counts["key"] = [
        outcome_key(i, d)
        for i, d in zip(counts["instrument"], counts["domain"], strict=True)
    ]
    counts["label"] = [
        _label(registry[i], d) if i in registry else i
        for i, d in zip(counts["instrument"], counts["domain"], strict=True)
    ]
    return counts[["instrument", "domain", "key", "label", "n"]]


def _label(spec: Instrument, domain: str) -> str:
    """``ZRM · Financiën`` for a shipped instrument; the own name for a custom one."""
    from impact.domain.instruments import SHIPPED
    from impact.i18n import current_language

    if spec.code not in SHIPPED:
        return spec.name
    text = domain_label(domain, current_language())
    return text if spec.code == domain else f"{spec.code.upper()} · {text}"


def _programme_data(
    engine: Engine,
    org_slug: str,
    programme: str,
    instrument: str | None = None,
    domain: str | None = None,
) -> tuple[pd.DataFrame, dict[str, Instrument], str]:
    """The rows of one outcome (or of all), read with the filter in SQL."""
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        prog = programmes.get_programme(session=session, org=org, name=programme)
        registry = programmes.instrument_registry(session=session, org=org)
        if prog.design == "area":
            rows = data.area_frame(session=session, org=org, programme=prog)
            return _with_cbs_donors(session, org, prog, rows), registry, "area"
        rows = data.measurement_frame(
            session=session,
            org=org,
            programme=prog,
            instrument=instrument,
            domain=domain,
        )
        return rows, registry, "participant"


def _with_cbs_donors(
    session: Session, org: Organisation, prog: Programme, rows: pd.DataFrame
) -> pd.DataFrame:
    """Add the wijken of ``impact cbs import`` as comparison (never-treated)
    areas for indicators of the same name, where the programme has none of
    its own for that wijk (a larger donor pool for synthetic DiD)."""
    if prog.name == CBS_PROGRAMME:
        return rows
    cbs_prog = programmes.find_programme(session=session, org=org, name=CBS_PROGRAMME)
    if cbs_prog is None or rows.empty:
        return rows
    extra = data.area_frame(session=session, org=org, programme=cbs_prog)
    own = set(rows["area_code"])
    extra = extra[
        extra["indicator"].isin(set(rows["indicator"]))
        & ~extra["area_code"].isin(own)
        & extra["period"].isin(set(rows["period"]))
    ]
    if extra.empty:
        return rows
    return pd.concat([rows, extra.assign(first_treated=None)], ignore_index=True)


def analyse_outcome(
    *,
    engine: Engine,
    org_slug: str,
    programme: str,
    instrument: str,
    domain: str | None = None,
    design: Design = "auto",
) -> OutcomeAnalysis:
    """Estimate the effect on one outcome, with its descriptive figures."""
    check_option("design", design, DESIGNS)
    frame, registry, kind = _programme_data(
        engine, org_slug, programme, instrument, domain
    )
    spec = registry.get(instrument)
    if spec is None:
        raise EstimationError(t("analysis.no_outcome", outcome=instrument))
    domain = domain or spec.domains[0]
    if kind == "area":
        rows = frame[frame["indicator"] == instrument]
        return _area(programme, spec, rows, design)
    rows = frame[(frame["instrument"] == instrument) & (frame["domain"] == domain)]
    if rows.empty:
        raise EstimationError(
            t("analysis.no_outcome", outcome=outcome_key(instrument, domain))
        )
    return _participants(programme, spec, domain, rows, design)


def fingerprint(frame: pd.DataFrame, columns: list[str]) -> str:
    """sha256 over the rows used (sorted, so storage order does not matter)."""
    ordered = frame[columns].sort_values(columns).reset_index(drop=True)
    hashed = pd.util.hash_pandas_object(ordered, index=False).to_numpy()
    return hashlib.sha256(hashed.tobytes()).hexdigest()


def _participants(
    programme: str, spec: Instrument, domain: str, rows: pd.DataFrame, design: Design
) -> OutcomeAnalysis:
    rows = rows.assign(
        post=(rows["wave"] > 0).astype(int),
        treated=(rows["group"] == "treated").astype(int),
    )
    last = rows.groupby("participant")["wave"].transform("max")
    rows = rows[(rows["wave"] == 0) | (rows["wave"] == last)]
    groups = set(rows["group"])
    chosen = (
        design
        if design != "auto"
        else ("did" if {"treated", "comparison"} <= groups else "prepost")
    )
    higher_better = spec.direction == "higher_better"
    if chosen == "did":
        result: EffectResult = did(
            rows, outcome="value", treated="treated", post="post", cluster="participant"
        )
    else:
        result = _prepost(rows[rows["group"] == "treated"], spec, higher_better)
    n = rows.drop_duplicates("participant")["group"].value_counts()
    return OutcomeAnalysis(
        programme=programme,
        instrument=spec,
        domain=domain,
        label=_label(spec, domain),
        design=chosen,
        estimate=result,
        means=_means(rows, "group", "wave"),
        change=_change_counts(rows, spec, higher_better),
        n_treated=int(n.get("treated", 0)),
        n_comparison=int(n.get("comparison", 0)),
        data_sha256=fingerprint(rows, ["participant", "wave", "value"]),
        batch_ids=tuple(sorted({int(b) for b in rows["batch_id"].dropna()})),
    )


def _prepost(
    rows: pd.DataFrame, spec: Instrument, higher_better: bool
) -> PrePostResult:
    reliability = spec.reliability if spec.kind == "numeric" else None
    baseline_sd = rows.loc[rows["wave"] == 0, "value"].std()
    return prepost(
        rows,
        outcome="value",
        unit="participant",
        period="wave",
        reliability=reliability,
        sd=float(baseline_sd) if reliability else None,
        higher_is_better=higher_better,
    )


def _means(rows: pd.DataFrame, group: str, period: str) -> pd.DataFrame:
    stats = rows.groupby([group, period])["value"].agg(["count", "mean", "std"])
    stats = stats.reset_index().rename(
        columns={group: "group", period: "period", "count": "n", "std": "sd"}
    )
    half = 1.96 * stats["sd"] / np.sqrt(stats["n"].clip(lower=1))
    return stats.assign(ci_low=stats["mean"] - half, ci_high=stats["mean"] + half)


def _change_counts(
    rows: pd.DataFrame, spec: Instrument, higher_better: bool
) -> pd.DataFrame:
    """Per group: how many improved, stayed the same, deteriorated.

    Numeric instruments with a reliability use the Reliable Change Index (from
    :func:`impact.estimate.prepost`); yes/no outcomes count a switch; others use
    the instrument's minimal important change, else any change.
    """
    out = []
    for group, part in rows.groupby("group"):
        units = _prepost(part, spec, higher_better).units
        change = units["change"] if higher_better else -units["change"]
        if spec.kind == "numeric" and spec.reliability and "category" in units:
            cats = units["category"].value_counts()
            counts = [
                int(cats.get(c, 0)) for c in ("improved", "unchanged", "deteriorated")
            ]
        else:
            counts = _switch_counts(change, spec.mcid or 0.0)
        out.append((group, *counts))
    return pd.DataFrame(out, columns=["group", "improved", "unchanged", "deteriorated"])


def _switch_counts(change: pd.Series, threshold: float) -> list[int]:
    """Improved / unchanged / deteriorated by a change of at least ``threshold``
    (any change when the threshold is 0)."""
    if threshold:
        better, worse = change >= threshold, change <= -threshold
    else:
        better, worse = change > 0, change < 0
    return [int(better.sum()), int((~(better | worse)).sum()), int(worse.sum())]


def _area(
    programme: str, spec: Instrument, rows: pd.DataFrame, design: Design = "auto"
) -> OutcomeAnalysis:
    if rows.empty:
        raise EstimationError(t("analysis.no_outcome", outcome=spec.code))
    rows = rows.assign(first=rows["first_treated"].fillna(0).astype(int))
    treated = rows.loc[rows["first"] > 0, "area_code"].nunique()
    if design == "sdid" or (design == "auto" and 0 < treated <= SDID_MAX_TREATED):
        return _area_sdid(programme, spec, rows)
    result = staggered(
        rows, outcome="value", unit="area_code", time="period", first_treated="first"
    )
    simple = result.aggregate("simple")
    dynamic = result.aggregate("dynamic").effects
    event = pd.DataFrame(
        {
            "rel_period": dynamic.index.astype(int),
            "estimate": dynamic["estimate"].to_numpy(),
            "ci_low": dynamic["ci_low"].to_numpy(),
            "ci_high": dynamic["ci_high"].to_numpy(),
        }
    )
    groups = np.where(rows["first"] > 0, "treated", "comparison")
    areas = rows.drop_duplicates("area_code")
    n_treated = int((areas["first"] > 0).sum())
    return OutcomeAnalysis(
        programme=programme,
        instrument=spec,
        domain=spec.domains[0],
        label=_label(spec, spec.domains[0]),
        design="staggered",
        estimate=simple,
        means=_means(rows.assign(group=groups), "group", "period"),
        change=pd.DataFrame(columns=["group", "improved", "unchanged", "deteriorated"]),
        n_treated=n_treated,
        n_comparison=len(areas) - n_treated,
        event=event,
        pretrend_p=float(result.pretrend_p),
        data_sha256=fingerprint(rows, ["area_code", "period", "value"]),
        batch_ids=tuple(sorted({int(b) for b in rows["batch_id"].dropna()})),
    )


def _area_sdid(programme: str, spec: Instrument, rows: pd.DataFrame) -> OutcomeAnalysis:
    """One or two treated wijken: synthetic DiD (:mod:`impact.services.area_sdid`)."""
    fit = fit_sdid(rows)
    used = fit.rows
    groups = np.where(used["first"] > 0, "treated", "comparison")
    n_treated = int(used.loc[used["first"] > 0, "area_code"].nunique())
    return OutcomeAnalysis(
        programme=programme,
        instrument=spec,
        domain=spec.domains[0],
        label=_label(spec, spec.domains[0]),
        design="sdid",
        estimate=fit.result,
        means=_means(used.assign(group=groups), "group", "period"),
        change=pd.DataFrame(columns=["group", "improved", "unchanged", "deteriorated"]),
        n_treated=n_treated,
        n_comparison=int(used["area_code"].nunique()) - n_treated,
        data_sha256=fingerprint(used, ["area_code", "period", "value"]),
        batch_ids=tuple(sorted({int(b) for b in used["batch_id"].dropna()})),
        weights=fit.weights,
        synthetic=fit.result.path.copy(),
        start_period=fit.start,
    )
