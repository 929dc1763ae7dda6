"""What a status line shows as work goes on, for tests that watch a long job's progress."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static


def said_by(widget: Static) -> list[str]:
    """Every text the line is given from now on, in order (what the user sees pass)."""
    shown: list[str] = []
    update = widget.update

    def recording(content: Any = "", **kw: Any) -> None:
        shown.append(str(content))
        update(content, **kw)

    widget.update = recording  # type: ignore[method-assign]
    return shown
