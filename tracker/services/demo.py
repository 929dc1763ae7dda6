"""What the demo (`tracker demo`) adds to its plan that a plan file does not carry: its boards'
verdicts at meetings already held (updates noted, and challenged with what the board asked for),
so the challenges panel, the challenges list and each update's governance trail show something.
The demo's own data (fictional, marked "(demo)") is in tracker/demo; this is how it is recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from tracker.errors import InvalidInput, invalid
from tracker.models import Action, StatusUpdate
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.services.governance.common import day, day_end, find_board, find_meeting
from tracker.services.governance.reviews import Verdict, apply_verdicts


@dataclass(frozen=True)
class MeetingReview:
    """At a board's meeting already held: each action in `challenges` has its latest update
    before the meeting challenged with the comment; every other waiting update is noted."""

    board: str
    on: dt.date
    challenges: tuple[tuple[str, str], ...] = ()  # (action ref, what the board asks for)


def add_reviews(t: Tracker, reviews: Sequence[MeetingReview]) -> int:
    """Record the verdicts of each meeting, all in one transaction (a refusal records none).
    Returns how many updates were challenged."""
    challenged = 0
    with t.db.writing() as s:
        require(t, s, "import plans")  # the demo's verdicts come with its plan
        for review in reviews:
            board = find_board(s, review.board)
            meeting = find_meeting(s, board, review.on)
            if meeting.status != "held":
                raise invalid("date", f"the meeting of {board.name} on {day(review.on)} is "
                              f"{meeting.status}, not held")  # fmt: skip
            verdicts = []
            for ref, comment in review.challenges:
                latest = s.scalar(
                    select(StatusUpdate.id)
                    .join(Action, Action.id == StatusUpdate.action_id)
                    .where(Action.ref == ref, StatusUpdate.recorded_at < day_end(review.on))
                    .order_by(StatusUpdate.recorded_at.desc(), StatusUpdate.id.desc())
                    .limit(1)
                )
                if latest is None:
                    raise invalid("challenge", f"{ref} has no update before {day(review.on)}")
                verdicts.append(Verdict(latest, "challenged", comment))
            _, problems = apply_verdicts(s, t.user, board, meeting, verdicts, note_all=True)
            if problems:
                raise InvalidInput(problems)
            challenged += len(verdicts)
    return challenged
