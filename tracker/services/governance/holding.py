"""Holding a board's meeting: attendees, agenda, the secretary's verdict on each waiting update,
the reporting of what child boards noted, decisions on escalations; and verdicts added later at a
meeting already held. One transaction each: any refusal changes nothing. And what the secretary
sees before holding one (`meeting_to_hold`), read from one snapshot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from tracker.errors import Conflict, InvalidInput, invalid
from tracker.models import AgendaItem, Board, Meeting, MeetingAttendee, Person, utcnow
from tracker.services import audit
from tracker.services.accounts.permissions import require
from tracker.services.context import Tracker
from tracker.services.governance.agenda_words import withhold_agendas
from tracker.services.governance.common import (
    day,
    find_board,
    find_meeting,
    load_tree,
    meeting_key,
)
from tracker.services.governance.escalation_read import WORDS as ESCALATION_WORDS
from tracker.services.governance.escalation_read import EscalationView
from tracker.services.governance.escalations import (
    Decision,
    decide_in_session,
    escalation_views,
    escalations_in,
    open_escalations_query,
)
from tracker.services.governance.meetings import (
    MeetingView,
    agenda_in,
    meeting_views,
    meetings_in,
)
from tracker.services.governance.minuted import (
    ActionArising,
    MeetingDetails,
    add_actions_in,
    add_apologies_in,
    add_decisions_in,
    apply_details,
    chair_among,
    check_details,
    check_minuted,
    check_people,
)
from tracker.services.governance.reviews import (
    ReviewedUpdate,
    Verdict,
    apply_verdicts,
    count_waiting,
    report_from_children,
)
from tracker.services.governance.trail import WAITING_WORDS, WaitingUpdate, waiting_in
from tracker.services.plain_sql import SessionReader
from tracker.services.reading import withhold_actions
from tracker.vocabulary import counted


@dataclass(frozen=True)
class HoldResult:
    meeting: MeetingView
    reviewed: tuple[ReviewedUpdate, ...]  # noted or challenged here
    reported: tuple[ReviewedUpdate, ...]  # from child boards, reported here
    decided: tuple[EscalationView, ...]
    still_waiting: int  # the board's updates still waiting (for its next meeting)
    decisions: int = 0  # decisions minuted (stored as the meeting's resolutions)
    actions: int = 0  # actions arising (stored as follow-ups)


@dataclass(frozen=True)
class MeetingToHold:
    meeting: MeetingView | None  # the earliest scheduled meeting due by today; None: none is
    next_date: dt.date | None  # when none is due: the date of the next scheduled one, if any
    reports: tuple[str, ...]  # the agenda's items reporting the child boards' positions
    waiting: tuple[WaitingUpdate, ...]  # updates recorded by its date, waiting for it
    escalations: tuple[EscalationView, ...]  # open escalations to it, raised by its date
    also_due: tuple[dt.date, ...] = ()  # later scheduled meetings due by today too: not this one?
    waiting_later: int = 0  # updates recorded after its date: they wait for the meeting after it


def meeting_to_hold(t: Tracker, board: str) -> MeetingToHold:
    """The board's meeting that can be held now (scheduled, on or before today) with what it
    will consider: the child boards' reports, the waiting updates and the open escalations."""
    today = t.today()
    with t.db.reading() as s:
        scheduled = meetings_in(s, board, status="scheduled")
        dated = [(m.date, m) for m in scheduled if m.date is not None]
        due = [(on, m) for on, m in dated if on <= today]
        if not due:
            return MeetingToHold(None, dated[0][0] if dated else None, (), (), ())
        on, meeting = due[0]
        agenda = agenda_in(s, board, on)
        reader = SessionReader(s)  # the words of exempt actions withheld, as in every read
        waiting = waiting_in(s, board, until=on)
        b = find_board(s, board)
        every = count_waiting(s, [b.id]).get(b.id, 0)
        return MeetingToHold(
            meeting=withhold_agendas(t, s, [meeting])[0],
            next_date=None,
            reports=tuple(a.title for a in agenda.agenda if a.kind == "report"),
            waiting=withhold_actions(t, reader, waiting, WAITING_WORDS),
            escalations=withhold_actions(
                t,
                reader,
                tuple(
                    e
                    for e in escalations_in(s, board, open_only=True)
                    if e.to_board == meeting.board and e.raised_on <= on
                ),
                ESCALATION_WORDS,
                read_by="to_board",
            ),
            also_due=tuple(later for later, _ in due[1:]),
            waiting_later=every - len(waiting),
        )


