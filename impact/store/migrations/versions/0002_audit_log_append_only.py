"""audit log append only

The database itself refuses to change or remove an audit event, whoever asks:
the ORM, raw SQL, or someone with a database console. SQLite: BEFORE UPDATE and
BEFORE DELETE triggers that RAISE(ABORT). PostgreSQL: one trigger function that
raises, fired before UPDATE, DELETE and TRUNCATE.

A later migration that rebuilds the auditevent table (SQLite batch mode copies
and drops tables) must create these triggers again.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 23:31:50.199410
"""

from __future__ import annotations

from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


MESSAGE = "auditevent is append-only"

SQLITE_UP = [
    f"""CREATE TRIGGER auditevent_no_{verb}
    BEFORE {verb.upper()} ON auditevent
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"""
    for verb in ("update", "delete")
]
POSTGRES_UP = [
    f"""CREATE OR REPLACE FUNCTION auditevent_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
    END $$""",
    """CREATE TRIGGER auditevent_no_change BEFORE UPDATE OR DELETE ON auditevent
    FOR EACH ROW EXECUTE FUNCTION auditevent_append_only()""",
    """CREATE TRIGGER auditevent_no_truncate BEFORE TRUNCATE ON auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION auditevent_append_only()""",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_UP if dialect == "sqlite" else POSTGRES_UP:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS auditevent_no_update")
        op.execute("DROP TRIGGER IF EXISTS auditevent_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS auditevent_no_change ON auditevent")
        op.execute("DROP TRIGGER IF EXISTS auditevent_no_truncate ON auditevent")
        op.execute("DROP FUNCTION IF EXISTS auditevent_append_only()")
