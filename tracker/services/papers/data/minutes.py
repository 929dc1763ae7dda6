"""The draft minutes' context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.services.papers.data import PaperContext

if TYPE_CHECKING:  # only named in annotations
    from tracker.services.papers.data.actions import EscalationItem


@dataclass(frozen=True)
class MeetingHeld:
    date: dt.date
    title: str | None
    when: str | None  # "10:00 to 12:00" (London time); none: not recorded
    place: str | None  # the venue, and the online link, as one line
    chair: str | None
    present: tuple[str, ...]
    apologies: tuple[str, ...]


@dataclass(frozen=True)
class MinutedUpdate:
    ref: str
    title: str
    date: dt.date  # the day the update was recorded
    status: str
    rag: str | None
    progress: int
    commentary: str | None
    outcome: str  # noted | challenged | reported
    comment: str | None  # a challenge's comment


@dataclass(frozen=True)
class MinutedDecision:
    number: str  # as minuted: "1", "2"
    text: str  # "the plan be approved": the minutes print "RESOLVED – That:" above


@dataclass(frozen=True)
class MinutedAction:
    owner: str | None
    text: str  # what is to be done
    due: dt.date | None
    decision: str | None  # the decision's number it arises from
    escalation: int | None  # the escalation whose decision it carries out


@dataclass(frozen=True)
class MinutesContext(PaperContext):
    held: MeetingHeld
    updates: tuple[MinutedUpdate, ...]  # noted or challenged at the meeting
    reported: tuple[MinutedUpdate, ...]  # reported from the boards under it
    escalations: tuple[EscalationItem, ...]  # received: decided here, or still open
    decisions: tuple[MinutedDecision, ...]
    actions: tuple[MinutedAction, ...]
