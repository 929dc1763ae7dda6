"""An error no handler foresaw, outside a worker: said, logged, and the app carries on.

Textual closes the whole app when a message handler, an action, a screen's compose or mount, a
timer's callback or a layout raises (`App._handle_exception` -> `panic`), and the user loses the
screen they were on and what they typed. Worse than closing, the message loop of the widget or
screen whose handler raised stops for good (`MessagePump._process_messages_loop` breaks out), so
simply not panicking would leave a screen that no longer answers (textual#2818).

Two private hooks of Textual 8, both pinned by tests/ui/test_app_carries_on.py:

- `MessagePump._dispatch_message` (every event, message and action a node handles: a key's
  binding runs in the app's loop, a button's handler in its screen's, a validator or a suggester
  in the input's) and `MessagePump._flush_next_callbacks` (`call_next`, `call_after_refresh`)
  are wrapped, once, by `install()`: an error escaping them on a node of an app that has
  `carry_on` (the tracker's) goes there and the loop goes on; any other app is left to Textual.
  Wrapping the class reaches Textual's own widgets (Input, OptionList, the command palette),
  which a subclass of ours could not.
- `App._handle_exception`, which Textual calls for what escapes elsewhere (a timer, a compose, a
  layout, a worker made with `exit_on_error`), is overridden by the app to call `carry_on`.

`keep_running` logs the error with its traceback (`tracker.ui.failures`) and says it on the screen
the user is on, as a worker's error is (`WorkFailed`: a window's error line, else a
notification): what failed (a key's action by its name), that nothing was saved (a handler
never writes: database work is done in workers, one transaction each), where the details are.
Under Pilot (`App.run_test`) the error is also kept where Textual keeps the first one, so the
test fails when the app closes, as it did: a programming error still fails the test, and a test
that provokes one on purpose says so with `pytest.raises`.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import ModalScreen, Screen

from tracker.errors import TrackerError

if TYPE_CHECKING:
    from textual.app import App

REPEAT_QUIET = 30.0  # seconds: the same error again (a layout on each refresh) is not said again

_Dispatch = Callable[[MessagePump, Message], Awaitable[None]]
_Flush = Callable[[MessagePump], Awaitable[None]]

_textual_dispatch: _Dispatch | None = None
_textual_flush: _Flush | None = None


async def _dispatch_message(self: MessagePump, message: Message) -> None:
    assert _textual_dispatch is not None
    try:
        await _textual_dispatch(self, message)
    except Exception as error:  # noqa: BLE001 - said and logged, or Textual's own way
        if not _carried_on(self, error, message):
            raise


async def _flush_next_callbacks(self: MessagePump) -> None:
    assert _textual_flush is not None
    try:
        await _textual_flush(self)
    except Exception as error:  # noqa: BLE001 - said and logged, or Textual's own way
        if not _carried_on(self, error, None):
            raise


def install() -> None:
    """Wrap Textual's message dispatch (once per process; the app calls it when made)."""
    global _textual_dispatch, _textual_flush
    if _textual_dispatch is not None:
        return
    _textual_dispatch = MessagePump._dispatch_message
    _textual_flush = MessagePump._flush_next_callbacks
    MessagePump._dispatch_message = _dispatch_message  # type: ignore[method-assign]
    MessagePump._flush_next_callbacks = _flush_next_callbacks  # type: ignore[method-assign]


def _carried_on(node: MessagePump, error: Exception, message: Message | None) -> bool:
    try:
        app: Any = node.app
    except Exception:  # noqa: BLE001 - no app (being closed): Textual's own way
        return False
    carry_on = getattr(app, "carry_on", None)
    if carry_on is None:
        return False  # not the tracker's app
    done: bool = carry_on(node, error, message)
    return done


def what_failed(app: App[Any], node: MessagePump | None, message: Message | None) -> str | None:
    """What the user asked for that failed, in their words: a key's action by the name the
    footer and help give it, a screen or window being opened; None when it cannot be told."""
    if isinstance(message, events.Key):
        try:
            active = app.active_bindings.get(message.key)
        except Exception:  # noqa: BLE001 - the bindings themselves may be what fails
            active = None
        if active is not None:
            name = active.binding.description or active.binding.action
            key = active.binding.key_display or app.get_key_display(active.binding)
            return f"do “{name}” (key {key})"
        return f"take the key {message.key}"
    if isinstance(message, (events.Compose, events.Mount)) and isinstance(node, Screen):
        return "open the window" if isinstance(node, ModalScreen) else "open the screen"
    return None


class Sayer:
    """What `keep_running` remembers: the last error said, so one that repeats (a layout that fails
    on each refresh) is logged and said once, not a notification a frame."""

    def __init__(self) -> None:
        self.last: tuple[str, float] | None = None

    def again(self, error: BaseException) -> bool:
        key = f"{type(error).__name__}: {error}"
        now = time.monotonic()
        repeated = self.last is not None and self.last[0] == key
        if repeated and self.last is not None and now - self.last[1] < REPEAT_QUIET:
            return True
        self.last = (key, now)
        return False


def keep_running(
    app: App[Any], sayer: Sayer, node: MessagePump | None, error: Exception,
    message: Message | None, what: str | None = None,
) -> bool:  # fmt: skip
    """Say and log an error that escaped a handler, an action, a mount or a timer of `app`, and
    keep it running. `what` failed, in the user's words, when the caller knows (else told
    from the message, else "do that"). False while the app is closing: Textual's own way then
    (its traceback on the terminal when the app has gone, as nothing could show it)."""
    from tracker.ui.widgets.work import WorkFailed, keep_for_pilot

    if app._exit or app._closing or app._closed:  # private, but read only
        return False
    keep_for_pilot(app, error)
    if sayer.again(error):
        return True
    what = what or what_failed(app, node, message) or "do that"
    if isinstance(error, TrackerError):  # a refusal nobody caught: its own words
        from tracker.ui.refusals import said

        text = f"Could not {what}: {said(error)}"
    else:
        from tracker.ui.failures import unexpected

        text = unexpected(error, what, saves=True)
    target: MessagePump | None = None
    if not isinstance(message, WorkFailed):  # else saying it failed: a notification
        try:
            target = app.screen  # the screen or window the user is on (its error line)
        except Exception:  # noqa: BLE001 - no screen yet
            target = None
    if target is None or not target.post_message(WorkFailed(what, text)):
        app.notify(text, title="Something went wrong", severity="error", timeout=30)
    return True
