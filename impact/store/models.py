"""SQLModel tables (the schema Alembic migrates).

Participants are stored by pseudonym only: no name, address, birth date or BSN
ever reaches these tables (see ``impact.domain.pseudonym``).
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

GROUPS: tuple[str, ...] = ("treated", "comparison")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Organisation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=40)
    name: str = Field(max_length=200)
    kind: str = Field(default="provider", max_length=20)  # provider | funder
    #: identifies the organisation in key derivation; never the key itself
    key_id: str = Field(max_length=64)
    key_generation: int = Field(default=1)
    #: bumped in the same transaction by every write to the organisation's data
    #: (see impact.store.versions); caches key on it
    data_version: int = Field(default=0, sa_type=BigInteger)
    created_at: datetime = Field(default_factory=utcnow)


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(index=True, unique=True, max_length=254)
    display_name: str = Field(default="", max_length=200)
    password_hash: str | None = Field(default=None, max_length=200)
    oidc_subject: str | None = Field(default=None, index=True, max_length=255)
    is_active: bool = Field(default=True)
    failed_logins: int = Field(default=0)
    locked_until: datetime | None = None
    language: str = Field(default="nl", max_length=2)
    created_at: datetime = Field(default_factory=utcnow)


class Membership(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("user_id", "organisation_id"),)
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    role: str = Field(max_length=20)


class Programme(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("organisation_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    name: str = Field(max_length=200)
    theme: str = Field(default="", max_length=100)
    target_group: str = Field(default="", max_length=200)
    design: str = Field(default="participant", max_length=20)  # participant | area
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    yearly_cost: float | None = None
    #: how many people (participant design) or wijken (area design) it aims to reach
    reach_target: int | None = None
    wijken: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)


class Funding(SQLModel, table=True):
    """Which funder organisation may see which programme (aggregates only)."""

    __table_args__ = (UniqueConstraint("funder_id", "programme_id"),)
    id: int | None = Field(default=None, primary_key=True)
    funder_id: int = Field(foreign_key="organisation.id", index=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    amount: float | None = None


class Instrument(SQLModel, table=True):
    """An organisation-defined instrument (shipped ones live in code)."""

    __table_args__ = (UniqueConstraint("organisation_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    code: str = Field(max_length=60)
    name: str = Field(max_length=200)
    version: str = Field(default="1", max_length=20)
    kind: str = Field(default="numeric", max_length=10)  # numeric | binary
    domains: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    scale_min: float = 0
    scale_max: float = 1
    direction: str = Field(default="higher_better", max_length=20)
    reliability: float | None = None
    area_level: bool = False


class ImportBatch(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    user_id: int | None = Field(default=None, foreign_key="user.id")
    filename: str = Field(max_length=255)
    file_sha256: str = Field(index=True, max_length=64)
    kind: str = Field(default="participant", max_length=20)
    status: str = Field(default="imported", max_length=20)  # imported|undone|purged
    n_rows: int = 0
    n_inserted: int = 0
    n_skipped: int = 0
    problems: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)
    undone_at: datetime | None = None


class Participant(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("programme_id", "pseudonym"),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    programme_id: int = Field(foreign_key="programme.id", index=True)
    pseudonym: str = Field(max_length=40)
    group: str = Field(max_length=12)
    wijk: str | None = Field(default=None, max_length=60)
    start_date: dt.date | None = None
    batch_id: int | None = Field(default=None, foreign_key="importbatch.id")


class Measurement(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("participant_id", "instrument", "domain", "wave"),
        Index("ix_measurement_org_prog", "organisation_id", "programme_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    programme_id: int = Field(foreign_key="programme.id")
    participant_id: int = Field(foreign_key="participant.id")
    instrument: str = Field(max_length=60)
    domain: str = Field(max_length=60)
    date: dt.date | None = None
    wave: int = 0
    value: float
    rated_by: str | None = Field(default=None, max_length=12)
    batch_id: int | None = Field(default=None, foreign_key="importbatch.id", index=True)


class ChangeCell(SQLModel, table=True):
    """The dashboard's change figures, kept current by every write (see
    ``impact.store.summary``): per programme, outcome, group, wijk, intake quarter
    and change (``after - before``; NULL for people measured once), how many
    people and the sums of their scores."""

    __table_args__ = (
        Index("ix_changecell_org_prog", "organisation_id", "programme_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    programme_id: int = Field(foreign_key="programme.id")
    instrument: str = Field(max_length=60)
    domain: str = Field(max_length=60)
    group: str = Field(max_length=12)
    wijk: str | None = Field(default=None, max_length=60)
    period: int | None = None
    delta: float | None = None
    n: int
    sum_before: float
    sumsq_before: float
    sum_after: float
    sumsq_after: float
    wave_sum0: float | None = None
    wave_n0: int = 0
    wave_sum1: float | None = None
    wave_n1: int = 0
    wave_sum2: float | None = None
    wave_n2: int = 0
    wave_sum3: float | None = None
    wave_n3: int = 0
    wave_sum4: float | None = None
    wave_n4: int = 0
    wave_sum5: float | None = None
    wave_n5: int = 0


class ReachCell(SQLModel, table=True):
    """Participants with a measurement, per programme, group, wijk and intake
    quarter (kept current like :class:`ChangeCell`)."""

    __table_args__ = (
        Index("ix_reachcell_org_prog", "organisation_id", "programme_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    programme_id: int = Field(foreign_key="programme.id")
    group: str = Field(max_length=12)
    wijk: str | None = Field(default=None, max_length=60)
    period: int | None = None
    n_people: int


class AreaObservation(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("programme_id", "area_code", "indicator", "period"),
        Index("ix_areaobs_org_prog", "organisation_id", "programme_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    programme_id: int = Field(foreign_key="programme.id")
    area_code: str = Field(max_length=12)
    period: int
    indicator: str = Field(max_length=60)
    value: float
    first_treated: int | None = None
    batch_id: int | None = Field(default=None, foreign_key="importbatch.id", index=True)


class ArchivedMeasurement(SQLModel, table=True):
    """A measurement of an undone batch, kept so the batch can be restored
    (``impact import --redo``) until it is purged. The pseudonym is of key
    generation ``key_generation``; a restore re-keys it forward."""

    __table_args__ = (
        Index("ix_archivedmeasurement_batch", "organisation_id", "batch_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    batch_id: int = Field(foreign_key="importbatch.id")
    programme_id: int = Field(foreign_key="programme.id")
    pseudonym: str = Field(max_length=40)
    key_generation: int
    group: str = Field(max_length=12)
    wijk: str | None = Field(default=None, max_length=60)
    instrument: str = Field(max_length=60)
    domain: str = Field(max_length=60)
    date: dt.date | None = None
    wave: int = 0
    value: float
    rated_by: str | None = Field(default=None, max_length=12)


class ArchivedAreaObservation(SQLModel, table=True):
    """An area observation of an undone batch, kept until purged."""

    __table_args__ = (Index("ix_archivedareaobs_batch", "organisation_id", "batch_id"),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    batch_id: int = Field(foreign_key="importbatch.id")
    programme_id: int = Field(foreign_key="programme.id")
    area_code: str = Field(max_length=12)
    period: int
    indicator: str = Field(max_length=60)
    value: float
    first_treated: int | None = None


class ColumnMapping(SQLModel, table=True):
    """A confirmed column mapping of an organisation's own layout, for reuse."""

    __table_args__ = (UniqueConstraint("organisation_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    name: str = Field(max_length=100)
    mapping: dict[str, str] = Field(default_factory=dict, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)


class AnalysisPlan(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    programme_id: int = Field(foreign_key="programme.id")
    name: str = Field(max_length=200)
    spec: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    spec_sha256: str = Field(max_length=64)
    locked_at: datetime | None = None
    locked_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)


class ValueParameter(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("organisation_id", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    key: str = Field(max_length=80)
    label: str = Field(max_length=200)
    amount: float
    unit: str = Field(default="", max_length=100)
    price_year: int
    beneficiary: str = Field(default="gemeente", max_length=40)
    source: str = Field(default="", max_length=500)
    is_default: bool = True
    updated_at: datetime = Field(default_factory=utcnow)


class AuditEvent(SQLModel, table=True):
    """Append-only: who did what when; never client references or cell values."""

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int | None = Field(default=None, foreign_key="organisation.id")
    user_id: int | None = Field(default=None, foreign_key="user.id")
    actor: str = Field(default="", max_length=254)
    action: str = Field(index=True, max_length=40)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow, index=True)


class EvidenceTrust(SQLModel, table=True):
    """A public key a sector hub trusts for one sending organisation."""

    __table_args__ = (UniqueConstraint("hub_id", "source_slug"),)
    id: int | None = Field(default=None, primary_key=True)
    hub_id: int = Field(foreign_key="organisation.id", index=True)
    source_slug: str = Field(max_length=40)
    public_key: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class EvidencePackage(SQLModel, table=True):
    """A verified evidence package a hub imported (aggregates only).

    ``replaced_at`` is set when a newer package of the same organisation and
    period arrived; only packages without it are pooled.
    """

    __table_args__ = (
        UniqueConstraint("hub_id", "digest"),
        Index("ix_evidencepackage_hub_source", "hub_id", "source_slug", "period"),
    )
    id: int | None = Field(default=None, primary_key=True)
    hub_id: int = Field(foreign_key="organisation.id")
    source_slug: str = Field(max_length=40)
    period: str = Field(max_length=40)
    signed_at: datetime
    digest: str = Field(max_length=64)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    imported_at: datetime = Field(default_factory=utcnow)
    replaced_at: datetime | None = None


class AreaName(SQLModel, table=True):
    """The public name of a CBS area code (gemeente, wijk or buurt), from CBS
    *Kerncijfers wijken en buurten*. Public data, so one table for everyone;
    ``source`` names the CBS table (e.g. ``85984NED``)."""

    code: str = Field(primary_key=True, max_length=12)
    name: str = Field(max_length=120)
    level: str = Field(max_length=8)
    gemeente_code: str = Field(max_length=8, index=True)
    source: str = Field(max_length=40)
    updated_at: datetime = Field(default_factory=utcnow)
