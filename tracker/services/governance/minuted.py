"""What a meeting minutes beyond verdicts: its time and place, who chaired, attended and sent
apologies, the decisions it took (numbered as minuted, stored as the meeting's resolutions) and
the actions arising (owner, due; stored as follow-ups, chased until closed and listed in the
board's matters arising). Pieces composed inside holding a meeting or recording one: they take
the open session and never commit."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.errors import InvalidInput, Problem, invalid
from tracker.input_rules import DATE_ALLOWED, read_date
from tracker.models import Board, Escalation, FollowUp, Meeting, MeetingAttendee, Person, Resolution
from tracker.services import audit
from tracker.services.committees.minutes_draft import followup_fingerprint, resolution_fingerprint
from tracker.services.governance.common import meeting_key
from tracker.services.lookup import match_people
from tracker.text import ALLOWED as TEXT_ALLOWED
from tracker.text import control_problem

LINK = re.compile(r"https?://\S+", re.IGNORECASE)
TIME_RANGE = re.compile(r"(\d{1,2})[:.](\d{2})(?:\s*(?:-|to)\s*(\d{1,2})[:.](\d{2}))?")
ACTION = re.compile(
    r"(?P<owner>[^:]+):(?P<text>.+?)"
    r"(?:\s+by\s+(?P<due>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}))?"
    r"(?:\s*\((?:(?:decision\s+(?P<decision>[\w.]+))|(?:escalation\s+#?(?P<esc>\d+)))\))?\s*$",
    re.IGNORECASE | re.DOTALL,
)
ACTION_HELP = "OWNER: TASK [by DATE] [(decision N) | (escalation #N)]; DATE as 31/03/2027, 31 Mar 2027 or 2027-03-31"


@dataclass(frozen=True)
class MeetingDetails:
    """A meeting's time (local, Europe/London), place and chair. None leaves a field as it is."""

    starts: dt.time | None = None
    ends: dt.time | None = None
    location: str | None = None  # the venue
    online_link: str | None = None  # http(s)://...
    chair: str | None = None


NO_DETAILS = MeetingDetails()


@dataclass(frozen=True)
class ActionArising:
    """An action minuted at a meeting: `owner` to do `text` by `due`. `decision` is the number of
    the meeting's decision it arises from; `escalation_id` the escalation whose decision it
    carries out."""

    owner: str
    text: str
    due: dt.date | None = None
    decision: str | None = None
    escalation_id: int | None = None


def _text_problem(field: str, value: str | None, limit: int) -> Problem | None:
    if value is None:
        return None
    wrong = control_problem(value)
    if wrong:
        return Problem(field, wrong, TEXT_ALLOWED)
    if len(value) > limit:
        return Problem(field, f"{len(value)} characters", f"at most {limit}")
    return None


def check_details(d: MeetingDetails, *, starts: dt.time | None = None) -> list[Problem]:
    """The rules for a meeting's time and place (`starts`: the stored start, if not changed)."""
    problems: list[Problem] = []
    begin = d.starts or starts
    if d.ends is not None and begin is None:
        problems.append(Problem("end time", "an end time needs a start time"))
    elif d.ends is not None and begin is not None and d.ends <= begin:
        problems.append(
            Problem("end time", f"{d.ends:%H:%M} is not after the start, {begin:%H:%M}",
                    "a time after the start, e.g. 12:00 for a meeting starting at 10:00")
        )  # fmt: skip
    for field, value, limit in (
        ("location", d.location, 300), ("chair", d.chair, 300),
        ("online link", d.online_link, 500),
    ):  # fmt: skip
        problem = _text_problem(field, value, limit)
        if problem:
            problems.append(problem)
    if d.online_link and d.online_link.strip() and not LINK.fullmatch(d.online_link.strip()):
        problems.append(
            Problem("online link", f"{d.online_link!r} is not a web address",
                    "https://... (e.g. a Teams or Zoom link)")
        )  # fmt: skip
    return problems


CHAIR_MARK = re.compile(r"^(?P<name>.+?)\s*\(\s*(?:the\s+)?chair(?:man|woman|person)?\s*\)$",
                        re.IGNORECASE)  # fmt: skip


def chair_among(attendees: Sequence[str]) -> str | None:
    """The attendee marked as chairing ("Jo Bell (Chair)"), as an attendance list names them:
    the meeting's chair when none was given, so the minutes do not say "to be confirmed"."""
    marked = [m.group("name").strip() for a in attendees if (m := CHAIR_MARK.match(a.strip()))]
    return marked[0] if len(marked) == 1 else None


