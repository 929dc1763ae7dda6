"""Matters arising: at each meeting of a committee, every follow-up from its earlier meetings
that is still open, until it is closed with a response."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from tracker.models import Board, FollowUp, Meeting
from tracker.services.committees.followups import (
    CLOSED_FOLLOWUP_STATUSES,
    OPEN_FOLLOWUP_STATUSES,
    FollowUpRow,
    order_rows,
    row_query,
    to_row,
)
from tracker.services.context import Tracker
from tracker.services.lookup import find_board


@dataclass(frozen=True)
class MattersArising:
    committee: str
    committee_name: str
    date: dt.date  # the meeting the matters arise at
    meeting_id: int | None  # None: no meeting recorded on that date yet
    meeting_title: str | None
    previous_date: dt.date | None  # the committee's last meeting before `date`
    open: tuple[FollowUpRow, ...]  # from earlier meetings, not yet closed
    closed_since: tuple[FollowUpRow, ...]  # closed since the previous meeting


def matters_arising(t: Tracker, committee: str, date: dt.date | None = None) -> MattersArising:
    """What arises at a committee's meeting on `date` (default: its next meeting, else today):
    every follow-up from its earlier meetings that is still open, and those closed since its
    previous meeting. Meetings without a date count as earlier."""
    with t.db.reading() as s:
        return arising_in(s, committee, date, t.today())


def arising_in(
    s: Session, committee: str, date: dt.date | None, today: dt.date
) -> MattersArising:
    """`matters_arising` inside an open session (a paper's)."""
    board = find_board(s, committee)
    if date is None:
        date = (
            s.execute(
                select(func.min(Meeting.date)).where(
                    Meeting.board_id == board.id, Meeting.date >= today
                )
            ).scalar()
            or today
        )
    meeting = s.execute(
        select(Meeting.id, Meeting.title)
        .where(Meeting.board_id == board.id, Meeting.date == date)
        .order_by(Meeting.id)
    ).first()
    previous = s.execute(
        select(func.max(Meeting.date)).where(Meeting.board_id == board.id, Meeting.date < date)
    ).scalar()
    earlier = or_(Meeting.date < date, Meeting.date.is_(None))
    base = row_query(today).where(Board.id == board.id, earlier)
    still_open = s.execute(
        order_rows(base.where(FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES)))
    ).all()
    closed: list[FollowUpRow] = []
    if previous is not None:
        closed = [
            to_row(r)
            for r in s.execute(
                order_rows(
                    base.where(
                        FollowUp.status.in_(CLOSED_FOLLOWUP_STATUSES),
                        FollowUp.closed_on >= previous,
                    )
                )
            )
        ]
    return MattersArising(
        committee=board.code,
        committee_name=board.name,
        date=date,
        meeting_id=meeting[0] if meeting else None,
        meeting_title=meeting[1] if meeting else None,
        previous_date=previous,
        open=tuple(to_row(r) for r in still_open),
        closed_since=tuple(closed),
    )
