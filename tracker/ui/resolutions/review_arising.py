"""A follow-up arising from a resolution, made in the minutes review (review.py): A on a
resolution's row opens this window with the resolution's text as the task; the officer edits it,
types or chooses the owner, gives a due date, and Ctrl+S adds it to the review list, linked to
that resolution (saved with it, in the same transaction, whatever its number)."""

from __future__ import annotations

import dataclasses
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from tracker.ui.resolutions.add_item import owner_and_due, typed_text
from tracker.ui.resolutions.common import short
from tracker.ui.resolutions.review_rows import Entry
from tracker.ui.widgets.dates import DATE_HINT, DateInput


class ArisingScreen(ModalScreen[Any]):
    """A follow-up of one resolution: its task, owner and due date; dismissed with its Entry."""

    CSS_PATH = "resolutions.tcss"
    BINDINGS = [
        Binding(
            "ctrl+s",
            "add",
            "Save",
            tooltip="Add the follow-up to the review list, linked to the resolution (stored "
            "when the review is saved)",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Close; no follow-up is added"),
    ]

    def __init__(self, resolution: Entry, index: int, people: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.resolution = resolution
        self.index = index
        self.people = people

    def compose(self) -> ComposeResult:
        r = self.resolution.item
        named = f"resolution {r.number}" if r.number else "the resolution"
        where = f" under item {r.item}" if r.item else ""
        with Vertical(id="arise-dialog", classes="dialog"):
            yield Label(f"Follow-up arising from {named}{where}", classes="dialog-title")
            yield Static(short(r.text, 200), classes="hint", markup=False)
            yield TextArea(" ".join(r.text.split()), id="arise-text", soft_wrap=True)
            with Horizontal(classes="form-row"):
                yield Label("Owner", classes="form-label")
                yield Input(placeholder="a role or a name", id="arise-owner")
                yield Select(
                    [(label, code) for code, label in self.people],
                    prompt="person (optional)", id="arise-person",
                )  # fmt: skip
            with Horizontal(classes="form-row"):
                yield Label("Due", classes="form-label")
                yield DateInput(placeholder=f"{DATE_HINT}, or empty", id="arise-due")
            yield Static("", id="arise-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Add follow-up", variant="primary", id="arise-add")
                yield Button("Cancel", id="arise-cancel")

    def on_mount(self) -> None:
        self.query_one("#arise-text", TextArea).border_title = "the task (the resolution's text)"
        if self.app.size.width < 100:
            due = self.query_one("#arise-due", Input)
            due.placeholder, due.tooltip = DATE_HINT, "Leave it empty for no due date"
        self.query_one("#arise-owner", Input).focus()

    @on(Button.Pressed, "#arise-add")
    @on(Input.Submitted)
    def action_add(self) -> None:
        from tracker.services.committees.minutes_taking import followup_arising

        error = self.query_one("#arise-error", Static)
        text = typed_text(self, "arise", error, "The task cannot be empty.")
        if text is None:
            return
        typed = owner_and_due(self, "arise", error)
        if typed is None:
            return
        owner, due = typed
        chosen = self.query_one("#arise-person", Select).value
        code = chosen if isinstance(chosen, str) else None
        item = followup_arising(self.resolution.item, self.index, text, owner or None, due, code)
        person = dict(self.people).get(code) if code else None
        self.dismiss(Entry("followup", item, True, False, person, code,
                           arises_from=self.resolution))  # fmt: skip

    @on(Button.Pressed, "#arise-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def drafted(kept: list[Entry]) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """The kept entries as the draft's resolutions and follow-ups; a follow-up made from a
    resolution points at that resolution's place among them (with its number as edited), or at
    none when the resolution is not kept."""
    resolutions = [e for e in kept if e.kind == "resolution"]
    followups = []
    for e in kept:
        if e.kind != "followup":
            continue
        if e.arises_from is not None:
            at = next((i for i, r in enumerate(resolutions) if r is e.arises_from), None)
            number = e.arises_from.item.number or None if at is not None else None
            e.item = dataclasses.replace(e.item, resolution_index=at, resolution=number)
        followups.append(e.item)
    return tuple(r.item for r in resolutions), tuple(followups)
