"""Follow-ups: the work arising from committee resolutions and `ACTION –` lines, chased until
closed with a response. Open follow-ups are every later meeting's matters arising."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, Row, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from tracker.errors import NotFound, invalid
from tracker.models import (
    FOLLOWUP_STATUSES,
    Action,
    Board,
    FollowUp,
    FollowUpResponse,
    Meeting,
    Person,
    Resolution,
)
from tracker.services.actions.register import owner_label
from tracker.services.context import Tracker
from tracker.services.lookup import find_board, like
from tracker.services.plain_sql import SessionReader, fits_integer
from tracker.services.reading import withhold

OPEN_FOLLOWUP_STATUSES = ("open", "in progress")
CLOSED_FOLLOWUP_STATUSES = ("done", "dropped")


@dataclass(frozen=True)
class FollowUpFilter:
    committee: str | None = None  # board code or name (committees are boards)
    owner: str | None = None  # person code, or part of a name, role or the owner as minuted
    status: str | None = None
    open: bool = False  # open or in progress
    overdue: bool = False
    meeting_id: int | None = None


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    committee: str  # board code
    committee_name: str
    meeting_id: int
    meeting_date: dt.date | None
    meeting_title: str | None
    resolution: str | None  # the resolution's number as minuted
    item_title: str | None
    owner: str | None  # who, for display: the person, else the owner as minuted
    owner_code: str | None
    owner_text: str | None
    text: str
    due: dt.date | None
    status: str
    closed_on: dt.date | None
    action: str | None  # linked plan action ref
    overdue: bool
    version: int
    last_response: str | None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_FOLLOWUP_STATUSES

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "committee": self.committee,
            "meeting": self.meeting_date.isoformat() if self.meeting_date else None,
            "resolution": self.resolution,
            "owner": self.owner,
            "owner_code": self.owner_code,
            "owner_text": self.owner_text,
            "text": self.text,
            "due": self.due.isoformat() if self.due else None,
            "status": self.status,
            "closed_on": self.closed_on.isoformat() if self.closed_on else None,
            "action": self.action,
            "overdue": self.overdue,
            "version": self.version,
            "last_response": self.last_response,
        }


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
    return and_(FollowUp.due < today, FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES))


# a follow-up as row_query reads it, in the models' column types (the outer-joined
# resolution, person and action columns read None when there is none)
FollowUpRecord = tuple[
    int, str, str, int, dt.date | None, str | None,  # id; committee code, name; meeting
    str, str | None,  # resolution number, item title
    str, str | None, str | None, str | None,  # owner: person code, name, role; as minuted
    str, dt.date | None, str, dt.date | None, str,  # text, due, status, closed on, action
    bool, int, str | None,  # overdue, version, last response
]  # fmt: skip


def row_query(today: dt.date) -> Select[*FollowUpRecord]:
    latest = (
        select(FollowUpResponse.text)
        .where(FollowUpResponse.followup_id == FollowUp.id, FollowUpResponse.text.is_not(None))
        .order_by(FollowUpResponse.id.desc())
        .limit(1)
        .correlate(FollowUp)
        .scalar_subquery()
    )
    return (
        select(
            FollowUp.id,
            Board.code,
            Board.name,
            Meeting.id,
            Meeting.date,
            Meeting.title,
            Resolution.number,
            Resolution.item_title,
            Person.code,
            Person.name,
            Person.role,
            FollowUp.owner_text,
            FollowUp.text,
            FollowUp.due,
            FollowUp.status,
            FollowUp.closed_on,
            Action.ref,
            overdue_clause(today).label("overdue"),
            FollowUp.version,
            latest.label("last_response"),
        )
        .join(Meeting, FollowUp.meeting_id == Meeting.id)
        .join(Board, Meeting.board_id == Board.id)
        .outerjoin(Resolution, FollowUp.resolution_id == Resolution.id)
        .outerjoin(Person, FollowUp.owner_id == Person.id)
        .outerjoin(Action, FollowUp.action_id == Action.id)
    )


def order_rows(query: Select[*FollowUpRecord]) -> Select[*FollowUpRecord]:
    return query.order_by(
        Meeting.date.is_(None).desc(),
        Meeting.date,
        Meeting.id,
        FollowUp.position,
        FollowUp.id,
    )


def to_row(r: Row[*FollowUpRecord]) -> FollowUpRow:
    (
        fid,
        code,
        name,
        mid,
        mdate,
        mtitle,
        number,
        item,
        pcode,
        pname,
        prole,
        otext,
        text,
        due,
        status,
        closed_on,
        aref,
        overdue,
        version,
        last,
    ) = r  # a Row unpacks typed (tuple(r) would lose each column's type)
    return FollowUpRow(
        id=fid,
        committee=code,
        committee_name=name,
        meeting_id=mid,
        meeting_date=mdate,
        meeting_title=mtitle,
        resolution=number,
        item_title=item,
        owner=owner_label(pname, prole) or otext,
        owner_code=pcode,
        owner_text=otext,
        text=text,
        due=due,
        status=status,
        closed_on=closed_on,
        action=aref,
        overdue=bool(overdue),
        version=version,
        last_response=last,
    )


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
    query = row_query(today)
    if f.committee:
        query = query.where(Board.id == find_board(s, f.committee).id)
    if f.owner:
        pattern = like(f.owner.strip().lower())
        query = query.where(
            or_(
                Person.code == f.owner.strip(),
                func.lower(Person.name).like(pattern, escape="\\"),
                func.lower(Person.role).like(pattern, escape="\\"),
                func.lower(FollowUp.owner_text).like(pattern, escape="\\"),
            )
        )
    if f.status:
        query = query.where(FollowUp.status == f.status)
    if f.open:
        query = query.where(FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES))
    if f.overdue:
        query = query.where(overdue_clause(today))
    if f.meeting_id is not None:
        query = query.where(FollowUp.meeting_id == f.meeting_id)
    return tuple(to_row(r) for r in s.execute(order_rows(query)))


def get_row(s: Session, t: Tracker, followup_id: int) -> FollowUpRow:
    if not fits_integer(followup_id):
        raise NotFound(f"no follow-up with id {followup_id}")
    found = s.execute(row_query(t.today()).where(FollowUp.id == followup_id)).first()
    if found is None:
        raise NotFound(f"no follow-up with id {followup_id}")
    return to_row(found)


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
