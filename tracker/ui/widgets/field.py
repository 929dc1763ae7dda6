"""A labelled form field with its inline error line underneath."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import AwaitMount, Widget
from textual.widgets import Label, Static


class Field(Vertical):
    """Label, input, and the error for `name` (hidden while there is none)."""

    DEFAULT_CSS = """
    Field {
        height: auto;
        margin-bottom: 1;
    }
    Field > .field-label {
        color: $text-muted;
        text-style: bold;
    }
    Field > .field-error {
        color: $error;
        text-style: bold;
        display: none;
    }
    Field > .field-error.-shown {
        display: block;
    }
    Field > .field-hint {
        color: $text-muted;
        text-style: italic;
    }
    """

    def __init__(self, label: str, widget: Widget, name: str, hint: str = "") -> None:
        super().__init__(id=f"field-{name}")
        self.label = label
        self.widget = widget
        self.field_name = name
        self.hint = hint

    def compose(self) -> ComposeResult:
        if self.label:  # a tick box carries its own label: one is enough
            yield Label(self.label, classes="field-label")
        yield self.widget
        if self.hint:
            yield Static(self.hint, classes="field-hint")

    def show_error(self, message: str | None) -> AwaitMount | None:
        """The error line under the widget. It is made the first time there is an error (then
        this returns the mounting to await): a form opens sooner with a widget fewer per field
        (most fields never show one)."""
        found = self.query(f"#error-{self.field_name}")
        if not found:
            if not message:
                return None
            error = Static(message, id=f"error-{self.field_name}", classes="field-error -shown")
            return self.mount(error, after=self.widget)
        error = found.only_one(Static)
        error.update(message or "")
        error.set_class(bool(message), "-shown")
        return None

    def set_label(self, text: str) -> None:
        self.label = text
        self.query_one(".field-label", Label).update(text)


class TitledField(Field):
    """A Field whose label is drawn on its top edge rather than by a Label of its own: a widget
    fewer per field, which a form of sixteen fields feels when it opens."""

    DEFAULT_CSS = """
    TitledField {
        border-top: blank;
        border-title-align: left;
        border-title-color: $text-muted;
        border-title-style: bold;
    }
    """

    def compose(self) -> ComposeResult:
        self.border_title = self.label
        yield self.widget
        if self.hint:
            yield Static(self.hint, classes="field-hint")

    def set_label(self, text: str) -> None:
        self.label = text
        self.border_title = text
