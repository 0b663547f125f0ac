"""evidence packages

EvidenceTrust: the public keys a sector hub trusts, one per sending
organisation. EvidencePackage: verified packages (aggregates only); a newer
package of the same organisation and period marks the older one replaced.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 08:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('evidencetrust',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hub_id', sa.Integer(), nullable=False),
    sa.Column('source_slug', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('public_key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['hub_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('hub_id', 'source_slug')
    )
    with op.batch_alter_table('evidencetrust', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidencetrust_hub_id'), ['hub_id'], unique=False)

    op.create_table('evidencepackage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hub_id', sa.Integer(), nullable=False),
    sa.Column('source_slug', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('period', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('signed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('digest', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=True),
    sa.Column('imported_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('replaced_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['hub_id'], ['organisation.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('hub_id', 'digest')
    )
    with op.batch_alter_table('evidencepackage', schema=None) as batch_op:
        batch_op.create_index('ix_evidencepackage_hub_source', ['hub_id', 'source_slug', 'period'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('evidencepackage', schema=None) as batch_op:
        batch_op.drop_index('ix_evidencepackage_hub_source')
    op.drop_table('evidencepackage')
    with op.batch_alter_table('evidencetrust', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidencetrust_hub_id'))
    op.drop_table('evidencetrust')
