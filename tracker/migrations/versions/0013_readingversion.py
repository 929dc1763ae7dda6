"""readingversion: a reading carries a version, so two people correcting it cannot overwrite
each other

Correcting or deleting an indicator reading saves with the version it was read at; a change
made meanwhile is refused and named, as for actions, meetings and indicators. Existing readings
start at version 1.

Revision ID: 0013_readingversion
Revises: 0012_exemptindex
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_readingversion"
down_revision: str | None = "0012_exemptindex"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("indicator_reading") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("indicator_reading") as batch:
        batch.drop_column("version")
