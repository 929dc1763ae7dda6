"""returns: return sheets imported, chasers sent, owners' e-mail addresses

Revision ID: 0002_returns
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_returns"
down_revision: str | None = "0001"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(length=320), nullable=True))

    op.create_table(
        "return_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("reporter", sa.String(length=300), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("recorded", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["board_id"],
            ["board.id"],
            name=op.f("fk_return_import_board_id_board"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_return_import")),
    )
    with op.batch_alter_table("return_import", schema=None) as batch_op:
        batch_op.create_index("ix_return_import_token", ["token", "sha256"], unique=False)

    op.create_table(
        "chaser",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("owner", sa.String(length=300), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("actions", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=300), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("sent_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["board_id"], ["board.id"], name=op.f("fk_chaser_board_id_board"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chaser")),
    )
    with op.batch_alter_table("chaser", schema=None) as batch_op:
        batch_op.create_index("ix_chaser_board_meeting", ["board_id", "meeting_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("chaser", schema=None) as batch_op:
        batch_op.drop_index("ix_chaser_board_meeting")
    op.drop_table("chaser")
    with op.batch_alter_table("return_import", schema=None) as batch_op:
        batch_op.drop_index("ix_return_import_token")
    op.drop_table("return_import")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("email")
