"""Follow-ups: the work arising from committee resolutions and `ACTION –` lines, chased until
closed with a response. Open follow-ups are every later meeting's matters arising."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

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
from tracker.services import audit
from tracker.services.actions import owner_label
from tracker.services.committees import find_board, like, match_people
from tracker.services.context import Tracker
from tracker.services.errors import Conflict, InvalidInput, NotFound, Problem, invalid

OPEN_FOLLOWUP_STATUSES = ("open", "in progress")
CLOSED_FOLLOWUP_STATUSES = ("done", "dropped")
_UNSET: object = object()


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


def overdue_clause(today: dt.date):  # type: ignore[no-untyped-def]
    return and_(FollowUp.due < today, FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES))


def row_query(today: dt.date) -> Select[tuple[object, ...]]:
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


def order_rows(query: Select) -> Select:  # type: ignore[type-arg]
    return query.order_by(
        Meeting.date.is_(None).desc(),
        Meeting.date,
        Meeting.id,
        FollowUp.position,
        FollowUp.id,
    )


def to_row(r: Iterable[object]) -> FollowUpRow:
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
    ) = tuple(r)
    return FollowUpRow(
        id=fid,
        committee=code,
        committee_name=name,
        meeting_id=mid,
        meeting_date=mdate,
        meeting_title=mtitle,
        resolution=number,
        item_title=item,
        owner=owner_label(pname, prole) or otext,  # type: ignore[arg-type]
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
    )  # type: ignore[arg-type]


def check_filter(f: FollowUpFilter) -> None:
    if f.status is not None and f.status not in FOLLOWUP_STATUSES:
        raise invalid("status", f"unknown status {f.status!r}", ", ".join(FOLLOWUP_STATUSES))


def list_followups(t: Tracker, f: FollowUpFilter = FollowUpFilter()) -> tuple[FollowUpRow, ...]:
    """Follow-ups matching the filter, oldest meeting first."""
    check_filter(f)
    with t.db.reading() as s:
        return followup_rows(s, t.today(), f)


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


def _get_row(s: Session, t: Tracker, followup_id: int) -> FollowUpRow:
    found = s.execute(row_query(t.today()).where(FollowUp.id == followup_id)).first()
    if found is None:
        raise NotFound(f"no follow-up with id {followup_id}")
    return to_row(found)


def get_followup(t: Tracker, followup_id: int) -> FollowUpDetail:
    with t.db.reading() as s:
        row = _get_row(s, t, followup_id)
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
        return FollowUpDetail(row=row, resolution_text=resolution, responses=responses)


def _owner(s: Session, value: str) -> tuple[Person | None, str | None]:
    """An owner given by person code, or as free text (a role or name), matched when exact."""
    value = value.strip()
    if not value:
        return None, None
    person = s.scalars(select(Person).where(Person.code == value)).first()
    if person is not None:
        return person, None
    return match_people(s, [value]).get(value), value


def update_followup(
    t: Tracker,
    followup_id: int,
    *,
    owner: str | None | object = _UNSET,
    due: dt.date | None | object = _UNSET,
    status: str | None = None,
    text: str | None = None,
    response: str | None = None,
    action: str | None | object = _UNSET,
    by: str | None = None,
    expected_version: int | None = None,
) -> FollowUpRow:
    """Change a follow-up. Fields left out keep their value; `owner`/`due`/`action` given as
    None (or "") clear it. Closing (done, dropped) needs a response; reopening clears the
    closing date. Every change is audited; a response or status change joins its history."""
    author = (by or t.user).strip() or t.user
    note = response.strip() if response and response.strip() else None
    with t.db.writing() as s:
        fu = s.get(FollowUp, followup_id)
        if fu is None:
            raise NotFound(f"no follow-up with id {followup_id}")
        if expected_version is not None and fu.version != expected_version:
            raise Conflict(
                f"follow-up {followup_id} changed since you read it: version {expected_version} "
                f"is now {fu.version}"
            )
        problems: list[Problem] = []
        changes: dict[str, tuple[object, object]] = {}
        new_status = fu.status if status is None else status
        if new_status not in FOLLOWUP_STATUSES:
            problems.append(
                Problem("status", f"unknown status {status!r}", ", ".join(FOLLOWUP_STATUSES))
            )
        closing = new_status in CLOSED_FOLLOWUP_STATUSES and fu.status != new_status
        if closing and note is None:
            problems.append(
                Problem(
                    "response",
                    f"closing a follow-up as {new_status} needs a response "
                    "saying what was done or why it was dropped",
                )
            )
        if text is not None and not text.strip():
            problems.append(Problem("text", "a follow-up needs its text"))
        if due is not _UNSET and due is not None and not isinstance(due, dt.date):
            problems.append(Problem("due", f"{due!r} is not a date", "YYYY-MM-DD"))
        linked: Action | None = None
        if action is not _UNSET and action:
            linked = s.scalars(select(Action).where(Action.ref == str(action).strip())).first()
            if linked is None:
                problems.append(Problem("action", f"no plan action with ref {action!r}"))
        if problems:
            raise InvalidInput(problems)
        if owner is not _UNSET:
            person, owner_text = _owner(s, str(owner or ""))
            old = fu.owner.label if fu.owner else fu.owner_text
            if person is None and owner_text is None:
                fu.owner_id, fu.owner_text = None, None
            elif owner_text is None:  # a person code: keep the owner as minuted
                fu.owner_id = person.id  # type: ignore[union-attr]
            else:
                fu.owner_id, fu.owner_text = (person.id if person else None), owner_text
            new = person.label if person else owner_text
            if old != new:
                changes["owner"] = (old, new)
        if due is not _UNSET and due != fu.due:
            changes["due"] = (fu.due, due)
            fu.due = due  # type: ignore[assignment]
        if text is not None and text.strip() != fu.text:
            changes["text"] = (fu.text, text.strip())
            fu.text = text.strip()
        if action is not _UNSET:
            old_ref = s.scalars(select(Action.ref).where(Action.id == fu.action_id)).first()
            new_ref = linked.ref if linked else None
            if old_ref != new_ref:
                changes["action"] = (old_ref, new_ref)
                fu.action_id = linked.id if linked else None
        if new_status != fu.status:
            changes["status"] = (fu.status, new_status)
            if new_status in CLOSED_FOLLOWUP_STATUSES:
                fu.closed_on = t.today()
            else:
                fu.closed_on = None
            fu.status = new_status
        if note is not None or "status" in changes:
            s.add(
                FollowUpResponse(
                    followup_id=fu.id,
                    recorded_by=author,
                    status=new_status,
                    text=note,
                )
            )
            if note is not None:
                changes.setdefault("response", (None, note))
        if not changes:
            raise invalid("followup", "nothing to change: give a new value or a response")
        if not s.is_modified(fu):
            flag_modified(fu, "status")  # a response alone is still a change: bump the version
        audit.record(s, author, "update", "followup", str(fu.id), changes)
        try:
            s.flush()
        except StaleDataError:
            raise Conflict(
                f"follow-up {followup_id} was changed by someone else while you saved"
            ) from None
        return _get_row(s, t, fu.id)


def close_followup(
    t: Tracker,
    followup_id: int,
    response: str,
    *,
    dropped: bool = False,
    by: str | None = None,
    expected_version: int | None = None,
) -> FollowUpRow:
    """Close a follow-up as done (or dropped) with the response that closes it."""
    return update_followup(
        t,
        followup_id,
        status="dropped" if dropped else "done",
        response=response,
        by=by,
        expected_version=expected_version,
    )
