"""Follow-ups: the work arising from committee resolutions and `ACTION –` lines, chased until
closed with a response. Open follow-ups are every later meeting's matters arising."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from tracker.errors import NotFound, invalid
from tracker.models import (
    FOLLOWUP_STATUSES,
    FollowUp,
    FollowUpResponse,
    Resolution,
)
from tracker.services.committees.followup_read import (
    CLOSED_FOLLOWUP_STATUSES,
    OPEN_FOLLOWUP_STATUSES,
    FollowUpRow,
    overdue_sql,
    rows_read,
)
from tracker.services.context import Tracker
from tracker.services.lookup import find_board, like
from tracker.services.plain_sql import Params, SessionReader, fits_integer
from tracker.services.reading import withhold

# read in followup_read (plain SQL); here for the services and faces that name them
__all__ = ["CLOSED_FOLLOWUP_STATUSES", "OPEN_FOLLOWUP_STATUSES", "FollowUpRow"]


@dataclass(frozen=True)
class FollowUpFilter:
    committee: str | None = None  # board code or name (committees are boards)
    owner: str | None = None  # person code, or part of a name, role or the owner as minuted
    status: str | None = None
    open: bool = False  # open or in progress
    overdue: bool = False
    meeting_id: int | None = None


@dataclass(frozen=True)
class ResponseView:
    recorded_at: dt.datetime
    recorded_by: str
    status: str
    text: str | None


@dataclass(frozen=True)
class FollowUpDetail:
    row: FollowUpRow
    resolution_text: str | None
    responses: tuple[ResponseView, ...]  # oldest first


def overdue_clause(today: dt.date) -> ColumnElement[bool]:
    """followup_read.overdue_sql, for a SQLAlchemy count (resolutions' overdue follow-ups)."""
    return and_(FollowUp.due < today, FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES))


def check_filter(f: FollowUpFilter) -> None:
    if f.status is not None and f.status not in FOLLOWUP_STATUSES:
        raise invalid("status", f"unknown status {f.status!r}", ", ".join(FOLLOWUP_STATUSES))


def list_followups(t: Tracker, f: FollowUpFilter = FollowUpFilter()) -> tuple[FollowUpRow, ...]:
    """Follow-ups matching the filter, oldest meeting first."""
    check_filter(f)
    with t.db.reading() as s:
        return withhold(t, SessionReader(s), "followup", followup_rows(s, t.today(), f))


def followup_rows(s: Session, today: dt.date, f: FollowUpFilter) -> tuple[FollowUpRow, ...]:
    """The query behind list_followups, inside the caller's transaction."""
    committee = find_board(s, f.committee).id if f.committee else None

    def where(p: Params) -> str:
        parts = ["1 = 1"]
        if committee is not None:
            parts.append(f"board.id = {p(committee)}")
        if f.owner:
            owner = f.owner.strip()
            pattern = p(like(owner.lower()))
            parts.append(
                f"(person.code = {p(owner)} OR lower(person.name) LIKE {pattern} ESCAPE '\\' "
                f"OR lower(person.role) LIKE {pattern} ESCAPE '\\' "
                f"OR lower(followup.owner_text) LIKE {pattern} ESCAPE '\\')"
            )
        if f.status:
            parts.append(f"followup.status = {p(f.status)}")
        if f.open:
            parts.append(f"followup.status IN ({p.each(OPEN_FOLLOWUP_STATUSES)})")
        if f.overdue:
            parts.append(overdue_sql(p, today))
        if f.meeting_id is not None:
            parts.append(f"followup.meeting_id = {p(f.meeting_id)}")
        return " AND ".join(parts)

    return rows_read(SessionReader(s), today, where)


def get_row(s: Session, t: Tracker, followup_id: int) -> FollowUpRow:
    if not fits_integer(followup_id):
        raise NotFound(f"no follow-up with id {followup_id}")
    found = rows_read(SessionReader(s), t.today(), lambda p: f"followup.id = {p(followup_id)}")
    if not found:
        raise NotFound(f"no follow-up with id {followup_id}")
    return found[0]


def get_followup(t: Tracker, followup_id: int) -> FollowUpDetail:
    with t.db.reading() as s:
        row = get_row(s, t, followup_id)
        resolution = s.scalars(
            select(Resolution.text)
            .join(FollowUp, FollowUp.resolution_id == Resolution.id)
            .where(FollowUp.id == followup_id)
        ).first()
        responses = tuple(
            ResponseView(r.recorded_at, r.recorded_by, r.status, r.text)
            for r in s.scalars(
                select(FollowUpResponse)
                .where(FollowUpResponse.followup_id == followup_id)
                .order_by(FollowUpResponse.id)
            )
        )
        [shown] = withhold(t, SessionReader(s), "followup", [row])
        if shown != row:  # exempt, and not for this account: nothing of what it says
            resolution = None
            responses = tuple(replace(r, text=None) for r in responses)
        return FollowUpDetail(row=shown, resolution_text=resolution, responses=responses)
