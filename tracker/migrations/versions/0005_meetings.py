"""meetings as records: time, place, chair, apologies, series; challenges answered; follow-ups
from escalation decisions

Revision ID: 0005_meetings
Revises: 0004_ragpapers
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_meetings"
down_revision: str | None = "0004_ragpapers"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("starts", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("ends", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("online_link", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("chair", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("series", sa.String(length=200), nullable=True))
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("present", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    with op.batch_alter_table("update_review", schema=None) as batch_op:
        batch_op.add_column(sa.Column("answered_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_update_review_answered_by_id_status_update"),
            "status_update", ["answered_by_id"], ["id"], ondelete="SET NULL",
        )  # fmt: skip
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.add_column(sa.Column("escalation_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_followup_escalation_id_escalation"),
            "escalation", ["escalation_id"], ["id"], ondelete="SET NULL",
        )  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("followup", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_followup_escalation_id_escalation"), type_="foreignkey"
        )
        batch_op.drop_column("escalation_id")
    with op.batch_alter_table("update_review", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_update_review_answered_by_id_status_update"), type_="foreignkey"
        )
        batch_op.drop_column("answered_by_id")
    with op.batch_alter_table("meeting_attendee", schema=None) as batch_op:
        batch_op.drop_column("present")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("series")
        batch_op.drop_column("chair")
        batch_op.drop_column("online_link")
        batch_op.drop_column("ends")
        batch_op.drop_column("starts")
