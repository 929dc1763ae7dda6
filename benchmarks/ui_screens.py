"""`bench_ui.py`'s screens figure: each screen's key on the dashboard to the frame that shows
what the screen read, for every screen the app registers (tracker/ui/registry.py).

A screen reads the database in thread workers and posts what it read as a message; its first
such message handled, then the frame painted after it, is when the screen "opens" (its list
or table on screen). Some screens then read more (Boards reads the first board's position,
Resolutions the first committee's meetings): the frame after the last message the screen
handled before it went quiet is when it is "complete". A screen's first visit builds it
(imports its module, composes its widgets); a later visit only shows it again.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

SETTLE = 0.8  # seconds without a message from a worker: the screen has read all it reads


class DataMessages:
    """Messages posted from a thread worker to a screen, each with the time its handler ended."""

    def __init__(self) -> None:
        from textual.message_pump import MessagePump
        from textual.screen import Screen

        self.from_threads: set[int] = set()
        self.handled: list[tuple[float, Any, str]] = []  # (time, screen, message class name)
        post, dispatch = MessagePump.post_message, Screen._dispatch_message
        main = threading.main_thread()
        seen = self

        def posted(pump: Any, message: Any) -> bool:
            if threading.current_thread() is not main:
                seen.from_threads.add(id(message))
            return post(pump, message)

        async def dispatched(screen: Any, message: Any) -> None:
            await dispatch(screen, message)
            if id(message) in seen.from_threads:
                seen.from_threads.discard(id(message))
                seen.handled.append((time.time(), screen, type(message).__name__))

        MessagePump.post_message = posted  # type: ignore[method-assign]
        Screen._dispatch_message = dispatched  # type: ignore[method-assign]

    def of(self, screen: Any, since: float) -> list[tuple[float, Any, str]]:
        return [h for h in self.handled if h[1] is screen and h[0] >= since]


async def open_screens(app: Any, pilot: Any, frames: Any, watch_type: Any) -> dict[str, Any]:
    """Each registered screen opened from the dashboard, twice (first visit, then again):
    {title: {"first": [wall, cpu], "complete": [...], "again": [...], "messages": [...]}}."""
    from ui_children import _until

    data = DataMessages()
    out: dict[str, Any] = {}
    for _mode, key, title, _path in list(app.registered):
        if key is None:
            continue
        figures: dict[str, Any] = {}
        for visit in ("first", "again"):
            dashboard = app.screen
            watch = watch_type()
            await pilot.press(key)
            await _until(lambda d=dashboard: app.screen is not d)
            screen = app.screen
            await _settle(data, screen, watch.epoch)
            got = data.of(screen, watch.epoch)
            if got:
                opened = await _shown_by(frames, got[0][0], watch.epoch)
                complete = await _shown_by(frames, got[-1][0], watch.epoch)
            else:  # nothing read (or read before): the first frame of the screen
                opened = complete = await frames.first_after(watch.epoch)
            figures[visit] = list(watch.to(opened))
            if visit == "first":
                figures["complete"] = list(watch.to(complete))
                figures["messages"] = [name for _t, _s, name in got]
            await pilot.press("d")
            await _until(lambda d=dashboard: app.screen is d)
            await _quiet(app)
        out[title] = figures
    return out


async def _shown_by(frames: Any, moment: float, since: float) -> tuple[float, float]:
    """The frame that shows what a message handled at `moment` brought: the first painted
    after it; if none comes, the message changed nothing on screen (read again on a later
    visit, the same as before), so the last frame before it already showed it."""
    try:
        return await frames.first_after(moment, timeout=SETTLE)  # type: ignore[no-any-return]
    except TimeoutError:
        return max(f for f in frames.at if since <= f[0] < moment)  # type: ignore[no-any-return]


async def _settle(data: DataMessages, screen: Any, since: float, timeout: float = 60.0) -> None:
    """Until the screen's workers are done and no message has come for SETTLE seconds."""
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        running = [w for w in screen.app.workers if w.node is screen and w.is_running]
        got = data.of(screen, since)
        last = got[-1][0] if got else since
        if not running and time.time() - last >= SETTLE:
            return
        await asyncio.sleep(0.02)
    raise TimeoutError(f"{type(screen).__name__} did not settle in {timeout:.0f} s")


async def _quiet(app: Any) -> None:
    await app.workers.wait_for_complete()
    await asyncio.sleep(0.5)  # a person looks at the dashboard again before the next key
