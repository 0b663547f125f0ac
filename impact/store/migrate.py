"""Schema migrations with Alembic (``impact db upgrade``).

The migration scripts ship inside the package, so an installed ``impact`` can
upgrade any database without a checkout.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from impact.store import versions
from impact.store.engine import database_url, get_engine

MIGRATIONS = Path(__file__).with_name("migrations")
#: PostgreSQL advisory lock key held while migrating ("wijkimpact" as a number)
MIGRATION_LOCK = 0x77696A6B


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    # '%' is interpolation syntax in ConfigParser
    cfg.set_main_option("sqlalchemy.url", database_url(url).replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None, revision: str = "head") -> str | None:
    """Bring the database to ``revision``; returns the revision it is now at."""
    engine = get_engine(url)
    cfg = alembic_config(url)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # app replicas starting together migrate one after the other
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}
            )
        cfg.attributes["connection"] = connection
        before = MigrationContext.configure(connection).get_current_revision()
        command.upgrade(cfg, revision)
        after = MigrationContext.configure(connection).get_current_revision()
        if after != before:  # a migration is a write path: bump every version
            _bump_all(connection)
    return current_revision(engine)


def _bump_all(connection: Connection) -> None:
    columns = {c["name"] for c in inspect(connection).get_columns("organisation")}
    if "data_version" in columns:  # from revision 0007 on
        connection.execute(versions.bump_all_statement())


def current_revision(engine: Engine | None = None) -> str | None:
    with (engine or get_engine()).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def is_up_to_date(engine: Engine | None = None) -> bool:
    return current_revision(engine) == head_revision()
