"""A paper's actions, their status updates and escalations (the highlight, exception, cover
and minutes use them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ActionItem:
    ref: str
    title: str
    board: str | None  # code
    board_name: str | None
    owner: str | None  # None: unassigned
    start: dt.date | None
    due: dt.date | None
    status: str
    rag: str | None
    progress: int
    commentary: str | None  # the latest update's commentary, as of the paper
    last_update: dt.date | None
    overdue: bool
    days_overdue: int | None
    completed_on: dt.date | None  # when the update marking it complete was recorded
    why: str | None  # off track lists: "red", "overdue" or "red and overdue"
    suggested: str | None = None  # the RAG its progress suggests (rule: the context's `rule`)
    forecast: str | None = None  # "at this pace, 6 weeks after due"
    implied_due: dt.date | None = None  # no due date: due by its phase's end (the register's)


@dataclass(frozen=True)
class UpdateItem:
    ref: str
    title: str
    date: dt.date  # the day it was recorded
    by: str | None  # who recorded it (None in a child board's reported position)
    status: str
    rag: str | None
    progress: int
    commentary: str | None


@dataclass(frozen=True)
class EscalationItem:
    id: int
    ref: str
    title: str
    from_board: str
    from_board_name: str
    to_board: str
    to_board_name: str
    raised_on: dt.date
    raised_by: str
    reason: str
    decision_sought: str
    status: str  # open | accepted | referred back | escalated
    decided_on: dt.date | None
    decision_note: str | None
