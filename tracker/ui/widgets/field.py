"""A labelled form field with its inline error line underneath."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
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
        yield Label(self.label, classes="field-label")
        yield self.widget
        yield Static("", id=f"error-{self.field_name}", classes="field-error")
        if self.hint:
            yield Static(self.hint, classes="field-hint")

    def show_error(self, message: str | None) -> None:
        error = self.query_one(f"#error-{self.field_name}", Static)
        error.update(message or "")
        error.set_class(bool(message), "-shown")
