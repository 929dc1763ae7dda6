"""The read models of an action's facts that several services and both faces show. Each
concept has one shape, defined here; a use case that adds facts extends it (a waiting update
is a status update plus the challenge it answers). Standard library only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class UpdateView:
    """One recorded status update of an action."""

    id: int
    ref: str  # the action's
    title: str  # the action's
    recorded_at: dt.datetime
    recorded_by: str
    status: str
    rag: str | None
    progress: int
    commentary: str | None


@dataclass(frozen=True)
class LinkedAction:
    """An action named from another: one it depends on, or one that depends on it."""

    ref: str
    title: str
    status: str
