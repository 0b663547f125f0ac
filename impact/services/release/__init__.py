"""The one release path for aggregate-only readers (funders).

Every figure a funder sees — the dashboard's numbers, tables and the data of its
charts, the effect table, report text and tables in every format, the report's
embedded JSON and ``impact funder view`` — is computed here from a *release*:
per funded programme a fixed set of jointly protected tables over (wijk, group,
intake year) with every margin (:mod:`impact.services.release.cubes`,
:func:`impact.domain.suppression.protect`). A filter only *selects* cells of
those tables, and a figure that spans several cells (all programmes together)
is a sum of published cells or hidden; so no combination of filters, pages
and reports gives a funder a linear combination the tables did not already
publish. ``tests/security/test_release_only.py`` checks by introspection that
no other funder-facing path hands out aggregates. Rules and their cost:
``docs/security.md``, "Release to funders".

Funders filter by one wijk (or all) and one intake year (or all); a period
filter must cover whole years (``2024-Q1:2024-Q4``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from threading import Lock

import pandas as pd
from sqlalchemy.engine import Engine

from impact.domain.suppression import TOTAL, Key
from impact.errors import DataError
from impact.i18n import current_language, t
from impact.services.dashboard import (
    DashboardCells,
    DashboardView,
    Filters,
    area_wijken,
    change_rule,
    data_version,
    outcome_label,
    rule_text,
)
from impact.services.dashboard_views import area_view
from impact.services.permissions import require
from impact.services.release.cubes import (
    UNKNOWN,
    Cube,
    outcome_cubes,
    reach_cubes,
    wave_cubes,
)
from impact.store import aggregates as agg
from impact.store import data, orgs
from impact.store.engine import session_scope

GROUPS = ("treated", "comparison")
#: releases kept in memory (one per funder and data version)
_CACHE_SIZE = 32


@dataclass(frozen=True, slots=True)
class Release:
    """The protected tables of one funder's programmes at one data version."""

    min_cell: int
    round_to: int
    meta: DashboardCells  # programme names and instruments; no cells
    reach: dict[int, Cube]
    outcomes: dict[tuple[int, str, str], Cube]
    waves: dict[tuple[int, str, str, int], Cube]
    area: pd.DataFrame  # public-grade: indicators of whole wijken
    measurements: dict[int, int]
    area_programmes: frozenset[int]

    @property
    def names(self) -> dict[int, str]:
        frame = self.meta.programmes
        return {int(i): str(n) for i, n in zip(frame["id"], frame["name"], strict=True)}

    def round(self, n: int | None) -> int | None:
        """A published count, rounded to ``round_to`` when set (CBS practice)."""
        if n is None or self.round_to <= 1:
            return n
        return int(self.round_to * round(n / self.round_to))


@dataclass(frozen=True, slots=True)
class FunderFilters:
    """What a funder can select: programmes, one wijk, one intake year."""

    programme_ids: tuple[int, ...] = ()
    wijk: str | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class FunderOptions:
    programmes: list[tuple[int, str]]
    wijken: list[str]
    years: list[int]


def settings_for_release() -> tuple[int, int]:
    """(``IMPACT_MIN_CELL``, ``IMPACT_ROUND_COUNTS``)."""
    from impact.config import get_settings

    settings = get_settings()
    return settings.min_cell, settings.round_counts


def build_release(
    cells: DashboardCells,
    measurements: dict[int, int],
    min_cell: int,
    round_to: int = 1,
) -> Release:
    """Protect every table of ``cells`` (one funder's programmes)."""
    reach = reach_cubes(cells.reach, min_cell)
    outcomes = outcome_cubes(cells.change, reach, min_cell)
    waves = wave_cubes(cells.change, outcomes, min_cell)
    meta = DashboardCells(
        cells.programmes,
        cells.change.iloc[0:0],
        cells.reach.iloc[0:0],
        cells.area.iloc[0:0],
        cells.rules,
        cells.instruments,
    )
    area_ids = frozenset(int(p) for p in cells.area["programme_id"]) - set(reach)
    return Release(
        min_cell,
        round_to,
        meta,
        reach,
        outcomes,
        waves,
        cells.area,
        measurements,
        area_ids,
    )


_releases: OrderedDict[tuple[object, ...], Release] = OrderedDict()
_lock = Lock()


def _cached(key: tuple[object, ...], make: Callable[[], Release]) -> Release:
    with _lock:
        if key in _releases:
            _releases.move_to_end(key)
            return _releases[key]
    release = make()
    with _lock:
        _releases[key] = release
        while len(_releases) > _CACHE_SIZE:
            _releases.popitem(last=False)
    return release


