"""Importing minutes in the app, step 2: review the extracted items (edit, drop, assign owner
and due date), with why each was taken and what the reader left, before one save. Step 1, where
the minutes come from, is tracker/ui/resolutions/import_minutes.py."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, DataTable, Input, Label, Select, Static

from tracker.errors import TrackerError
from tracker.ui.register.changes import DiscardScreen
from tracker.ui.resolutions.common import call_service, refusal
from tracker.ui.resolutions.page_list import PageList
from tracker.ui.resolutions.review_arising import drafted
from tracker.ui.resolutions.review_duplicate import (
    AnotherMeetingScreen,
    DuplicateRefused,
    is_duplicate,
)
from tracker.ui.resolutions.review_edit import EditingItems
from tracker.ui.resolutions.review_page import FindInput
from tracker.ui.resolutions.review_rows import Entry, Widths, row, why
from tracker.ui.resolutions.review_taking import ReviewText, source_of
from tracker.ui.resolutions.unsure_list import UnsureList, unsure_title
from tracker.ui.widgets.dates import DATE_HINT, DateInput
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.progress import TaskProgressed, progress_reporter
from tracker.ui.widgets.text import day
from tracker.ui.widgets.work import WorkFailed, work
from tracker.vocabulary import counted

if TYPE_CHECKING:
    from tracker.services.committees.minutes_import import ImportResult
    from tracker.services.committees.minutes_preview import ImportPreview


class ImportSaved(Message):
    def __init__(self, result: ImportResult) -> None:
        self.result = result
        super().__init__()


class ImportRefused(Message):
    def __init__(self, text: str, field: str | None = None) -> None:
        self.text = text
        self.field = field  # the field refused ("date", "committee"), when it is one
        super().__init__()


class ReviewScreen(EditingItems):
    """Step 2: every extracted item, editable; drop what should not be recorded; take what the
    reader left, or add what it missed; save once."""

    CSS_PATH = "resolutions.tcss"
    BINDINGS = [
        Binding(
            "d",
            "toggle_drop",
            "Drop / keep",
            tooltip="Leave the highlighted item out of the record (again: keep it); one you "
            "took or added is taken out of the list",
        ),
        Binding(
            "R",
            "take('resolution')",
            "Take as resolution",
            tooltip="Take the highlighted line the reader left, or unit of the whole page, as a "
            "resolution (its text without its label; under the item it sits under)",
        ),
        Binding(
            "A",
            "take('followup')",
            "Take as follow-up",
            tooltip="Take the highlighted line the reader left, or unit of the whole page, as a "
            "follow-up (the owner and task read from it; no due date yet); on a resolution's "
            "row of the items, a follow-up arising from it (its owner and due date to give)",
        ),
        Binding(
            "P",
            "toggle_page",
            "Whole page",
            tooltip="Show the whole page as the reader cut it, one unit (a line, cell or "
            "sentence) a row, in place of the lines it left (again: those lines); R or A takes "
            "any unit",
        ),
        Binding(
            "slash",
            "find",
            "Search",
            key_display="/",
            tooltip="Find a word on the whole page: the first unit holding it; Enter (or ↓) the "
            "next, ↑ the one before, Esc back to the page",
        ),
        Binding(
            "e",
            "edit",
            "Edit text, item, owner, due",
            tooltip="Edit the highlighted item: its text, agenda item, owner, due (on a line "
            "you took: what you took from it); Enter applies and comes back to the list",
        ),
        Binding(
            "n",
            "add",
            "New by hand",
            tooltip="Add a resolution or follow-up the reader missed: its text, owner and due",
        ),
        Binding(
            "ctrl+s",
            "save",
            "Save",
            tooltip="Record the kept items: resolutions, decisions and follow-ups",
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Close; nothing from the minutes is stored"),
    ]

    def __init__(
        self, services: Services, preview: ImportPreview, people: tuple[tuple[str, str], ...]
    ) -> None:
        super().__init__()
        self.services = services
        self.preview = preview
        self.people = people
        self.entries: list[Entry] = [
            Entry("resolution", r.item, keep=not r.recorded, recorded=r.recorded)
            for r in preview.resolutions
        ] + [
            Entry(
                "followup",
                f.item,
                keep=not f.recorded,
                recorded=f.recorded,
                person=f.person,
                person_code=f.person_code,
            )
            for f in preview.followups
        ]
        self.current: int | None = None
        self.widths = Widths()
        self.columns = 6
        self.changed: list[str] = []  # what the officer changed in review, for Esc to name
        # numbers told apart by their item ("7 (2)"): beside the item, the page's own is shown
        self.made = {
            r.number: r.printed for r in preview.draft.resolutions if r.printed is not None
        }

    def compose(self) -> ComposeResult:
        p = self.preview
        with Vertical(id="rev-dialog", classes="dialog"):
            yield Label("Review before saving", classes="dialog-title")
            yield Static(
                "↑↓ picks an item; Tab: the lines the reader left (R, A take one); e edits "
                "(Enter applies); d drops, n adds, Ctrl+S saves, Esc goes back.",
                classes="hint", markup=False,
            )  # fmt: skip
            committee = (
                f"{p.committee_name} (new committee)" if p.create_committee else p.committee_name
            )
            meeting = "recorded meeting" if p.meeting_id else "new meeting"
            if p.meeting_title:  # what the new meeting will be called
                meeting += f" “{p.meeting_title}”"
            if p.merge_undated:
                meeting = "merges into the undated meeting with the same resolutions"
            for n in p.near_duplicates:
                meeting += (f"; POSSIBLE DUPLICATE of the meeting of {day(n.date)} "
                            f"({counted(n.same, 'resolutions')} the same, word for word)")  # fmt: skip
            items = ("items: " if p.draft.items_read() else "item: ") + p.draft.items_said()
            head = f"{committee} — {day(p.date)} ({meeting}) — {items}"
            said = Static(head, id="rev-head", markup=False)
            said.tooltip = head  # whole: at 80 columns the head is one line, cut
            yield said
            yield DataTable(id="rev-items", cursor_type="row")
            # what the reader left, each with why: a list to move through and take from
            yield Static(unsure_title(len(p.draft.unsure)), id="rev-unsure-title", markup=False)
            yield UnsureList(p.draft.unsure, id="rev-unsure")
            yield PageList(p.draft.page, id="rev-page")
            yield FindInput(placeholder="a word to find on the page", id="rev-find")
            with VerticalScroll(id="rev-form", can_focus=False):
                yield Static("", id="rev-why", markup=False)
                yield ReviewText(id="rev-text", soft_wrap=True)
                with Horizontal(classes="form-row"):
                    yield Label("Owner", classes="form-label")
                    yield Input(placeholder="as minuted, a role or a name", id="rev-owner")
                    yield Select(
                        [(label, code) for code, label in self.people],
                        prompt="person (optional)", id="rev-person",
                    )  # fmt: skip
                with Horizontal(classes="form-row"):
                    yield Label("Due", classes="form-label")
                    yield DateInput(placeholder=f"{DATE_HINT}, or empty", id="rev-due")
                    yield Input(placeholder="No.", id="rev-number", tooltip="The resolution's "
                                "number as minuted (one you took or added)")  # fmt: skip
                    yield Label("Item", classes="form-label", id="rev-item-label")
                    yield Input(placeholder="6", id="rev-item", tooltip="The agenda item "
                                "or minute it was minuted under, as the page numbers it")  # fmt: skip
                # a row of their own: beside the fields they ran past 80 columns
                with Horizontal(classes="form-row", id="rev-edit-buttons"):
                    yield Button("Apply edit", id="rev-apply", tooltip="Enter in a field")
                    yield Button("Drop / keep", id="rev-toggle", tooltip="d")
            yield Static("", id="rev-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="rev-save")
                yield Button("Cancel", id="rev-cancel")

    def on_mount(self) -> None:
        table = self.query_one("#rev-items", DataTable)
        # the dialog is 96% of the screen (at most 140) less border, padding and scrollbar
        inner = min(140, int(self.app.size.width * 0.96)) - 6
        fixed = {"Keep": 5, "Item": 16, "Owner": 24, "Due": 11, "Note": 15}
        due = self.query_one("#rev-due", Input)
        due.styles.width = len(due.placeholder) + 6  # the hint whole, borders and padding
        if self.app.size.width < 100:  # 80 columns: the text keeps room; the line under the
            fixed = {"Keep": 4, "Item": 13, "Owner": 14, "Due": 11}  # table says why, whole
            owner = self.query_one("#rev-owner", Input)  # the hints cut to fit the row
            owner.placeholder, owner.tooltip = "a role or a name", "As minuted: a role or a name"
            due.placeholder, due.tooltip = DATE_HINT, "Leave it empty for no due date"
            due.styles.width = len(DATE_HINT) + 6
        self.columns = len(fixed) + 1
        text = max(20, inner - sum(fixed.values()) - 2 * self.columns)
        self.widths = Widths(text=text, owner=fixed["Owner"], item=fixed["Item"])
        for label in ("Keep", "Item", "Owner", "Due", "Text", "Note")[: self.columns]:
            table.add_column(label, width=fixed.get(label, text))
        self.query_one("#rev-unsure", UnsureList).display = bool(self.preview.draft.unsure)
        self.query_one("#rev-page", PageList).display = False
        self.query_one("#rev-find", FindInput).display = False
        self._fill()
        table.focus()
        if not self.entries:
            self.query_one("#rev-error", Static).update(
                "No resolution and no follow-up was found in this text: nothing to record."
            )

    def _fill(self) -> None:
        table = self.query_one("#rev-items", DataTable)
        cursor = table.cursor_row
        table.clear()
        for i, e in enumerate(self.entries):
            table.add_row(*row(e, self.widths, self.made)[: self.columns], key=str(i))
        if self.entries:
            table.move_cursor(row=min(cursor, len(self.entries) - 1))
        else:
            self.current = None
        unsure = self.query_one("#rev-unsure", UnsureList)
        unsure.mark({i: kinds for i, u in enumerate(unsure.unsure)
                     if (kinds := self.taken_as(source_of(u)))})  # fmt: skip
        self._count_lines()
        self.page_marks()

    def _tell_item(self) -> None:
        if self.current is not None and self.current < len(self.entries):
            self.query_one("#rev-why", Static).update(why(self.entries[self.current], self.made))

    @on(Button.Pressed, "#rev-toggle")
    def action_toggle_drop(self) -> None:
        line = self.picked()
        if line is not None:  # what was taken from the line or unit
            mine = [e for e in self.entries if e.source == source_of(line)]
            self._take_out(mine) if mine else self.query_one("#rev-error", Static).update(
                "Nothing was taken from this line by you: R or A takes it.")  # fmt: skip
            return
        if self.current is None:
            return
        e = self.entries[self.current]
        if e.recorded:
            self.query_one("#rev-error", Static).update("Already recorded: it will not be added.")
            return
        if e.officers:
            self._take_out([e])
            return
        e.keep = not e.keep
        self.changed.append("what to keep")
        self._fill()

    @on(Button.Pressed, "#rev-cancel")
    def action_cancel(self) -> None:
        """Back to step 1; edits made in review are asked about first."""
        if not self.changed:
            self.dismiss(None)
            return

        def decided(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(DiscardScreen(list(dict.fromkeys(self.changed))), decided)

    @on(Button.Pressed, "#rev-save")
    def action_save(self) -> None:
        if self._unapplied() and not self.apply():  # typed, then Ctrl+S: kept, not lost
            return
        kept = [e for e in self.entries if e.keep or e.recorded]
        resolutions, followups = drafted(kept)  # each follow-up made from one linked to it
        draft = dataclasses.replace(self.preview.draft, resolutions=resolutions,
                                    followups=followups)  # fmt: skip
        self.query_one("#rev-error", Static).update("Saving…")
        self.save(draft)

    @work("save the resolutions and follow-ups", exclusive=True, saves=True)
    def save(self, draft: Any, not_a_duplicate: bool = False) -> None:
        from tracker.services.committees.minutes_import import save_import

        p = self.preview
        items = len(draft.resolutions) + len(draft.followups)
        progress = progress_reporter(self.post_message)
        progress("recording resolutions and follow-ups", 0, items)
        try:
            result = call_service(
                self.services,
                lambda t: save_import(
                    t, draft, committee=p.committee_name if p.create_committee else p.committee,
                    date=p.date, create_committee=p.create_committee,
                    not_a_duplicate=not_a_duplicate,
                ),
            )  # fmt: skip
        except TrackerError as exc:
            dup = is_duplicate(exc)
            self.post_message(DuplicateRefused(refusal(exc), draft) if dup
                              else ImportRefused(refusal(exc)))  # fmt: skip
            return
        progress("committed", items, items)
        self.post_message(ImportSaved(result))

    def on_task_progressed(self, message: TaskProgressed) -> None:
        self.query_one("#rev-error", Static).update(message.describe())

    def on_work_failed(self, message: WorkFailed) -> None:
        """An error the work did not expect (tracker/ui/widgets/work.py): said here, in the
        window's own error line, and the window usable again."""
        message.stop()
        self.on_import_refused(ImportRefused(message.text))

    def on_import_refused(self, message: ImportRefused) -> None:
        self.query_one("#rev-error", Static).update(message.text)

    def on_duplicate_refused(self, message: DuplicateRefused) -> None:
        """Refused as another meeting's minutes: ask, and record them if the officer says so."""
        self.query_one("#rev-error", Static).update(message.text)

        def answered(record: bool | None) -> None:
            if record:
                self.query_one("#rev-error", Static).update("Saving as another meeting…")
                self.save(message.draft, not_a_duplicate=True)

        self.app.push_screen(AnotherMeetingScreen(message.text), answered)

    def on_import_saved(self, message: ImportSaved) -> None:
        self.dismiss(message.result)
