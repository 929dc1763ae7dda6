"""accounts: people who sign in, their roles, one-time sign-in tickets, failed sign-ins

Revision ID: 0008_accounts
Revises: 0007_formats
Create Date: 2026-12-05 15:10:00

No account exists after the upgrade: until an admin adds one, the tracker works as before
(everything allowed to the local user).

On PostgreSQL it also creates the row-security policies (defence in depth, README "Row
security"): the function `tracker_may` (the roles, as tracker.services.accounts.permissions
has them, for verdicts, meetings and status updates) and a policy on each of update_review,
meeting and status_update. They bind only where row security is switched on for those tables
(`[database] row_security = true`, applied by `tracker init` and `tracker db upgrade`), and
never the tables' owner (the login that ran the migration).
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
    if op.get_bind().dialect.name == "postgresql":
        _create_policies()


# the account that connected (session_user: inside this SECURITY DEFINER function current_user
# is the function's owner) may do p_what to this board or action; with no account at all, yes
MAY = """
CREATE OR REPLACE FUNCTION tracker_may(p_what text, p_board integer, p_action integer)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT NOT EXISTS (SELECT 1 FROM account) OR EXISTS (
    SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id
    WHERE a.database_login = session_user AND NOT a.disabled AND (
      r.role = 'admin'
      OR (p_what IN ('verdicts', 'meetings') AND r.role = 'board_secretary'
          AND r.board_id = p_board)
      OR (p_what = 'updates' AND (
        r.role = 'programme_manager'
        OR (r.role = 'board_secretary'
            AND r.board_id = (SELECT x.board_id FROM action x WHERE x.id = p_action))
        OR (r.role = 'action_owner' AND EXISTS (
          SELECT 1 FROM action x JOIN person p ON p.id = x.owner_id
          WHERE x.id = p_action AND (
            lower(p.code) IN (a.login, lower(coalesce(a.database_login, '')))
            OR lower(coalesce(p.email, '')) = a.login)))))))
$$
"""
# table -> who may write a row (as an SQL condition on the row)
POLICIES = {
    "update_review": "tracker_may('verdicts', board_id, NULL) OR tracker_may('updates', NULL, "
                     "(SELECT su.action_id FROM status_update su WHERE su.id = update_id))",
    "meeting": "tracker_may('meetings', board_id, NULL)",
    "status_update": "tracker_may('updates', NULL, action_id)",
}  # fmt: skip


def _create_policies() -> None:
    op.execute(MAY)
    for table, condition in POLICIES.items():
        op.execute(f"CREATE POLICY tracker_read ON {table} FOR SELECT USING (true)")
        op.execute(f"CREATE POLICY tracker_write ON {table} FOR ALL USING ({condition}) "
                   f"WITH CHECK ({condition})")  # fmt: skip


def _drop_policies() -> None:
    for table in POLICIES:
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute(f"DROP POLICY IF EXISTS tracker_write ON {table}")
        op.execute(f"DROP POLICY IF EXISTS tracker_read ON {table}")
    op.execute("DROP FUNCTION IF EXISTS tracker_may(text, integer, integer)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _drop_policies()
    op.drop_index("ix_sign_in_failure_source_at", table_name="sign_in_failure")
    op.drop_index("ix_sign_in_failure_login_at", table_name="sign_in_failure")
    op.drop_table("sign_in_failure")
    op.drop_table("sign_in_ticket")
    op.drop_index(op.f("ix_account_role_account_id"), table_name="account_role")
    op.drop_table("account_role")
    op.drop_table("account")
