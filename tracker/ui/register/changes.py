"""The two windows that ask what becomes of a window's changes: discard them (esc with unsaved
changes), or, when someone else saved the action first, reload it and re-apply them on top."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Static


class DiscardScreen(ModalScreen[bool]):
    """Esc on a window with unsaved changes: ask before throwing them away."""

    CSS_PATH = "windows.tcss"

    BINDINGS = [
        # d discards, as in the conflict window; esc closes this window, back to the form
        Binding("d", "answer(True)", "Discard", tooltip="Close the window; the changes are lost"),
        Binding(
            "escape",
            "answer(False)",
            "Close: keep editing",
            tooltip="Back to the window, as it was",
        ),
    ]

    def __init__(self, fields: list[str]) -> None:
        super().__init__()
        self.fields = fields

    def compose(self) -> ComposeResult:
        with Vertical(id="discard-window", classes="window"):
            yield Static("Discard your changes?", classes="window-title")
            yield Static(
                Text.assemble(
                    "You changed ",
                    (", ".join(self.fields), "bold"),
                    ". Nothing has been saved yet.",
                ),
                classes="window-text",
            )
            with Horizontal(classes="buttons"):
                yield Button("Keep editing  (esc)", id="keep", variant="primary", compact=True)
                yield Button("Discard changes  (d)", id="discard-changes", variant="error",
                             compact=True)  # fmt: skip

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def action_answer(self, discard: bool) -> None:
        self.dismiss(discard)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "discard-changes")


class ConflictScreen(ModalScreen[str]):
    """Someone else saved this action first. Nothing was overwritten; the user decides."""

    BINDINGS = [
        Binding(
            "r",
            "choose('reload')",
            "Reload and re-apply",
            tooltip="Load the action as it is now and put your changes back on top",
        ),
        Binding(
            "d",
            "choose('discard')",
            "Discard my changes",
            tooltip="Close the window; the action stays as the other person saved it",
        ),
        Binding(
            "escape",
            "choose('reload')",
            "Close: back to the form",
            show=False,
            tooltip="The same as reload and re-apply",
        ),
    ]

    def __init__(self, message: str, changes: tuple[Any, ...], mine: dict[str, Any]) -> None:
        super().__init__()
        self.message = message
        self.changes = changes
        self.mine = mine

    def compose(self) -> ComposeResult:
        with Vertical(id="conflict", classes="window"):
            yield Static("Someone else changed this action", classes="window-title")
            yield Static(
                f"{self.message}\nNothing was overwritten. This is what changed:",
                classes="window-text",
            )
            table: DataTable[str] = DataTable(id="conflict-changes", show_cursor=False)
            yield table
            mine = "; ".join(f"{label(k)}: {_show(v)}" for k, v in self.mine.items())
            yield Static(
                Text.assemble(("Your changes: ", "bold"), mine or "none"), classes="window-text"
            )
            with Horizontal(classes="buttons"):
                yield Button("Reload and re-apply my changes  (r)", id="reload", variant="primary")
                yield Button("Discard my changes  (d)", id="discard", variant="error")

    def on_mount(self) -> None:
        if self.app.size.width < 100:  # 80 columns: both buttons in sight
            for button in self.query(Button):
                button.compact = True
        table = self.query_one(DataTable)
        table.add_columns("Field", "When you opened it", "Now in the database", "Changed by")
        if not self.changes:
            table.add_row("(details)", "-", "changed by another save", "-")
        cut = 22 if self.app.size.width >= 100 else 16  # at 80 columns "Changed by" keeps 21
        for c in self.changes:  # who on one line, when on the next: one line cut the time off
            who, _, when = c.changed_by().rpartition(", ")
            table.add_row(label(c.field), _clip(c.yours, cut), _clip(c.theirs, cut),
                          f"{who}\n{when}" if who else when, height=None)  # fmt: skip

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)


LABELS = {
    "note": "commentary", "rag": "RAG", "progress": "% complete", "depends_on": "depends on",
    "lead_organisation": "lead organisation",
}  # fmt: skip


def label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " "))


def _clip(text: str, width: int = 36) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _show(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "none"
    return _clip("-" if value in (None, "") else str(value), 40)