def apply_details(meeting: Meeting, d: MeetingDetails) -> dict[str, tuple[object, object]]:
    """Set the given details; returns the changes for the audit trail."""
    changes: dict[str, tuple[object, object]] = {}
    for field, value in (
        ("starts", d.starts), ("ends", d.ends),
        ("location", (d.location or "").strip() or None if d.location is not None else None),
        ("online_link", (d.online_link or "").strip() or None if d.online_link else None),
        ("chair", (d.chair or "").strip() or None if d.chair is not None else None),
    ):  # fmt: skip
        if value is None:
            continue
        old = getattr(meeting, field)
        if old != value:
            setattr(meeting, field, value)
            changes[field] = (old, value)
    return changes


def check_people(attendees: Sequence[str], apologies: Sequence[str]) -> list[Problem]:
    problems: list[Problem] = []
    present = {a.strip().lower() for a in attendees if a and a.strip()}
    for field, names in (("attendees", attendees), ("apologies", apologies)):
        for name in names:
            problem = _text_problem(field, name, 300)
            if problem:
                problems.append(problem)
    for name in apologies:
        if name and name.strip().lower() in present:
            problems.append(
                Problem("apologies", f"{name.strip()} is listed as present and as sending "
                                     "apologies", "one or the other")
            )  # fmt: skip
    return problems


def add_apologies_in(s: Session, meeting: Meeting, apologies: Sequence[str]) -> None:
    names = [a.strip() for a in apologies if a and a.strip()]
    people = (
        {p.code: p.id for p in s.scalars(select(Person).where(Person.code.in_(names)))}
        if names else {}
    )  # fmt: skip
    for name in names:
        s.add(MeetingAttendee(meeting_id=meeting.id, person_id=people.get(name), name=name,
                              present=False))  # fmt: skip


def check_minuted(
    s: Session, board: Board, meeting: Meeting, decisions: Sequence[str],
    actions: Sequence[ActionArising],
) -> list[Problem]:  # fmt: skip
    """Decisions need text; an action needs an owner and a task, a due date on or after the
    meeting, and may cite only a decision of this meeting or an escalation to this board."""
    problems: list[Problem] = []
    for i, text in enumerate(decisions, 1):
        if not text or not text.strip():
            problems.append(Problem("decision", f"decision {i} is empty", "the text as minuted"))
        elif problem := _text_problem("decision", text, 10_000):
            problems.append(problem)
    numbers = set(_numbers(s, meeting)) | {
        str(n) for n in range(_next_number(s, meeting), _next_number(s, meeting) + len(decisions))
    }
    for i, a in enumerate(actions, 1):
        where = f"action {i}"
        if not (a.owner or "").strip():
            problems.append(Problem("owner", f"{where}: say who is to do it", "a name or a role"))
        elif " to " in f" {a.owner.strip()} ":
            problems.append(
                Problem("owner", f"{where}: {a.owner.strip()!r} has the word 'to' in it, which "
                                 "would be read as the start of the task in the minutes",
                        "a name or a role without 'to'")
            )  # fmt: skip
        if not (a.text or "").strip():
            problems.append(Problem("action", f"{where}: say what is to be done"))
        for field, value, limit in (("owner", a.owner, 300), ("action", a.text, 10_000)):
            if problem := _text_problem(field, value, limit):
                problems.append(problem)
        if a.due is not None and meeting.date is not None and a.due < meeting.date:
            problems.append(
                Problem("due", f"{where}: due {a.due.isoformat()} is before the meeting of "
                               f"{meeting.date.isoformat()}", "the meeting's date or later")
            )  # fmt: skip
        if a.decision is not None and a.decision not in numbers:
            problems.append(
                Problem("decision", f"{where}: there is no decision {a.decision!r} at this "
                                    "meeting", ", ".join(sorted(numbers)) or "no decisions yet")
            )  # fmt: skip
        if a.escalation_id is not None:
            e = s.get(Escalation, a.escalation_id)
            if e is None or e.to_board_id != board.id:
                problems.append(
                    Problem("escalation", f"{where}: escalation #{a.escalation_id} is not one "
                                          f"{board.name} decides")
                )  # fmt: skip
    return problems


def _numbers(s: Session, meeting: Meeting) -> list[str]:
    return list(s.scalars(select(Resolution.number).where(Resolution.meeting_id == meeting.id)))


def _next_number(s: Session, meeting: Meeting) -> int:
    taken = [int(n) for n in _numbers(s, meeting) if n.isdigit()]
    return max(taken, default=0) + 1


