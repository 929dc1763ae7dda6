"""Editing in the minutes review (review.py): the form under the items (text, owner, person,
due, number, agenda item) filled from the highlighted item, applied with Enter or the button, and kept when
the officer moves on without applying; e opens it on the highlighted item, or on what was taken
from the highlighted line the reader left or unit of the page."""

from __future__ import annotations

import dataclasses

from textual import on
from textual.widgets import Button, DataTable, Input, Select, Static, TextArea

from tracker.errors import TrackerError
from tracker.ui.resolutions.common import refusal
from tracker.ui.resolutions.review_page import WholePage
from tracker.ui.resolutions.review_rows import Entry, item_problem, why
from tracker.ui.resolutions.review_taking import ReviewText, source_of
from tracker.ui.widgets.dates import read as read_day
from tracker.ui.widgets.dates import typed


class EditingItems(WholePage):
    """The review's form: the base of ReviewScreen, which composes it and binds e."""

    current: int | None
    people: tuple[tuple[str, str], ...]
    made: dict[str, str]

    @on(DataTable.RowHighlighted, "#rev-items")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        new = int(event.row_key.value or 0)
        if self.current is not None and self.current != new and self._unapplied():
            self._apply(refocus=False)  # typed, then another row picked: kept, not lost
        self.current = new
        e = self.entries[self.current]
        if self.picked() is None:  # the line under the table tells of what has the focus
            self.query_one("#rev-why", Static).update(why(e, self.made))
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
        number = self.query_one("#rev-number", Input)
        number.disabled = is_fu or not e.officers  # the reader's numbers tie its follow-ups
        number.value = "" if is_fu else e.item.number
        self.query_one("#rev-item", Input).value = e.item.item

    def action_edit(self) -> None:
        """The highlighted item's text field (scrolled into view at 80x24, where the form sits
        under the line that says why); on a line the officer took, what was taken from it."""
        table = self.query_one("#rev-items", DataTable)
        error = self.query_one("#rev-error", Static)
        from tracker.services.committees.minutes_draft import PageUnit

        line = self.picked()
        if line is not None:
            mine = [i for i, e in enumerate(self.entries) if e.source == source_of(line)]
            read = self.reader_entry(line) if isinstance(line, PageUnit) else None
            if not mine and read is None:
                error.update("Nothing was taken from this line: R or A takes it, then e edits it.")
                return
            at = mine[-1] if mine else read
            assert at is not None
            table.move_cursor(row=at)
            self.current = at
        if self.current is None or not self.entries:
            error.update("Nothing to edit: n adds an item by hand.")
            return
        e = self.entries[self.current]
        if e.recorded:
            error.update("Already recorded: edit it on the Resolutions screen after saving.")
            return
        text = self.query_one("#rev-text", TextArea)
        text.focus()
        text.scroll_visible()
        error.update(
            "Editing its text: Enter applies and goes back to the items; Tab: the "
            "owner, due, number or item."
        )

    @on(Button.Pressed, "#rev-apply")
    @on(Input.Submitted, "#rev-owner, #rev-due, #rev-number, #rev-item")
    @on(ReviewText.Submitted)
    def apply(self) -> bool:
        """Keep the form's values for the highlighted item; back to the list of items."""
        return self._apply(refocus=True)

    def _apply(self, refocus: bool) -> bool:
        if self.current is None:
            return True
        e = self.entries[self.current]
        error = self.query_one("#rev-error", Static)
        text = self.query_one("#rev-text", TextArea).text.strip()
        if not text:
            error.update("The text cannot be empty: drop the item instead (d).")
            return False
        item = self.query_one("#rev-item", Input).value.strip()
        if wrong := item_problem(item):
            error.update(wrong)
            return False
        if e.kind == "resolution":
            number = self.query_one("#rev-number", Input).value.strip()
            if e.officers and len(number) > 40:
                error.update("The number is at most 40 characters.")
                return False
            printed = e.item.printed
            if not e.officers:
                number, printed = self._moved(e, item)  # a number by its item follows it
            elif number != e.item.number:
                printed = None  # the officer's own number: kept as typed from now on
            elif item != e.item.item and printed is not None:
                number, printed = self._taken_anew(e, item)  # the number it was given follows
            e.item = dataclasses.replace(e.item, text=text, item=item, number=number,
                                         printed=printed)  # fmt: skip
            self.query_one("#rev-number", Input).value = number  # as renumbered: not unapplied
        else:
            try:
                due = read_day(self.query_one("#rev-due", Input).value, "due")
            except TrackerError as exc:
                error.update(refusal(exc))
                return False
            owner = self.query_one("#rev-owner", Input).value.strip() or None
            chosen = self.query_one("#rev-person", Select).value
            code = chosen if isinstance(chosen, str) else None
            e.item = dataclasses.replace(e.item, text=text, owner=owner, due=due, owner_code=code,
                                         item=item)  # fmt: skip
            labels = dict(self.people)
            if code:
                e.person, e.person_code = labels.get(code), code
            elif e.person_code and owner != self._original_owner(e):
                e.person, e.person_code = None, None  # re-matched from the new text on save
        self.changed.append(f"line {e.item.line}" if e.item.line else "an added item")
        error.update("Edit applied (not saved yet).")
        self._fill()
        if refocus:
            self.query_one("#rev-items", DataTable).focus()  # back to the items, on its row
        return True

    def _moved(self, e: Entry, item: str) -> tuple[str, str | None]:
        """The number (and the page's own) of a resolution the reader read, filed under `item`:
        it takes the new item's ("7 (2)" or "2" -> "6 (2)"), and so do the follow-ups that name
        it."""
        from tracker.services.committees.minutes_draft import renumbered

        old = e.item.number
        if item == e.item.item:
            return old, e.item.printed
        taken = {x.item.number for x in self.entries if x is not e and x.kind == "resolution"}
        new, printed = renumbered(e.item, item, taken)
        if new != old:
            for f in self.entries:
                if f.kind == "followup" and f.item.resolution == old:
                    f.item = dataclasses.replace(f.item, resolution=new)
            if printed is not None:
                self.made[new] = printed
        return new, printed

    def _taken_anew(self, e: Entry, item: str) -> tuple[str, str | None]:
        """The number a resolution the officer took, still with the number it was given
        ("6 (2)"), takes when filed under `item` in review: the next of that item's."""
        from tracker.services.committees.minutes_taking import taken_number

        numbered = [(x.item.item, x.item.number) for x in self.entries
                    if x is not e and x.kind == "resolution"]  # fmt: skip
        number, printed = taken_number(item, e.item.line, numbered)
        if printed is not None:
            self.made[number] = printed
        return number, printed

    def _unapplied(self) -> bool:
        """The form holds a change to the highlighted item that was not applied."""
        if self.current is None or self.current >= len(self.entries):
            return False
        e = self.entries[self.current]
        if e.recorded:
            return False
        form = self.query_one("#rev-text", TextArea).text.strip()
        if " ".join(form.split()) != " ".join(e.item.text.split()):
            return True
        if self.query_one("#rev-item", Input).value.strip() != e.item.item:
            return True
        if e.kind == "resolution":
            number = self.query_one("#rev-number", Input).value.strip()
            return e.officers and number != e.item.number
        owner = self.query_one("#rev-owner", Input).value.strip() or None
        due = self.query_one("#rev-due", Input).value.strip()
        chosen = self.query_one("#rev-person", Select).value
        code = chosen if isinstance(chosen, str) else None
        shown = e.person_code if e.person_code in {c for c, _ in self.people} else None
        return owner != e.item.owner or due != typed(e.item.due) or code != shown

    def _original_owner(self, e: Entry) -> str | None:
        if e.source is not None:
            return None  # proposed from its line: a changed owner is matched again on save
        for f in self.preview.followups:
            if f.item.fingerprint == e.item.fingerprint:
                return f.item.owner
        return None
