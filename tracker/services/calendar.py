"""Meetings and follow-up due dates as an iCalendar file (RFC 5545) for Outlook and the like.

Events are VEVENTs (Outlook imports them reliably but drops or mangles VTODOs): a meeting with a
start time is timed in Europe/London, with its venue and online link; the rest are all-day.
Each meeting's and follow-up's UID is its stored UUID: unique across every council's calendars,
and kept through plan export and import (a database rebuilt from an export gives the same
UIDs), so importing a fresh calendar updates the events instead of duplicating them. SEQUENCE is
the row's sequence base (what a plan file carried) plus its edits, so the newer copy wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select

from tracker.errors import InvalidInput, Problem
from tracker.files import write_bytes
from tracker.models import Board, FollowUp, Meeting, Person, Resolution, utcnow
from tracker.services.actions.register import owner_label
from tracker.services.context import Tracker
from tracker.services.lookup import find_board
from tracker.services.meeting_titles import own_title
from tracker.text import visible
from tracker.vocabulary import FOLLOWUP_SOURCE_WORDS, exempt_label

if TYPE_CHECKING:
    from icalendar import Event

LONDON = ZoneInfo("Europe/London")
KEEP_CLOSED_DAYS = 90  # a calendar needs old closed follow-ups no more than a diary does


@dataclass(frozen=True)
class CalendarExport:
    data: bytes
    meetings: int
    followups: int
    path: str | None = None

    @property
    def events(self) -> int:
        return self.meetings + self.followups


def _came_from(source: str) -> str:
    """Where a follow-up under no resolution came from: "Minuted action line", "Added by hand"."""
    words = FOLLOWUP_SOURCE_WORDS.get(source, source)
    return words[:1].upper() + words[1:]


def _one_line(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_calendar(
    t: Tracker,
    *,
    committee: str | None = None,
    board: str | None = None,
    closed_within: int | None = KEEP_CLOSED_DAYS,
) -> CalendarExport:
    """Dated meetings and follow-ups with a due date, for all bodies or the ones named.

    Closed follow-ups stay in for `closed_within` days after closing (so a re-import marks them
    done) and then drop out; None keeps them all."""
    from icalendar import Calendar, Event

    stamp = utcnow()
    with t.db.reading() as s:
        ids = [
            find_board(s, n, fld).id for n, fld in ((committee, "committee"), (board, "board")) if n
        ]
        meeting_q = (
            select(Meeting, Board.code, Board.name)
            .join(Board, Meeting.board_id == Board.id)
            .where(Meeting.date.is_not(None))
            .order_by(Meeting.date, Board.code, Meeting.id)
        )
        if ids:
            meeting_q = meeting_q.where(or_(*(Board.id == i for i in ids)))
        # (meeting, its date, board code, board name); the query left out the undated
        meetings = [
            (m, m.date, code, name) for m, code, name in s.execute(meeting_q) if m.date is not None
        ]
        fu_q = (
            select(
                FollowUp,
                Meeting.date,
                Board.code,
                Board.name,
                Resolution.number,
                Person.name,
                Person.role,
            )
            .join(Meeting, FollowUp.meeting_id == Meeting.id)
            .join(Board, Meeting.board_id == Board.id)
            .outerjoin(Resolution, FollowUp.resolution_id == Resolution.id)
            .outerjoin(Person, FollowUp.owner_id == Person.id)
            .where(FollowUp.due.is_not(None))
            .order_by(FollowUp.due, FollowUp.id)
        )
        if ids:
            fu_q = fu_q.where(or_(*(Board.id == i for i in ids)))
        if closed_within is not None:
            since = t.today() - dt.timedelta(days=closed_within)
            fu_q = fu_q.where(or_(FollowUp.closed_on.is_(None), FollowUp.closed_on >= since))
        # (follow-up, its due date, ...); the query left out those with no due date
        followups = [
            (fu, fu.due, mdate, code, name, number, pname, prole)
            for fu, mdate, code, name, number, pname, prole in s.execute(fu_q)
            if fu.due is not None
        ]

        cal = Calendar()
        cal.add("prodid", "-//tracker//committee meetings and follow-ups//EN")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add("x-wr-calname", "tracker: meetings and follow-ups")
        for m, day, _code, name in meetings:
            ev = Event()
            ev.add("uid", m.uid)
            ev.add("dtstamp", stamp)
            ev.add("sequence", m.sequence_base + m.version - 1)
            timed = _when(ev, day, m.starts, m.ends)
            ev.add("summary", visible(_summary(name, m.title)))
            place = "; ".join(p for p in (m.location, m.online_link) if p)
            if place:
                ev.add("location", visible(place))
            about = f"{name} meeting ({m.status})."
            if m.online_link:
                about += f"\nJoin online: {m.online_link}"
                ev.add("url", m.online_link)
            ev.add("description", visible(about))
            ev.add("categories", ["Meeting"])
            ev.add("status", "CANCELLED" if m.status == "cancelled" else "CONFIRMED")
            if not timed:
                ev.add("x-microsoft-cdo-alldayevent", "TRUE")
            cal.add_component(ev)
        for fu, due, mdate, _code, name, number, pname, prole in followups:
            owner = owner_label(pname, prole) or fu.owner_text or "no owner"
            prefix = {"done": "Done", "dropped": "Dropped"}.get(fu.status, "Follow-up due")
            # a calendar is public: an exempt follow-up shows as "exempt item (paragraph N)"
            words = fu.text if fu.exempt_paragraph is None else exempt_label(fu.exempt_paragraph)
            ev = Event()
            ev.add("uid", fu.uid)
            ev.add("dtstamp", stamp)
            ev.add("sequence", fu.sequence_base + fu.version - 1)
            ev.add("dtstart", due)
            ev.add("dtend", due + dt.timedelta(days=1))
            ev.add("summary", visible(f"{prefix} - {owner}: {_one_line(words)}"))
            lines = [
                f"Follow-up {fu.id} from {name}"
                + (f", meeting of {mdate.isoformat()}" if mdate else ""),
                f"Resolution {number}" if number else _came_from(fu.source),
                f"Owner: {owner}",
                f"Status: {fu.status}",
                "",
                words,
            ]
            ev.add("description", visible("\n".join(lines)))  # old data: no raw controls
            ev.add("categories", ["Follow-up"])
            ev.add("status", "CANCELLED" if fu.status == "dropped" else "CONFIRMED")
            ev.add("transp", "TRANSPARENT")
            ev.add("x-microsoft-cdo-alldayevent", "TRUE")
            cal.add_component(ev)
        cal.add_missing_timezones()  # a VTIMEZONE for Europe/London when an event has a time
    return CalendarExport(data=cal.to_ical(), meetings=len(meetings), followups=len(followups))


def _when(ev: Event, day: dt.date, starts: dt.time | None, ends: dt.time | None) -> bool:
    """A meeting with a start time is a timed event in Europe/London (so an Outlook in any
    zone shows it at the hour it is held); without one, an all-day event. True: timed."""
    if starts is None:
        ev.add("dtstart", day)
        ev.add("dtend", day + dt.timedelta(days=1))
        return False
    ev.add("dtstart", dt.datetime.combine(day, starts, tzinfo=LONDON))
    if ends is not None:
        ev.add("dtend", dt.datetime.combine(day, ends, tzinfo=LONDON))
    return True


def export_calendar(
    t: Tracker,
    path: str | Path,
    *,
    committee: str | None = None,
    board: str | None = None,
    closed_within: int | None = KEEP_CLOSED_DAYS,
) -> CalendarExport:
    """Write the calendar to `path` (an .ics file)."""
    target = Path(path)
    if target.suffix.lower() != ".ics":
        raise InvalidInput(Problem("file", f"{target} should end in .ics"))
    result = build_calendar(t, committee=committee, board=board, closed_within=closed_within)
    write_bytes(target, result.data, field="calendar file")
    return CalendarExport(result.data, result.meetings, result.followups, str(target))


def _summary(committee: str, title: str | None) -> str:
    """A meeting's event: the committee and the meeting's title, or the title alone when it
    names the committee already ("Parish Council Meeting", "Cabinet, 12 March 2024"), or the
    committee alone when the title is only some of its name ("Family Board" of the Brookfield
    Family Board)."""
    if not title:
        return committee
    if title.lower().startswith(committee.lower()):
        return title
    return f"{committee}: {title}" if own_title(title, committee) else committee
