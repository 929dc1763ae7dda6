"""Adding by hand, in the minutes review (review.py), a resolution or follow-up the reader did not
find: its kind, text, and a resolution's number or a follow-up's owner and due date, checked as
typed; it joins the review list, stored only when the review is saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from tracker.errors import TrackerError
from tracker.ui.resolutions.common import refusal
from tracker.ui.widgets.dates import DATE_HINT, DateInput
from tracker.ui.widgets.dates import read as read_day

KINDS = [("Follow-up (an action for someone)", "followup"), ("Resolution", "resolution")]


def typed_text(screen: Screen[Any], prefix: str, error: Static, empty: str) -> str | None:
    """The text typed in `#<prefix>-text` of a follow-up's window, stripped; None when there is
    none (`empty` said in `error`, the text's field focused)."""
    area = screen.query_one(f"#{prefix}-text", TextArea)
    text = area.text.strip()
    if not text:
        error.update(empty)
        area.focus()
        return None
    return text


def owner_and_due(
    screen: Screen[Any], prefix: str, error: Static
) -> tuple[str, dt.date | None] | None:
    """The owner and due date typed in `#<prefix>-owner` and `#<prefix>-due` of a follow-up's
    window; None when one is refused (said in `error`, the date's field focused)."""
    owner = screen.query_one(f"#{prefix}-owner", Input).value.strip()
    if len(owner) > 300:
        error.update("The owner is at most 300 characters.")
        return None
    try:
        due = read_day(screen.query_one(f"#{prefix}-due", Input).value, "due")
    except TrackerError as exc:
        error.update(refusal(exc))
        screen.query_one(f"#{prefix}-due", Input).focus()
        return None
    return owner, due


class AddItemScreen(ModalScreen[Any]):
    """A resolution or follow-up typed by the officer; dismissed with its draft item."""

    CSS_PATH = "resolutions.tcss"
    BINDINGS = [
        Binding(
            "ctrl+s",
            "add",
            "Save",
            tooltip="Add it to the review list (stored when the review is saved)",
        ),  # fmt: skip
        Binding("escape", "cancel", "Cancel", tooltip="Close; nothing is added"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-dialog", classes="dialog"):
            yield Label("Add a resolution or follow-up the reader missed", classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Label("Kind", classes="form-label")
                yield Select(KINDS, value="followup", allow_blank=False, id="add-kind")
            yield TextArea(id="add-text", soft_wrap=True)
            with Horizontal(classes="form-row"):
                yield Label("Owner", classes="form-label")
                yield Input(placeholder="a role or a name", id="add-owner")
            with Horizontal(classes="form-row"):
                yield Label("Due", classes="form-label")
                yield DateInput(placeholder=f"{DATE_HINT}, or empty", id="add-due")
                yield Label("No.", classes="form-label", id="add-number-label")
                yield Input(placeholder="as minuted", id="add-number", disabled=True,
                            tooltip="A resolution's number as minuted, or empty")  # fmt: skip
            yield Static("", id="add-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Add", variant="primary", id="add-add")
                yield Button("Cancel", id="add-cancel")

    def on_mount(self) -> None:
        self.query_one("#add-text", TextArea).border_title = "text, as minuted"
        due = self.query_one("#add-due", Input)
        if self.app.size.width < 100:  # 80 columns: the date's hint whole, as in the review
            due.placeholder, due.tooltip = DATE_HINT, "Leave it empty for no due date"
        self.query_one("#add-text", TextArea).focus()

    @on(Select.Changed, "#add-kind")
    def kind_changed(self, event: Select.Changed) -> None:
        followup = event.value == "followup"
        self.query_one("#add-owner", Input).disabled = not followup
        self.query_one("#add-due", Input).disabled = not followup
        self.query_one("#add-number", Input).disabled = followup

    @on(Button.Pressed, "#add-add")
    @on(Input.Submitted)
    def action_add(self) -> None:
        from tracker.services.committees.minutes_taking import added_followup, added_resolution

        error = self.query_one("#add-error", Static)
        text = typed_text(self, "add", error, "Type its text first: it cannot be empty.")
        if text is None:
            return
        if self.query_one("#add-kind", Select).value == "resolution":
            number = self.query_one("#add-number", Input).value.strip()
            if len(number) > 40:
                error.update("The number is at most 40 characters.")
                return
            self.dismiss(added_resolution(text, number))
            return
        typed = owner_and_due(self, "add", error)
        if typed is None:
            return
        owner, due = typed
        self.dismiss(added_followup(text, owner or None, due))

    @on(Button.Pressed, "#add-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
