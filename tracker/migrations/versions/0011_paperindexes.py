"""paperindexes: a covering index for each action's trend

A board's position, its direction of travel and its papers assess every open action's pace:
the least-squares trend of % complete over its updates. That is one GROUP BY per action over
its updates by a day (tracker.services.governance.exceptions.trend_sums_in). With this index
the database reads each action's updates from the index alone, in order, without the table
rows (benchmarks/README.md, "Papers and the roll-up against their floor").

Revision ID: 0011_paperindexes
Revises: 0010_rowsecurity
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011_paperindexes"
down_revision: str | None = "0010_rowsecurity"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

COLUMNS = ["action_id", "recorded_at", "progress"]


def upgrade() -> None:
    op.create_index("ix_status_update_trend", "status_update", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_status_update_trend", table_name="status_update")
