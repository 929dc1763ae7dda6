"""A long list of text lines, drawn only where they are on screen.

A screen that mounted one Static per owner (the Returns ledger: 150 owners, 450 lines on a
10,000-action plan) spent a first visit styling, laying out and rendering every one of them,
most never seen. Here the lines are wrapped to the width once (again on a resize) and each is
rendered when it scrolls into view (Textual's line API).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


class TextLines(ScrollView, can_focus=True):
    """Lines of rich Text, each wrapped within the width and indented by one column; a heading
    line is drawn as a band across the width (component class `text-lines--heading`)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"text-lines--heading"}
    DEFAULT_CSS = """
    TextLines {
        height: 1fr;
    }
    TextLines > .text-lines--heading {
        background: $boost;
    }
    """
    INDENT = 1  # columns left blank either side of the text, as a Static's `padding: 0 1`

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self._texts: list[Text] = []
        self._headings: Collection[int] = ()
        self._rows: list[tuple[Text, bool]] = []  # the lines wrapped: (text, is a heading)
        self._strips: dict[int, Strip] = {}  # rendered rows, by row
        self._wrapped_at = -1  # the width the rows were wrapped to

    def show(self, lines: Sequence[Text], headings: Collection[int] = ()) -> None:
        """Show these lines instead; `headings` are the indexes of the heading lines."""
        self._texts = list(lines)
        self._headings = frozenset(headings)
        self._wrap(self._width())

    def _width(self) -> int:
        return self.scrollable_content_region.width

    def on_resize(self, _event: events.Resize) -> None:
        if self._width() != self._wrapped_at:
            self._wrap(self._width())

    def _wrap(self, width: int) -> None:
        self._wrapped_at = width
        room = max(1, width - 2 * self.INDENT)
        console = self.app.console
        rows: list[tuple[Text, bool]] = []
        for n, text in enumerate(self._texts):
            heading = n in self._headings
            if text.cell_len <= room and "\n" not in text.plain:
                rows.append((text, heading))
            else:
                rows.extend((line, heading) for line in text.wrap(console, room))
        self._rows = rows
        self._strips.clear()
        self.virtual_size = Size(width, len(rows))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        width = self.size.width
        style = self.rich_style
        if row >= len(self._rows):
            return Strip.blank(width, style)
        strip = self._strips.get(row)
        if strip is None:
            text, heading = self._rows[row]
            base = (
                style + self.get_component_rich_style("text-lines--heading") if heading else style
            )
            pad = Text(" " * self.INDENT)
            line = Text.assemble(pad, text, no_wrap=True, end="")
            strip = Strip(line.render(self.app.console), line.cell_len)
            strip = strip.extend_cell_length(self._wrapped_at).apply_style(base)
            self._strips[row] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, style).apply_offsets(scroll_x, row)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # the theme or the heading's style changed