def _cells(
    engine: Engine, org_slug: str, as_funder: bool, ids: tuple[int, ...] = ()
) -> tuple[DashboardCells, dict[int, int]]:
    """Cells of ``org_slug`` (a funder: its funded programmes), restricted to
    ``ids`` when given, protected. A programme's tables depend on its own cells
    only, so a funder's dashboard and a report of the programme agree."""
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=org_slug)
        registry = agg.scoped_instruments(session=session, org=org, as_funder=as_funder)
        rules = {code: change_rule(spec) for code, spec in registry.items()}
        cells = agg.outcome_cells(
            session=session, org=org, rules=list(rules.values()), as_funder=as_funder
        )
        area = agg.area_cells(session=session, org=org, as_funder=as_funder)
        progs = agg.scoped_programmes(session=session, org=org, as_funder=as_funder)
        counts = (
            data.funded_programme_counts(session=session, funder=org)
            if as_funder
            else data.programme_counts(session=session, org=org)
        )
    keep = [p for p in progs if not ids or p.id in ids]
    frame = pd.DataFrame(
        [(p.id, p.name, p.design, p.theme) for p in keep],
        columns=["id", "name", "design", "theme"],
    )
    chosen = set(frame["id"])
    names = {code: (s.name, len(s.domains)) for code, s in registry.items()}
    scoped = DashboardCells(
        frame,
        cells.change[cells.change["programme_id"].isin(chosen)],
        cells.reach[cells.reach["programme_id"].isin(chosen)],
        area[area["programme_id"].isin(chosen)],
        rules,
        names,
    )
    measurements = {int(p.id or 0): int(m) + int(a) for p, _n, m, a in counts}
    return scoped, measurements


def _load(
    engine: Engine, org_slug: str, as_funder: bool, ids: tuple[int, ...] = ()
) -> Release:
    """The cells of :func:`_cells`, protected."""
    min_cell, round_to = settings_for_release()
    scoped, measurements = _cells(engine, org_slug, as_funder, ids)
    return build_release(scoped, measurements, min_cell, round_to)


def release_for(*, engine: Engine, org_slug: str, role: str) -> Release:
    """The release of a funder organisation (cached per data version)."""
    require(role, "view_funded")
    version = data_version(engine=engine, org_slug=org_slug, role=role)
    key = (str(engine.url), "funder", org_slug, version, *settings_for_release())
    return _cached(key, lambda: _load(engine, org_slug, True))


def programme_release(
    *, engine: Engine, owner_slug: str, programme_ids: tuple[int, ...]
) -> Release:
    """The release of some programmes of their owner (a funder report of them,
    ``impact report --funder``): the same tables a funder of them gets."""
    with session_scope(engine) as session:
        org = orgs.get_organisation(session=session, slug=owner_slug)
        version = agg.data_version(session=session, org=org)
    key: tuple[object, ...] = (str(engine.url), "owner", owner_slug, programme_ids)
    key += (version, *settings_for_release())
    return _cached(key, lambda: _load(engine, owner_slug, False, programme_ids))


# --- filters -------------------------------------------------------------------


def funder_filters(flt: Filters) -> FunderFilters:
    """A dashboard filter as a funder may set it: one wijk, whole years.

    Raises :class:`DataError` (with the allowed choice) for anything else:
    figures for two wijken or a part of a year are not in the release.
    """
    if len(flt.wijken) > 1:
        raise DataError(t("release.one_wijk"))
    year = None
    if flt.period_from is not None or flt.period_to is not None:
        low = flt.period_from if flt.period_from is not None else None
        high = flt.period_to if flt.period_to is not None else None
        if low is None or high is None or low % 4 != 0 or high != low + 3:
            raise DataError(t("release.whole_year"))
        year = low // 4
    return FunderFilters(flt.programme_ids, flt.wijken[0] if flt.wijken else None, year)


def funder_options(*, engine: Engine, org_slug: str, role: str) -> FunderOptions:
    """The programmes, wijken and intake years a funder can choose from."""
    release = release_for(engine=engine, org_slug=org_slug, role=role)
    wijken: set[str] = set()
    years: set[int] = set()
    for cube in release.reach.values():
        for w, _g, y in cube.table.values:
            if w not in (TOTAL, UNKNOWN):
                wijken.add(w)
            if y not in (TOTAL, UNKNOWN):
                years.add(int(y))
    return FunderOptions(
        sorted(release.names.items(), key=lambda p: p[1]), sorted(wijken), sorted(years)
    )


def _selected(release: Release, flt: FunderFilters) -> list[int]:
    ids = sorted(release.names)
    return [i for i in ids if not flt.programme_ids or i in flt.programme_ids]


def _cell(flt: FunderFilters, group: str = TOTAL, year: str | None = None) -> Key:
    wijk = flt.wijk or TOTAL
    when = year if year is not None else (str(flt.year) if flt.year else TOTAL)
    return (wijk, group, when)


# --- the dashboard ---------------------------------------------------------------


