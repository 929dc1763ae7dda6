"""followupsource: a follow-up records where it came from

`followup.source`: "resolution" (linked to one of its meeting's resolutions when made),
"minuted" (an action line the minutes import read), "review" (a line the officer took in the
import's review), "hand" (typed by hand: added in the review, or an action arising given when
holding a meeting), "escalation" (an action a board decided on an escalation), or "unrecorded".

Existing rows get what can be known: linked to a resolution, "resolution"; to an escalation,
"escalation"; else what the audit trail says of the row's making (a minutes import's entry
says where the follow-up came from since the review could take lines: "added in review",
"minutes line 12, taken in review", "minutes line 12"; an import's entry from before then
names no source, when the import took only what the reader read; an entry "create" is an
action arising typed when holding a meeting); the rest "unrecorded", and the faces say so.

On SQLite the column is added with ALTER TABLE ADD COLUMN (its check a column constraint), not
by copying the table: dropping the old copy would delete every follow-up's responses (ON
DELETE CASCADE, with foreign keys on inside the migration's transaction).

Revision ID: 0016_followupsource
Revises: 0015_importfast
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_followupsource"
down_revision: str | None = "0015_importfast"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

SOURCES = ("resolution", "minuted", "review", "hand", "escalation", "unrecorded")
CHECK = "source IN (" + ", ".join(f"'{v}'" for v in SOURCES) + ")"
NAME = "ck_followup_source_known"

# the audit entries of this follow-up's making (its entity_key is its id as text)
_MADE = (
    "FROM audit_entry a WHERE a.entity = 'followup' "
    "AND a.entity_key = CAST(followup.id AS VARCHAR(20)) AND a.operation = '{operation}'"
)
_IMPORTED = _MADE.format(operation="import")
_FROM = f"{_IMPORTED} AND a.field = 'from'"
_BACKFILL = (
    ("resolution", "resolution_id IS NOT NULL"),
    ("escalation", "escalation_id IS NOT NULL"),
    ("hand", f"EXISTS (SELECT 1 {_FROM} AND a.new = 'added in review')"),
    ("review", f"EXISTS (SELECT 1 {_FROM} AND a.new LIKE '%taken in review')"),
    ("minuted", f"EXISTS (SELECT 1 {_FROM} AND a.new LIKE 'minutes%')"),
    ("minuted", f"EXISTS (SELECT 1 {_IMPORTED}) AND NOT EXISTS (SELECT 1 {_FROM})"),
    ("hand", f"EXISTS (SELECT 1 {_MADE.format(operation='create')})"),
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE followup ADD COLUMN source VARCHAR(20) DEFAULT 'unrecorded' NOT NULL "
            f"CONSTRAINT {NAME} CHECK ({CHECK})"
        )
    else:
        op.add_column(
            "followup",
            sa.Column("source", sa.String(length=20), nullable=False, server_default="unrecorded"),
        )
        op.create_check_constraint(op.f(NAME), "followup", CHECK)
    for source, where in _BACKFILL:  # in this order: the first that holds says
        op.execute(
            f"UPDATE followup SET source = '{source}' WHERE source = 'unrecorded' AND {where}"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE followup DROP COLUMN source")  # its column check goes with it
    else:
        op.drop_constraint(op.f(NAME), "followup", type_="check")
        op.drop_column("followup", "source")
