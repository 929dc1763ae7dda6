"""What committees resolved: committees, their meetings, and each meeting's resolutions with the
follow-ups arising. Counts and flags are worked out in the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from tracker.errors import NotFound
from tracker.models import Board, FollowUp, Meeting, Resolution
from tracker.services.committees.arising import MattersArising, arising_in
from tracker.services.committees.followups import (
    OPEN_FOLLOWUP_STATUSES,
    FollowUpFilter,
    FollowUpRow,
    followup_rows,
    overdue_clause,
)
from tracker.services.committees.resolution_read import ResolutionRow, resolutions_read
from tracker.services.context import Tracker
from tracker.services.lookup import find_board
from tracker.services.meeting_titles import own_title
from tracker.services.plain_sql import Params, SessionReader, fits_integer
from tracker.services.reading import withhold

# read in resolution_read (plain SQL); here for the services and faces that name it
__all__ = ["ResolutionRow"]


@dataclass(frozen=True)
class CommitteeRow:
    code: str
    name: str
    kind: str  # committee | board
    meetings: int
    open_followups: int
    overdue_followups: int


@dataclass(frozen=True)
class MeetingRow:
    id: int
    committee: str
    date: dt.date | None
    title: str | None
    status: str
    resolutions: int
    open_followups: int
    committee_name: str = ""

    @property
    def own_title(self) -> str | None:
        """The title to show under its committee beside the date: None when it says only those
        ("Cabinet, 12 March 2024", what imported minutes that name no meeting make)."""
        return own_title(self.title, self.committee_name)


@dataclass(frozen=True)
class MeetingDetail:
    meeting: MeetingRow
    committee_name: str
    resolutions: tuple[ResolutionRow, ...]
    followups: tuple[FollowUpRow, ...]  # the meeting's own, in minuted order
    arising: MattersArising | None = None  # what arises at it (None: it has no date)


def list_committees(t: Tracker, *, boards: bool = False) -> tuple[CommitteeRow, ...]:
    """Committees (and, with `boards`, every board) with their meeting and open counts."""
    with t.db.reading() as s:
        counts = count_open(s, t.today())
        meetings = (
            select(Meeting.board_id, func.count(Meeting.id).label("n"))
            .group_by(Meeting.board_id)
            .subquery()
        )
        query = (
            select(Board.id, Board.code, Board.name, Board.kind, meetings.c.n)
            .outerjoin(meetings, meetings.c.board_id == Board.id)
            .order_by(Board.kind.desc(), Board.name)
        )
        if not boards:
            query = query.where(Board.kind == "committee")
        return tuple(
            CommitteeRow(
                code=r[1],
                name=r[2],
                kind=r[3],
                meetings=int(r[4] or 0),
                open_followups=counts.get(r[0], (0, 0))[0],
                overdue_followups=counts.get(r[0], (0, 0))[1],
            )
            for r in s.execute(query)
        )


def _meeting_rows(s: Session, where: ColumnElement[bool]) -> list[MeetingRow]:
    res = (
        select(Resolution.meeting_id, func.count(Resolution.id).label("n"))
        .group_by(Resolution.meeting_id)
        .subquery()
    )
    fus = (
        select(FollowUp.meeting_id, func.count(FollowUp.id).label("n"))
        .where(FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES))
        .group_by(FollowUp.meeting_id)
        .subquery()
    )
    query = (
        select(
            Meeting.id,
            Board.code,
            Meeting.date,
            Meeting.title,
            Meeting.status,
            res.c.n,
            fus.c.n,
            Board.name,
        )
        .join(Board, Meeting.board_id == Board.id)
        .outerjoin(res, res.c.meeting_id == Meeting.id)
        .outerjoin(fus, fus.c.meeting_id == Meeting.id)
        .where(where)
        .order_by(Meeting.date.is_(None).desc(), Meeting.date, Meeting.id)
    )
    return [
        MeetingRow(
            id=r[0],
            committee=r[1],
            date=r[2],
            title=r[3],
            status=r[4],
            resolutions=int(r[5] or 0),
            open_followups=int(r[6] or 0),
            committee_name=r[7],
        )
        for r in s.execute(query)
    ]


def list_meetings(t: Tracker, committee: str) -> tuple[MeetingRow, ...]:
    """A committee's meetings, oldest first (undated ones first)."""
    with t.db.reading() as s:
        board = find_board(s, committee)
        return tuple(_meeting_rows(s, Meeting.board_id == board.id))


def list_resolutions(
    t: Tracker,
    *,
    committee: str | None = None,
    open_only: bool = False,
    overdue: bool = False,
    meeting_id: int | None = None,
) -> tuple[ResolutionRow, ...]:
    """Resolutions, oldest meeting first. `open_only`: with a follow-up still open;
    `overdue`: with an open follow-up past its due date."""
    with t.db.reading() as s:
        rows = resolutions_in(s, t.today(), committee, open_only, overdue, meeting_id)
        return withhold(t, SessionReader(s), "resolution", rows)


def resolutions_in(
    s: Session,
    today: dt.date,
    committee: str | None,
    open_only: bool,
    overdue: bool,
    meeting_id: int | None,
) -> tuple[ResolutionRow, ...]:
    board_id = find_board(s, committee).id if committee else None

    def where(p: Params) -> str:
        parts = ["1 = 1"]
        if board_id is not None:
            parts.append(f"board.id = {p(board_id)}")
        if meeting_id is not None:
            parts.append(f"meeting.id = {p(meeting_id)}")
        if open_only:
            parts.append("counts.open > 0")
        if overdue:
            parts.append("counts.overdue > 0")
        return " AND ".join(parts)

    return resolutions_read(SessionReader(s), today, where)


def meeting_detail(t: Tracker, meeting_id: int) -> MeetingDetail:
    """One meeting with its resolutions, the follow-ups arising from it and the matters arising
    at it from earlier meetings, from one snapshot."""
    today = t.today()
    with t.db.reading() as s:
        rows = _meeting_rows(s, Meeting.id == meeting_id) if fits_integer(meeting_id) else []
        if not rows:
            raise NotFound(f"no meeting with id {meeting_id}")
        name = s.scalars(
            select(Board.name)
            .join(Meeting, Meeting.board_id == Board.id)
            .where(Meeting.id == meeting_id)
        ).one()
        m = rows[0]
        return MeetingDetail(
            meeting=m,
            committee_name=name,
            resolutions=withhold(
                t,
                SessionReader(s),
                "resolution",
                resolutions_in(s, today, None, False, False, meeting_id),
            ),
            followups=withhold(
                t,
                SessionReader(s),
                "followup",
                followup_rows(s, today, FollowUpFilter(meeting_id=meeting_id)),
            ),
            arising=arising_in(s, m.committee, m.date, today) if m.date else None,
        )


def find_meeting(t: Tracker, committee: str, date: dt.date) -> MeetingRow | None:
    """The committee's meeting on that date, if one is recorded."""
    with t.db.reading() as s:
        board = find_board(s, committee)
        rows = _meeting_rows(s, and_(Meeting.board_id == board.id, Meeting.date == date))
        return rows[0] if rows else None


def count_open(s: Session, today: dt.date) -> dict[int, tuple[int, int]]:
    """Per board id: (open follow-ups, overdue follow-ups), counted in the database."""
    rows = s.execute(
        select(
            Meeting.board_id,
            func.count(FollowUp.id),
            func.count(FollowUp.id).filter(overdue_clause(today)),
        )
        .join(Meeting, FollowUp.meeting_id == Meeting.id)
        .where(FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES))
        .group_by(Meeting.board_id)
    )
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}
