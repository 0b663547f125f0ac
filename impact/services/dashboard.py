"""Dashboard use case: SQL cells once per data version, then filters and views.

:func:`load_cells` runs the GROUP BY queries of :mod:`impact.store.aggregates`
(one pass over the measurements); the app caches its result keyed by
organisation, role and :func:`data_version`, so an import or an undo shows up at
the next refresh. :func:`build_view` filters the small cell frames by programme,
wijk and intake period and computes what the page shows; for a funder every
figure describing fewer than ``IMPACT_MIN_CELL`` people is suppressed.

"Improved" here is the dashboard's monitoring figure (a reliable change per
person, see :func:`change_rule`); effect estimates come from ``impact.estimate``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy.engine import Engine

from impact.domain.instruments import SHIPPED, Instrument, domain_label
from impact.i18n import current_language, t
from impact.services.dashboard_views import (
    area_view,
    outcome_view,
    period_view,
    reach_view,
    wave_view,
)
from impact.services.permissions import allowed, require
from impact.store import aggregates as agg
from impact.store import areas, orgs
from impact.store.engine import session_scope

#: |RCI| above this is a reliable change (Jacobson & Truax 1991)
RCI_CRITICAL = 1.96


@dataclass(frozen=True, slots=True)
class Filters:
    """What the user selected; empty means everything."""

    programme_ids: tuple[int, ...] = ()
    wijken: tuple[str, ...] = ()
    period_from: int | None = None
    period_to: int | None = None


@dataclass(frozen=True, slots=True)
class DashboardCells:
    """The SQL aggregates of one scope (cacheable: plain frames and dicts)."""

    programmes: pd.DataFrame  # id, name, design, theme
    change: pd.DataFrame  # aggregates.CHANGE_COLUMNS
    reach: pd.DataFrame  # aggregates.REACH_COLUMNS
    area: pd.DataFrame  # aggregates.AREA_COLUMNS
    rules: dict[str, agg.ChangeRule]
    instruments: dict[str, tuple[str, int]]  # code -> (name, number of domains)
    #: wijk code -> public name (from ``impact cbs import``), where known
    area_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DashboardView:
    """What the dashboard shows, already filtered (and suppressed for funders).

    Frames (one row per cell, ``None`` where suppressed):
    ``reach``: programme, wijk, group, n; ``outcomes``: programme, outcome, group,
    n, mean_before, mean_after, share_improved, share_deteriorated, rule;
    ``waves``: programme, outcome, group, wave, n, mean; ``periods``: programme,
    outcome, group, period, n, share_improved; ``area``: programme, indicator,
    period, arm, n, mean.
    """

    participants: int | None
    programmes: int
    wijken: int
    reach: pd.DataFrame
    outcomes: pd.DataFrame
    waves: pd.DataFrame
    periods: pd.DataFrame
    area: pd.DataFrame
    min_cell: int | None
    #: wijken of the area programmes in view (``None``: none in view); an area
    #: programme counts wijken and their residents, never participants
    areas: int | None = None


def area_wijken(area: pd.DataFrame) -> int | None:
    """Wijken of the area programmes in ``area`` (an area view frame with
    ``programme``, ``indicator``, ``period``, ``n``): per programme the most
    wijken observed in one period, summed over programmes."""
    if area.empty:
        return None
    per_period = area.groupby(["programme", "indicator", "period"])["n"].sum()
    return int(per_period.groupby(level="programme").max().sum())


def _scope(role: str) -> bool:
    """Check the role may see a dashboard; True when it is a funder's."""
    if allowed(role, "view_funded"):
        return True
    require(role, "view_dashboard")
    return False


def min_cell_for(role: str) -> int | None:
    """The suppression threshold of a role's dashboard: funders get
    ``IMPACT_MIN_CELL``, staff of the organisation see every cell."""
    from impact.config import get_settings

    return get_settings().min_cell if _scope(role) else None


