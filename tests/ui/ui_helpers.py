"""Driving the app as a person would: keys, typing, choosing from a list; reading the screen."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from textual.widgets import Select

KEYS = {" ": "space", "-": "minus", ",": "comma", ".": "full_stop", ":": "colon", "/": "slash"}


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*(KEYS.get(ch, ch) for ch in text))


def register(app: Any) -> Any:
    return app.made["register"]


def table_refs(app: Any) -> list[str]:
    return list(register(app).query_one("#actions").keys)


def row_text(app: Any, ref: str) -> str:
    return register(app).query_one("#actions").row_text(ref)


def screen_text(screen: Any) -> str:
    """All the text the screen's Static widgets show (what a person reads)."""
    from rich.console import Console

    from tracker.ui.widgets.line import Line

    parts = []
    for widget in screen.query("Static, Line"):
        content = widget.text if isinstance(widget, Line) else widget.content
        if isinstance(content, str):
            parts.append(content)
        elif hasattr(content, "plain"):
            parts.append(content.plain)
        else:  # a Rich table or the like: render it as the terminal would
            console = Console(width=200, record=True, file=io.StringIO())
            console.print(content)
            parts.append(console.export_text())
    return "\n".join(parts)


async def choose(pilot: Any, select_id: str, label: str) -> None:
    """Open a Select (or a Choice) with the keyboard and pick the option whose label starts
    with `label`."""
    from tracker.ui.widgets.choice import Choice, ChoiceScreen

    screen = pilot.app.screen
    widget = screen.query_one(f"#{select_id}")
    widget.focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    if isinstance(widget, Choice):
        picker = pilot.app.screen
        assert isinstance(picker, ChoiceScreen), "enter did not open the list"
        overlay = picker.query_one("#choice-options")
    else:
        assert isinstance(widget, Select)
        overlay = widget.query_one("SelectOverlay")
    for _ in range(overlay.option_count + 1):
        option = overlay.get_option_at_index(overlay.highlighted or 0)
        if str(option.prompt).startswith(label):
            await pilot.press("enter")
            await pilot.pause()
            return
        await pilot.press("down")
        await pilot.pause()
    raise AssertionError(f"no option {label!r} in #{select_id}")


async def select_row(pilot: Any, ref: str) -> None:
    """Move the register's cursor to an action with the arrow keys."""
    app = pilot.app
    table = register(app).query_one("#actions")
    table.focus()
    refs = table_refs(app)
    target = refs.index(ref)
    while table.cursor_row != target:
        await pilot.press("down" if table.cursor_row < target else "up")
    await settle(pilot)


async def window_on(pilot: Any, ref: str, key: str) -> Any:
    """From the dashboard: `a` to the register, the cursor to action `ref`, then `key` (u, e,
    ...): the window it opened, once settled."""
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    await select_row(pilot, ref)
    await pilot.press(key)
    await settle(pilot)
    return pilot.app.screen


async def workers_done(app: Any) -> None:
    """Until every worker running now has ended. One cancelled on the way counts as ended, as
    it does for the user: a window's worker that closes its window (the bulk edit's Apply) is
    cancelled with the window if it has not quite returned, and a newer worker of an exclusive
    group cancels the older. (Textual's `wait_for_complete` raises WorkerCancelled for those;
    under load the worker is still running when the wait starts, and the test failed.)"""
    from textual.worker import WorkerCancelled

    ended = await asyncio.gather(*(w.wait() for w in list(app.workers)), return_exceptions=True)
    for outcome in ended:
        if isinstance(outcome, BaseException) and not isinstance(outcome, WorkerCancelled):
            raise outcome


async def settle(pilot: Any, rounds: int = 3) -> None:
    """Let thread workers finish and their messages be handled (and the register's detail,
    read once the cursor rests)."""
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause()
        await workers_done(app)
        await asyncio.sleep(0.01)
        await pilot.pause()
        register = getattr(app, "made", {}).get("register")
        for _ in range(300):
            if register is None or not register.busy:
                break
            await asyncio.sleep(0.01)
            await workers_done(app)


@asynccontextmanager
async def provoking(
    app: Any, error: type[Exception], match: str, size: tuple[int, int] = (100, 30)
) -> AsyncIterator[Any]:
    """`app.run_test`, for a test that provokes `error` on purpose: the app kept it for Pilot
    (so that an error nobody provoked fails a test), and it is that one. A failed assertion
    inside leaves it kept: run_test then raises it, with the assertion as its context."""
    async with app.run_test(size=size) as pilot:
        yield pilot
        kept = app._exception
        assert isinstance(kept, error) and match in str(kept), kept
        app._exception = None  # checked: not raised again when the app closes
