"""Lookups shared by the governance services: a board by code or name, the board tree."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import NotFound
from tracker.models import Board, Meeting
from tracker.services.governance.board_read import find_board_id
from tracker.services.governance.tree import (
    Tree,
    TreeNode,
    ancestors,
    children_of,
    chunks,
    day,
    day_end,
    subtree,
)
from tracker.services.plain_sql import SessionReader

# and what is defined below
__all__ = ["Tree", "TreeNode", "ancestors", "children_of", "chunks", "day", "day_end", "subtree"]


def load_tree(s: Session) -> Tree:
    """Every board (a small table): id -> node."""
    rows = s.execute(select(Board.id, Board.code, Board.name, Board.parent_id))
    return {r[0]: TreeNode(id=r[0], code=r[1], name=r[2], parent_id=r[3]) for r in rows}


def find_board(s: Session, board: str, *, field: str = "board") -> Board:
    """A board by its code, else by its name (case-insensitive): board_read's lookup, in the
    session."""
    found = s.get(Board, find_board_id(SessionReader(s), board, field=field))
    assert found is not None  # just found in this transaction
    return found


def find_meeting(s: Session, board: Board, on: dt.date) -> Meeting:
    """The board's meeting on a date (not cancelled if there is one that is not)."""
    meetings = s.scalars(
        select(Meeting)
        .where(Meeting.board_id == board.id, Meeting.date == on)
        .order_by(Meeting.status == "cancelled", Meeting.id)
    ).all()
    if not meetings:
        dates = s.scalars(
            select(Meeting.date)
            .where(Meeting.board_id == board.id, Meeting.status == "scheduled")
            .order_by(Meeting.date)
            .limit(5)
        ).all()
        scheduled = ", ".join(d.isoformat() for d in dates if d) or "none"
        raise NotFound(
            f"{board.name} has no meeting on {on.isoformat()} (scheduled: {scheduled})",
            remedy="schedule the meeting",
        )
    return meetings[0]


def meeting_key(board_code: str, on: dt.date | None, title: str | None) -> str:
    """A meeting's key in the audit trail, as the plan importer writes it."""
    when = on.isoformat() if on else "undated"
    return f"{board_code} {when} {title or ''}".rstrip()
