"""One action's detail: its links, outcomes and update history, and what changed between two
reads of it (for conflicts)."""

from __future__ import annotations

from sqlalchemy import func, select

from tracker.models import (
    Action,
    StatusUpdate,
)
from tracker.services.actions.detail_read import ActionDetail, get_action
from tracker.services.context import Tracker

__all__ = ["ActionDetail", "count_updates", "get_action"]  # read in plain SQL: detail_read


def count_updates(t: Tracker, ref: str) -> int:
    with t.db.reading() as s:
        return int(
            s.execute(
                select(func.count())
                .select_from(StatusUpdate)
                .join(Action, StatusUpdate.action_id == Action.id)
                .where(Action.ref == ref)
            ).scalar_one()
        )
