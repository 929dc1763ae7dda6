"""Importing minutes in the app, step 1: where the minutes come from (a file, its name
completed as typed, or pasted text) and which meeting they record; Enter in a field reads them,
and the review (tracker/ui/resolutions/review.py) follows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from tracker.errors import InvalidInput, TrackerError
from tracker.ui.resolutions.common import call_service, refusal
from tracker.ui.resolutions.review import ImportRefused, ReviewScreen
from tracker.ui.widgets.dates import DateInput
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.paths import PathSuggester
from tracker.ui.widgets.progress import TaskProgressed, progress_reporter
from tracker.ui.widgets.tick import TickBox
from tracker.ui.widgets.work import WorkFailed, work

if TYPE_CHECKING:
    from tracker.services.committees.minutes_preview import ImportPreview
    from tracker.services.context import Tracker


class PreviewReady(Message):
    def __init__(self, preview: ImportPreview, people: tuple[tuple[str, str], ...]) -> None:
        self.preview = preview
        self.people = people
        super().__init__()


# the dialog's field for each field a refusal names
_FIELDS = {"committee": "#imp-committee", "date": "#imp-date", "item title": "#imp-title"}


class ImportMinutesScreen(ModalScreen[Any]):
    """Step 1: where the minutes come from, and which meeting they record."""

    CSS_PATH = "resolutions.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without importing anything")]

    def __init__(self, services: Services, committee: str | None = None) -> None:
        super().__init__()
        self.services = services
        self.committee = committee or ""

    def compose(self) -> ComposeResult:
        with Vertical(id="imp-dialog", classes="dialog"):
            yield Label("Import minutes", classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Label("Committee", classes="form-label")
                yield Input(self.committee, placeholder="code or name", id="imp-committee")
                yield TickBox("create it if new", id="imp-create")
            with Horizontal(classes="form-row"):
                yield Label("Meeting date", classes="form-label")
                yield DateInput(id="imp-date")
                yield Label("Item title", classes="form-label", id="imp-title-label")
                yield Input(placeholder="as read from the minutes", id="imp-title")
            with Horizontal(classes="form-row"):
                yield Label("Minutes file", classes="form-label")
                yield Input(placeholder="a path (→ completes a name), or paste the text below",
                            suggester=PathSuggester(), id="imp-path")  # fmt: skip
            yield TextArea(id="imp-text", soft_wrap=True)
            yield Static("", id="imp-error", classes="error", markup=False)
            yield Static("Enter in a field reads the minutes; Tab moves on; Esc closes.",
                         classes="hint", markup=False)  # fmt: skip
            with Horizontal(classes="buttons"):
                yield Button("Read minutes", variant="primary", id="imp-read")
                yield Button("Cancel", id="imp-cancel")

    def on_mount(self) -> None:
        self.query_one("#imp-text", TextArea).border_title = "or paste the minutes here"
        if self.app.size.width < 100:  # 80 columns left the title's hint 6 wide: "as rea"
            self.query_one("#imp-date", Input).styles.width = 31  # its own hint, whole
            self.query_one("#imp-title-label", Label).styles.width = "auto"
            title = self.query_one("#imp-title", Input)
            title.placeholder, title.tooltip = "optional", "As read from the minutes if blank"
        target = "#imp-date" if self.committee else "#imp-committee"
        self.query_one(target, Input).focus()

    @on(Button.Pressed, "#imp-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#imp-read")
    @on(Input.Submitted, "#imp-dialog Input")
    def read(self) -> None:
        self.query_one("#imp-error", Static).update("Reading…")
        self.read_minutes(
            committee=self.query_one("#imp-committee", Input).value,
            date=self.query_one("#imp-date", Input).value,
            title=self.query_one("#imp-title", Input).value or None,
            path=self.query_one("#imp-path", Input).value.strip(),
            text=self.query_one("#imp-text", TextArea).text,
            create=self.query_one("#imp-create", Checkbox).value,
        )

    @work("read the minutes", exclusive=True)
    def read_minutes(
        self, *, committee: str, date: str, title: str | None, path: str, text: str, create: bool
    ) -> None:
        from tracker.services.committees.minutes_draft import draft_minutes, read_minutes
        from tracker.services.committees.minutes_preview import preview_import
        from tracker.services.lookup import people_choices

        progress = progress_reporter(self.post_message)  # the phases the CLI's bar shows

        def run(t: Tracker) -> tuple[ImportPreview, tuple[tuple[str, str], ...]]:
            source = path or None
            progress("reading the file" if path else "reading the text", 0, None)
            body = read_minutes(path) if path else text
            progress("finding resolutions and follow-ups", 0, body.count("\n") + 1)
            draft = draft_minutes(body, title=title, source=source, page=True)
            items = len(draft.resolutions) + len(draft.followups)
            progress("checking them against the record", 0, items)
            preview = preview_import(
                t, draft, committee=committee, date=date, create_committee=create
            )
            progress("checked", items, items)
            return preview, people_choices(t)

        try:
            preview, people = call_service(self.services, run)
        except TrackerError as exc:
            field = exc.problems[0].field if isinstance(exc, InvalidInput) else None
            self.post_message(ImportRefused(refusal(exc), field))
            return
        self.post_message(PreviewReady(preview, people))

    def on_task_progressed(self, message: TaskProgressed) -> None:
        self.query_one("#imp-error", Static).update(message.describe())

    def on_work_failed(self, message: WorkFailed) -> None:
        """An error the work did not expect (tracker/ui/widgets/work.py): said here, in the
        window's own error line, and the window usable again."""
        message.stop()
        self.on_import_refused(ImportRefused(message.text))

    def on_import_refused(self, message: ImportRefused) -> None:
        self.query_one("#imp-error", Static).update(message.text)
        field = _FIELDS.get(message.field or "")
        if field:  # the field refused has the focus, to be put right where it is
            self.query_one(field, Input).focus()

    def on_preview_ready(self, message: PreviewReady) -> None:
        self.query_one("#imp-error", Static).update("")

        def reviewed(result: Any) -> None:
            if result is not None:  # saved: this dialog is done too; cancelled: stay here
                self.dismiss(result)

        self.app.push_screen(ReviewScreen(self.services, message.preview, message.people), reviewed)
