"""Where a status update has been (recorded, noted or challenged at its board, reported up the
chain, and where it waits now), and which updates wait for a board's next meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Action, StatusUpdate, UpdateReview
from tracker.services.actions.views import UpdateView
from tracker.services.context import Tracker
from tracker.services.governance.common import Tree, find_board
from tracker.services.governance.reviews import waiting_query
from tracker.services.governance.trail_steps import (
    TrailStep,
    describe_trail,
    read_trails,
    trail_for_updates,
    withhold_trails,
)
from tracker.services.plain_sql import SessionReader
from tracker.services.reading import withhold_actions

__all__ = ["TrailStep", "WaitingUpdate", "describe_trail", "trail_for_updates"]

# a waiting update about an exempt action, for one who may not read it in full: its title
# withheld, its commentary and the earlier challenge's words left out
WAITING_WORDS = {"title": True, "commentary": False, "challenged_before": False}


def trails_in_session(
    t: Tracker, s: Session, ids: list[int], tree: Tree
) -> dict[int, tuple[TrailStep, ...]]:
    """`trail_for_updates` inside an open session."""
    return withhold_trails(t, SessionReader(s), read_trails(SessionReader(s), ids, tree))


@dataclass(frozen=True)
class WaitingUpdate(UpdateView):
    """A status update waiting for its board's verdict."""

    challenged_before: str | None = None  # an earlier update's challenge (this resubmits it)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "ref": self.ref,
            "title": self.title,
            "recorded_at": self.recorded_at.isoformat(),
            "by": self.recorded_by,
            "status": self.status,
            "rag": self.rag,
            "progress": self.progress,
            "commentary": self.commentary,
            "challenged_before": self.challenged_before,
        }


def waiting_updates(
    t: Tracker, board: str, *, until: dt.date | None = None, limit: int | None = None
) -> tuple[WaitingUpdate, ...]:
    """Updates waiting for the board's next meeting (no verdict at the board yet), by action
    then oldest first; `until` keeps those recorded on or before a meeting's date."""
    with t.db.reading() as s:
        found = waiting_in(s, board, until=until, limit=limit)
        return withhold_actions(t, SessionReader(s), found, WAITING_WORDS)


def waiting_in(
    s: Session, board: str, *, until: dt.date | None = None, limit: int | None = None
) -> tuple[WaitingUpdate, ...]:
    """`waiting_updates` inside an open session."""
    b = find_board(s, board)
    query = waiting_query(b.id, until)
    if limit is not None:
        query = query.limit(limit)
    rows = s.execute(query).all()
    refs = {ref for _, ref, _ in rows}
    challenges: dict[str, str] = {}
    if refs:
        for ref, comment in s.execute(
            select(Action.ref, UpdateReview.comment)
            .join(StatusUpdate, StatusUpdate.id == UpdateReview.update_id)
            .join(Action, Action.id == StatusUpdate.action_id)
            .where(
                UpdateReview.board_id == b.id,
                UpdateReview.outcome == "challenged",
                Action.board_id == b.id,
            )
            .order_by(UpdateReview.id)
        ):
            if ref in refs:
                challenges[ref] = comment or "challenged"
    return tuple(
        WaitingUpdate(
            id=u.id,
            ref=ref,
            title=title,
            recorded_at=u.recorded_at,
            recorded_by=u.recorded_by,
            status=u.status,
            rag=u.rag,
            progress=u.progress,
            commentary=u.commentary,
            challenged_before=challenges.get(ref),
        )
        for u, ref, title in rows
    )
