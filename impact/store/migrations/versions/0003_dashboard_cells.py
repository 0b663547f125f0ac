"""dashboard cells

ChangeCell and ReachCell hold the dashboard's aggregates, kept current by every
write (impact.store.summary), so the first dashboard view after an import no
longer groups every measurement. This migration creates them and fills them from
the measurements already stored (one GROUP BY over all of them, once).

The backfill is written out here rather than imported, so that later changes to
the application code cannot change what this migration does.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30 02:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op
from sqlalchemy import Integer, case, func

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

MAX_WAVES = 6


def _wave_columns() -> list[sa.Column]:
    columns = []
    for k in range(MAX_WAVES):
        columns += [
            sa.Column(f'wave_sum{k}', sa.Float(), nullable=True),
            sa.Column(f'wave_n{k}', sa.Integer(), nullable=False),
        ]
    return columns


def upgrade() -> None:
    op.create_table('changecell',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('instrument', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('domain', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('group', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('wijk', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('period', sa.Integer(), nullable=True),
    sa.Column('delta', sa.Float(), nullable=True),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.Column('sum_before', sa.Float(), nullable=False),
    sa.Column('sumsq_before', sa.Float(), nullable=False),
    sa.Column('sum_after', sa.Float(), nullable=False),
    sa.Column('sumsq_after', sa.Float(), nullable=False),
    *_wave_columns(),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('changecell', schema=None) as batch_op:
        batch_op.create_index('ix_changecell_org_prog', ['organisation_id', 'programme_id'], unique=False)

    op.create_table('reachcell',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('group', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('wijk', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
    sa.Column('period', sa.Integer(), nullable=True),
    sa.Column('n_people', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('reachcell', schema=None) as batch_op:
        batch_op.create_index('ix_reachcell_org_prog', ['organisation_id', 'programme_id'], unique=False)

    _backfill()


def downgrade() -> None:
    with op.batch_alter_table('reachcell', schema=None) as batch_op:
        batch_op.drop_index('ix_reachcell_org_prog')
    op.drop_table('reachcell')
    with op.batch_alter_table('changecell', schema=None) as batch_op:
        batch_op.drop_index('ix_changecell_org_prog')
    op.drop_table('changecell')


# --- backfill (as the dashboard's GROUP BY over the measurements computed it) --

m = sa.table(
    'measurement',
    *(sa.column(c) for c in ('organisation_id', 'programme_id', 'participant_id',
                             'instrument', 'domain', 'wave')),
    sa.column('date', sa.Date()),
    sa.column('value', sa.Float()),
)
p = sa.table(
    'participant',
    *(sa.column(c) for c in ('id', 'organisation_id', 'programme_id', 'group', 'wijk')),
)
WAVE_COLUMNS = [c for k in range(MAX_WAVES) for c in (f'wave_sum{k}', f'wave_n{k}')]


def _backfill() -> None:
    slots = {
        k: func.sum(case((m.c.wave == k, m.c.value))) for k in range(MAX_WAVES)
    }
    first, last = func.min(m.c.wave), func.max(m.c.wave)
    pp = (
        sa.select(
            m.c.participant_id.label('pid'),
            func.min(m.c.organisation_id).label('org'),
            func.min(m.c.programme_id).label('prog'),
            m.c.instrument.label('ins'),
            m.c.domain.label('dom'),
            func.count().label('n'),
            func.min(m.c.date).label('d0'),
            case(*((first == k, v) for k, v in slots.items())).label('before'),
            case(*((last == k, v) for k, v in slots.items())).label('after'),
            *(v.label(f'v{k}') for k, v in slots.items()),
        )
        .where(m.c.wave >= 0, m.c.wave < MAX_WAVES)
        .group_by(m.c.participant_id, m.c.instrument, m.c.domain)
        .cte('pp')
    )
    intake = (
        sa.select(pp.c.pid, func.min(pp.c.d0).label('d0'))
        .group_by(pp.c.pid)
        .cte('intake')
    )
    year = sa.cast(sa.extract('year', intake.c.d0), Integer)
    month = sa.cast(sa.extract('month', intake.c.d0), Integer)
    period = (year * 4 + (month - 1) // 3).label('period')

    rows = (
        sa.select(
            pp,
            p.c.group.label('grp'),
            p.c.wijk,
            period,
            case((pp.c.n >= 2, pp.c.after - pp.c.before)).label('delta'),
        )
        .join(p, p.c.id == pp.c.pid)
        .join(intake, intake.c.pid == pp.c.pid)
        .subquery('rows')
    )
    r = rows.c
    keys = [r.org, r.prog, r.ins, r.dom, r.grp, r.wijk, r.period, r.delta]
    waves = []
    for k in range(MAX_WAVES):
        waves += [func.sum(r[f'v{k}']), func.count(r[f'v{k}'])]
    change = sa.select(
        *keys,
        func.count(),
        func.sum(r.before),
        func.sum(r.before * r.before),
        func.sum(r.after),
        func.sum(r.after * r.after),
        *waves,
    ).group_by(*keys)
    change_table = sa.table(
        'changecell',
        *(sa.column(c) for c in (
            'organisation_id', 'programme_id', 'instrument', 'domain', 'group',
            'wijk', 'period', 'delta', 'n', 'sum_before', 'sumsq_before',
            'sum_after', 'sumsq_after', *WAVE_COLUMNS,
        )),
    )
    op.execute(
        change_table.insert().from_select(list(change_table.c.keys()), change)
    )

    people = (
        sa.select(
            p.c.organisation_id, p.c.programme_id, p.c.group.label('grp'), p.c.wijk,
            period,
        )
        .select_from(intake)
        .join(p, p.c.id == intake.c.pid)
        .subquery('people')
    )
    q = people.c
    reach_keys = [q.organisation_id, q.programme_id, q.grp, q.wijk, q.period]
    reach = sa.select(*reach_keys, func.count()).group_by(*reach_keys)
    reach_table = sa.table(
        'reachcell',
        *(sa.column(c) for c in (
            'organisation_id', 'programme_id', 'group', 'wijk', 'period', 'n_people',
        )),
    )
    op.execute(reach_table.insert().from_select(list(reach_table.c.keys()), reach))
