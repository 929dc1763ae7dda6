"""The small windows of the register: record a status update, cancel an action, choose a sort."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from tracker.errors import Problem
from tracker.ui.register.detail import pace_line
from tracker.ui.register.form import FormScreen, headline
from tracker.ui.register.messages import FormData
from tracker.ui.register.view import RAG_OPTIONS, SORT_LABELS, STATUS_OPTIONS
from tracker.ui.widgets.field import Field
from tracker.vocabulary import COMMENTARY_RAGS, OPEN_STATUSES, greener

if TYPE_CHECKING:
    from tracker.services.actions.detail import ActionDetail
    from tracker.services.actions.edit import EditResult
    from tracker.services.actions.updates import UpdateResult
    from tracker.services.context import Tracker
    from tracker.ui.register.messages import Saved

NOTE_RULE = (
    "Commentary is required when the RAG is amber or red, when the action is past its due "
    "date, and when cancelling."
)


class StatusUpdateScreen(FormScreen):
    """Status, RAG, % complete and commentary, saved as a StatusUpdate by the settings' user."""

    CSS_PATH = "windows.tcss"
    ERROR_FIELDS = ("status", "rag", "progress", "note")
    AUTO_FOCUS = "#status"

    def compose(self) -> ComposeResult:
        with Vertical(id="status-window", classes="window"):
            yield Static("Record a status update", classes="window-title")
            yield Static("Reading the action…", id="headline", classes="window-text")
            with VerticalScroll(classes="window-body", can_focus=False):
                with Horizontal(classes="row"):
                    yield Field(
                        "Status", Select(STATUS_OPTIONS, allow_blank=False, id="status"), "status"
                    )
                    yield Field(
                        "RAG", Select(RAG_OPTIONS, allow_blank=False, value="none", id="rag"), "rag"
                    )
                    yield Field(
                        "% complete",
                        Input(placeholder="0-100", type="integer", id="progress"),
                        "progress",
                    )
                yield Field(
                    "Commentary",
                    TextArea(id="note", soft_wrap=True, show_line_numbers=False),
                    "note",
                    hint=NOTE_RULE,
                )
                # under the fields: at 80x24 the rule above them pushed a refused field's
                # neighbours (the commentary box) out of sight
                yield Static("", id="pace-rule", classes="window-text")
            acting = self.services.acting()
            yield Static(
                Text.assemble(
                    ("Recorded by ", "dim"),
                    (acting or self.services.settings.user, "bold"),
                    (" (your account)" if acting else " (user.name in tracker.toml)", "dim"),
                ),
                classes="window-text",
            )
            yield from self.buttons("Save the update")

    def read(self, t: Tracker) -> FormData:
        from tracker.services.accounts.permissions import may
        from tracker.services.actions.detail import get_action

        data = super().read(t)
        if self.base is not None and self.base.pace is None:  # given without its pace
            data["base"] = get_action(t, self.base.ref, history=1)
        if not t.unrestricted:
            ref = self.ref or (self.base.ref if self.base is not None else None)
            data["refusal"] = may(t, "record updates", action=ref) if ref else None
        return data

    def show_headline(self) -> None:
        """The action as read, with the RAG its progress suggests and the rule behind it."""
        if self.base is None or not self.query("#headline"):
            return
        shown = headline(self.base)
        shown.no_wrap = False  # the pace and its rule wrap (the edit window's lines are cut)
        rule = Text()
        if self.base.pace is not None:
            shown.append("\n")
            shown.append_text(pace_line(self.base.pace))
            shown.rstrip()
            rule.append(self.base.rule, style="dim")
        self.query_one("#headline", Static).update(shown)
        self.query_one("#pace-rule", Static).update(rule)

    def reopened(self) -> None:
        super().reopened()
        self.set_focus(self.query_one("#status", Select), scroll_visible=False)

    def loaded(self, data: FormData) -> None:
        super().loaded(data)
        if self.base is not None:
            self.show_headline()
            self._note_label()
            if self.focused is None or isinstance(self.focused, Button):
                # not from a field the person is already typing in (the read can come late)
                self.query_one("#status", Select).focus()
        # the account may not: say so before anything is typed (the window is reused: set both ways)
        self.query_one("#save", Button).disabled = bool(data.get("refusal"))
        if data.get("refusal"):
            self.show_problems([Problem("", f"Not permitted: {data['refusal']}.")])

    def base_values(self, detail: ActionDetail) -> dict[str, Any]:
        r = detail.row
        return {"status": r.status, "rag": r.rag or "none", "progress": str(r.progress), "note": ""}

    def form_values(self) -> dict[str, Any]:
        return {
            "status": self.query_one("#status", Select).value,
            "rag": self.query_one("#rag", Select).value,
            "progress": self.query_one("#progress", Input).value.strip(),
            "note": self.query_one("#note", TextArea).text,
        }

    def fill(self, values: dict[str, Any]) -> None:
        self.query_one("#status", Select).value = values["status"]
        self.query_one("#rag", Select).value = values["rag"]
        self.query_one("#progress", Input).value = values["progress"]
        self.query_one("#note", TextArea).text = values["note"]

    @on(Select.Changed)
    def _note_label(self) -> None:
        if self.base is None:
            return
        values = self.form_values()
        why = []
        if values["rag"] in COMMENTARY_RAGS:
            why.append(f"the RAG is {values['rag']}")
        if values["status"] == "cancelled":
            why.append("cancelling")
        elif self.base.row.overdue and values["status"] in OPEN_STATUSES:
            # the service's rule: past its due date or, without one, its phase's end
            row = self.base.row
            late = row.due or row.implied_due
            when = f", {late.day} {late:%b %Y}" if late else ""
            why.append(("past its due date" if row.due else "past its phase's end") + when)
        suggested = self.base.pace.suggested if self.base.pace is not None else None
        if not why and greener(values["rag"], suggested):  # the service's rule, in its order
            why.append(f"greener than the suggested {suggested}")
        label = "Commentary" + (f"  (required: {', '.join(why)})" if why else "")
        self.query_one("#field-note Label", Label).update(label)

    def write(self, t: Tracker, values: dict[str, Any], changes: dict[str, Any]) -> UpdateResult:
        from tracker.errors import InvalidInput, Problem
        from tracker.services.actions.updates import record_update

        text = values["progress"]
        if not text.lstrip("-").isdigit():
            raise InvalidInput(Problem("progress", "required: a whole number", "0-100"))
        base = self.started_from()
        return record_update(
            t, base.ref, status=values["status"],
            rag=None if values["rag"] == "none" else values["rag"], progress=int(text),
            note=values["note"], expected_version=base.version,
        )  # fmt: skip

    def saved_message(self, result: Saved) -> str:
        from tracker.services.actions.updates import UpdateResult

        assert isinstance(result, UpdateResult)  # what write returns
        rag = result.rag or "RAG not assessed"  # said back whole, as the CLI says it
        return (
            f"Status update recorded for {result.ref}: {result.status}, {rag}, {result.progress}%."
        )


