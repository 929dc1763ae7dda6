"""A choice from a list, drawn as one line: the chosen value and "▾". Enter, space, ↓ or a
click opens the list in a small window (typing there jumps to the option starting with what is
typed); escape leaves the value as it was.

Textual's Select is six widgets (the current value, its two arrows and a drop-down list kept
mounted), and styling and laying them out is most of what a form with seven of them costs to
open. This is one widget, and its list is made only when it is opened."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tracker.ui.widgets import text as tx

TYPE_AHEAD = 1.0  # seconds between keys that still add to what is being typed in the list


class Choice(Widget, can_focus=True):
    """One value from `options` ((label, value) pairs); `value` is None while none is chosen
    (offered as `prompt` first when `allow_blank`)."""

    DEFAULT_CSS = """
    Choice {
        height: 1;
        width: 1fr;
        padding: 0 1 0 0;
        pointer: pointer;
        &:focus {
            background-tint: $foreground 10%;
            text-style: bold;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter,space,down", "open", "Choose", show=False, tooltip="Open the list to choose from"
        ),
    ]

    class Changed(Message):
        """The value was chosen from the list (not when set by the program)."""

        def __init__(self, choice: Choice, value: Any) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(
        self, options: Sequence[tuple[str, Any]] = (), *, prompt: str = "", list_title: str = "",
        allow_blank: bool = True, value: Any = None, id: str | None = None,  # noqa: A002
    ) -> None:  # fmt: skip
        super().__init__(id=id)
        self.prompt = prompt
        self.list_title = list_title  # the list window's title (the field's label)
        self.allow_blank = allow_blank
        self._options: list[tuple[str, Any]] = list(options)
        self._value: Any = None
        if value is not None:
            self.value = value
        elif not allow_blank and self._options:
            self._value = self._options[0][1]

    @property
    def options(self) -> list[tuple[str, Any]]:
        return list(self._options)

    @property
    def value(self) -> Any:
        return self._value

    @value.setter
    def value(self, value: Any) -> None:
        if value is not None and not any(v == value for _, v in self._options):
            raise ValueError(f"{value!r} is not one of the choices")
        if value is None and not self.allow_blank:
            raise ValueError("a value must be chosen")
        if value != self._value:
            self._value = value
            self.refresh()

    def clear(self) -> None:
        """Nothing chosen (the prompt shows), or the first option if one must be chosen."""
        first = self._options[0][1] if not self.allow_blank and self._options else None
        if self._value != first:
            self._value = first
            self.refresh()

    def set_options(self, options: Sequence[tuple[str, Any]]) -> None:
        """New options; the value stays if it is still one of them."""
        self._options = list(options)
        if not any(v == self._value for _, v in self._options):
            self._value = self._options[0][1] if not self.allow_blank and self._options else None
        self.refresh()

    @property
    def label(self) -> str:
        """What the line shows for the value."""
        for label, value in self._options:
            if value == self._value:
                return label
        return self.prompt

    def render(self) -> Text:
        shown = self._value is not None
        width = max(1, self.size.width - 2)
        return Text.assemble(
            (f"{tx.clip(self.label, width):<{width}}", "" if shown else "dim"), (" ▾", "dim")
        )

    def action_open(self) -> None:
        offered = ([(self.prompt, None)] if self.allow_blank else []) + self._options

        def chosen(value: Any) -> None:
            if value is ChoiceScreen.UNCHANGED or value == self._value:
                return
            self.value = value
            self.post_message(self.Changed(self, value))

        self.app.push_screen(ChoiceScreen(self.list_title, offered, self._value), chosen)

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_open()


class ListWindow(ModalScreen[Any]):
    """A window listing (label, value) options, the current value highlighted: enter or a click
    picks one, escape leaves the value as it was (`UNCHANGED`). Subclasses lay it out and bind
    escape to `close`."""

    UNCHANGED: ClassVar[object] = object()

    def __init__(self, title: str, options: list[tuple[str, Any]], current: Any) -> None:
        super().__init__()
        self.title_text = title
        self.options = options
        self.current = current

    def option_list(self, id: str) -> OptionList:  # noqa: A002
        """The options, each label clipped to 60 characters."""
        return OptionList(
            *(Option(tx.clip(label, 60), id=str(i)) for i, (label, _) in enumerate(self.options)),
            id=id,
        )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [value for _, value in self.options]
        options.highlighted = values.index(self.current) if self.current in values else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.options[int(event.option.id or 0)][1])

    def action_close(self) -> None:
        self.dismiss(self.UNCHANGED)


class ChoiceScreen(ListWindow):
    """The list of a Choice: enter picks the highlighted option, typing jumps to an option
    starting with the letters typed, escape leaves the value as it was."""

    DEFAULT_CSS = """
    ChoiceScreen {
        align: center middle;
        background: $background 60%;
        & > #choice-window {
            width: 64;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: thick $primary;
            background: $surface;
            padding: 0 1;
        }
        & #choice-title {
            text-style: bold;
            background: $primary;
            color: $text;
            padding: 0 1;
            width: 100%;
        }
        & #choice-options {
            height: auto;
            max-height: 24;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", tooltip="Leave the value as it is"),
    ]

    def __init__(self, title: str, options: list[tuple[str, Any]], current: Any) -> None:
        super().__init__(title or "Choose", options, current)
        self.typed = ""
        self.typed_at = 0.0

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-window"):
            yield Static(self.title_text, id="choice-title")
            yield self.option_list("choice-options")

    def on_key(self, event: events.Key) -> None:
        """Type-ahead: the first option (after the highlighted one, for a repeated letter)
        whose label starts with the letters typed."""
        if not event.is_printable or not event.character or event.character == " ":
            return
        now = time.monotonic()
        typed = (self.typed if now - self.typed_at < TYPE_AHEAD else "") + event.character
        self.typed, self.typed_at = typed, now
        labels = [label.casefold() for label, _ in self.options]
        options = self.query_one(OptionList)
        here = options.highlighted or 0
        order = list(range(here + (len(typed) == 1), len(labels))) + list(range(here + 1))
        for i in order:
            if labels[i].startswith(typed.casefold()):
                options.highlighted = i
                event.stop()
                return
