"""phasecounts: the dashboard's phase counts read from an index alone

The app's dashboard counts each phase's actions by status and RAG, and averages their
progress (`services/dashboard.py`): two GROUP BYs over every action. With only an index on
`phase_id`, SQLite read each of the 10,000 rows from the table through that index and sorted
the groups in a temporary B-tree: 13-20 ms for the first, 3-12 ms for the second, the largest
part of the dashboard's read. An index on (phase_id, status, rag, progress) answers both from
the index in its own order: about 1 ms each (benchmarks/README.md, "The dashboard's figures
painted sooner"). It takes the place of `ix_action_phase_id` (its first column serves every
lookup by phase as that did), so a plan import maintains no more indexes than before.

Revision ID: 0014_phasecounts
Revises: 0013_readingversion
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014_phasecounts"
down_revision: str | None = "0013_readingversion"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_action_phase_counts", "action", ["phase_id", "status", "rag", "progress"])
    op.drop_index("ix_action_phase_id", table_name="action")


def downgrade() -> None:
    op.create_index("ix_action_phase_id", "action", ["phase_id"])
    op.drop_index("ix_action_phase_counts", table_name="action")
