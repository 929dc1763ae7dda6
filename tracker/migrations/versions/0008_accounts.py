"""accounts: people who sign in, their roles, one-time sign-in tickets, failed sign-ins

Revision ID: 0008_accounts
Revises: 0007_formats
Create Date: 2026-12-05 15:10:00

No account exists after the upgrade: until an admin adds one, the tracker works as before
(everything allowed to the local user).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_accounts"
down_revision: str | None = "0007_formats"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=200), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=500), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("database_login", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
        sa.UniqueConstraint("login", name=op.f("uq_account_login")),
        sa.UniqueConstraint("database_login", name=op.f("uq_account_database_login")),
    )
    op.create_table(
        "account_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=True),
        sa.Column("committee_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_account_role_account_id_account"),
            ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["board_id"], ["board.id"], name=op.f("fk_account_role_board_id_board"),
            ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["board.id"], name=op.f("fk_account_role_committee_id_board"),
            ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_role")),
    )  # fmt: skip
    op.create_index(op.f("ix_account_role_account_id"), "account_role", ["account_id"])
    op.create_table(
        "sign_in_ticket",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("expires", sa.DateTime(), nullable=False),
        sa.Column("used", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_sign_in_ticket_account_id_account"),
            ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_ticket")),
        sa.UniqueConstraint("ticket_hash", name=op.f("uq_sign_in_ticket_ticket_hash")),
    )  # fmt: skip
    op.create_table(
        "sign_in_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_failure")),
    )
    op.create_index("ix_sign_in_failure_login_at", "sign_in_failure", ["login", "at"])
    op.create_index("ix_sign_in_failure_source_at", "sign_in_failure", ["source", "at"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_failure_source_at", table_name="sign_in_failure")
    op.drop_index("ix_sign_in_failure_login_at", table_name="sign_in_failure")
    op.drop_table("sign_in_failure")
    op.drop_table("sign_in_ticket")
    op.drop_index(op.f("ix_account_role_account_id"), table_name="account_role")
    op.drop_table("account_role")
    op.drop_table("account")
