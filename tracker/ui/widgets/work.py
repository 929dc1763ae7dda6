"""The app's thread workers: Textual's `work`, with one rule for an error nobody caught.

Textual closes the whole app when a worker raises (`exit_on_error`), and the user loses the
screen they were on. Every worker of the app is made with `work` below instead: an error the
worker does not catch itself is logged with its traceback (`tracker.ui.failures`), and a
`WorkFailed` message says it on the screen or window that started the work (its error line, if
it handles `on_work_failed`; else the app shows it as a notification). The app keeps running,
and the data are as they were: each service call is one transaction, rolled back on the error.

    @work("save the status update", saves=True, group="form-write")
    def _write(self, ...) -> None: ...

`what` says what failed in the user's words ("Could not <what>: ..."); `saves`: the work writes
(its message says nothing was saved, rather than changed). tests/ui/test_app_workers.py checks
that no module of the app makes a worker any other way.

Under Pilot an error nobody foresaw still fails the test when its app closes (`keep_for_pilot`),
as it did when it closed the app; the database away or busy (which the app words) does not.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from textual import work as textual_work
from textual.dom import DOMNode
from textual.message import Message

from tracker.errors import TrackerError

if TYPE_CHECKING:
    from textual.worker import Worker

P = ParamSpec("P")
R = TypeVar("R")


class WorkFailed(Message):
    """A worker's work failed on an error it did not catch; `text` says so in the user's words
    (what, that nothing was saved, where the details were logged). Bubbles from the widget or
    screen that started it up to the app, which notifies unless a screen showed it."""

    def __init__(self, what: str, text: str) -> None:
        self.what = what
        self.text = text
        super().__init__()


def failed(node: DOMNode, what: str, exc: BaseException, *, saves: bool = False) -> None:
    """Say (and log) an error that escaped a worker started on `node`. From any thread."""
    if isinstance(exc, TrackerError):  # a refusal the worker let through: its own words
        from tracker.ui.refusals import said

        text = f"Could not {what}: {said(exc)}"
    else:
        from tracker.ui.failures import database_away, unexpected

        text = unexpected(exc, what, saves=saves)
        if isinstance(exc, Exception) and not database_away(exc):
            keep_for_pilot(node.app, exc)
    message = WorkFailed(what, text)
    if not node.post_message(message):  # closed meanwhile (a window): the app says it
        node.app.post_message(message)


def keep_for_pilot(app: Any, error: Exception) -> None:
    """Where Textual keeps the first error that closed an app: `App.run_test` raises it when
    the test's app closes (nothing else reads it), so a programming error still fails a test
    though the app carried on. Not `_exception_event`, which Textual sets as the app dies:
    Pilot's waits would end at once from then on, and this app goes on. Private to Textual 8:
    pinned by tests/ui/test_app_carries_on.py."""
    if getattr(app, "_exception", None) is None:
        app._exception = error


def work(
    what: str, *, exclusive: bool = False, group: str = "default", saves: bool = False
) -> Callable[[Callable[P, R]], Callable[P, Worker[R | None]]]:
    """A thread worker (Textual's `@work(thread=True)`) whose uncaught error is said and
    logged, never closing the app."""

    def decorate(method: Callable[P, R]) -> Callable[P, Worker[R | None]]:
        @functools.wraps(method)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R | None:
            try:
                return method(*args, **kwargs)
            except Exception as exc:
                node = args[0]  # the widget, screen or app whose method this is
                assert isinstance(node, DOMNode), "@work decorates a widget's or screen's method"
                failed(node, what, exc, saves=saves)
                return None  # said and logged: the work is over (nothing waits on a failure)

        made: Callable[P, Worker[R | None]] = textual_work(
            guarded, thread=True, exclusive=exclusive, group=group, exit_on_error=False
        )
        return made

    return decorate
