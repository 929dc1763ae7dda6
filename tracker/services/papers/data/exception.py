"""The exception report's context."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.services.papers.data import PaperContext

if TYPE_CHECKING:  # only named in annotations
    from tracker.services.actions.views import LinkedAction
    from tracker.services.papers.data.actions import ActionItem, EscalationItem, UpdateItem


@dataclass(frozen=True)
class Option:
    text: str
    effect: str | None  # None: to be confirmed by the owner


@dataclass(frozen=True)
class ExceptionItem:
    action: ActionItem
    escalation: EscalationItem | None  # the open escalation, else the latest one
    cause: str | None  # the escalation's reason, else the commentary that turned it red
    cause_source: str | None  # where the cause is written, e.g. "escalation #3"
    red_since: dt.date | None
    dependents: tuple[LinkedAction, ...]  # actions that depend on it
    outcomes: tuple[str, ...]  # outcomes it contributes to
    options: tuple[Option, ...]  # the decision sought, if escalated
    recommendation: str | None  # the decision sought, if escalated
    history: tuple[UpdateItem, ...]  # newest first, at most six


@dataclass(frozen=True)
class ExceptionContext(PaperContext):
    exceptions: tuple[ExceptionItem, ...]
