"""The draft minutes of a held meeting, from its record (governance.meeting_record): what the
`minutes` template sees. Read in the paper's one session."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tracker.errors import invalid
from tracker.services.governance.meeting_record import VerdictLine, record_in
from tracker.services.papers.context import Frame, escalation_item
from tracker.services.papers.data.minutes import (
    MeetingHeld,
    MinutedAction,
    MinutedDecision,
    MinutedUpdate,
    MinutesContext,
)


def _update(v: VerdictLine) -> MinutedUpdate:
    return MinutedUpdate(
        ref=v.ref, title=v.title, date=v.recorded_at.date(), status=v.status, rag=v.rag,
        progress=v.progress, commentary=v.commentary, outcome=v.outcome, comment=v.comment,
    )  # fmt: skip


def minutes(s: Session, fr: Frame) -> MinutesContext:
    """Minutes are written for a held meeting (`--meeting DATE`)."""
    if fr.meeting is None or fr.meeting.date is None:
        raise invalid("meeting", "draft minutes are written for a meeting: give its date",
                      "the date of a held meeting")  # fmt: skip
    if fr.meeting.status != "held":
        raise invalid("meeting", f"the meeting of {fr.meeting.date.isoformat()} is "
                                 f"{fr.meeting.status}: minutes are written once it is held",
                      "the date of a held meeting")  # fmt: skip
    rec = record_in(s, fr.board.code, fr.meeting.date)
    m = rec.meeting
    assert m.date is not None
    when = None
    if m.starts is not None:
        when = f"{m.starts:%H:%M}" + (f" to {m.ends:%H:%M}" if m.ends else "")
    place = "; ".join(p for p in (m.location, f"online: {m.online_link}" if m.online_link
                                  else None) if p) or None  # fmt: skip
    return MinutesContext(
        **fr.common(),
        held=MeetingHeld(
            date=m.date,
            title=m.title,
            when=when,
            place=place,
            chair=m.chair,
            present=m.attendees,
            apologies=m.apologies,
        ),
        updates=tuple(_update(v) for v in rec.verdicts),
        reported=tuple(_update(v) for v in rec.reported),
        escalations=tuple(escalation_item(e) for e in rec.escalations),
        decisions=tuple(MinutedDecision(d.number, d.text) for d in rec.decisions),
        actions=tuple(
            MinutedAction(
                owner=a.owner,
                text=a.text,
                due=a.due,
                decision=a.decision,
                escalation=a.escalation_id,
            )
            for a in rec.actions
        ),
    )