def as_minuted(text: str) -> str:
    """A decision as stored and minuted under "RESOLVED – That:": 'That the plan be approved'
    -> 'the plan be approved' (else the minutes would read "That: 1. That ..."), spaces joined."""
    clean = " ".join(text.split())
    return clean[5:] if clean[:5].lower() == "that " else clean


def add_decisions_in(
    s: Session, actor: str, board: Board, meeting: Meeting, decisions: Sequence[str]
) -> list[Resolution]:
    """The decisions as the meeting's resolutions, numbered on from those it has."""
    first = _next_number(s, meeting)
    position = s.scalar(
        select(func.coalesce(func.max(Resolution.position), -1)).where(
            Resolution.meeting_id == meeting.id
        )
    )
    rows = []
    key = meeting_key(board.code, meeting.date, meeting.title)
    for i, text in enumerate(decisions):
        number = str(first + i)
        clean = as_minuted(text)
        row = Resolution(
            meeting_id=meeting.id, item_title=None, number=number,
            position=(position if position is not None else -1) + 1 + i, kind="resolved",
            text=clean, fingerprint=resolution_fingerprint(None, number, clean),
        )  # fmt: skip
        s.add(row)
        rows.append(row)
        audit.record(s, actor, "decide", "resolution", f"{key}#{number}", {"text": (None, clean)})
    s.flush()
    return rows


def add_actions_in(
    s: Session, actor: str, board: Board, meeting: Meeting, actions: Sequence[ActionArising]
) -> list[FollowUp]:
    """The actions arising as the meeting's follow-ups: open, chased until closed."""
    if not actions:
        return []
    by_number = {
        r.number: r.id
        for r in s.scalars(select(Resolution).where(Resolution.meeting_id == meeting.id))
    }
    matched = match_people(s, [a.owner for a in actions])
    position = s.scalar(
        select(func.coalesce(func.max(FollowUp.position), -1)).where(
            FollowUp.meeting_id == meeting.id
        )
    )
    start = (position if position is not None else -1) + 1
    rows = []
    for i, a in enumerate(actions):
        owner = " ".join(a.owner.split())
        text = " ".join(a.text.split())
        person = matched.get(a.owner)
        arising = by_number.get(a.decision) if a.decision else None
        source = "resolution" if arising else "escalation" if a.escalation_id else "hand"
        row = FollowUp(
            meeting_id=meeting.id, resolution_id=arising, source=source,
            escalation_id=a.escalation_id, position=start + i,
            owner_id=person.id if person else None, owner_text=owner, text=text, due=a.due,
            status="open", fingerprint=followup_fingerprint(a.decision, start + i, text),
        )  # fmt: skip
        s.add(row)
        rows.append(row)
    s.flush()  # one flush for them all: their ids, for the audit trail
    for a, row in zip(actions, rows, strict=True):
        audit.record(s, actor, "create", "followup", str(row.id), {
            "owner": (None, row.owner_text), "text": (None, row.text), "due": (None, a.due),
            "meeting": (None, meeting_key(board.code, meeting.date, meeting.title)),
            "escalation": (None, a.escalation_id),
        })  # fmt: skip
    return rows


def parse_time_range(text: str | None) -> tuple[dt.time | None, dt.time | None]:
    """'10:00-12:00', '10:00 to 12:00' or '10:00' (London time); blank: no time."""
    if not text or not text.strip():
        return None, None
    m = TIME_RANGE.fullmatch(text.strip())
    problem = Problem("time", f"{text!r} is not a time or a time range", "HH:MM or HH:MM-HH:MM")
    if not m:
        raise InvalidInput(problem)
    try:
        starts = dt.time(int(m.group(1)), int(m.group(2)))
        ends = dt.time(int(m.group(3)), int(m.group(4))) if m.group(3) else None
    except ValueError:
        raise InvalidInput(problem) from None
    return starts, ends


def parse_action(text: str) -> ActionArising:
    """'Jo Bell: circulate the slides by 2026-03-31 (decision 2)' as an action arising; the
    date may also be written 31/03/2026 or 31 Mar 2026."""
    m = ACTION.fullmatch(text.strip())
    if not m or not m.group("owner").strip() or not m.group("text").strip():
        raise invalid("action", f"{text!r}: give the owner, a colon, then the task", ACTION_HELP)
    due, problem = read_date(m.group("due"))  # the same date rules as every face
    if problem:
        raise invalid("due", problem, DATE_ALLOWED)
    return ActionArising(
        owner=m.group("owner").strip(), text=m.group("text").strip(), due=due,
        decision=m.group("decision"), escalation_id=int(m.group("esc")) if m.group("esc") else None,
    )  # fmt: skip
