"""A table row's height, counted before it is added.

Given `height=None`, Textual's DataTable measures a row by rendering every cell of every new
row (padding, styles, segments) on the next idle, whether the row is on screen or not; on a
meeting with 200 follow-ups that was most of the Resolutions screen's first paint. The height
only depends on how each cell's text wraps in its column, which is counted here with the same
wrapping (rich's `Text.wrap`), so the table renders only the rows it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.text import Text


def wrapped_height(console: Console, cells: Sequence[Any], widths: Sequence[int]) -> int:
    """The lines the row takes when each cell wraps within its column's width (the width
    given to `add_column`), as DataTable would measure it: at least 1."""
    height = 1
    for cell, width in zip(cells, widths, strict=True):
        if isinstance(cell, str):  # as DataTable reads a string cell
            text = Text.from_markup(cell, end="")
        elif isinstance(cell, Text):
            text = cell
        else:
            raise TypeError(f"cannot count the lines of a {type(cell).__name__} cell")
        if text.cell_len <= width and "\n" not in text.plain:
            continue  # one line: nothing to wrap
        height = max(height, len(text.wrap(console, width)))
    return height
