"""The result types of a board's rolled-up position (tracker.services.governance.position)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.services.actions.register import ActionRow
from tracker.services.governance.board_read import BoardInfo
from tracker.services.governance.escalation_read import EscalationView
from tracker.services.governance.reported import ChildReport

__all__ = ["BoardPosition", "GroupCounts", "RagChange"]


@dataclass(frozen=True)
class GroupCounts:
    number: int | None  # phase or stage number; None for "no stage"
    name: str | None
    total: int
    by_status: tuple[tuple[str, int], ...]  # every status, zeros included
    by_rag: tuple[tuple[str, int], ...]  # green, amber, red, none
    progress: float  # mean % complete, cancelled excluded


@dataclass(frozen=True)
class RagChange:
    ref: str
    title: str
    board: str  # code of the action's board
    board_name: str
    before: str  # RAG as of the last meeting
    after: str  # RAG as of the position's date
    changed_on: dt.date | None  # first update after the meeting that gave the new RAG


@dataclass(frozen=True)
class BoardPosition:
    board: BoardInfo
    as_of: dt.date
    last_meeting: dt.date | None
    boards_included: tuple[str, ...]
    total: int
    by_status: tuple[tuple[str, int], ...]
    by_rag: tuple[tuple[str, int], ...]
    progress: float
    phases: tuple[GroupCounts, ...]
    stages: tuple[GroupCounts, ...]
    overdue: tuple[ActionRow, ...]
    worsened: tuple[RagChange, ...]
    children: tuple[ChildReport, ...]
    escalations_open: tuple[EscalationView, ...]
