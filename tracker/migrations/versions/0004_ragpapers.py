"""suggested RAG thresholds, board tolerances, issued papers

Revision ID: 0004_ragpapers
Revises: 0003_speed
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_ragpapers"
down_revision: str | None = "0003_speed"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


FROZEN = "an issued paper cannot be changed: issue it again for a new version"
FROZEN_COLUMNS = (
    "board_id, paper_date, as_of, template, kind, format, version, issued_at, issued_by, note, "
    "text, data, sha256"
)


def upgrade() -> None:
    with op.batch_alter_table("strategy", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rag_green", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("rag_red", sa.Float(), nullable=True))
    with op.batch_alter_table("board", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tolerances", sa.JSON(), nullable=True))
    op.create_table(
        "issued_paper",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("board_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("paper_date", sa.Date(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("template", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["board_id"],
            ["board.id"],
            name=op.f("fk_issued_paper_board_id_board"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_issued_paper_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_paper")),
        sa.UniqueConstraint(
            "board_id",
            "template",
            "paper_date",
            "format",
            "version",
            name=op.f("uq_issued_paper_board_id_template_paper_date_format_version"),
        ),
    )
    with op.batch_alter_table("issued_paper", schema=None) as batch_op:
        batch_op.create_index("ix_issued_paper_meeting", ["meeting_id"], unique=False)
    # what the board saw cannot be changed, by the tracker or by anyone with SQL
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION issued_paper_frozen() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{FROZEN}'; END $$"
        )
        op.execute(
            f"CREATE TRIGGER issued_paper_frozen BEFORE UPDATE OF {FROZEN_COLUMNS} "
            "ON issued_paper FOR EACH ROW EXECUTE FUNCTION issued_paper_frozen()"
        )
    else:
        op.execute(
            f"CREATE TRIGGER issued_paper_frozen BEFORE UPDATE OF {FROZEN_COLUMNS} "
            f"ON issued_paper BEGIN SELECT RAISE(ABORT, '{FROZEN}'); END"
        )


def downgrade() -> None:
    op.execute(
        "DROP TRIGGER IF EXISTS issued_paper_frozen"
        + (" ON issued_paper" if op.get_bind().dialect.name == "postgresql" else "")
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS issued_paper_frozen()")
    with op.batch_alter_table("issued_paper", schema=None) as batch_op:
        batch_op.drop_index("ix_issued_paper_meeting")
    op.drop_table("issued_paper")
    with op.batch_alter_table("board", schema=None) as batch_op:
        batch_op.drop_column("tolerances")
    with op.batch_alter_table("strategy", schema=None) as batch_op:
        batch_op.drop_column("rag_red")
        batch_op.drop_column("rag_green")
