"""The updates considered at a meeting, one line each in fixed columns: a line-API scroll view
that draws only the lines in view and measures nothing, so a record of 500 updates paints as
fast as one of five."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tracker.ui.widgets.text import clip, day

if TYPE_CHECKING:
    from tracker.services.governance.meeting_record import VerdictLine

COLUMNS = (("Ref", 10), ("Update of", 11), ("Status", 11), ("RAG", 6), ("%", 4),
           ("Verdict", 10))  # fmt: skip
COMMENT = 500  # the comment takes the rest of the line, cut with … where the window ends
CHALLENGED = Style(bold=True, color="yellow")
HEADING = Style(bold=True)


def _cells(values: Sequence[str], comment: str) -> list[str]:
    cells = [
        set_cell_size(value, width) + " "
        for value, (_l, width) in zip(values, COLUMNS, strict=True)
    ]
    return [*cells, clip(comment, COMMENT)]


def heading_line() -> str:
    return "".join(_cells([label for label, _w in COLUMNS], "Comment"))


class VerdictList(ScrollView):
    """One line per update: ref, recorded, status, RAG, %, verdict (a challenge still open in
    bold yellow), the comment ("(answered)" first once the owner answered)."""

    DEFAULT_CSS = "VerdictList { overflow-x: hidden; }"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self._rows: list[tuple[list[str], bool]] = []

    def show(self, verdicts: Sequence[VerdictLine]) -> None:
        self._rows = [
            (_cells([v.ref, day(v.recorded_at), v.status, v.rag or "-", str(v.progress),
                     v.outcome], ("(answered) " if v.answered else "") + (v.comment or "")),
             v.outcome == "challenged" and not v.answered)
            for v in verdicts
        ]  # fmt: skip
        self.virtual_size = Size(self.size.width, len(self._rows))
        self.scroll_home(animate=False)
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        base = self.rich_style
        width = self.size.width
        if index >= len(self._rows):
            return Strip.blank(width, base)
        cells, challenged = self._rows[index]
        if sum(cell_len(c) for c in cells) > width:  # the comment cut where the window ends
            room = width - sum(cell_len(c) for c in cells[:-1])
            cells = [*cells[:-1], set_cell_size(cells[-1], room - 1) + "…" if room > 0 else ""]
        segments = [
            Segment(cell, base + CHALLENGED if challenged and i == 5 else base)
            for i, cell in enumerate(cells)
        ]
        return Strip(segments).crop_extend(scroll_x, scroll_x + width, base)