class CancelActionScreen(FormScreen):
    """Cancel with a reason. The action stays in the register, its history kept."""

    CSS_PATH = "windows.tcss"
    ERROR_FIELDS = ("reason", "status")

    def compose(self) -> ComposeResult:
        with Vertical(id="cancel-window", classes="window"):
            yield Static("Cancel an action", classes="window-title")
            yield Static("Reading the action…", id="headline", classes="window-text")
            yield Static(
                "A cancelled action stays in the register and keeps its history; the reason is "
                "recorded as its last status update.",
                classes="window-text",
            )
            yield Field("Why is it cancelled?", TextArea(id="reason", soft_wrap=True), "reason")
            yield from self.buttons("Cancel the action")

    def loaded(self, data: FormData) -> None:
        super().loaded(data)
        if self.base is not None:
            self.show_headline()
            self.query_one("#reason", TextArea).focus()

    def base_values(self, detail: ActionDetail) -> dict[str, Any]:
        return {"reason": ""}

    def form_values(self) -> dict[str, Any]:
        return {"reason": self.query_one("#reason", TextArea).text}

    def fill(self, values: dict[str, Any]) -> None:
        self.query_one("#reason", TextArea).text = values["reason"]

    def write(self, t: Tracker, values: dict[str, Any], changes: dict[str, Any]) -> EditResult:
        from tracker.services.actions.edit import cancel_action

        base = self.started_from()
        return cancel_action(t, base.ref, base.version, values["reason"])

    def saved_message(self, result: Saved) -> str:
        return f"{result.ref} is cancelled; it stays in the register with its history."


class SortScreen(ModalScreen[str]):
    """Choose the column to sort by; choosing the current one reverses the order."""

    CSS_PATH = "windows.tcss"
    BINDINGS = [Binding("escape", "close", "Close", tooltip="Keep the current order")]

    def __init__(self, current: str, descending: bool) -> None:
        super().__init__()
        self.current = current
        self.descending = descending

    def compose(self) -> ComposeResult:
        with Vertical(id="sort-window", classes="window"):
            yield Static("Sort the register by", classes="window-title")
            options = []
            for key, label in SORT_LABELS.items():
                mark = " ▼ (enter: ascending)" if self.descending else " ▲ (enter: descending)"
                options.append(Option(label + (mark if key == self.current else ""), id=key))
            yield OptionList(*options, id="sort-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(SORT_LABELS).index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
