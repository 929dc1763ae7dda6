"""importfast: the status updates' index on (action_id, recorded_at) dropped

`ix_status_update_trend` (action_id, recorded_at, progress), made by 0011_paperindexes, begins
with the same two columns, so it serves every lookup and every order by action and time that
`ix_status_update_action_at` served, and more. The shorter one was a second copy of the same
order: every status update written paid for it, and a plan import of 100,000 updates built it
again (about 30 ms of CPU; benchmarks/README.md, "Tenth pass").

Revision ID: 0015_importfast
Revises: 0014_phasecounts
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015_importfast"
down_revision: str | None = "0014_phasecounts"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_status_update_action_at", table_name="status_update")


def downgrade() -> None:
    op.create_index("ix_status_update_action_at", "status_update", ["action_id", "recorded_at"])
