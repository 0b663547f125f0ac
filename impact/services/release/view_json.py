"""``impact funder view``: exactly what a funder's dashboard shows, as data
(part of :mod:`impact.services.release`)."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from impact.errors import DataError, NotFoundError, PermissionDenied
from impact.i18n import t
from impact.services.dashboard import DashboardView, Filters
from impact.services.release import funder_dashboard, funder_filters, funder_options
from impact.store import orgs
from impact.store.engine import session_scope


def parse_period(text: str) -> tuple[int, int]:
    """``2024-Q1:2024-Q4`` (or ``K``) -> quarter indices (``year * 4 + q - 1``)."""
    try:
        low, high = (part.strip().upper() for part in text.split(":"))
        return _quarter(low), _quarter(high)
    except ValueError:
        raise DataError(t("release.bad_period", text=text)) from None


def _quarter(text: str) -> int:
    year, _, quarter = text.replace("K", "Q").partition("-Q")
    q = int(quarter)
    if not 1 <= q <= 4:
        raise ValueError(text)
    return int(year) * 4 + q - 1


def funder_account(*, engine: Engine, email: str) -> str:
    """The funder organisation (slug) ``email`` has the funder role in."""
    with session_scope(engine) as session:
        user = orgs.find_user(session=session, email=email)
        roles = orgs.memberships_of(session=session, user=user) if user else []
    funders = [org.slug for org, role in roles if role == "funder"]
    if not funders:
        raise PermissionDenied(t("release.not_a_funder", email=email))
    return funders[0]


def funder_view(
    *,
    engine: Engine,
    email: str,
    programme: str | None = None,
    wijk: str | None = None,
    period: str | None = None,
) -> dict[str, object]:
    """Exactly what ``email``'s funder dashboard shows for these filters, as
    plain JSON-ready data (``impact funder view``)."""
    slug = funder_account(engine=engine, email=email)
    options = funder_options(engine=engine, org_slug=slug, role="funder")
    ids: tuple[int, ...] = ()
    if programme is not None:
        match = [i for i, n in options.programmes if n == programme]
        if not match:
            raise NotFoundError(
                t("errors.programme_not_found", name=programme, org=slug)
            )
        ids = tuple(match)
    if wijk is not None and wijk not in options.wijken:
        choices = ", ".join(options.wijken) or "-"
        raise DataError(t("release.unknown_wijk", wijk=wijk, choices=choices))
    low, high = parse_period(period) if period else (None, None)
    flt = funder_filters(Filters(ids, (wijk,) if wijk else (), low, high))
    view = funder_dashboard(engine=engine, org_slug=slug, role="funder", filters=flt)
    return view_json(view, dict(options.programmes), ids)


def view_json(
    view: DashboardView, names: dict[int, str], ids: tuple[int, ...]
) -> dict[str, object]:
    """The view as JSON: the keys ``impact funder view`` promises."""

    def num(value: object) -> float | None:
        return None if value is None or value != value else float(str(value))

    def count(value: object) -> int | None:
        return None if value is None or value != value else int(float(str(value)))

    return {
        "programmes": sorted(n for i, n in names.items() if not ids or i in ids),
        "total_participants": count(view.participants),
        "wijken": view.wijken,
        "areas": view.areas,
        "min_cell": view.min_cell,
        "reach": [
            {"programme": r.programme, "wijk": r.wijk, "group": r.group,
             "participants": count(r.n)}
            for r in view.reach.itertuples()
        ],
        "outcomes": [
            {"programme": r.programme, "outcome": r.outcome, "group": r.group,
             "n": count(r.n), "mean": num(r.mean_after),
             "mean_before": num(r.mean_before), "mean_after": num(r.mean_after),
             "share_improved": num(r.share_improved),
             "share_deteriorated": num(r.share_deteriorated)}
            for r in view.outcomes.itertuples()
        ],
        "waves": [
            {"programme": r.programme, "outcome": r.outcome, "group": r.group,
             "wave": count(r.wave), "n": count(r.n), "mean": num(r.mean)}
            for r in view.waves.itertuples()
        ],
        "years": [
            {"programme": r.programme, "outcome": r.outcome, "group": r.group,
             "year": count(r.period), "n": count(r.n),
             "share_improved": num(r.share_improved)}
            for r in view.periods.itertuples()
        ],
        "area": [
            {"programme": r.programme, "indicator": r.indicator,
             "period": count(r.period), "arm": r.arm, "wijken": count(r.n),
             "mean": num(r.mean)}
            for r in view.area.itertuples()
        ],
    }  # fmt: skip
