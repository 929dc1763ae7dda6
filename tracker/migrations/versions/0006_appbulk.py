"""edit batches, saved views, indicator ranges

Revision ID: 0006_appbulk
Revises: 0005_meetings
Create Date: 2026-12-05 12:40:00

- audit_entry.batch_id: the entries of one bulk edit name the batch's own entry, so the batch
  reads (and is undone) as one change;
- saved_view: a named set of register filters and sort;
- indicator.target_max: the top of a target range (direction "within").
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_appbulk"
down_revision: str | None = "0005_meetings"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("batch_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_audit_entry_batch_id", ["batch_id"], unique=False)
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("target_max", sa.Float(), nullable=True))
    op.create_table(
        "saved_view",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("sort", sa.String(length=20), nullable=False),
        sa.Column("descending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_view")),
        sa.UniqueConstraint("name", name=op.f("uq_saved_view_name")),
    )


def downgrade() -> None:
    op.drop_table("saved_view")
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_column("target_max")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_entry_batch_id")
        batch_op.drop_column("batch_id")
