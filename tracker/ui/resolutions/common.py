"""What the Resolutions screens share: calling a service from a thread worker, and messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.message import Message

from tracker.ui.refusals import said
from tracker.ui.widgets.handle import Services

if TYPE_CHECKING:
    from tracker.services.context import Tracker

T = TypeVar("T")


def call_service(services: Services, fn: Callable[[Tracker], T]) -> T:
    """One service call on the app's tracker. For thread workers only."""
    return fn(services.tracker())


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
