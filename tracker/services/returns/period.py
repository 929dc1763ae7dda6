"""A board's reporting period: from the day after its last meeting to its next one. Returns are
due a set number of days before the meeting (tracker.toml [returns] days_before)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import NotFound
from tracker.models import Board, Meeting


@dataclass(frozen=True)
class ReportingPeriod:
    board: str  # code
    board_name: str
    meeting: dt.date  # the next meeting, which the returns are for
    meeting_title: str | None
    start: dt.date | None  # the day after the last meeting; None: the board has not met yet
    deadline: dt.date  # returns due by
    today: dt.date

    @property
    def days_to_meeting(self) -> int:
        return (self.meeting - self.today).days

    @property
    def days_to_deadline(self) -> int:
        return (self.deadline - self.today).days

    def since(self) -> dt.datetime | None:
        """The first instant of the period (UTC): an update at or after it is a return."""
        if self.start is None:
            return None
        return dt.datetime.combine(self.start, dt.time(), tzinfo=dt.UTC)

    def describe(self) -> str:
        since = f"since {_day(self.start)}" if self.start else "since the board began"
        return f"{since}, for the meeting of {_day(self.meeting)}"


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%b %Y}"


def next_meeting_in(s: Session, board: Board, today: dt.date) -> Meeting | None:
    """The board's next meeting: its earliest scheduled one on or after today."""
    return s.scalars(
        select(Meeting)
        .where(Meeting.board_id == board.id, Meeting.status == "scheduled", Meeting.date >= today)
        .order_by(Meeting.date, Meeting.id)
        .limit(1)
    ).first()


def period_in(s: Session, board: Board, today: dt.date, days_before: int) -> ReportingPeriod:
    """The board's current reporting period; NotFound when it has no meeting ahead."""
    meeting = next_meeting_in(s, board, today)
    if meeting is None or meeting.date is None:
        raise NotFound(
            f"{board.name} has no meeting scheduled on or after {_day(today)}: a return is "
            "owed for a meeting",
            remedy="schedule the meeting",
        )
    last = s.scalars(
        select(Meeting.date)
        .where(
            Meeting.board_id == board.id,
            Meeting.status != "cancelled",
            Meeting.date < meeting.date,
        )
        .order_by(Meeting.date.desc())
        .limit(1)
    ).first()
    start = last + dt.timedelta(days=1) if last is not None else None
    deadline = meeting.date - dt.timedelta(days=days_before)
    if start is not None and deadline < start:  # meetings close together: due the first day
        deadline = start
    return ReportingPeriod(
        board=board.code, board_name=board.name, meeting=meeting.date,
        meeting_title=meeting.title, start=start, deadline=deadline, today=today,
    )  # fmt: skip
