"""The board tree's nodes, and the small helpers the governance reads share, without
SQLAlchemy (so the plain-SQL reads of `tracker actions show` can use them). Standard library
only; tracker.services.governance.common re-exports them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class TreeNode:
    id: int
    code: str
    name: str
    parent_id: int | None


Tree = dict[int, TreeNode]


def day(value: dt.date | dt.datetime | None) -> str:
    """'3 Feb 2026', the way dates read in board papers."""
    if value is None:
        return "date to be confirmed"
    return f"{value.day} {value:%b %Y}"


def day_end(value: dt.date) -> dt.datetime:
    """The first instant after `value` (UTC): updates recorded 'on or before' it are below."""
    return dt.datetime.combine(value + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)


def chunks(ids: Iterable[int], size: int = 900) -> Iterable[list[int]]:
    """IN lists in slices the databases accept."""
    batch: list[int] = []
    for i in ids:
        batch.append(i)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


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
