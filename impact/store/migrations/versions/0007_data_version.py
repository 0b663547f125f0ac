"""data version per organisation; drop the unused estimaterun table

Organisation.data_version: bumped in the same transaction by every write path
(impact.store.versions); the dashboard caches key on it. This migration also
bumps it (a migration is a write path). EstimateRun was never written or read.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 09:35:00
"""

from __future__ import annotations

import time

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        'organisation',
        sa.Column('data_version', sa.BigInteger(), nullable=False, server_default='0'),
    )
    op.execute(
        sa.text('UPDATE organisation SET data_version = :now').bindparams(
            now=int(time.time() * 1_000_000)
        )
    )
    with op.batch_alter_table('estimaterun', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_estimaterun_organisation_id'))
    op.drop_table('estimaterun')


def downgrade() -> None:
    op.create_table('estimaterun',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('spec', sa.JSON(), nullable=True),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('data_sha256', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('follows_plan', sa.Boolean(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by'], ['user.id'], ),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.ForeignKeyConstraint(['plan_id'], ['analysisplan.id'], ),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('estimaterun', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_estimaterun_organisation_id'), ['organisation_id'], unique=False)
    # a plain ALTER TABLE (SQLite >= 3.35 too): a batch copy of organisation
    # would have to drop a table every other table references
    op.drop_column('organisation', 'data_version')