def change_rule(spec: Instrument) -> agg.ChangeRule:
    """How the dashboard decides that one person improved on ``spec``.

    Reliability known: Reliable Change Index (change beyond 1.96 x S_diff, with
    the SD of the before scores); else a yes/no outcome: a move to the better
    state; else a minimal important change when the instrument has one; else
    the outcome is not classified.
    """
    better = spec.direction == "higher_better"
    if spec.kind == "binary":
        return agg.ChangeRule(spec.code, better, "binary", 1.0)
    if spec.reliability is not None and 0 < spec.reliability < 1:
        factor = RCI_CRITICAL**2 * 2 * (1 - spec.reliability)
        return agg.ChangeRule(spec.code, better, "rci", factor)
    if spec.mcid is not None:
        return agg.ChangeRule(spec.code, better, "mcid", spec.mcid)
    return agg.ChangeRule(spec.code, better, "none")


def rule_text(rule: agg.ChangeRule | None) -> str:
    """The rule in words, for the caption under the chart."""
    if rule is None or rule.mode == "none":
        return t("app.dash.rule.none")
    if rule.mode == "rci":
        reliability = 1 - rule.value / (2 * RCI_CRITICAL**2)
        return t("app.dash.rule.rci", reliability=f"{reliability:.2f}")
    if rule.mode == "mcid":
        return t("app.dash.rule.mcid", points=f"{rule.value:g}")
    return t("app.dash.rule.binary")


def data_version(*, engine: Engine, org_slug: str, role: str) -> tuple[int, int]:
    """Changes whenever an import or undo changes the data in scope (cache key)."""
    as_funder = _scope(role)
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        return agg.data_version(session=session, org=org, as_funder=as_funder)


def load_cells(*, engine: Engine, org_slug: str, role: str) -> DashboardCells:
    """All dashboard aggregates of the organisation (staff only: a funder's
    figures come from :mod:`impact.services.release`)."""
    require(role, "view_dashboard")
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        registry = agg.scoped_instruments(session=session, org=org)
        rules = {code: change_rule(spec) for code, spec in registry.items()}
        cells = agg.outcome_cells(session=session, org=org, rules=list(rules.values()))
        area = agg.area_cells(session=session, org=org)
        progs = agg.scoped_programmes(session=session, org=org)
        wijk_names = areas.area_names(
            session=session, codes=cells.reach["wijk"].dropna().astype(str)
        )
    frame = pd.DataFrame(
        [(p.id, p.name, p.design, p.theme) for p in progs],
        columns=["id", "name", "design", "theme"],
    )
    names = {code: (s.name, len(s.domains)) for code, s in registry.items()}
    return DashboardCells(
        frame, cells.change, cells.reach, area, rules, names, wijk_names
    )


@dataclass(frozen=True, slots=True)
class FilterOptions:
    programmes: list[tuple[int, str]]
    wijken: list[str]
    periods: list[int]
    #: wijk code -> "Name (code)" for the filter (the code alone when unnamed)
    wijk_labels: dict[str, str] = field(default_factory=dict)


def filter_options(cells: DashboardCells) -> FilterOptions:
    """The choices the filters offer (only what occurs in the data)."""
    wijken = sorted({str(w) for w in cells.reach["wijk"].dropna()})
    periods = sorted({int(p) for p in cells.reach["period"].dropna()})
    progs = [(int(i), str(n)) for i, n in cells.programmes[["id", "name"]].values]
    labels = {w: areas.area_label(w, cells.area_names) for w in wijken}
    return FilterOptions(progs, wijken, periods, labels)


