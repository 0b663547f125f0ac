"""area names

AreaName: the public names of CBS area codes (gemeente, wijk, buurt) from CBS
Kerncijfers wijken en buurten (``impact cbs import``), so dashboards and
reports can show "Centrum (WK036300)" instead of a bare code.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 09:25:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('areaname',
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('gemeente_code', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    with op.batch_alter_table('areaname', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_areaname_gemeente_code'), ['gemeente_code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('areaname', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_areaname_gemeente_code'))
    op.drop_table('areaname')