def hold_meeting(
    t: Tracker,
    board: str,
    on: dt.date,
    *,
    attendees: Sequence[str] = (),
    agenda: Sequence[str] = (),
    verdicts: Sequence[Verdict] = (),
    note_all: bool = False,
    decisions: Sequence[Decision] = (),
    expected_version: int | None = None,
    minuted: Minuted | None = None,
) -> HoldResult:
    """Record that a scheduled meeting was held, all in one transaction: its attendees and
    agenda (open escalations are added to it), the secretary's verdict on each waiting update
    (updates with no verdict stay waiting; `note_all` notes them all), the reporting of what
    child boards noted since, decisions on escalations, and what else was minuted (time, place,
    chair, apologies, decisions taken, actions arising). Any refusal changes nothing."""
    with t.db.writing() as s:
        b = find_board(s, board)
        require(t, s, "record verdicts" if verdicts or note_all else "run meetings", board=b.code)
        meeting = find_meeting(s, b, on)
        today = t.today()
        if expected_version is not None and meeting.version != expected_version:
            raise Conflict(f"the meeting of {b.name} on {day(on)} changed since you read it")
        if meeting.status != "scheduled":
            raise invalid(
                "date", f"the meeting of {b.name} on {day(on)} is already {meeting.status}",
                remedy="review the meeting" if meeting.status == "held" else None,
            )  # fmt: skip
        if on > today:
            raise invalid(
                "date", f"the meeting of {day(on)} is in the future (today is {day(today)}); "
                "it can be held on or after its date",
            )  # fmt: skip
        return _shown(t, s, _hold_in(
            s, t.user, today, b, meeting, attendees, agenda, verdicts, note_all, decisions,
            minuted or Minuted(),
        ))  # fmt: skip


@dataclass(frozen=True)
class Minuted:
    """What a meeting minutes besides verdicts and escalation decisions."""

    details: MeetingDetails = MeetingDetails()
    apologies: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()  # free text, numbered as minuted (1, 2, ...)
    actions: tuple[ActionArising, ...] = ()
    title: str | None = None


def record_meeting(
    t: Tracker,
    board: str,
    on: dt.date,
    *,
    scheduled_on: dt.date | None = None,
    attendees: Sequence[str] = (),
    agenda: Sequence[str] = (),
    verdicts: Sequence[Verdict] = (),
    note_all: bool = False,
    decisions: Sequence[Decision] = (),
    minuted: Minuted | None = None,
) -> HoldResult:
    """Record a meeting that took place on `on` (today or any past date) in one step, with the
    same verdicts as holding one. The board's meeting scheduled for that date (or for
    `scheduled_on`, when it took place on another day) is held; with none, the meeting is
    created as held. Updates recorded by its date wait for it; later ones wait for the next
    meeting. What a later meeting of the board already decided is never changed: a verdict or
    decision it took is refused, naming it."""
    today = t.today()
    if on > today:
        raise invalid(
            "date", f"{on.isoformat()} is in the future (today is {today.isoformat()}): only a "
            "meeting that has taken place can be recorded", "today or a past date",
        )  # fmt: skip
    extra = minuted or Minuted()
    with t.db.writing() as s:
        b = find_board(s, board)
        require(t, s, "record verdicts" if verdicts or note_all else "run meetings", board=b.code)
        same_day = _meeting_on(s, b, on)
        meeting: Meeting | None = same_day
        if scheduled_on is not None and scheduled_on != on:
            meeting = find_meeting(s, b, scheduled_on)
            if same_day is not None:
                raise invalid("date", f"{b.name} already has a meeting on {day(on)} "
                                      f"({same_day.status})")  # fmt: skip
        if meeting is not None and meeting.status != "scheduled":
            raise invalid(
                "date", f"the meeting of {b.name} on {day(meeting.date)} is already "
                f"{meeting.status}", remedy="review the meeting" if meeting.status == "held" else None,
            )  # fmt: skip
        if meeting is None:
            title = (extra.title or "").strip() or None
            meeting = Meeting(board_id=b.id, date=on, title=title, status="scheduled")
            s.add(meeting)
            s.flush()
            audit.record(s, t.user, "record", "meeting", meeting_key(b.code, on, title), {
                "status": (None, "held"), "title": (None, title),
            })  # fmt: skip
        elif meeting.date != on:
            audit.record(s, t.user, "move", "meeting", meeting_key(b.code, meeting.date,
                         meeting.title), {"date": (meeting.date, on)})  # fmt: skip
            meeting.date = on
            s.flush()
        return _shown(t, s, _hold_in(
            s, t.user, today, b, meeting, attendees, agenda, verdicts, note_all, decisions,
            extra,
        ))  # fmt: skip


def _meeting_on(s: Session, b: Board, on: dt.date) -> Meeting | None:
    return s.scalars(
        select(Meeting)
        .where(Meeting.board_id == b.id, Meeting.date == on, Meeting.status != "cancelled")
        .order_by(Meeting.id)
    ).first()


def _shown(t: Tracker, s: Session, held: HoldResult) -> HoldResult:
    """What was held, as the acting account may read it: a child board's update or escalation
    about an exempt action it may not read in full withheld (tracker.services.reading)."""
    if t.unrestricted:
        return held
    reader, words = SessionReader(s), {"title": True, "comment": False}
    return replace(
        held, meeting=withhold_agendas(t, s, [held.meeting])[0],
        reviewed=withhold_actions(t, reader, held.reviewed, words),
        reported=withhold_actions(t, reader, held.reported, words),
        decided=withhold_actions(t, reader, held.decided, ESCALATION_WORDS, read_by="to_board"),
    )  # fmt: skip


