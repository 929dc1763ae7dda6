"""A one-line label whose changes repaint it without laying out the screen again.

Static.update asks for a new layout of the whole screen (its size may change); a status line
of fixed size does not need that, and the register updates its line on every keystroke."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class Line(Widget):
    DEFAULT_CSS = """
    Line {
        height: 1;
    }
    """
    text: reactive[Text | str] = reactive[Text | str]("", layout=False)

    def __init__(self, text: Text | str = "", *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.text = text

    def render(self) -> Text | str:
        return self.text
