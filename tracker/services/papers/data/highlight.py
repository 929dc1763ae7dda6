"""The highlight report's context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.services.papers.data import PaperContext
from tracker.services.papers.data.counts import Counts

if TYPE_CHECKING:  # only named in annotations
    from tracker.services.governance.position_types import RagChange
    from tracker.services.papers.data.actions import ActionItem, EscalationItem, UpdateItem
    from tracker.services.papers.data.counts import Position
    from tracker.services.papers.travel_types import Travel


@dataclass(frozen=True)
class ChildBoard(Counts):
    code: str
    name: str
    last_meeting: dt.date | None  # its last held meeting by the as-of date
    reported_updates: int  # updates reported to this board at its last meeting
    reported: tuple[UpdateItem, ...]  # of those, the latest per action (by ref)
    to_report_updates: int  # updates noted by the child since, waiting for this board
    to_report: tuple[UpdateItem, ...]  # of those, the latest per action (by ref; a highlight
    # report keeps the first few: to_report_actions says how many actions in all)
    to_report_actions: int = 0


@dataclass(frozen=True)
class ExceptionLine:
    """An action outside its board's tolerances, risen to this board's paper."""

    ref: str
    title: str
    board: str  # code of the action's board (a child board, or this one at the top)
    board_name: str
    owner: str | None
    due: dt.date | None
    rag: str | None
    suggested: str | None
    progress: int
    forecast: str
    causes: tuple[str, ...]  # e.g. "overdue: 29 days past due"
    decision: str  # the decision proposed


@dataclass(frozen=True)
class BoardTolerance:
    board: str  # the board's name
    tolerances: str  # in words
    exceptions: int  # how many of its actions are outside them


@dataclass(frozen=True)
class Shown:
    """How many items each bounded list holds in full (the paper shows at most `limit`)."""

    limit: int
    completed: int
    next_period: int
    off_track: int
    risks: int
    worsened: int
    escalated_up: int
    decisions: int
    exceptions: int


@dataclass(frozen=True)
class HighlightContext(PaperContext):
    position: Position
    completed: tuple[ActionItem, ...]
    next_period: tuple[ActionItem, ...]
    off_track: tuple[ActionItem, ...]
    risks: tuple[ActionItem, ...]
    worsened: tuple[RagChange, ...]
    escalated_up: tuple[EscalationItem, ...]
    decisions: tuple[EscalationItem, ...]
    children: tuple[ChildBoard, ...]
    rule: str  # the suggested RAG's rule, with the plan's thresholds
    exceptions: tuple[ExceptionLine, ...]  # worst first, at most shown.limit
    tolerances: tuple[BoardTolerance, ...]  # of the boards whose exceptions rise here
    travel: Travel
    shown: Shown  # the full length of each list above
    register: tuple[ActionItem, ...]  # the appendix: every action counted (empty: not asked)
