"""calendar UIDs (a stored UUID and a SEQUENCE base on meetings and follow-ups); exempt items
(the Schedule 12A paragraph on actions, resolutions, follow-ups and meeting items)

Revision ID: 0007_formats
Revises: 0006_appbulk
Create Date: 2026-12-05 12:50:00

Every meeting and follow-up gets a UUID (its calendar UID, globally unique and kept through plan
export and import) and a sequence base (the SEQUENCE a plan file carried, so a database rebuilt
from an export carries the count on). Existing rows get a fresh UUID each.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_formats"
down_revision: str | None = "0006_appbulk"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

TABLES = ("meeting", "followup")
EXEMPT = ("action", "resolution", "followup", "agenda_item")


def upgrade() -> None:
    bind = op.get_bind()
    for name in TABLES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("uid", sa.String(length=36), nullable=True))
            batch_op.add_column(
                sa.Column("sequence_base", sa.Integer(), server_default="0", nullable=False)
            )
        table = sa.table(name, sa.column("id", sa.Integer()), sa.column("uid", sa.String()))
        ids = [row[0] for row in bind.execute(sa.select(table.c.id))]
        if ids:
            bind.execute(
                table.update().where(table.c.id == sa.bindparam("_id")).values(
                    uid=sa.bindparam("_uid")),
                [{"_id": i, "_uid": str(uuid.uuid4())} for i in ids],
            )  # fmt: skip
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.alter_column("uid", existing_type=sa.String(length=36), nullable=False)
    for name in EXEMPT:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("exempt_paragraph", sa.Integer(), nullable=True))


def downgrade() -> None:
    for name in EXEMPT:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_column("exempt_paragraph")
    for name in TABLES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_column("sequence_base")
            batch_op.drop_column("uid")
