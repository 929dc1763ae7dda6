"""Updating or closing one follow-up: owner, due date, status, plan action, and a response."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from tracker.errors import TrackerError
from tracker.ui.register.changes import DiscardScreen
from tracker.ui.resolutions.common import call_service, refusal
from tracker.ui.widgets.dates import DateInput
from tracker.ui.widgets.dates import read as read_day
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.text import day
from tracker.ui.widgets.work import WorkFailed, work
from tracker.vocabulary import FOLLOWUP_STATUSES

if TYPE_CHECKING:
    from tracker.services.committees.followups import FollowUpDetail, FollowUpRow


class FollowUpLoaded(Message):
    def __init__(self, detail: FollowUpDetail, people: tuple[tuple[str, str], ...]) -> None:
        self.detail = detail
        self.people = people
        super().__init__()


class FollowUpSaved(Message):
    def __init__(self, row: FollowUpRow) -> None:
        self.row = row
        super().__init__()


class FollowUpRefused(Message):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()


class FollowUpScreen(ModalScreen[Any]):
    """Change a follow-up and/or record a response; closing needs a response."""

    CSS_PATH = "resolutions.tcss"
    BINDINGS = [
        Binding(
            "ctrl+s",
            "save",
            "Save",
            tooltip="Store the changed owner, due date, status or response",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing the follow-up"),
    ]

    def __init__(self, services: Services, row: Any, *, closing: bool = False) -> None:
        super().__init__()
        self.services = services
        self.row = row
        self.closing = closing

    def compose(self) -> ComposeResult:
        r = self.row
        meeting = day(r.meeting_date) if r.meeting_date else "undated meeting"
        origin = f"resolution {r.resolution}" if r.resolution else r.came_from
        with Vertical(id="fu-dialog", classes="dialog"):
            yield Label(
                f"{'Close' if self.closing else 'Update'} follow-up #{r.id}", classes="dialog-title"
            )
            yield Static(
                f"{r.committee_name}, {meeting}, {origin}:\n{r.text}", id="fu-text", markup=False
            )
            with VerticalScroll(id="fu-body", can_focus=False):  # 80x24: it scrolls, the
                # error and the buttons under it stay in sight
                with Horizontal(classes="form-row"):
                    yield Label("Owner", classes="form-label")
                    yield Input(r.owner_text or "", placeholder="a role or a name", id="fu-owner")
                    yield Select([], prompt="person (optional)", id="fu-person")
                with Horizontal(classes="form-row"):
                    yield Label("Due", classes="form-label")
                    yield DateInput(r.due, id="fu-due")
                    yield Label("Status", classes="form-label", id="fu-status-label")
                    yield Select(
                        [(s, s) for s in FOLLOWUP_STATUSES],
                        value=r.status,
                        allow_blank=False,
                        id="fu-status",
                    )
                with Horizontal(classes="form-row"):
                    yield Label("Plan action", classes="form-label")
                    yield Input(
                        r.action or "", placeholder="action ref, e.g. P1-03", id="fu-action"
                    )
                yield Static("", id="fu-history", markup=False)
                yield Label("Response (needed to close; ctrl+s closes it as done)" if self.closing
                            else "Response (needed to close)")  # fmt: skip
                yield TextArea(id="fu-response", soft_wrap=True)
            yield Static("", id="fu-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="default" if self.closing else "primary",
                             id="fu-save")  # fmt: skip
                yield Button("Close as done", variant="success", id="fu-done")
                yield Button("Drop", variant="warning", id="fu-drop")
                yield Button("Cancel", id="fu-cancel")

    def on_mount(self) -> None:
        self.load_followup()
        target = "#fu-response" if self.closing else "#fu-owner"
        self.query_one(target).focus()

    @work("read the follow-up")
    def load_followup(self) -> None:
        from tracker.services.committees.followups import get_followup
        from tracker.services.lookup import people_choices

        try:
            detail = call_service(self.services, lambda t: get_followup(t, self.row.id))
            people = call_service(self.services, people_choices)
        except TrackerError as exc:
            self.post_message(FollowUpRefused(refusal(exc)))
            return
        self.post_message(FollowUpLoaded(detail, people))

    def on_follow_up_loaded(self, message: FollowUpLoaded) -> None:
        history = [
            f"{day(r.recorded_at)} {r.recorded_by}: {r.status}" + (f" - {r.text}" if r.text else "")
            for r in message.detail.responses
        ]
        self.query_one("#fu-history", Static).update(
            "Responses so far:\n" + "\n".join(history) if history else "No responses yet."
        )
        select = self.query_one("#fu-person", Select)
        select.set_options([(label, code) for code, label in message.people])
        if self.row.owner_code:
            select.value = self.row.owner_code

    @on(Button.Pressed, "#fu-cancel")
    def action_cancel(self) -> None:
        """Close; a changed field or a typed response is asked about first."""
        try:
            changed = list(self._changes())
        except TrackerError:  # a date half typed is a change too
            changed = ["due"]
        if self.query_one("#fu-status", Select).value != self.row.status:
            changed.append("status")
        if not changed:
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(DiscardScreen(changed), decided)

    def _changes(self) -> dict[str, Any]:
        """Only what the officer changed, so the service audits exactly that."""
        r = self.row
        kwargs: dict[str, Any] = {}
        chosen = self.query_one("#fu-person", Select).value
        code = chosen if isinstance(chosen, str) else None
        owner_text = self.query_one("#fu-owner", Input).value.strip()
        if code and code != r.owner_code:
            kwargs["owner"] = code
        elif owner_text != (r.owner_text or "") or (code is None and r.owner_code):
            kwargs["owner"] = owner_text or None
        due = read_day(self.query_one("#fu-due", Input).value, "due")
        if due != r.due:
            kwargs["due"] = due
        action = self.query_one("#fu-action", Input).value.strip()
        if action != (r.action or ""):
            kwargs["action"] = action or None
        response = self.query_one("#fu-response", TextArea).text.strip()
        if response:
            kwargs["response"] = response
        return kwargs

    def action_save(self) -> None:
        if self.closing:  # opened to close it (x): ctrl+s closes it, as the label says
            self.close_done()
        else:
            self.save_changes()

    @on(Button.Pressed, "#fu-save")
    def save_changes(self) -> None:
        status = self.query_one("#fu-status", Select).value
        self._submit(status if isinstance(status, str) and status != self.row.status else None)

    @on(Button.Pressed, "#fu-done")
    def close_done(self) -> None:
        self._submit("done")

    @on(Button.Pressed, "#fu-drop")
    def close_dropped(self) -> None:
        self._submit("dropped")

    def _submit(self, status: str | None) -> None:
        try:
            kwargs = self._changes()
        except TrackerError as exc:
            self.query_one("#fu-error", Static).update(refusal(exc))
            return
        if status is not None:
            kwargs["status"] = status
        self.query_one("#fu-error", Static).update("Saving…")
        self.save(kwargs)

    @work("save the follow-up", exclusive=True, saves=True)
    def save(self, kwargs: dict[str, Any]) -> None:
        from tracker.services.committees.followup_updates import update_followup

        row = self.row
        try:
            saved = call_service(
                self.services,
                lambda t: update_followup(t, row.id, expected_version=row.version, **kwargs),
            )
        except TrackerError as exc:
            self.post_message(FollowUpRefused(refusal(exc)))
            return
        self.post_message(FollowUpSaved(saved))

    def on_work_failed(self, message: WorkFailed) -> None:
        """An error the work did not expect (tracker/ui/widgets/work.py): said here, in the
        window's own error line, and the window usable again."""
        message.stop()
        self.on_follow_up_refused(FollowUpRefused(message.text))

    def on_follow_up_refused(self, message: FollowUpRefused) -> None:
        self.query_one("#fu-error", Static).update(message.text)

    def on_follow_up_saved(self, message: FollowUpSaved) -> None:
        self.dismiss(message.row)