def funder_dashboard(
    *, engine: Engine, org_slug: str, role: str, filters: FunderFilters
) -> DashboardView:
    """What a funder's dashboard shows for ``filters`` (``None``: hidden)."""
    release = release_for(engine=engine, org_slug=org_slug, role=role)
    return dashboard_view(release, filters)


def dashboard_view(release: Release, flt: FunderFilters) -> DashboardView:
    """Select the published cells of ``release`` that ``flt`` asks for."""
    from impact.services.release.views import (
        outcome_frame,
        period_frame,
        reach_frame,
        wave_frame,
    )

    ids = _selected(release, flt)
    people = [release.reach[i].count(_cell(flt)) for i in ids if i in release.reach]
    total = None if None in people else sum(p or 0 for p in people)
    reach = reach_frame(release, ids, flt)
    wijken = {w for w, n in zip(reach["wijk"], reach["n"], strict=True) if n != 0}
    area = release.area[release.area["programme_id"].isin(ids)]
    area_frame = area_view(area, release.names)
    labels = [
        outcome_label(release.meta, str(i), str(i)) for i in area_frame["indicator"]
    ]
    return DashboardView(
        participants=release.round(total) if people or area.empty else None,
        programmes=len(
            [i for i in ids if i in release.reach or i in release.area_programmes]
        ),
        wijken=len(wijken - {UNKNOWN}),
        reach=reach,
        outcomes=outcome_frame(release, ids, flt, _rules(release)),
        waves=wave_frame(release, ids, flt),
        periods=period_frame(release, ids, flt),
        area=area_frame.assign(indicator_label=labels),
        min_cell=release.min_cell,
        areas=area_wijken(area_frame),
    )


def _rules(release: Release) -> dict[str, str]:
    return {code: rule_text(rule) for code, rule in release.meta.rules.items()}


# --- effect estimates ------------------------------------------------------------


def funder_effects(
    *, engine: Engine, org_slug: str, role: str, programme_ids: tuple[int, ...] = ()
) -> pd.DataFrame:
    """The effect table of a funder: an estimate is shown only where every group
    it compares is published in the release (whole programme, all years)."""
    from impact.services.effects import effect_rows

    release = release_for(engine=engine, org_slug=org_slug, role=role)
    frame = effect_rows(
        engine=engine,
        org_slug=org_slug,
        as_funder=True,
        programme_ids=programme_ids,
        min_cell=release.min_cell,
        lang=current_language(),
    )
    ids = {name: pid for pid, name in release.names.items()}
    hide = [
        _effect_hidden(release, ids.get(str(p)), str(i), str(d))
        for p, i, d in zip(
            frame["programme"], frame["instrument"], frame["domain"], strict=True
        )
    ]
    columns = ["estimate", "ci_low", "ci_high", "n_treated", "n_comparison"]
    out = frame.astype(dict.fromkeys(columns, object))
    out.loc[hide, columns] = None
    out.loc[hide, "inference"] = ""
    out.loc[hide, "note"] = t("app.effects.suppressed", min_cell=release.min_cell)
    return out.drop(columns=["instrument", "domain"])


def _effect_hidden(
    release: Release, pid: int | None, instrument: str, domain: str
) -> bool:
    if pid is None:
        return True
    if pid in release.area_programmes:
        return False  # wijken, not people: public-grade indicators
    cube = release.outcomes.get((pid, instrument, domain))
    if cube is None:
        return True
    groups = {g for _w, g, _y in cube.table.values if g != TOTAL}
    return any(cube.count((TOTAL, g, TOTAL)) is None for g in groups)


# --- the programme list ----------------------------------------------------------


def funder_programmes(
    *, engine: Engine, org_slug: str, role: str
) -> list[dict[str, object]]:
    """The programme list of a funder: people from the release (all wijken, all
    years), measurements only beside a published count of people; area
    programmes count wijken (``areas``), not people."""
    release = release_for(engine=engine, org_slug=org_slug, role=role)
    frame = release.meta.programmes
    rows = []
    for pid, name, design, theme in frame[["id", "name", "design", "theme"]].values:
        cube = release.reach.get(int(pid))
        people = cube.count((TOTAL, TOTAL, TOTAL)) if cube is not None else None
        area = release.area[release.area["programme_id"] == pid]
        rows.append(
            {
                "id": int(pid),
                "name": str(name),
                "theme": theme,
                "design": design,
                "participants": release.round(people),
                "measurements": release.measurements.get(int(pid))
                if people is not None
                else None,
                "areas": _areas(area) if int(pid) in release.area_programmes else None,
            }
        )
    return rows


def _areas(area: pd.DataFrame) -> int:
    """Wijken of an area programme (the largest number observed in a period)."""
    if area.empty:
        return 0
    per_period = area.groupby(["indicator", "period"])["n_areas"].sum()
    return int(per_period.max())
