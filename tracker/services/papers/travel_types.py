"""The direction of travel's types, apart from the paper context's (`tracker.services.papers.data`,
which re-exports them): `tracker board position` prints a travel without loading every paper's
types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Travel", "TravelRow"]


@dataclass(frozen=True)
class TravelRow:
    measure: str  # e.g. "Actions at red"
    before: str  # at the last period's end, formatted
    now: str
    change: str  # "+3", "-2.5 points", "no change"
    arrow: str  # ↑ ↓ →
    verdict: str  # better | worse | same


@dataclass(frozen=True)
class Travel:
    """This period against the last: the direction of travel."""

    compared_with: dt.date | None  # the last period's end; None: no earlier meeting, no compare
    rows: tuple[TravelRow, ...]
    status_moves: int  # actions whose status changed in the period
    rag_improved: int
    rag_worsened: int
    exceptions_new: int
    exceptions_resolved: int
    returns_received: int  # open actions updated in the period
    returns_owed: int  # open actions at the period's start
    chart_svg: str | None  # a small chart (HTML papers only), an <svg> element
