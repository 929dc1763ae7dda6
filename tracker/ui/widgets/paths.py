"""Picking a file by keyboard: a path field offers the rest of a file or folder name as it is
typed (→ or End takes it), so `~/Down` → `~/Downloads/`, `~/Downloads/min` → `…/minutes.txt`."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester

FILE_HINT = (
    "A path (→ completes a name); relative paths are from the folder tracker was started in."
)


def completion(value: str) -> str | None:
    """The typed path with the rest of the first name in its folder that it begins (folders end
    with "/"), or None when nothing there begins so. Hidden names only when a "." is typed."""
    if not value:
        return None
    folder, sep, start = value.rpartition(os.sep)
    where = Path(os.path.expanduser(folder or os.sep)) if sep else Path(".")
    try:
        names = sorted(os.listdir(where))
    except OSError:
        return None
    for name in names:
        hidden = name.startswith(".") and not start.startswith(".")
        if name.startswith(start) and name != start and not hidden:
            tail = os.sep if (where / name).is_dir() else ""
            return value + name[len(start) :] + tail
    return None


class PathSuggester(Suggester):
    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return completion(value)
