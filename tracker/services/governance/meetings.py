"""A board's meetings: schedule one or a series, see the agenda, hold one (attendees, agenda,
the secretary's verdicts on waiting updates, reports from child boards, escalation decisions:
tracker.services.governance.holding)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.errors import InvalidInput, invalid
from tracker.models import (
    AgendaItem,
    Board,
    Escalation,
    Meeting,
    MeetingAttendee,
)
from tracker.services import audit
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.services.governance.agenda_words import withhold_agendas
from tracker.services.governance.common import (
    children_of,
    day,
    find_board,
    find_meeting,
    load_tree,
    meeting_key,
)
from tracker.services.governance.escalations import (
    escalation_views,
    open_escalations_query,
)
from tracker.services.governance.minuted import (
    NO_DETAILS,
    MeetingDetails,
    apply_details,
    check_details,
)
from tracker.services.governance.reviews import (
    count_to_report,
    count_waiting,
)
from tracker.services.meeting_titles import own_title
from tracker.vocabulary import counted


@dataclass(frozen=True)
class AgendaEntry:
    title: str
    notes: str | None = None
    kind: str = "item"  # item | updates | report | escalation
    escalation_id: int | None = None


@dataclass(frozen=True)
class MeetingView:
    board: str  # code
    board_name: str
    date: dt.date | None
    title: str | None
    status: str  # scheduled | held | cancelled
    held_at: dt.datetime | None
    attendees: tuple[str, ...]
    agenda: tuple[AgendaEntry, ...]
    version: int
    is_next: bool = False  # the board's next scheduled meeting (carries what waits for it)
    starts: dt.time | None = None  # local time (Europe/London)
    ends: dt.time | None = None
    location: str | None = None  # the venue
    online_link: str | None = None
    chair: str | None = None
    apologies: tuple[str, ...] = ()
    series: str | None = None  # the rule it was scheduled by

    @property
    def own_title(self) -> str | None:
        """The title to show beside the board's name and the date: None when it says only
        those ("Cabinet, 12 March 2024", what imported minutes that name no meeting make)."""
        return own_title(self.title, self.board_name)

    @property
    def when(self) -> str:
        """'10:00-12:00', '10:00', or '' when no time is set."""
        if self.starts is None:
            return ""
        text = f"{self.starts:%H:%M}"
        return f"{text}-{self.ends:%H:%M}" if self.ends else text

    def as_dict(self) -> dict[str, object]:
        return {
            "board": self.board,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "status": self.status,
            "held_at": self.held_at.isoformat() if self.held_at else None,
            "attendees": list(self.attendees),
            "agenda": [{"title": a.title, "notes": a.notes, "kind": a.kind} for a in self.agenda],
            "version": self.version,
            "next": self.is_next,
            "starts": self.starts.strftime("%H:%M") if self.starts else None,
            "ends": self.ends.strftime("%H:%M") if self.ends else None,
            "location": self.location,
            "online_link": self.online_link,
            "chair": self.chair,
            "apologies": list(self.apologies),
            "series": self.series,
        }


def meeting_views(
    s: Session, meetings: Sequence[Meeting], next_id: int | None
) -> list[MeetingView]:
    """Meetings with attendees and stored agenda, in three queries whatever their number."""
    ids = [m.id for m in meetings]
    attendees: dict[int, list[str]] = {}
    apologies: dict[int, list[str]] = {}
    agenda: dict[int, list[AgendaEntry]] = {}
    boards = {b.id: b for b in s.scalars(select(Board))}
    if ids:
        for a in s.scalars(
            select(MeetingAttendee)
            .where(MeetingAttendee.meeting_id.in_(ids))
            .order_by(MeetingAttendee.id)
        ):
            (attendees if a.present else apologies).setdefault(a.meeting_id, []).append(a.name)
        for item in s.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id.in_(ids)).order_by(AgendaItem.position)
        ):
            agenda.setdefault(item.meeting_id, []).append(AgendaEntry(item.title, item.notes))
    return [
        MeetingView(
            board=boards[m.board_id].code,
            board_name=boards[m.board_id].name,
            date=m.date,
            title=m.title,
            status=m.status,
            held_at=m.held_at,
            attendees=tuple(attendees.get(m.id, ())),
            agenda=tuple(agenda.get(m.id, ())),
            version=m.version,
            is_next=m.id == next_id,
            starts=m.starts,
            ends=m.ends,
            location=m.location,
            online_link=m.online_link,
            chair=m.chair,
            apologies=tuple(apologies.get(m.id, ())),
            series=m.series,
        )
        for m in meetings
    ]


def _next_meeting(s: Session, board_id: int) -> Meeting | None:
    """The board's next meeting: its earliest scheduled one (with a date)."""
    return s.scalars(
        select(Meeting)
        .where(
            Meeting.board_id == board_id,
            Meeting.status == "scheduled",
            Meeting.date.is_not(None),
        )
        .order_by(Meeting.date, Meeting.id)
        .limit(1)
    ).first()


