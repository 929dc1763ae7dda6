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
