"""The whole page in the minutes review (review_page.py): one row per unit the reader cut the
page into (a line, a table cell, a sentence of a page flattened onto one line), in the page's
order: its line number, its item, a mark for what the reader made of it (and what the officer
took from it), and its text cut to the width. A line-API scroll view that draws only the rows in
view, so a page of tens of thousands of units opens as fast as one of ten. The arrow keys, Page
Up/Down, Home/End and the mouse move the highlight; the review's keys take the highlighted unit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

if TYPE_CHECKING:
    from tracker.services.committees.minutes_draft import PageUnit

# what the reader made of a unit: its mark, and the mark's colour
MARKS = {"resolution": "R", "followup": "A", "unsure": "?", "heading": "§", "left": "·"}
_MARK_STYLES = {
    "resolution": Style(color="green", bold=True),
    "followup": Style(color="green", bold=True),
    "unsure": Style(color="yellow", bold=True),
    "heading": Style(dim=True),
    "left": Style(dim=True),
}
_YOURS = Style(color="cyan", bold=True)  # what the officer took, as "you" in the items table
_HEADING = Style(bold=True)
LEGEND = "R A: read, ?: unsure, §: heading, +: yours"


def yours(kinds: Sequence[str]) -> str:
    """The officer's mark: "+R", "+A", "+RA"."""
    return ("+" + "".join("R" if k == "resolution" else "A" for k in sorted(set(kinds))[::-1])
            if kinds else "")  # fmt: skip


class PageList(ScrollView, can_focus=True):
    """Each unit of the page on one row: line, item, mark, text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "ends(0)", "First", show=False),
        Binding("end", "ends(1)", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"page-list--cursor"}

    class Highlighted(Message):
        """The highlight moved to unit `index`."""

        def __init__(self, page_list: PageList, index: int) -> None:
            self.page_list = page_list
            self.index = index
            super().__init__()

    def __init__(self, units: Sequence[PageUnit], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.units = tuple(units)
        self.cursor = 0
        self.taken: dict[int, str] = {}  # the officer's marks, by unit
        self.item_width = 9
        self._lower: list[str] | None = None  # the texts in lower case, made on the first find

    @property
    def current(self) -> int | None:
        """The index of the highlighted unit, None when the page has none."""
        return self.cursor if self.units else None

    def on_mount(self) -> None:
        self.item_width = 9 if self.app.size.width >= 100 else 6  # 80 columns: the text's room
        self._fit()

    def on_resize(self, _event: events.Resize) -> None:
        self._fit()
        self.call_after_refresh(self.show_cursor)  # the form or the search field moved it

    def _fit(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.units))

    def mark(self, taken: dict[int, str]) -> None:
        """Show what the officer took from which units ("+R", "+A")."""
        self.taken = taken
        self.refresh()
        self.call_after_refresh(self.show_cursor)

    def show_cursor(self) -> None:
        """Scroll the highlighted unit into view (centred) when it is out of sight."""
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if height and not top <= self.cursor < top + height:
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False)

    def move_to(self, index: int) -> None:
        """Highlight unit `index`, scrolled into view (centred when it was out of sight)."""
        if not self.units:
            return
        index = max(0, min(index, len(self.units) - 1))
        changed = index != self.cursor
        self.cursor = index
        self.show_cursor()
        self.refresh()
        if changed:
            self.post_message(self.Highlighted(self, index))

    def action_move(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        height = max(1, self.scrollable_content_region.height - 1)
        self.move_to(self.cursor + direction * height)
        self.scroll_to(y=max(0, self.cursor - (height if direction > 0 else 0)), animate=False)

    def action_ends(self, last: int) -> None:
        self.move_to(len(self.units) - 1 if last else 0)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None:
            self.focus()
            self.move_to(self.scroll_offset.y + offset.y)

    def find(self, word: str, start: int, step: int = 1) -> int | None:
        """The first unit from `start` on (backwards with `step` -1, round the page's end)
        whose text holds `word`, whatever its case; None when none does."""
        word = word.strip().lower()
        if not word or not self.units:
            return None
        if self._lower is None:
            self._lower = [u.text.lower() for u in self.units]
        n = len(self.units)
        for k in range(n):
            i = (start + step * k) % n
            if word in self._lower[i]:
                return i
        return None

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        base = self.rich_style
        width = self.size.width
        if index >= len(self.units):
            return Strip.blank(width, base)
        u = self.units[index]
        mine = self.taken.get(index, "")
        # the highlighted row in the cursor's colours, over each cell's own
        over = self.get_component_rich_style("page-list--cursor") if index == self.cursor else None
        head = f"{u.line:>5} {set_cell_size(u.item, self.item_width)} "
        cells = [
            (head, base + Style(dim=True)),
            (MARKS[u.state], base + _MARK_STYLES[u.state]),
            (" " + set_cell_size(mine, 3) + " ", base + _YOURS),
        ]
        room = width - sum(cell_len(text) for text, _style in cells)
        text = " ".join(u.text.split())
        if cell_len(text) > room > 0:
            text = set_cell_size(text, room - 1) + "…"
        cells.append((set_cell_size(text, max(0, room)),
                      base + _HEADING if u.state == "heading" else base))  # fmt: skip
        strip = Strip([Segment(text, style + over if over else style) for text, style in cells])
        return strip.crop_extend(scroll_x, scroll_x + width, base)
