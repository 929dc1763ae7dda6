"""Tick boxes whose state shows in the glyph, not only in a colour: "[x]" ticked, "[ ]" not.

Textual draws a checkbox as "▐X▌" either way and tells the states apart by colour alone, which
some terminals (16 colours, the ANSI theme, a dim screen) lose. Every checkbox in the app is a
TickBox and every list of choices a TickList, so they all look the same; the colours are in
app.tcss."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICKED = "[x]"
UNTICKED = "[ ]"


class TickBox(Checkbox):
    """A Checkbox drawn "[x] label" or "[ ] label"."""

    @property
    def _button(self) -> Content:
        style = self.get_visual_style("toggle--button")
        return Content.styled(TICKED if self.value else UNTICKED, style)


class TickList(SelectionList[Any]):
    """A SelectionList whose options start "[x]" or "[ ]" (the same width as Textual's box)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != "X":
            return strip  # a line with no box (past the last option)
        index = self.scroll_offset[1] + y
        try:
            chosen = self.get_option_at_index(index).value in self._selected
        except OptionDoesNotExist:
            return strip
        glyph = TICKED if chosen else UNTICKED
        return Strip([Segment(glyph, segments[1].style), *segments[3:]], strip.cell_length)