def list_meetings(
    t: Tracker,
    board: str | None = None,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    status: str | None = None,
) -> tuple[MeetingView, ...]:
    """Meetings by date (undated last), optionally of one board, in a date range or status."""
    with t.db.reading() as s:
        found = meetings_in(s, board, date_from=date_from, date_to=date_to, status=status)
        return withhold_agendas(t, s, found)


def meetings_in(
    s: Session,
    board: str | None = None,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    status: str | None = None,
) -> tuple[MeetingView, ...]:
    """`list_meetings` inside an open session."""
    query = select(Meeting).order_by(Meeting.date.is_(None), Meeting.date, Meeting.id)
    next_ids: set[int] = set()
    if board:
        b = find_board(s, board)
        query = query.where(Meeting.board_id == b.id)
        nxt = _next_meeting(s, b.id)
        if nxt is not None:
            next_ids.add(nxt.id)
    else:
        first = (
            select(Meeting.board_id, func.min(Meeting.date).label("d"))
            .where(Meeting.status == "scheduled", Meeting.date.is_not(None))
            .group_by(Meeting.board_id)
            .subquery()
        )
        next_ids.update(
            s.scalars(
                select(Meeting.id)
                .join(first, (first.c.board_id == Meeting.board_id) & (first.c.d == Meeting.date))
                .where(Meeting.status == "scheduled")
            )
        )
    if date_from:
        query = query.where(Meeting.date >= date_from)
    if date_to:
        query = query.where(Meeting.date <= date_to)
    if status:
        query = query.where(Meeting.status == status)
    meetings = s.scalars(query).all()
    views = meeting_views(s, meetings, None)
    return tuple(
        MeetingView(**{**v.__dict__, "is_next": m.id in next_ids})
        for v, m in zip(views, meetings, strict=True)
    )


def meeting_agenda(t: Tracker, board: str, on: dt.date | None = None) -> MeetingView:
    """One meeting with its full agenda (default: the board's next meeting). The next meeting's
    agenda also lists what waits for it: updates for noting, each child board's reported
    position, and every open escalation to the board (until it is decided)."""
    with t.db.reading() as s:
        return withhold_agendas(t, s, [agenda_in(s, board, on)])[0]


def agenda_in(s: Session, board: str, on: dt.date | None = None) -> MeetingView:
    """`meeting_agenda` inside an open session."""
    b = find_board(s, board)
    nxt = _next_meeting(s, b.id)
    if on is None:
        if nxt is None:
            raise invalid(
                "date", f"{b.name} has no scheduled meeting", remedy="schedule the meeting"
            )
        meeting = nxt
    else:
        meeting = find_meeting(s, b, on)
    view = meeting_views(s, [meeting], nxt.id if nxt else None)[0]
    if meeting.status != "scheduled" or meeting.date is None:
        return view
    extra = _pending_items(s, b, meeting.date, next_meeting=view.is_next)
    return MeetingView(**{**view.__dict__, "agenda": view.agenda + tuple(extra)})


def _pending_items(s: Session, b: Board, on: dt.date, *, next_meeting: bool) -> list[AgendaEntry]:
    """What waits for a scheduled meeting: at the next one, the updates for noting and each
    child's reported position; at any, the open escalations raised by its date."""
    items: list[AgendaEntry] = []
    if next_meeting:
        tree = load_tree(s)
        waiting = count_waiting(s, [b.id]).get(b.id, 0)
        if waiting:
            items.append(AgendaEntry(f"Status updates for noting: {waiting}", kind="updates"))
        children = children_of(tree, b.id)
        reports = count_to_report(s, b.id, [c.id for c in children])
        for child in children:
            n = reports.get(child.id, 0)
            if n:
                items.append(
                    AgendaEntry(
                        f"Reported position from {child.name}: {counted(n, 'updates')}",
                        kind="report",
                    )
                )
    query = open_escalations_query(b.id).where(Escalation.raised_on <= on)
    for e in escalation_views(s, s.scalars(query).all()):
        items.append(
            AgendaEntry(
                f"Escalation #{e.id} from {e.from_board_name}: {e.ref} {e.title}",
                notes=f"Reason: {e.reason}. Decision sought: {e.decision_sought}",
                kind="escalation",
                escalation_id=e.id,
            )
        )
    return items


