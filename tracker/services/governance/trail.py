"""Where a status update has been (recorded, noted or challenged at its board, reported up the
chain, and where it waits now), and which updates wait for a board's next meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.models import Action, Meeting, StatusUpdate, UpdateReview
from tracker.services.actions.views import UpdateView
from tracker.services.context import Tracker
from tracker.services.governance.common import (
    Tree,
    TreeNode,
    chunks,
    day,
    find_board,
    load_tree,
)
from tracker.services.governance.reviews import waiting_query


@dataclass(frozen=True)
class TrailStep:
    step: str  # recorded | noted | challenged | answered | reported | waiting
    board: str | None  # board code (None for "recorded")
    board_name: str | None
    on: dt.date | None  # the day recorded, or the meeting's date (None while waiting)
    comment: str | None = None  # a challenge's comment
    by: str | None = None  # who recorded the update, or the review

    def describe(self) -> str:
        if self.step == "recorded":
            return f"recorded {day(self.on)}"
        if self.step == "waiting":
            return f"waiting for {self.board_name}"
        if self.step == "reported":
            return f"reported to {self.board_name} {day(self.on)}"
        if self.step == "answered":
            return f"answered {day(self.on)}" + (f" ({self.comment})" if self.comment else "")
        text = f"{self.step} at {self.board_name} {day(self.on)}"
        return f"{text} ({self.comment})" if self.comment else text

    def as_dict(self) -> dict[str, object]:
        return {
            "step": self.step,
            "board": self.board,
            "on": self.on.isoformat() if self.on else None,
            "comment": self.comment,
            "text": self.describe(),
        }


def describe_trail(steps: Iterable[TrailStep]) -> str:
    """'recorded 3 Feb 2026, noted at Locality Partnership Board 10 Feb 2026, reported to ...'"""
    return ", ".join(step.describe() for step in steps)


def trail_for_updates(t: Tracker, update_ids: Iterable[int]) -> dict[int, tuple[TrailStep, ...]]:
    """Each update's trail, oldest step first, ending with where it waits (if anywhere).
    Two queries per 900 updates plus one for the board table, however many updates."""
    ids = list(dict.fromkeys(update_ids))
    if not ids:
        return {}
    with t.db.reading() as s:
        return trails_in_session(s, ids, load_tree(s))


# a review of an update: (meeting date, review id, outcome, board id, comment, recorded by)
Review = tuple[dt.date | None, int, str, int, str | None, str]


def trails_in_session(s: Session, ids: list[int], tree: Tree) -> dict[int, tuple[TrailStep, ...]]:
    updates: dict[int, tuple[dt.datetime, str, int | None]] = {}
    reviews: dict[int, list[Review]] = {}
    answered: dict[int, int] = {}  # challenge (review id) -> the update that answered it
    for batch in chunks(ids):
        for uid, at, by, board_id in s.execute(
            select(StatusUpdate.id, StatusUpdate.recorded_at, StatusUpdate.recorded_by,
                   Action.board_id)
            .join(Action, Action.id == StatusUpdate.action_id)
            .where(StatusUpdate.id.in_(batch))
        ):  # fmt: skip
            updates[uid] = (at, by, board_id)
        for uid, on, rid, outcome, rb, comment, rby, answer in s.execute(
            select(UpdateReview.update_id, Meeting.date, UpdateReview.id, UpdateReview.outcome,
                   UpdateReview.board_id, UpdateReview.comment, UpdateReview.recorded_by,
                   UpdateReview.answered_by_id)
            .join(Meeting, Meeting.id == UpdateReview.meeting_id)
            .where(UpdateReview.update_id.in_(batch))
        ):  # fmt: skip
            reviews.setdefault(uid, []).append((on, rid, outcome, rb, comment, rby))
            if answer is not None:
                answered[rid] = answer
    answers: dict[int, tuple[dt.datetime, str]] = {}
    for batch in chunks(answered.values()):
        for aid, at, by in s.execute(
            select(StatusUpdate.id, StatusUpdate.recorded_at, StatusUpdate.recorded_by).where(
                StatusUpdate.id.in_(batch)
            )
        ):
            answers[aid] = (at, by)
    out: dict[int, tuple[TrailStep, ...]] = {}
    for uid in ids:
        if uid not in updates:
            continue
        at, by, board_id = updates[uid]
        steps = [TrailStep("recorded", None, None, at.date(), by=by)]
        mine = sorted(reviews.get(uid, []), key=lambda r: (r[0] or dt.date.min, r[1]))
        for on, rid, outcome, rb, comment, rby in mine:
            node = tree.get(rb)
            steps.append(
                TrailStep(outcome, node.code if node else None, node.name if node else None,
                          on, comment, rby)
            )  # fmt: skip
            if rid in answered and answered[rid] in answers:
                at_, by_ = answers[answered[rid]]
                steps.append(TrailStep("answered", node.code if node else None,
                                       node.name if node else None, at_.date(), None, by_))  # fmt: skip
        waiting = _waiting_at(tree, board_id, mine)
        if waiting is not None:
            steps.append(TrailStep("waiting", waiting.code, waiting.name, None))
        out[uid] = tuple(steps)
    return out


def _waiting_at(tree: Tree, board_id: int | None, reviews: list[Review]) -> TreeNode | None:
    """Where the update waits next: its board's meeting, then each parent's in turn; nowhere
    once challenged (the owner resubmits) or once it reached the top."""
    if board_id is None or board_id not in tree:
        return None
    by_board: dict[int, str] = {r[3]: r[2] for r in reviews}
    if board_id not in by_board:
        return tree[board_id]
    if by_board[board_id] == "challenged":
        return None
    current = board_id
    while True:
        parent = tree[current].parent_id
        if parent is None or parent not in tree:
            return None
        if parent not in by_board:
            return tree[parent]
        current = parent
        if current == board_id:  # a cycle: cannot happen through the services
            return None


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
        return waiting_in(s, board, until=until, limit=limit)


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
        )  # fmt: skip
        for u, ref, title in rows
    )
