"""Progress of long work started from the app: a worker's service is told each phase and count
through a Report (`progress_reporter`), which posts `TaskProgressed` messages the screen shows as
"Working: PHASE DONE/TOTAL, RATE/s" (as the CLI's progress bar does). The task windows, the
Papers screen and the minutes import window use it."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.message import Message

__all__ = ["TaskProgressed", "progress_reporter"]


class TaskProgressed(Message):
    """A long task's phase and count, posted from its worker at most ten times a second."""

    def __init__(self, phase: str, done: int, total: int | None, rate: float) -> None:
        self.phase, self.done, self.total, self.rate = phase, done, total, rate
        super().__init__()

    def describe(self) -> str:
        count = f"{self.done:,}/{self.total:,}" if self.total is not None else f"{self.done:,}"
        rate = f", {self.rate:,.0f}/s" if self.done and self.rate else ""
        return f"Working: {self.phase} {count}{rate}"


def progress_reporter(post: Callable[[Message], object]) -> Callable[[str, int, int | None], None]:
    """The Report a long service is told its progress through, in a worker's thread: posts a
    TaskProgressed (with `post`, a widget's post_message) at each new phase, at its end, and
    otherwise at most ten times a second, so the screen stays responsive."""
    started = time.monotonic()
    last_phase, last_at = "", 0.0

    def report(phase: str, done: int, total: int | None) -> None:
        nonlocal last_phase, last_at
        now = time.monotonic()
        if phase == last_phase and done != total and now - last_at < 0.1:
            return
        last_phase, last_at = phase, now
        rate = done / (now - started) if now > started else 0.0
        post(TaskProgressed(phase, done, total, rate))

    return report
