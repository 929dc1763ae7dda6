"""One services handle per app, shared by the screens' thread workers.

Opening a database (engine, schema check) costs more than the query a keystroke needs, so the
app keeps one open; the engine is thread-safe and each service call still takes its own short
transaction. Services are imported here, inside the functions, so the first paint never waits
for SQLAlchemy.
"""

from __future__ import annotations

import threading
from typing import Any

from textual.app import App

from tracker.config import Settings

_LOCK = threading.Lock()


def tracker_for(app: App[Any], settings: Settings) -> Any:
    """The app's open Tracker for these settings (opened on first use, in a worker thread)."""
    handles: dict[Settings, Any] = app.__dict__.setdefault("_tracker_handles", {})
    with _LOCK:
        handle = handles.get(settings)
        if handle is None:
            from tracker.services.context import open_tracker

            handle = open_tracker(settings)
            handles[settings] = handle
        return handle


def close_handles(app: App[Any]) -> None:
    handles: dict[Settings, Any] = app.__dict__.get("_tracker_handles", {})
    with _LOCK:
        for handle in handles.values():
            handle.close()
        handles.clear()
