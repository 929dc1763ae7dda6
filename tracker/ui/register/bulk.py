"""Bulk edit and saved views in the register: set owner, board, phase, stage, start or due on
the marked actions in one batch (checked, then confirmed with the count), and choose or save a
named view of the register's filters and sort."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tracker.ui.refusals import said
from tracker.ui.widgets.dates import DateInput
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.work import work

FIELDS = (
    ("owner", "Owner (name or code)"),
    ("board", "Board (name or code)"),
    ("phase", "Phase (number)"),
    ("stage", "Stage (number)"),
    ("start", "Start"),
    ("due", "Due"),
)


class BulkEditScreen(ModalScreen[Any]):
    """Set fields on many actions: leave a field blank to keep it, type 'none' to clear it.
    Check first shows what would change and how many; Apply stores it as one batch."""

    CSS_PATH = "windows.tcss"
    BINDINGS = [Binding("escape", "close", "Close", tooltip="Close without changing anything")]

    def __init__(self, services: Services, refs: list[str]) -> None:
        super().__init__()
        self.services = services
        self.refs = refs
        self.plan: Any = None

    def compose(self) -> ComposeResult:
        with Vertical(id="bulk-window", classes="window"):
            n = len(self.refs)
            yield Static(f"Bulk edit {n} marked action{'' if n == 1 else 's'}",
                         classes="window-title")  # fmt: skip
            yield Static(
                "Leave a field blank to keep each action's value; type none to clear it.",
                classes="window-text",
            )
            with Vertical(classes="window-body"):
                for name, label in FIELDS:
                    yield Label(label)
                    dated = name in ("start", "due")  # asking for a date as every date field
                    yield (DateInput if dated else Input)(id=f"bulk-{name}")
            yield Static("", id="bulk-said", classes="window-text")
            with Horizontal(classes="buttons"):
                yield Button("Check", id="bulk-check", variant="primary")
                yield Button("Apply", id="bulk-apply", variant="warning", disabled=True)
                yield Button("Close", id="bulk-close")

    def on_mount(self) -> None:
        self.query_one("#bulk-owner", Input).focus()

    def values(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, _ in FIELDS:
            text = self.query_one(f"#bulk-{name}", Input).value.strip()
            if text:
                out[name] = None if text.lower() in ("none", "-") else text
        return out

    @on(Input.Changed)
    def edited(self) -> None:
        self.plan = None
        self.query_one("#bulk-apply", Button).disabled = True

    @on(Input.Submitted)
    @on(Button.Pressed, "#bulk-check")
    def check(self) -> None:
        self._say("Checking…")
        self._check(self.values())

    @work("check the bulk edit", exclusive=True, group="bulk")
    def _check(self, values: dict[str, object]) -> None:
        from tracker.services.actions.bulk import plan_set

        try:
            plan = plan_set(self.services.tracker(), values, self.refs)
        except Exception as exc:  # noqa: BLE001 - said in the window
            self.app.call_from_thread(self._say, said(exc), True)
            return
        self.app.call_from_thread(self._checked, plan, values)

    def _checked(self, plan: Any, values: dict[str, object]) -> None:
        if values != self.values():
            return  # typed on meanwhile
        self.plan = plan
        if not plan.changing:
            self._say(f"Nothing to change: {plan.describe()}.")
            return
        self._say(f"This will {plan.describe()}. Apply?")
        apply = self.query_one("#bulk-apply", Button)
        apply.disabled = False
        apply.focus()

    @on(Button.Pressed, "#bulk-apply")
    def apply(self) -> None:
        if self.plan is None:
            return
        self.query_one("#bulk-apply", Button).disabled = True
        self._say("Saving…")
        self._apply(self.values(), self.plan)

    @work("apply the bulk edit", exclusive=True, group="bulk", saves=True)
    def _apply(self, values: dict[str, object], plan: Any) -> None:
        from tracker.services.actions.bulk import set_fields

        try:
            result = set_fields(self.services.tracker(), values, plan.refs,
                                expected=plan.versions)  # fmt: skip
        except Exception as exc:  # noqa: BLE001 - said in the window
            self.app.call_from_thread(self._say, said(exc), True)
            return
        self.app.call_from_thread(self.dismiss, result)

    def _say(self, text: str, error: bool = False) -> None:
        line = self.query_one("#bulk-said", Static)
        line.update(text)
        line.set_class(error, "error")

    @on(Button.Pressed, "#bulk-close")
    def action_close(self) -> None:
        self.dismiss(None)


class ViewsScreen(ModalScreen[Any]):
    """Choose a saved view ("My actions" first); the register shows its filters and sort."""

    CSS_PATH = "windows.tcss"
    BINDINGS = [Binding("escape", "close", "Close", tooltip="Keep the current view")]

    def __init__(self, views: tuple[Any, ...]) -> None:
        super().__init__()
        self.views = views

    def compose(self) -> ComposeResult:
        with Vertical(id="views-window", classes="window"):
            yield Static("Saved views", classes="window-title")
            yield OptionList(
                *(
                    Option(f"{v.name}  ({v.describe()})", id=str(i))
                    for i, v in enumerate(self.views)
                ),
                id="view-options",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.views[int(event.option.id or 0)])

    def action_close(self) -> None:
        self.dismiss(None)


class SaveViewScreen(ModalScreen[str | None]):
    """Name the register's current filters and sort as a view."""

    CSS_PATH = "windows.tcss"
    BINDINGS = [Binding("escape", "close", "Close", tooltip="Do not save")]

    def compose(self) -> ComposeResult:
        with Vertical(id="save-view-window", classes="window"):
            yield Static("Save this view", classes="window-title")
            yield Label("Name")
            yield Input(id="view-name")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def named(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_close(self) -> None:
        self.dismiss(None)
