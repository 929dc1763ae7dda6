"""The register's table: one page of actions drawn line by line (textual's Line API).

DataTable measures and lays out every cell through Rich, which costs tens of milliseconds per
page and per repaint; the register repaints on every keystroke in the search box. Here the
columns have fixed widths, a row is drawn only when it is on screen (and kept), and moving the
cursor repaints two lines. Moving past the last row of a page asks for the next page.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

TITLE_WIDTH, MIN_TITLE, MAX_TITLE = 25, 15, 120
OWNER_WIDTH, MIN_OWNER = 14, 10
DROP_ORDER = ("last_update", "stage", "phase", "board")  # first to go on a narrow terminal


def _give(columns: list[tuple[str, str, int]]) -> int:
    """How many columns the title and the owner can give up before another column must go."""
    sizes = {k: w for k, _, w in columns}
    return max(0, sizes.get("title", 0) - MIN_TITLE) + max(0, sizes.get("owner", 0) - MIN_OWNER)


_CONSOLE = Console(width=200, color_system="truecolor", legacy_windows=False)


class ActionTable(ScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "action-table--header",
        "action-table--cursor",
        "action-table--even",
        "action-table--marked",
    }
    DEFAULT_CSS = """
    ActionTable {
        background: $surface;
        color: $foreground;
        & > .action-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .action-table--even {
            background: $surface-lighten-1 50%;
        }
        & > .action-table--marked {
            background: $accent 35%;
            text-style: bold;
        }
        & > .action-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .action-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "move_page(-1)", "Page up", show=False),
        Binding("pagedown", "move_page(1)", "Page down", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
        Binding("space", "mark", "Mark", show=False, tooltip="Mark the action for a bulk edit"),
        Binding("shift+down", "mark_move(1)", "Mark down", show=False),
        Binding("shift+up", "mark_move(-1)", "Mark up", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True)

    class RowHighlighted(Message):
        def __init__(self, ref: str) -> None:
            self.ref = ref
            super().__init__()

    class RowSelected(Message):
        def __init__(self, ref: str) -> None:
            self.ref = ref
            super().__init__()

    class HeaderSelected(Message):
        def __init__(self, key: str) -> None:
            self.key = key
            super().__init__()

    class MarksChanged(Message):
        """The set of actions marked for a bulk edit changed."""

        def __init__(self, count: int) -> None:
            self.count = count
            super().__init__()

    class PageTurned(Message):
        def __init__(self, step: int) -> None:
            self.step = step
            super().__init__()

    def __init__(self, columns: tuple[tuple[str, str, int], ...], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.all_columns = columns  # (key, heading, width), as designed for 119 columns
        self.columns = columns  # those shown at the current width (see fit_columns)
        self._shown: list[int] = list(range(len(columns)))  # their indexes in a row's cells
        self.headings: dict[str, Text] = {key: Text(label) for key, label, _ in columns}
        self.keys: list[str] = []  # the refs, in order
        self.cells: list[list[Any]] = []
        self._strips: dict[tuple[int, bool], Strip] = {}  # (row, has the cursor) -> its line
        self.marked: set[str] = set()  # refs marked for a bulk edit, kept across pages
        self._header: Strip | None = None
        self.width = sum(w + 2 for _, _, w in columns)

    # -- data ----------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.keys)

    @property
    def current_ref(self) -> str | None:
        return self.keys[self.cursor_row] if 0 <= self.cursor_row < len(self.keys) else None

    def set_rows(self, rows: list[tuple[str, list[Any]]], cursor: int = 0) -> None:
        """Replace the page: (ref, cells) per row; the cursor goes to row `cursor`."""
        self.keys = [key for key, _ in rows]
        self.cells = [cells for _, cells in rows]
        self._strips.clear()
        self.virtual_size = Size(self.width, len(rows) + 1)
        self.refresh()
        self.cursor_row = max(0, min(cursor, len(rows) - 1))
        self.scroll_to(y=max(0, self.cursor_row - self.size.height // 2), animate=False)

    def set_heading(self, key: str, label: Text) -> None:
        self.headings[key] = label
        self._header = None
        self.refresh_line(self.scroll_offset.y)

    def row_text(self, ref: str) -> str:
        """The row as plain text (what a person reads), for tests."""
        cells = self.cells[self.keys.index(ref)]
        text = " | ".join(c.plain if isinstance(c, Text) else str(c) for c in cells)
        return ("✓ " if ref in self.marked else "") + text

    # -- drawing -------------------------------------------------------------------------------

    def _strip(self, cells: list[Any], style: Style) -> Strip:
        segments: list[Segment] = []
        for (_, _, width), index in zip(self.columns, self._shown, strict=True):
            cell = cells[index]
            text = cell if isinstance(cell, Text) else Text(str(cell))
            text = text.copy()
            text.truncate(width, overflow="ellipsis", pad=True)
            segments.append(Segment(" "))
            # Text.render leaves out the Text's own style (Console.render adds it): add it back
            own = _CONSOLE.get_style(text.style) if text.style else None
            segments.extend(Segment.apply_style(text.render(_CONSOLE), own))
            segments.append(Segment(" "))
        return Strip(Segment.apply_style(segments, style), self.width)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:  # the heading stays put while the rows scroll
            if self._header is None:
                style = base + self.get_component_rich_style("action-table--header")
                labels = [self.headings[key] for key, _, _ in self.all_columns]
                self._header = self._strip(labels, style).crop_extend(0, width, base)
            return self._header
        index = self.scroll_offset.y + y - 1
        if index >= len(self.keys):
            return Strip.blank(width, base)
        cursor = index == self.cursor_row
        strip = self._strips.get((index, cursor))
        if strip is None:
            style = base
            if index % 2:
                style = base + self.get_component_rich_style("action-table--even")
            cells = self.cells[index]
            if self.keys[index] in self.marked:
                style = style + self.get_component_rich_style("action-table--marked")
                cells = [Text("✓ " + self.keys[index]), *cells[1:]]
            strip = self._strip(cells, style)
            if cursor:
                post = self.get_component_rich_style("action-table--cursor")
                strip = Strip(Segment.apply_style(strip, post_style=post), strip.cell_length)
            strip = self._strips[(index, cursor)] = strip.crop_extend(0, width, base)
        return strip

    def on_resize(self) -> None:
        self.fit_columns(self.size.width)
        self._forget()

    def fit_columns(self, width: int) -> None:
        """The columns that fit `width` (a scroll bar's 2 aside): on a narrow terminal the
        least needed go first (last update, stage, phase, board) and the title and owner
        narrow; on a wide one the title takes the spare columns."""
        if width <= 0:
            return
        room = width - 2
        drop = [k for k in DROP_ORDER if k in {c[0] for c in self.all_columns}]
        columns = list(self.all_columns)

        def used() -> int:
            return sum(w + 2 for _, _, w in columns)

        def resize(key: str, new: int) -> None:
            for i, (k, label, _w) in enumerate(columns):
                if k == key:
                    columns[i] = (k, label, new)

        while used() - _give(columns) > room and drop:
            gone = drop.pop(0)
            columns = [c for c in columns if c[0] != gone]
        spare = room - used()
        if spare < 0:  # still too wide: the title and the owner give up what they can
            resize("owner", max(MIN_OWNER, OWNER_WIDTH + spare // 3))
            spare = room - used()
        title = max(MIN_TITLE, TITLE_WIDTH + spare) if "title" in {c[0] for c in columns} else 0
        if title:
            resize("title", min(title, MAX_TITLE))
        self.columns = tuple(columns)
        keys = [c[0] for c in self.all_columns]
        self._shown = [keys.index(k) for k, _, _ in self.columns]
        self.width = sum(w + 2 for _, _, w in self.columns)
        self.virtual_size = Size(self.width, len(self.keys) + 1)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget()  # a theme or focus change recolours the lines

    def _forget(self) -> None:
        self._strips.clear()
        self._header = None

    def _refresh_row(self, index: int) -> None:
        self.refresh_line(index + 1)

    def on_focus(self) -> None:
        self._strips.pop((self.cursor_row, True), None)  # the cursor's colour depends on focus
        self._refresh_row(self.cursor_row)

    def on_blur(self) -> None:
        self._strips.pop((self.cursor_row, True), None)
        self._refresh_row(self.cursor_row)

    # -- the cursor ----------------------------------------------------------------------------

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        top = self.scroll_offset.y
        visible = max(1, self.size.height - 1)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + visible:
            self.scroll_to(y=new - visible + 1, animate=False)
        if 0 <= new < len(self.keys):
            self.post_message(self.RowHighlighted(self.keys[new]))

    def action_move(self, step: int) -> None:
        target = self.cursor_row + step
        if target < 0:
            self.post_message(self.PageTurned(-1))
        elif target >= len(self.keys):
            if self.keys:
                self.post_message(self.PageTurned(+1))
        else:
            self.cursor_row = target

    def action_move_page(self, step: int) -> None:
        if not self.keys:
            return
        self.cursor_row = max(
            0, min(len(self.keys) - 1, self.cursor_row + step * (self.size.height - 2))
        )

    def action_move_to(self, index: int) -> None:
        if self.keys:
            self.cursor_row = index if index >= 0 else len(self.keys) - 1

    def set_marked(self, refs: set[str]) -> None:
        self.marked = set(refs)
        self._strips.clear()
        self.refresh()
        self.post_message(self.MarksChanged(len(self.marked)))

    def action_mark(self) -> None:
        """Mark the current action (again: unmark it)."""
        if (ref := self.current_ref) is None:
            return
        self.marked.symmetric_difference_update({ref})
        self._forget_row(self.cursor_row)
        self.post_message(self.MarksChanged(len(self.marked)))

    def action_mark_move(self, step: int) -> None:
        """Shift+arrow: mark the current action and the one moved to."""
        if (ref := self.current_ref) is None:
            return
        self.marked.add(ref)
        self._forget_row(self.cursor_row)
        target = self.cursor_row + step
        if 0 <= target < len(self.keys):
            self.cursor_row = target
            self.marked.add(self.keys[target])
            self._forget_row(target)
        self.post_message(self.MarksChanged(len(self.marked)))

    def _forget_row(self, index: int) -> None:
        self._strips.pop((index, True), None)
        self._strips.pop((index, False), None)
        self._refresh_row(index)

    def action_select(self) -> None:
        if (ref := self.current_ref) is not None:
            self.post_message(self.RowSelected(ref))

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            x = event.x + self.scroll_offset.x
            for key, _, width in self.columns:
                if x < width + 2:
                    self.post_message(self.HeaderSelected(key))
                    return
                x -= width + 2
            return
        index = self.scroll_offset.y + event.y - 1
        if 0 <= index < len(self.keys):
            if index == self.cursor_row:
                self.action_select()
            self.cursor_row = index
