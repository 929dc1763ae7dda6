"""Lookups shared by the governance services: a board by code or name, the board tree."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.errors import InvalidInput, NotFound, Problem
from tracker.models import Board, Meeting
from tracker.services.governance.tree import Tree, TreeNode, chunks, day

__all__ = ["Tree", "TreeNode", "chunks", "day"]  # and what is defined below


def load_tree(s: Session) -> Tree:
    """Every board (a small table): id -> node."""
    rows = s.execute(select(Board.id, Board.code, Board.name, Board.parent_id))
    return {r[0]: TreeNode(id=r[0], code=r[1], name=r[2], parent_id=r[3]) for r in rows}


def children_of(tree: Tree, board_id: int) -> list[TreeNode]:
    return sorted((n for n in tree.values() if n.parent_id == board_id), key=lambda n: n.name)


def subtree(tree: Tree, board_id: int) -> list[int]:
    """The board and all its descendants, parents before children (depth first, by name)."""
    out: list[int] = []
    seen: set[int] = set()
    stack = [board_id]
    while stack:
        current = stack.pop()
        if current in seen:  # a cycle cannot be stored through our services; stay safe anyway
            continue
        seen.add(current)
        out.append(current)
        stack.extend(reversed([n.id for n in children_of(tree, current)]))
    return out


def ancestors(tree: Tree, board_id: int) -> list[int]:
    """The board's parent, grandparent, ... (nearest first)."""
    out: list[int] = []
    current = tree[board_id].parent_id
    while current is not None and current not in out and current != board_id:
        out.append(current)
        current = tree[current].parent_id
    return out


def find_board(s: Session, board: str, *, field: str = "board") -> Board:
    """A board by its code, else by its name (case-insensitive)."""
    text = (board or "").strip()
    if not text:
        raise InvalidInput(Problem(field, "a board code or name is required"))
    found = s.scalars(select(Board).where(Board.code == text)).one_or_none()
    if found is not None:
        return found
    matches = s.scalars(select(Board).where(func.lower(Board.name) == text.lower())).all()
    if len(matches) == 1:
        return matches[0]
    codes = s.scalars(select(Board.code).order_by(Board.code)).all()
    if len(matches) > 1:
        raise InvalidInput(
            Problem(field, f"{text!r} names {len(matches)} boards; use the code",
                    ", ".join(m.code for m in matches))
        )  # fmt: skip
    raise NotFound(f"no board {text!r} (boards: {', '.join(codes) or 'none yet'})")


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


def day_end(value: dt.date) -> dt.datetime:
    """The first instant after `value` (UTC): updates recorded 'on or before' it are below."""
    return dt.datetime.combine(value + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)


def meeting_key(board_code: str, on: dt.date | None, title: str | None) -> str:
    """A meeting's key in the audit trail, as the plan importer writes it."""
    when = on.isoformat() if on else "undated"
    return f"{board_code} {when} {title or ''}".rstrip()
