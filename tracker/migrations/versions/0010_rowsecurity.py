"""rowsecurity: roles a plan file gives logins with no account yet; row security on every table
a write use case changes

Revision ID: 0010_rowsecurity
Revises: 0009_websessions
Create Date: 2026-12-05 18:20:00

`pending_role` holds the roles a plan file's `access:` section gives a login that has no
account yet (tracker.plans.import_access); `tracker users add` moves them to the account.

On PostgreSQL the row-security policies of 0008_accounts are replaced by ones on every table a
write use case changes (POLICIES below), and exempt and confidential rows are hidden from
logins not entitled to read them. They bind only where row security is switched on
(`[database] row_security = true`, applied by `tracker init` and `tracker db upgrade`), and
never the tables' owner (the login that ran the migration).
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = "0010_rowsecurity"
down_revision: str | None = "0009_websessions"
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


# SECURITY DEFINER: inside these functions current_user is their owner, so they read every row;
# session_user is the login that connected. The account acting is the one whose database login
# (else whose login) is that login, as tracker.services.accounts.permissions.acting_in finds it.
FUNCTIONS = """
CREATE OR REPLACE FUNCTION tracker_can(p_roles text[], p_scope integer)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT NOT EXISTS (SELECT 1 FROM account) OR EXISTS (
    SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id
    WHERE (a.database_login = session_user OR a.login = lower(session_user)) AND NOT a.disabled
      AND (r.role = 'admin' OR (r.role = ANY (p_roles) AND (
        r.role NOT IN ('board_secretary', 'board_member', 'committee_officer')
        OR coalesce(r.board_id, r.committee_id) = p_scope))))
$$;
CREATE OR REPLACE FUNCTION tracker_holds(p_roles text[])
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT NOT EXISTS (SELECT 1 FROM account) OR EXISTS (
    SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id
    WHERE (a.database_login = session_user OR a.login = lower(session_user)) AND NOT a.disabled
      AND (r.role = 'admin' OR r.role = ANY (p_roles)))
$$;
CREATE OR REPLACE FUNCTION tracker_owns(p_action integer)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT EXISTS (
    SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id
      JOIN action x ON x.id = p_action JOIN person p ON p.id = x.owner_id
    WHERE (a.database_login = session_user OR a.login = lower(session_user)) AND NOT a.disabled
      AND r.role = 'action_owner' AND (
        lower(p.code) IN (a.login, lower(coalesce(a.database_login, '')))
        OR lower(coalesce(p.email, '')) = a.login))
$$;
CREATE OR REPLACE FUNCTION tracker_self(p_account integer)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT EXISTS (SELECT 1 FROM account a WHERE a.id = p_account AND NOT a.disabled
                 AND (a.database_login = session_user OR a.login = lower(session_user)))
