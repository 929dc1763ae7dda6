"""A committee report's cover: its context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.services.papers.data import PaperContext

if TYPE_CHECKING:  # only named in annotations
    from tracker.services.papers.data.actions import EscalationItem
    from tracker.services.papers.data.counts import Position
    from tracker.services.papers.data.matters import FollowUpItem
    from tracker.services.papers.data.outcomes import OutcomeGroup


@dataclass(frozen=True)
class ResolutionItem:
    meeting_date: dt.date | None
    item_title: str | None
    number: str
    kind: str  # resolved | recommended | agreed | noted
    text: str
    followups: int
    open_followups: int


@dataclass(frozen=True)
class FrontSheet:
    committee: str
    date: dt.date | None
    title: str
    report_of: str | None
    contact: str | None
    wards: str | None
    key_decision: str | None
    exempt: str | None


@dataclass(frozen=True)
class Appendix:
    letter: str
    title: str
    template: str
    filename: str | None  # the conventional file name it is written to (None: to be attached)


@dataclass(frozen=True)
class CoverContext(PaperContext):
    front: FrontSheet
    position: Position
    decisions: tuple[EscalationItem, ...]
    resolutions: tuple[ResolutionItem, ...]
    arising: tuple[FollowUpItem, ...]
    off_target: tuple[OutcomeGroup, ...]
    appendices: tuple[Appendix, ...]
