"""The matters-arising paper's context (its follow-ups are on a committee's cover too)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.services.papers.data import PaperContext


@dataclass(frozen=True)
class FollowUpItem:
    id: int
    meeting_date: dt.date | None
    meeting_title: str | None
    resolution: str | None  # the resolution's number as minuted
    item_title: str | None
    text: str
    owner: str | None
    due: dt.date | None
    status: str  # open | in progress | done | dropped
    overdue: bool
    days_overdue: int | None
    closed_on: dt.date | None
    last_response: str | None
    action: str | None  # linked plan action ref
    source: str = "unrecorded"  # where it came from: vocabulary.FOLLOWUP_SOURCES
    came_from: str = "source not recorded"  # the same in words ("added by hand")


@dataclass(frozen=True)
class ArisingContext(PaperContext):
    arising: tuple[FollowUpItem, ...]
    closed: tuple[FollowUpItem, ...]
    previous_meeting: dt.date | None
