"""batch archive and reach targets

An undone import batch keeps its rows in two archive tables until it is
restored (``impact import --redo``) or purged after 30 days; each archived
pseudonym carries its key generation. Programmes get a reach target.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 08:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def _text(length: int, nullable: bool = False) -> dict[str, object]:
    return {
        'type_': sqlmodel.sql.sqltypes.AutoString(length=length),
        'nullable': nullable,
    }


def _keys() -> list[sa.Column]:
    return [
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('batch_id', sa.Integer(), nullable=False),
        sa.Column('programme_id', sa.Integer(), nullable=False),
    ]


def _constraints() -> list[sa.Constraint]:
    return [
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id']),
        sa.ForeignKeyConstraint(['batch_id'], ['importbatch.id']),
        sa.ForeignKeyConstraint(['programme_id'], ['programme.id']),
        sa.PrimaryKeyConstraint('id'),
    ]


def upgrade() -> None:
    op.create_table(
        'archivedmeasurement',
        *_keys(),
        sa.Column('pseudonym', **_text(40)),
        sa.Column('key_generation', sa.Integer(), nullable=False),
        sa.Column('group', **_text(12)),
        sa.Column('wijk', **_text(60, nullable=True)),
        sa.Column('instrument', **_text(60)),
        sa.Column('domain', **_text(60)),
        sa.Column('date', sa.Date(), nullable=True),
        sa.Column('wave', sa.Integer(), nullable=False),
        sa.Column('value', sa.Float(), nullable=False),
        sa.Column('rated_by', **_text(12, nullable=True)),
        *_constraints(),
    )
    op.create_index(
        'ix_archivedmeasurement_batch',
        'archivedmeasurement',
        ['organisation_id', 'batch_id'],
    )
    op.create_table(
        'archivedareaobservation',
        *_keys(),
        sa.Column('area_code', **_text(12)),
        sa.Column('period', sa.Integer(), nullable=False),
        sa.Column('indicator', **_text(60)),
        sa.Column('value', sa.Float(), nullable=False),
        sa.Column('first_treated', sa.Integer(), nullable=True),
        *_constraints(),
    )
    op.create_index(
        'ix_archivedareaobs_batch',
        'archivedareaobservation',
        ['organisation_id', 'batch_id'],
    )
    with op.batch_alter_table('programme') as batch:
        batch.add_column(sa.Column('reach_target', sa.Integer(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN in place (SQLite >= 3.35): copying the table
    # would drop 'programme', which participants reference, and fail
    with op.batch_alter_table('programme', recreate='never') as batch:
        batch.drop_column('reach_target')
    op.drop_index('ix_archivedareaobs_batch', table_name='archivedareaobservation')
    op.drop_table('archivedareaobservation')
    op.drop_index('ix_archivedmeasurement_batch', table_name='archivedmeasurement')
    op.drop_table('archivedmeasurement')
