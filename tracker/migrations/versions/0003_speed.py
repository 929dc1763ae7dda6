"""speed: a covering index for the roll-up

The board position and the papers count an action tree's actions by board, phase, stage,
status and RAG, summing progress. With this index the database answers from the index alone,
without reading the action rows (benchmarks/README.md).

Revision ID: 0003_speed
Revises: 0002_returns
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003_speed"
down_revision: str | None = "0002_returns"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

COLUMNS = ["board_id", "phase_id", "stage_id", "status", "rag", "progress"]


def upgrade() -> None:
    op.create_index("ix_action_rollup", "action", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_action_rollup", table_name="action")