def period_label(period: int) -> str:
    """``8092`` → ``"2023 K1"`` (nl) / ``"2023 Q1"`` (en)."""
    return t("app.dash.quarter", year=period // 4, quarter=period % 4 + 1)


def outcome_label(cells: DashboardCells, instrument: str, domain: str) -> str:
    """Short and as in the reports: ``ZRM · Financiën``, ``SWEMWBS``; an own
    instrument by its name."""
    name, n_domains = cells.instruments.get(instrument, (instrument, 1))
    if instrument in SHIPPED and not SHIPPED[instrument].area_level:
        name = instrument.upper()  # ZRM, PG, SWEMWBS: acronyms; "cohesie" is a word
    if n_domains <= 1 or domain == instrument:
        return name
    return f"{name} · {domain_label(domain, current_language())}"


def _filtered(frame: pd.DataFrame, flt: Filters, programme: str) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    if flt.programme_ids:
        keep &= frame[programme].isin(flt.programme_ids)
    if flt.wijken and "wijk" in frame:
        keep &= frame["wijk"].isin(flt.wijken)
    if "period" in frame and (flt.period_from is not None or flt.period_to is not None):
        low = flt.period_from if flt.period_from is not None else -1
        high = flt.period_to if flt.period_to is not None else 10**9
        keep &= frame["period"].between(low, high)
    return frame[keep]


def build_view(
    cells: DashboardCells, flt: Filters, *, min_cell: int | None = None
) -> DashboardView:
    """Filter the cells and compute the dashboard's frames.

    ``min_cell`` (funders): every figure about fewer people is ``None``.
    """
    names = dict(zip(cells.programmes["id"], cells.programmes["name"], strict=True))
    change = _filtered(cells.change, flt, "programme_id")
    reach = _filtered(cells.reach, flt, "programme_id")
    labels = {
        (i, d): outcome_label(cells, i, d)
        for i, d in change[["instrument", "domain"]].drop_duplicates().values
    }
    texts = {code: rule_text(rule) for code, rule in cells.rules.items()}
    area = cells.area
    if flt.programme_ids:
        area = area[area["programme_id"].isin(flt.programme_ids)]
    people = int(reach["n_people"].sum())
    shown = sorted(set(reach["programme_id"]) | set(area["programme_id"]))
    area_frame = _with_indicator_labels(area_view(area, names), cells)
    return DashboardView(
        participants=None if _small(people, min_cell) else people,
        programmes=len(shown),
        wijken=int(reach["wijk"].nunique()),
        reach=_with_wijk_names(reach_view(reach, names, min_cell), cells),
        outcomes=outcome_view(change, names, labels, texts, min_cell),
        waves=wave_view(change, names, labels, min_cell),
        periods=_with_period_labels(period_view(change, names, labels, min_cell)),
        area=area_frame,
        min_cell=min_cell,
        areas=area_wijken(area_frame),
    )


def _with_wijk_names(frame: pd.DataFrame, cells: DashboardCells) -> pd.DataFrame:
    """Wijk codes shown as ``Name (code)`` where CBS names were imported."""
    if not cells.area_names or "wijk" not in frame:
        return frame
    return frame.assign(
        wijk=[areas.area_label(str(w), cells.area_names) for w in frame["wijk"]]
    )


def _with_period_labels(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(period_label=[period_label(int(p)) for p in frame["period"]])


def _with_indicator_labels(frame: pd.DataFrame, cells: DashboardCells) -> pd.DataFrame:
    labels = [outcome_label(cells, str(i), str(i)) for i in frame["indicator"]]
    return frame.assign(indicator_label=labels)


def _small(n: int, min_cell: int | None) -> bool:
    return min_cell is not None and 0 < n < min_cell


def effect_summary(
    *,
    engine: Engine,
    org_slug: str,
    role: str,
    programme_ids: tuple[int, ...] = (),
    lang: str = "nl",
) -> pd.DataFrame:
    """Current effect estimate per programme and outcome, with its interval,
    inference method and evidence label (``impact.services.effects``).

    Runs the estimators on participant-level data, so the app calls it on request
    and caches it per data version. Its texts (design, method, notes) are in
    ``lang``, so a cache of it must be keyed by the language. Staff only: a
    funder's effect table comes from :func:`impact.services.release.funder_effects`.
    """
    from impact.services.effects import effect_rows

    require(role, "view_dashboard")
    return effect_rows(
        engine=engine,
        org_slug=org_slug,
        as_funder=False,
        programme_ids=programme_ids,
        lang=lang,
    )
