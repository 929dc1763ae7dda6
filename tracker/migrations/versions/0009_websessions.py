"""websessions: browser sessions (`tracker serve`) kept in the database

Revision ID: 0009_websessions
Revises: 0008_accounts
Create Date: 2026-12-05 18:00:00

A signed-in browser's session was kept in the server's memory: a restart signed everyone out,
and several servers behind one proxy needed sticky routing. Now each session is a row (only
the SHA-256 of its cookie's token), so restarts keep sessions and servers on one database share
them. Nothing to carry over: sessions in a running server's memory end when it stops anyway.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_websessions"
down_revision: str | None = "0008_accounts"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "web_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("started", sa.DateTime(), nullable=False),
        sa.Column("last_active", sa.DateTime(), nullable=False),
        sa.Column("idle_seconds", sa.Integer(), nullable=False),
        sa.Column("idle_until", sa.DateTime(), nullable=False),
        sa.Column("expires", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["account.id"], name=op.f("fk_web_session_account_id_account"),
            ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_web_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_web_session_token_hash")),
    )  # fmt: skip
    op.create_index(op.f("ix_web_session_account_id"), "web_session", ["account_id"])
    op.create_index("ix_web_session_expires", "web_session", ["expires"])


def downgrade() -> None:
    op.drop_index("ix_web_session_expires", table_name="web_session")
    op.drop_index(op.f("ix_web_session_account_id"), table_name="web_session")
    op.drop_table("web_session")
