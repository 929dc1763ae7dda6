"""exemptindex: the few actions marked exempt, found without reading every action

Every public paper withholds the words of the actions marked exempt (papers/exempt.py), and
so first asks for them: `WHERE exempt_paragraph IS NOT NULL`. Without an index that reads
the whole action table, about 12-20 ms at 100,000 actions on SQLite, for a list that is
usually empty. A partial index holds only the exempt actions (benchmarks/README.md, "The
exception report at 100,000 actions").

Revision ID: 0012_exemptindex
Revises: 0011_paperindexes
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_exemptindex"
down_revision: str | None = "0011_paperindexes"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

EXEMPT = "exempt_paragraph IS NOT NULL"


def upgrade() -> None:
    op.create_index("ix_action_exempt", "action", ["exempt_paragraph"],
                    sqlite_where=sa.text(EXEMPT), postgresql_where=sa.text(EXEMPT))  # fmt: skip


def downgrade() -> None:
    op.drop_index("ix_action_exempt", table_name="action")