$$;
CREATE OR REPLACE FUNCTION tracker_action_board(p_action integer)
RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT board_id FROM action WHERE id = p_action
$$;
CREATE OR REPLACE FUNCTION tracker_meeting_board(p_meeting integer)
RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT board_id FROM meeting WHERE id = p_meeting
$$;
CREATE OR REPLACE FUNCTION tracker_update_action(p_update integer)
RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT action_id FROM status_update WHERE id = p_update
$$;
CREATE OR REPLACE FUNCTION tracker_followup_board(p_followup integer)
RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT m.board_id FROM followup f JOIN meeting m ON m.id = f.meeting_id WHERE f.id = p_followup
$$;
"""
FUNCTION_NAMES = (
    "tracker_can(text[], integer)", "tracker_holds(text[])", "tracker_owns(integer)",
    "tracker_self(integer)", "tracker_action_board(integer)", "tracker_meeting_board(integer)",
    "tracker_update_action(integer)", "tracker_followup_board(integer)",
)  # fmt: skip

# the roles, as tracker.services.accounts.permissions.RULES has them (an admin always may)
ADMIN = "tracker_holds('{}')"
PM = "tracker_holds('{programme_manager}')"
SECRETARY = "tracker_can('{board_secretary}', %s)"  # of that board
STAFF = "tracker_can('{board_secretary,committee_officer}', %s)"  # runs that board or committee
READERS = "tracker_can('{programme_manager,board_secretary,board_member,committee_officer}', %s)"
NOT_VIEWER = ("tracker_holds('{programme_manager,board_secretary,board_member,action_owner,"
              "committee_officer}')")  # fmt: skip
MEETING = "tracker_meeting_board(meeting_id)"

# table -> (who may insert, update and delete a row; who may read one), as SQL conditions on
# the row. "true": anyone. The tables' owner is never bound.
PLAN = (PM, "true")  # the plan's frame: a programme manager's (an admin imports plans)
POLICIES: dict[str, tuple[str, str]] = {
    "strategy": PLAN, "phase": PLAN, "stage": PLAN, "commitment": PLAN, "outcome": PLAN,
    "organisation": PLAN, "person": PLAN, "action_dependency": PLAN, "action_outcome": PLAN,
    "indicator": PLAN, "indicator_reading": PLAN,
    "board": (ADMIN, "true"),
    # an owner's status update moves its action's position; an exempt action is for those its
    # board's business is for, and its owner
    "action": (f"{PM} OR tracker_owns(id) OR {SECRETARY % 'board_id'}",
               f"exempt_paragraph IS NULL OR {READERS % 'board_id'} OR tracker_owns(id)"),
    "status_update": (
        f"{PM} OR tracker_owns(action_id) OR {SECRETARY % 'tracker_action_board(action_id)'}",
        "EXISTS (SELECT 1 FROM action x WHERE x.id = action_id)"),  # of an action it may read
    "update_review": (
        f"{SECRETARY % 'board_id'} OR {PM} OR tracker_owns(tracker_update_action(update_id))",
        "true"),
    "meeting": (STAFF % "board_id", "true"),
    "meeting_attendee": (STAFF % MEETING, "true"),
    "agenda_item": (STAFF % MEETING, f"exempt_paragraph IS NULL OR {READERS % MEETING}"),
    "escalation": (f"{SECRETARY % 'from_board_id'} OR {SECRETARY % 'to_board_id'}", "true"),
    "issued_paper": (SECRETARY % "board_id", "true"),
    "return_import": (SECRETARY % "board_id", "true"),
    "chaser": (SECRETARY % "board_id", "true"),
    "resolution": (STAFF % MEETING, f"exempt_paragraph IS NULL OR {READERS % MEETING}"),
    "followup": (STAFF % MEETING, f"exempt_paragraph IS NULL OR {READERS % MEETING}"),
    "followup_response": (STAFF % "tracker_followup_board(followup_id)", "true"),
    "saved_view": (NOT_VIEWER, "true"),
    # accounts: an admin's; an account may change its own (its password), never while disabled
    "account": (ADMIN, f"{ADMIN} OR tracker_self(id)"),
    "account_role": (ADMIN, f"{ADMIN} OR tracker_self(account_id)"),
    "pending_role": (ADMIN, ADMIN),
    "sign_in_ticket": (f"{ADMIN} OR tracker_self(account_id)",
                       f"{ADMIN} OR tracker_self(account_id)"),
    "web_session": (f"{ADMIN} OR tracker_self(account_id)",
                    f"{ADMIN} OR tracker_self(account_id)"),
}  # fmt: skip
# anyone may add (an audit entry for every change, refusals too; a failed sign-in); only an
# admin may change or remove one
APPEND_ONLY = {"audit_entry": "true", "sign_in_failure": ADMIN}
OLD_TABLES = ("update_review", "meeting", "status_update")  # 0008_accounts' policies


def _create_policies() -> None:
    for table in OLD_TABLES:
        op.execute(f"DROP POLICY IF EXISTS tracker_write ON {table}")
        op.execute(f"DROP POLICY IF EXISTS tracker_read ON {table}")
    op.execute("DROP FUNCTION IF EXISTS tracker_may(text, integer, integer)")
    op.execute(FUNCTIONS)
    for table, (write, read) in POLICIES.items():
        op.execute(f"CREATE POLICY tracker_read ON {table} FOR SELECT USING ({read})")
        op.execute(f"CREATE POLICY tracker_insert ON {table} FOR INSERT WITH CHECK ({write})")
        op.execute(f"CREATE POLICY tracker_update ON {table} FOR UPDATE USING ({write}) "
                   f"WITH CHECK ({write})")  # fmt: skip
        op.execute(f"CREATE POLICY tracker_delete ON {table} FOR DELETE USING ({write})")
    op.execute(
        "CREATE POLICY tracker_update_self ON account FOR UPDATE USING (tracker_self(id)) "
        "WITH CHECK (tracker_self(id))"
    )  # its own row, as well as an admin's policy
    for table, read in APPEND_ONLY.items():
        op.execute(f"CREATE POLICY tracker_read ON {table} FOR SELECT USING ({read})")
        op.execute(f"CREATE POLICY tracker_insert ON {table} FOR INSERT WITH CHECK (true)")
        op.execute(f"CREATE POLICY tracker_update ON {table} FOR UPDATE USING ({ADMIN})")
        op.execute(f"CREATE POLICY tracker_delete ON {table} FOR DELETE USING ({ADMIN})")


def _drop_policies() -> None:
    for table in (*POLICIES, *APPEND_ONLY):
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for name in ("read", "insert", "update", "delete", "update_self"):
            op.execute(f"DROP POLICY IF EXISTS tracker_{name} ON {table}")
    for name in FUNCTION_NAMES:
        op.execute(f"DROP FUNCTION IF EXISTS {name}")
    previous = Path(__file__).with_name("0008_accounts.py")  # its policies, as they were
    spec = importlib.util.spec_from_file_location("tracker_migration_0008", previous)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module._create_policies()
