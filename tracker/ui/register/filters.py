"""The register's search box and filters: one line showing each filter and its value (click one to change it,
or press `f`), and the small list a value is picked from.

Seven Select widgets cost more to build and first draw than the rest of the register together
(about 0.15 s of CPU), and the register must show its first page in under 0.2 s; one line of
text and a list opened on demand cost next to nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from tracker.ui.widgets import text as tx
from tracker.ui.widgets.choice import ListWindow

NAMES = {
    "phase": "Phase", "stage": "Stage", "board": "Board", "owner": "Owner", "status": "Status",
    "rag": "RAG", "due": "Due",
}  # fmt: skip
ALL = "all"


class FilterBar(Widget):
    """`Phase: all ▾  Stage: all ▾ ...`; a click on one opens its list."""

    DEFAULT_CSS = """
    FilterBar {
        height: 1;
        link-style: none;
        link-style-hover: reverse;
        & > .filter-bar--name { color: $text-muted; }
        & > .filter-bar--value { color: $text; background: $boost; }
        & > .filter-bar--set { color: $text; background: $accent 40%; text-style: bold; }
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "filter-bar--name", "filter-bar--value", "filter-bar--set",
    }  # fmt: skip

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.values: dict[str, str] = dict.fromkeys(NAMES, ALL)  # name -> label shown

    def show(self, values: dict[str, str]) -> None:
        self.values = values
        self.refresh()

    def render(self) -> Text:
        total = self.size.width or 119
        narrow = total < 100  # 80 columns: no padding, so that all seven (and Due) show
        width = max(8, total // len(NAMES) - 2)
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        fixed = sum(len(label) + 3 for label in NAMES.values()) + len(NAMES) - 1
        for name, label in NAMES.items():
            value = self.values.get(name, ALL)
            click = Style(meta={"@click": f"screen.pick_filter({name!r})"})
            if narrow:
                room = max(3, (total - fixed) // len(NAMES))
                head, tail, gap = f"{label}:", "▾", " "
            else:
                room = max(3, width - len(label) - 4)
                head, tail, gap = f"{label}: ", " ▾", "  "
            line.append(head, self.get_component_rich_style("filter-bar--name") + click)
            style = "filter-bar--value" if value == ALL else "filter-bar--set"
            line.append(
                f"{tx.clip(value, room):<{room}}{tail}",
                self.get_component_rich_style(style) + click,
            )
            line.append(gap)
        return line


class PickScreen(ListWindow):
    """Choose one value from a list; escape leaves it as it was."""

    CSS_PATH = "windows.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Leave the filter as it is"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-window", classes="window"):
            yield Static(self.title_text, classes="window-title")
            yield self.option_list("pick-options")


def pick_value(
    app: Any, name: str, values: list[tuple[str, Any]], current: Any,
    chosen: Callable[[str, Any], None],
) -> None:  # fmt: skip
    """The list of one filter's values, "all" first; `chosen(name, value)` when one is picked."""
    if not values:
        app.notify("The list is still being read; try again in a moment.")
        return
    everything = "all (any date)" if name == "due" else "all (any)"

    def picked(value: Any) -> None:
        if value is not PickScreen.UNCHANGED:
            chosen(name, value)

    title = f"Show actions by {NAMES[name].lower()}"
    app.push_screen(PickScreen(title, [(everything, None), *values], current), picked)


def pick_filter_name(app: Any, shown: dict[str, str], chosen: Callable[[str], None]) -> None:
    """Which filter to change (the `f` key); then its list of values."""
    options = [(f"{label}: {shown.get(name, ALL)}", name) for name, label in NAMES.items()]

    def picked(name: Any) -> None:
        if name is not PickScreen.UNCHANGED and name is not None:
            chosen(name)

    app.push_screen(PickScreen("Which filter?", options, None), picked)


class SearchBox(Input):
    """The register's search box. Its size never changes, so a keystroke need not lay out the
    whole screen again (Input asks for that as the text grows); it only repaints itself."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