def _check_new_date(on: dt.date, today: dt.date, field: str) -> None:
    if on < today:
        raise invalid(
            field, f"{on.isoformat()} is in the past (today is {today.isoformat()}); "
            "a meeting in the past cannot be scheduled",
        )  # fmt: skip


def _clashes(s: Session, b: Board, dates: Sequence[dt.date]) -> list[dt.date]:
    return sorted(
        set(
            s.scalars(
                select(Meeting.date).where(
                    Meeting.board_id == b.id,
                    Meeting.date.in_(dates),
                    Meeting.status != "cancelled",
                )
            )
        )
    )


def _add(
    s: Session, actor: str, b: Board, on: dt.date, title: str | None,
    details: MeetingDetails = NO_DETAILS, series: str | None = None,
) -> Meeting:  # fmt: skip
    meeting = Meeting(board_id=b.id, date=on, title=title, status="scheduled", series=series)
    changes = apply_details(meeting, details)
    s.add(meeting)
    audit.record(s, actor, "schedule", "meeting", meeting_key(b.code, on, title), {
        "status": (None, "scheduled"), "title": (None, title),
        **({"series": (None, series)} if series else {}),
        **{k: (None, new) for k, (_, new) in changes.items()},
    })  # fmt: skip
    return meeting


def schedule_meeting(
    t: Tracker, board: str, on: dt.date, *, title: str | None = None,
    details: MeetingDetails = NO_DETAILS,
) -> MeetingView:  # fmt: skip
    """Schedule a meeting of a board (with its time and place). Past dates, a second meeting
    on a day, and a time ending before it starts are refused."""
    title = title.strip() if title and title.strip() else None
    problems = check_details(details)
    if problems:
        raise InvalidInput(problems)
    with t.db.writing() as s:
        b = find_board(s, board)
        require(t, s, "run meetings", board=b.code)
        _check_new_date(on, t.today(), "date")
        if _clashes(s, b, [on]):
            raise invalid("date", f"{b.name} already has a meeting on {on.isoformat()}")
        meeting = _add(s, t.user, b, on, title, details)
        s.flush()
        nxt = _next_meeting(s, b.id)
        return meeting_views(s, [meeting], nxt.id if nxt else None)[0]


def schedule_series(
    t: Tracker,
    board: str,
    start: dt.date,
    every: str,
    count: int | None = None,
    *,
    until: dt.date | None = None,
    title: str | None = None,
    details: MeetingDetails = NO_DETAILS,
) -> tuple[MeetingView, ...]:
    """Schedule a series from `start` by a rule (see governance.series): `count` meetings, or
    all up to `until`; a date on a weekend or bank holiday moves to the next working day. All
    or none: a clash with an existing meeting refuses the whole series, naming the dates."""
    # here, not at the top: the series rule loads the bank-holiday calendars (`holidays`,
    # `dateutil`), which every paper importing this module would otherwise pay for
    from tracker.services.governance.series import series_plan

    problems = check_details(details)
    if problems:
        raise InvalidInput(problems)
    dates = [d.date for d in series_plan(start, every, count, until)]
    title = title.strip() if title and title.strip() else None
    rule = " ".join(every.split())[:200]
    with t.db.writing() as s:
        b = find_board(s, board)
        require(t, s, "run meetings", board=b.code)
        _check_new_date(start, t.today(), "from")
        clashes = _clashes(s, b, dates)
        if clashes:
            listed = ", ".join(d.isoformat() for d in clashes)
            raise invalid("from", f"{b.name} already has a meeting on {listed}; nothing scheduled")
        meetings = [_add(s, t.user, b, d, title, details, rule) for d in dates]
        s.flush()
        nxt = _next_meeting(s, b.id)
        return tuple(meeting_views(s, meetings, nxt.id if nxt else None))


def cancel_meeting(t: Tracker, board: str, on: dt.date) -> MeetingView:
    """Cancel a scheduled meeting (what waited for it waits for the next one)."""
    with t.db.writing() as s:
        b = find_board(s, board)
        require(t, s, "run meetings", board=b.code)
        meeting = find_meeting(s, b, on)
        if meeting.status != "scheduled":
            raise invalid("date", f"the meeting of {day(on)} is {meeting.status}, not scheduled")
        meeting.status = "cancelled"
        audit.record(s, t.user, "cancel", "meeting", meeting_key(b.code, on, meeting.title),
                     {"status": ("scheduled", "cancelled")})  # fmt: skip
        s.flush()
        return meeting_views(s, [meeting], None)[0]
