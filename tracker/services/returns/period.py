"""A board's reporting period: from the day after its last meeting to its next one. Returns are
due a set number of days before the meeting (tracker.toml [returns] days_before)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.errors import NotFound
from tracker.services.plain_sql import Params, Reader, SessionReader, as_date

if TYPE_CHECKING:  # the dashboard reads a period without SQLAlchemy (period_read)
    from sqlalchemy.orm import Session

    from tracker.models import Board


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

    @property
    def passed(self) -> bool:
        """The meeting's date passed and it is not recorded as held (nor cancelled)."""
        return self.meeting < self.today

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


def period_in(s: Session, board: Board, today: dt.date, days_before: int) -> ReportingPeriod:
    """The board's current reporting period; NotFound when it has no meeting scheduled."""
    return period_read(SessionReader(s), board.id, board.code, board.name, today, days_before)


def period_read(
    reader: Reader, board_id: int, code: str, name: str, today: dt.date, days_before: int
) -> ReportingPeriod:
    """`period_in` in plain SQL (tracker.services.plain_sql), on any reader: the period runs
    from the day after the board's last meeting held to its next one, its earliest scheduled
    meeting. One whose date passed unrecorded is still the next (holding the board holds it,
    late): the returns are for it until it is held or cancelled."""
    p = Params(reader.dialect)
    found = reader.rows(
        f"SELECT date, title FROM meeting WHERE board_id = {p(board_id)} AND status = "
        "'scheduled' AND date IS NOT NULL ORDER BY date, id LIMIT 1",
        p.values,
    )
    meeting = as_date(found[0][0]) if found else None
    if meeting is None:
        raise NotFound(
            f"{name} has no meeting scheduled: a return is owed for a meeting",
            remedy="schedule the meeting",
        )
    p = Params(reader.dialect)
    before = reader.rows(
        f"SELECT date FROM meeting WHERE board_id = {p(board_id)} AND status = 'held' "
        f"AND date < {p(meeting)} ORDER BY date DESC LIMIT 1",
        p.values,
    )
    last = as_date(before[0][0]) if before else None
    start = last + dt.timedelta(days=1) if last is not None else None
    deadline = meeting - dt.timedelta(days=days_before)
    if start is not None and deadline < start:  # meetings close together: due the first day
        deadline = start
    return ReportingPeriod(
        board=code, board_name=name, meeting=meeting, meeting_title=found[0][1], start=start,
        deadline=deadline, today=today,
    )  # fmt: skip
