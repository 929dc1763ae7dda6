"""The minutes review's question when saving is refused as a likely duplicate (a meeting on
another date already holds the same resolutions word for word): y records them as another
meeting after all; Esc goes back to the review, from where Esc again reaches the date."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from tracker.errors import TrackerError


class DuplicateRefused(Message):
    """Saving was refused: these minutes look like another meeting's."""

    def __init__(self, text: str, draft: object) -> None:
        self.text = text
        self.draft = draft
        super().__init__()


def is_duplicate(exc: TrackerError) -> bool:
    return exc.remedy == "confirm another meeting"


class AnotherMeetingScreen(ModalScreen[bool]):
    """The refusal in full and what the officer can do: record them as another meeting (y), or
    go back (Esc) and import them with the other meeting's date."""

    CSS_PATH = "resolutions.tcss"
    BINDINGS = [
        Binding(
            "y",
            "answer(True)",
            "Record as another meeting",
            tooltip="These minutes are another meeting's: record them on the date given",
        ),
        Binding(
            "escape",
            "answer(False)",
            "Close: back to the review",
            tooltip="Back to the review, nothing stored; Esc again goes to the date",
        ),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="dup-dialog", classes="dialog"):
            yield Label("Another meeting's minutes?", classes="dialog-title")
            yield Static(self.text, id="dup-text", markup=False)
            yield Static(
                "If these are the minutes of that meeting, go back (Esc) and import them with "
                "its date. If they are another meeting's, record them on the date given (y).",
                classes="hint", markup=False,
            )  # fmt: skip
            with Horizontal(classes="buttons"):
                yield Button("Record as another meeting  (y)", id="dup-record", variant="warning")
                yield Button("Back  (esc)", id="dup-back", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#dup-back", Button).focus()

    def action_answer(self, record: bool) -> None:
        self.dismiss(record)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "dup-record")
