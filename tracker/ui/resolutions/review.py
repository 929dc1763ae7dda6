"""Importing minutes in the app, step 2: review the extracted items (edit, drop, assign owner
and due date), with why each was taken and what the reader left, before one save. Step 1, where
the minutes come from, is tracker/ui/resolutions/import_minutes.py."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Select, Static, TextArea

from tracker.errors import TrackerError
from tracker.ui.register.changes import DiscardScreen
from tracker.ui.resolutions.common import call_service, refusal, short
from tracker.ui.resolutions.words import MADE_PREFIX, SOURCES, page_number, where_minuted
from tracker.ui.widgets.dates import DATE_HINT, DateInput, typed
from tracker.ui.widgets.dates import read as read_day
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.progress import TaskProgressed, progress_reporter
from tracker.ui.widgets.text import day
from tracker.vocabulary import counted

if TYPE_CHECKING:
    from tracker.services.committees.minutes_import import ImportResult
    from tracker.services.committees.minutes_preview import ImportPreview


class ImportSaved(Message):
    def __init__(self, result: ImportResult) -> None:
        self.result = result
        super().__init__()


class ImportRefused(Message):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()


@dataclasses.dataclass
class _Entry:
    kind: str  # "resolution" | "followup"
    item: Any  # DraftResolution | DraftFollowUp
    keep: bool
    recorded: bool
    person: str | None = None  # matched or chosen person's label
    person_code: str | None = None


class ReviewScreen(ModalScreen[Any]):
    """Step 2: every extracted item, editable; drop what should not be recorded; save once."""

    CSS_PATH = "resolutions.tcss"
    BINDINGS = [
        Binding(
            "d",
            "toggle_drop",
            "Drop / keep",
            tooltip="Leave the highlighted item out of the record (again: keep it)",
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
        self.entries: list[_Entry] = [
            _Entry("resolution", r.item, keep=not r.recorded, recorded=r.recorded)
            for r in preview.resolutions
        ] + [
            _Entry(
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
        self.text_width = 40
        self.columns = 6
        self.changed: list[str] = []  # what the officer changed in review, for Esc to name
        self.owner_width = 30
        self.item_width = 16
        # block prefixes the reader made up: beside an item, the page's own number is shown
        self.made = frozenset(
            m.group(1) for u in preview.draft.unsure if (m := MADE_PREFIX.search(u.reason))
        )

    def compose(self) -> ComposeResult:
        p = self.preview
        with Vertical(id="rev-dialog", classes="dialog"):
            yield Label("Review before saving", classes="dialog-title")
            yield Static(
                "Up/down picks an item; Tab to its text, owner and due date below, Enter (or "
                "Apply edit) applies the edit. d drops or keeps it. Ctrl+S saves everything kept, "
                "Esc goes back.",
                classes="hint", markup=False,
            )  # fmt: skip
            committee = (
                f"{p.committee_name} (new committee)" if p.create_committee else p.committee_name
            )
            meeting = "recorded meeting" if p.meeting_id else "new meeting"
            if p.merge_undated:
                meeting = "merges into the undated meeting with the same resolutions"
            for n in p.near_duplicates:
                meeting += (f"; POSSIBLE DUPLICATE of the meeting of {day(n.date)} "
                            f"({counted(n.same, 'resolutions')} the same, word for word)")  # fmt: skip
            title = p.draft.title or "no title read"
            yield Static(
                f"{committee} — {day(p.date)} ({meeting}) — item: {title}",
                id="rev-head", markup=False,
            )  # fmt: skip
            yield DataTable(id="rev-items", cursor_type="row")
            # what the reader left, each with why: every line in reach (Tab, then up/down)
            with VerticalScroll(id="rev-unsure-box", can_focus=bool(p.draft.unsure)):
                yield Static(self._unsure_text(), id="rev-unsure", markup=False)
            with VerticalScroll(id="rev-form", can_focus=False):
                yield Static("", id="rev-why", markup=False)
                yield TextArea(id="rev-text", soft_wrap=True)
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
                    yield Button("Apply edit", id="rev-apply")
                    yield Button("Drop / keep", id="rev-toggle")
            yield Static("", id="rev-error", classes="error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="rev-save")
                yield Button("Cancel", id="rev-cancel")

    def _unsure_text(self) -> str:
        unsure = self.preview.draft.unsure
        if not unsure:
            return "Everything in the text was read with confidence."
        lines = [f"Not read with confidence ({len(unsure)}) - check these in the minutes:"]
        lines += [f"  line {u.line}: {u.reason}: {short(u.text, 90)}" for u in unsure]
        return "\n".join(lines)

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
        self.owner_width = fixed["Owner"]
        self.item_width = fixed["Item"]
        self.text_width = max(20, inner - sum(fixed.values()) - 2 * self.columns)
        for label in ("Keep", "Item", "Owner", "Due", "Text", "Note")[: self.columns]:
            table.add_column(label, width=fixed.get(label, self.text_width))
        self._fill()
        table.focus()
        if not self.entries:
            self.query_one("#rev-error", Static).update(
                "No resolution and no follow-up was found in this text: nothing to record."
            )

    def _row(self, e: _Entry) -> tuple[Any, ...]:
        keep = Text("yes", style="green") if e.keep else Text("drop", style="red")
        if e.kind == "resolution":
            r = e.item
            label = where_minuted(r.item, self._number(r.item, r.number), self.item_width) or "-"
            note = self._note(e, r.line, r.why)
            return keep, label, "", "", Text(short(r.text, self.text_width)), note
        f = e.item
        if e.person:  # the person it will be assigned to
            owner = Text(short(e.person, self.owner_width), style="green")
        else:
            owner = Text(
                short(f.owner, self.owner_width) if f.owner else "no owner", style="italic"
            )
        # under its resolution's place; an ACTION line outside any item says what it was
        where = where_minuted(f.item, self._number(f.item, f.resolution), self.item_width - 2)
        label = "↳ " + (where or f.source.replace("-", " "))
        due = day(f.due) if f.due else "-"
        note = self._note(e, f.line, f.why)
        return keep, label, owner, due, Text(short(f.text, self.text_width)), note

    def _number(self, item: str, number: str | None) -> str:
        return page_number(number, self.made) if item else (number or "")

    def _note(self, e: _Entry, line: int | None, why: str = "") -> str:
        if e.recorded:
            return "recorded"
        where = f"line {line}" if line else "added"
        # taken outside a decision word or ACTION line: the line under the table says why
        return f"{where}, taken" if why else where

    def _why(self, e: _Entry) -> str:
        """The highlighted item in full: its agenda item, number and kind, where it was read
        and why it was taken."""
        it = e.item
        where = f"line {it.line}" if it.line else "added in review"
        if it.why:
            told = f"{where}, taken: {it.why}"
        elif e.kind == "resolution":
            told = f"{where}: under a decision word (RESOLVED, AGREED, ...)"
        elif it.resolution:
            told = f"{where}: asked for by resolution {it.resolution}"
        elif it.line:
            told = f"{where}: {SOURCES.get(it.source, 'an ACTION line or action-table row')}"
        else:
            told = where
        head = [f"item {it.item}"] if it.item else []
        if e.kind == "resolution":
            shown = self._number(it.item, it.number)
            head += [f"resolution ({shown})"] if shown else []
            head += [f"recorded as {it.number}"] if shown != it.number else []
            head.append(it.kind)
        said = "; ".join(p for p in (", ".join(head), told) if p)
        return said[:1].upper() + said[1:]

    def _fill(self) -> None:
        table = self.query_one("#rev-items", DataTable)
        cursor = table.cursor_row
        table.clear()
        for i, e in enumerate(self.entries):
            table.add_row(*self._row(e)[: self.columns], key=str(i))
        if self.entries:
            table.move_cursor(row=min(cursor, len(self.entries) - 1))

    @on(DataTable.RowHighlighted, "#rev-items")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.current = int(event.row_key.value or 0)
        e = self.entries[self.current]
        self.query_one("#rev-why", Static).update(self._why(e))
        self.query_one("#rev-text", TextArea).text = e.item.text
        is_fu = e.kind == "followup"
        owner = self.query_one("#rev-owner", Input)
        due = self.query_one("#rev-due", Input)
        person = self.query_one("#rev-person", Select)
        for w in (owner, due, person):
            w.disabled = not is_fu
        owner.value = (e.item.owner or "") if is_fu else ""
        due.value = typed(e.item.due) if is_fu else ""
        codes = {code for code, _ in self.people}
        person.value = e.person_code if is_fu and e.person_code in codes else Select.NULL

    @on(Button.Pressed, "#rev-apply")
    @on(Input.Submitted, "#rev-owner, #rev-due")
    def apply(self) -> None:
        if self.current is None:
            return
        e = self.entries[self.current]
        error = self.query_one("#rev-error", Static)
        text = self.query_one("#rev-text", TextArea).text.strip()
        if not text:
            error.update("The text cannot be empty: drop the item instead (d).")
            return
        if e.kind == "resolution":
            e.item = dataclasses.replace(e.item, text=text)
        else:
            try:
                due = read_day(self.query_one("#rev-due", Input).value, "due")
            except TrackerError as exc:
                error.update(refusal(exc))
                return
            owner = self.query_one("#rev-owner", Input).value.strip() or None
            chosen = self.query_one("#rev-person", Select).value
            code = chosen if isinstance(chosen, str) else None
            e.item = dataclasses.replace(e.item, text=text, owner=owner, due=due, owner_code=code)
            labels = dict(self.people)
            if code:
                e.person, e.person_code = labels.get(code), code
            elif e.person_code and owner != self._original_owner(e):
                e.person, e.person_code = None, None  # re-matched from the new text on save
        self.changed.append(f"line {e.item.line}" if e.item.line else "an added item")
        error.update("Edit applied (not saved yet).")
        self._fill()

    def _original_owner(self, e: _Entry) -> str | None:
        for f in self.preview.followups:
            if f.item.fingerprint == e.item.fingerprint:
                return f.item.owner
        return None

    @on(Button.Pressed, "#rev-toggle")
    def action_toggle_drop(self) -> None:
        if self.current is None:
            return
        e = self.entries[self.current]
        if e.recorded:
            self.query_one("#rev-error", Static).update("Already recorded: it will not be added.")
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
        from tracker.services.committees.minutes_draft import MinutesDraft

        kept = [e for e in self.entries if e.keep or e.recorded]
        draft = MinutesDraft(
            title=self.preview.draft.title,
            resolutions=tuple(e.item for e in kept if e.kind == "resolution"),
            followups=tuple(e.item for e in kept if e.kind == "followup"),
            unsure=self.preview.draft.unsure,
            source=self.preview.draft.source,
        )
        self.query_one("#rev-error", Static).update("Saving…")
        self.save(draft)

    @work(thread=True, exclusive=True)
    def save(self, draft: Any) -> None:
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
                ),
            )  # fmt: skip
        except TrackerError as exc:
            self.post_message(ImportRefused(refusal(exc)))
            return
        progress("committed", items, items)
        self.post_message(ImportSaved(result))

    def on_task_progressed(self, message: TaskProgressed) -> None:
        self.query_one("#rev-error", Static).update(message.describe())

    def on_import_refused(self, message: ImportRefused) -> None:
        self.query_one("#rev-error", Static).update(message.text)

    def on_import_saved(self, message: ImportSaved) -> None:
        self.dismiss(message.result)