def _hold_in(
    s: Session, actor: str, today: dt.date, b: Board, meeting: Meeting,
    attendees: Sequence[str], agenda: Sequence[str], verdicts: Sequence[Verdict],
    note_all: bool, decisions: Sequence[Decision], extra: Minuted,
) -> HoldResult:  # fmt: skip
    on = meeting.date
    assert on is not None
    problems = check_details(extra.details, starts=meeting.starts)
    problems += check_people(attendees, extra.apologies)
    problems += check_minuted(s, b, meeting, extra.decisions, extra.actions)
    if problems:
        raise InvalidInput(problems)
    open_before = [
        e
        for e in escalation_views(s, s.scalars(open_escalations_query(b.id)).all())
        if e.raised_on <= on
    ]
    details = extra.details
    if details.chair is None and meeting.chair is None and (chair := chair_among(attendees)):
        details = replace(details, chair=chair)
    changed = apply_details(meeting, details)
    meeting.status = "held"
    meeting.held_at = utcnow()
    _record_people_and_agenda(s, meeting, attendees, agenda, open_before)
    add_apologies_in(s, meeting, extra.apologies)
    reviewed, problems = apply_verdicts(s, actor, b, meeting, verdicts, note_all=note_all)
    decided: list[EscalationView] = []
    for d in decisions:
        try:
            decided.append(decide_in_session(s, actor, d, meeting, today))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    tree = load_tree(s)
    reported = report_from_children(s, actor, b, meeting, tree)
    resolutions = add_decisions_in(s, actor, b, meeting, extra.decisions)
    followups = add_actions_in(s, actor, b, meeting, extra.actions)
    audit.record(s, actor, "hold", "meeting", meeting_key(b.code, on, meeting.title), {
        "status": ("scheduled", "held"),
        "attendees": (None, "; ".join(a.strip() for a in attendees if a.strip()) or None),
        "apologies": (None, "; ".join(a.strip() for a in extra.apologies if a.strip()) or None),
        "reviewed": (None, f"{counted(len(reviewed), 'updates')}, {len(reported)} reported"),
        "minuted": (None, f"{counted(len(resolutions), 'decisions')}, {counted(len(followups), 'actions')}")
        if resolutions or followups else (None, None),
        **changed,
    })  # fmt: skip
    try:
        s.flush()
    except StaleDataError:
        raise Conflict(f"the meeting of {b.name} on {day(on)} was changed by someone else "
                       "while you saved") from None  # fmt: skip
    waiting = count_waiting(s, [b.id]).get(b.id, 0)
    return HoldResult(
        meeting=meeting_views(s, [meeting], None)[0], reviewed=tuple(reviewed),
        reported=tuple(reported), decided=tuple(decided), still_waiting=waiting,
        decisions=len(resolutions), actions=len(followups),
    )  # fmt: skip


def _record_people_and_agenda(
    s: Session,
    meeting: Meeting,
    attendees: Sequence[str],
    agenda: Sequence[str],
    escalations: Sequence[EscalationView],
) -> None:
    names = [a.strip() for a in attendees if a and a.strip()]
    people = {
        p.code: p.id
        for p in s.scalars(select(Person).where(Person.code.in_(names)))
    } if names else {}  # fmt: skip
    for name in names:
        s.add(MeetingAttendee(meeting_id=meeting.id, person_id=people.get(name), name=name))
    position = (
        s.scalar(
            select(func.coalesce(func.max(AgendaItem.position), 0)).where(
                AgendaItem.meeting_id == meeting.id
            )
        )
        or 0
    )
    items: list[tuple[str, str | None]] = [(a.strip(), None) for a in agenda if a and a.strip()]
    items += [
        (f"Escalation #{e.id} from {e.from_board_name}: {e.ref} {e.title}"[:500],
         f"Reason: {e.reason}. Decision sought: {e.decision_sought}")
        for e in escalations
    ]  # fmt: skip
    for title, notes in items:
        position += 1
        s.add(AgendaItem(meeting_id=meeting.id, position=position, title=title, notes=notes))


def review_at_meeting(
    t: Tracker,
    board: str,
    on: dt.date,
    verdicts: Sequence[Verdict],
    *,
    note_all: bool = False,
) -> tuple[ReviewedUpdate, ...]:
    """More verdicts at a meeting already held (e.g. updates left waiting on the day). Refused
    at a meeting not yet held."""
    with t.db.writing() as s:
        b = find_board(s, board)
        require(t, s, "record verdicts", board=b.code)
        meeting = find_meeting(s, b, on)
        if meeting.status != "held":
            raise invalid(
                "date", f"the meeting of {b.name} on {day(on)} is {meeting.status}, not held: "
                "an update cannot be noted at a meeting not yet held",
            )  # fmt: skip
        reviewed, problems = apply_verdicts(s, t.user, b, meeting, verdicts, note_all=note_all)
        if problems:
            raise InvalidInput(problems)
        return tuple(reviewed)
