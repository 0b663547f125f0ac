"""Load the demo organisation (slug ``demo``): idempotent, no configuration."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from impact.errors import ConfigError
from impact.i18n import t
from impact.sample import generate as sample
from impact.sample import sector as sample_sector
from impact.services import admin, auth
from impact.services.demo_sector import HUB_SLUG, load_sector_demo
from impact.services.imports import frames_sha256, import_frames
from impact.store import orgs, programmes
from impact.store.engine import write_scope

DEMO_SLUG = "demo"
FUNDER_SLUG = "gemeente-wijkstad"
DEMO_PASSWORD = "wijkimpact-demo"  # noqa: S105 - a published demo password
DEMO_USERS: tuple[tuple[str, str, str], ...] = (
    *(
        (
            f"{role}@demo.wijkimpact.nl",
            DEMO_SLUG if role != "funder" else FUNDER_SLUG,
            role,
        )
        for role in ("admin", "analyst", "uploader", "viewer", "funder")
    ),
    ("sector@demo.wijkimpact.nl", "demo-sector", "sector"),
)
FUNDED = (sample.DEBT, sample.BUURTHUIS)
#: every organisation the demo creates (``impact doctor`` looks for them)
DEMO_ORG_SLUGS: tuple[str, ...] = (
    DEMO_SLUG,
    FUNDER_SLUG,
    HUB_SLUG,
    *(slug for slug, _name, _named, _results in sample_sector.ORGANISATIONS),
)


@dataclass(frozen=True)
class DemoLoad:
    created: bool
    inserted: int
    logins: tuple[tuple[str, str, str], ...]


def refuse_in_production() -> None:
    """The demo has a published password: never in production."""
    from impact.config import get_settings

    if get_settings().environment == "production":
        raise ConfigError(t("security.demo_in_production"), code="demo_production")


def load_demo(engine: Engine) -> DemoLoad:
    """Create the demo organisations, programmes, users and data where missing."""
    refuse_in_production()
    created = _ensure_structure(engine)
    data = sample.demo_data()
    result = import_frames(
        engine=engine,
        org_slug=DEMO_SLUG,
        measurements=data.measurements,
        area=data.area_observations,
        filename="demo-data",
        file_sha256=frames_sha256(data.measurements, data.area_observations),
        actor="demo",
    )
    load_sector_demo(engine)  # the fictional sector: a hub and signed packages
    for email, slug, role in DEMO_USERS:
        admin.add_user(
            engine=engine,
            email=email,
            org_slug=slug,
            role=role,
            password=None,
            actor="demo",
        )
    if created:
        _publish_demo_password(engine)
    logins = tuple((email, role, DEMO_PASSWORD) for email, _slug, role in DEMO_USERS)
    return DemoLoad(created, result.inserted, logins)


def _publish_demo_password(engine: Engine) -> None:
    """Give the new demo accounts the published password (not a policy-checked
    choice: it is in the README; production refuses it, see ``impact doctor``)."""
    hashed = auth.hash_published_password(DEMO_PASSWORD)
    with write_scope(engine) as session:
        for email, _slug, _role in DEMO_USERS:
            user = orgs.find_user(session=session, email=email)
            if user is not None and user.password_hash is None:
                user.password_hash = hashed
                session.add(user)


def _ensure_structure(engine: Engine) -> bool:
    with write_scope(engine) as session:
        if orgs.find_organisation(session=session, slug=DEMO_SLUG) is not None:
            return False
        org = orgs.create_organisation(
            session=session, slug=DEMO_SLUG, name="Welzijn Wijkstad (demo)"
        )
        funder = orgs.create_organisation(
            session=session,
            slug=FUNDER_SLUG,
            name="Gemeente Wijkstad (demo)",
            kind="funder",
        )
        for spec in sample.CUSTOM_INSTRUMENTS:
            programmes.save_instrument(session=session, org=org, spec=spec)
        for p in sample.PROGRAMMES:
            row = programmes.upsert_programme(
                session=session,
                org=org,
                name=p.name,
                theme=p.theme,
                target_group=p.target_group,
                design=p.design,
                start_date=p.start_date,
                yearly_cost=p.yearly_cost,
                wijken=list(p.wijken),
            )
            if p.name in FUNDED:
                orgs.grant_funding(session=session, funder=funder, programme=row)
        return True
