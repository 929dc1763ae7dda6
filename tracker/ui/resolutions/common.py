"""What the Resolutions screens share: calling a service from a thread worker, and messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.message import Message

from tracker.config import Settings
from tracker.ui.refusals import said

T = TypeVar("T")


def call_service(settings: Settings, fn: Callable[[Any], T]) -> T:
    """Open the tracker, run one service call, close. For thread workers only."""
    from tracker.services.context import open_tracker

    tracker = open_tracker(settings)
    try:
        return fn(tracker)
    finally:
        tracker.close()


class ServiceFailed(Message):
    """A service refused (bad input, not found, conflict): shown inline, nothing changed."""

    def __init__(self, where: str, text: str) -> None:
        self.where = where
        self.text = text
        super().__init__()


def refusal(exc: Exception) -> str:
    from tracker.errors import Conflict, InvalidInput

    if isinstance(exc, InvalidInput):
        return "Refused, nothing was changed: " + said(exc)
    if isinstance(exc, Conflict):
        return f"{exc}. Nothing was overwritten: reopen it and apply your change again."
    return said(exc)


def short(text: str | None, limit: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
