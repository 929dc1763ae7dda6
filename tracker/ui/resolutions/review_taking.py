"""Taking, in the minutes review (review.py), what the reader left or missed: on a highlighted
line of the list of lines it left, or a unit of the whole page (review_page.py), one key takes it
as a resolution, another as a follow-up (its owner and task read by the reader's own action
reading, in a worker); another key adds one by hand. Each joins the review list as the
officer's (Entry.officers); d takes it out again. The keys are the review screen's own bindings;
these are the actions they run."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, OptionList, Static, TextArea

from tracker.errors import TrackerError
from tracker.ui.resolutions.add_item import AddItemScreen
from tracker.ui.resolutions.common import call_service, refusal
from tracker.ui.resolutions.page_list import PageList
from tracker.ui.resolutions.review_arising import ArisingScreen
from tracker.ui.resolutions.review_rows import Entry
from tracker.ui.resolutions.unsure_list import KIND_WORDS, UnsureList, left_detail, unsure_title
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.work import work

if TYPE_CHECKING:
    from tracker.services.committees.minutes_draft import PageUnit, UnsureItem
    from tracker.services.committees.minutes_preview import ImportPreview
    from tracker.services.committees.minutes_taking import TakenFollowUp


class ReviewText(TextArea):
    """The highlighted item's text: one paragraph, so Enter applies the edit (as in the owner
    and due fields) rather than breaking the line."""

    class Submitted(Message):
        pass

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted())
            return
        await super()._on_key(event)


def source_of(line: UnsureItem | PageUnit) -> tuple[int, str]:
    """What an entry taken from a line or unit remembers of it: its line and its words."""
    return line.line, " ".join(line.text.split())


class LineTaken(Message):
    """A line the reader left, or a unit of the page, was read as a follow-up (its owner
    matched to a person)."""

    def __init__(self, source: tuple[int, str], taken: TakenFollowUp) -> None:
        self.source = source
        self.taken = taken
        super().__init__()


class LineRefused(Message):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()


class TakingLines(ModalScreen[Any]):
    """The review's taking and adding: the base of ReviewScreen, which binds the keys."""

    services: Services
    preview: ImportPreview
    entries: list[Entry]
    changed: list[str]
    people: tuple[tuple[str, str], ...]
    made: dict[str, str]  # a number told apart by its item ("6 (2)"): the number printed
    current: int | None  # the highlighted entry of the table

    def _fill(self) -> None:
        raise NotImplementedError

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "rev-unsure":
            return
        self._count_lines()
        if self.focused is event.option_list:
            self._tell_line(event.option_index)

    def _count_lines(self) -> None:
        """The list's title: where the highlight is among the lines, and how many were taken
        (the whole page, when shown, has its own: review_page.py)."""
        if self.query_one("#rev-page", PageList).display:
            return
        unsure = self.query_one("#rev-unsure", UnsureList)
        mine = {e.source for e in self.entries}
        taken = sum(source_of(u) in mine for u in self.preview.draft.unsure)
        self.query_one("#rev-unsure-title", Static).update(
            unsure_title(
                len(self.preview.draft.unsure),
                unsure.current,
                taken,
                narrow=self.app.size.width < 100,
            )  # fmt: skip
        )

    def on_descendant_focus(self, event: Any) -> None:
        """The line under the table tells of what has the focus: a line the reader left, or
        (back on the table) the highlighted item."""
        unsure = self.query_one("#rev-unsure", UnsureList)
        if event.widget is unsure and unsure.current is not None:
            self._tell_line(unsure.current)
        elif event.widget.id == "rev-items":
            self._tell_item()

    def taken_as(self, source: tuple[int, str]) -> list[str]:
        """What the officer took from the line or unit `source`, as kinds."""
        return [e.kind for e in self.entries if e.source == source]

    def _tell_line(self, i: int) -> None:
        u = self.preview.draft.unsure[i]
        self.query_one("#rev-why", Static).update(left_detail(u, self.taken_as(source_of(u))))

    def _tell_item(self) -> None:
        raise NotImplementedError

    def picked(self) -> UnsureItem | PageUnit | None:
        """The highlighted line the reader left, or unit of the whole page, when its list has
        the focus."""
        unsure = self.query_one("#rev-unsure", UnsureList)
        page = self.query_one("#rev-page", PageList)
        if self.focused is unsure and unsure.current is not None:
            return self.preview.draft.unsure[unsure.current]
        if self.focused is page and page.current is not None:
            return page.units[page.current]
        return None

    def _picked_or_told(self) -> UnsureItem | PageUnit | None:
        line = self.picked()
        if line is None:
            page = self.query_one("#rev-page", PageList)
            told = (
                "Tab to the page, highlight a unit, then R or A."
                if page.display
                else "Tab to the lines the reader left, highlight one, then R or A (P: the "
                "whole page)."
                if self.preview.draft.unsure
                else "The reader left no line to take: P shows the whole page."
            )
            self.query_one("#rev-error", Static).update(told)
        return line

    def action_take(self, kind: str) -> None:
        """Take the highlighted unsure line or unit of the page (its list has the focus) as a
        resolution or (read in a worker) a follow-up; A on a resolution's row of the items (the
        table has the focus) makes a follow-up arising from it."""
        from tracker.services.committees.minutes_draft import PageUnit
        from tracker.services.committees.minutes_taking import take_resolution

        if kind == "followup" and self._arising():
            return
        line = self._picked_or_told()
        if line is None:
            return
        error = self.query_one("#rev-error", Static)
        source = source_of(line)
        if kind in self.taken_as(source):
            error.update(f"Already taken as {KIND_WORDS[kind]}: d on it takes it out again.")
            return
        if isinstance(line, PageUnit) and line.state == kind:
            error.update(f"The reader took this as {KIND_WORDS[kind]}: it is in the list above "
                         "(e on it edits it there).")  # fmt: skip
            return
        if kind == "resolution":
            # numbered after the others under its item, as the import numbers them
            numbered = [(e.item.item, e.item.number) for e in self.entries
                        if e.kind == "resolution"]  # fmt: skip
            taken = take_resolution(line, numbered)
            self._added(Entry("resolution", taken, True, False, source=source))
            return
        error.update(f"Reading line {line.line}…")
        self.read_line(line)

    @work("take that line as a follow-up", exclusive=True, group="take")
    def read_line(self, line: UnsureItem | PageUnit) -> None:
        from tracker.services.committees.minutes_taking import preview_taken_followup

        try:
            taken = call_service(self.services, lambda t: preview_taken_followup(t, line))
        except TrackerError as exc:
            self.post_message(LineRefused(refusal(exc)))
            return
        self.post_message(LineTaken(source_of(line), taken))

    def on_line_taken(self, message: LineTaken) -> None:
        t = message.taken
        self._added(Entry("followup", t.item, True, False, t.person, t.person_code,
                          source=message.source))  # fmt: skip

    def _added(self, e: Entry) -> None:
        self.entries.append(e)
        if e.kind == "resolution" and e.item.printed is not None:  # "6 (2)" shows as 6 · (2)
            self.made[e.item.number] = e.item.printed
        where = f"line {e.item.line}" if e.item.line else "by hand"
        self.changed.append(f"{KIND_WORDS[e.kind]} taken from {where}" if e.item.line
                            else f"{KIND_WORDS[e.kind]} added by hand")  # fmt: skip
        self._fill()
        self.query_one("#rev-items", DataTable).move_cursor(row=len(self.entries) - 1)
        told = f"{'taken from ' if e.item.line else 'added '}{where}"
        if e.arises_from is not None:
            number = e.arises_from.item.number
            told = f"arising from {f'resolution {number}' if number else 'the resolution'} added"
        self.query_one("#rev-error", Static).update(
            f"{KIND_WORDS[e.kind].capitalize()} {told} (d takes it out). Not saved yet."
        )

    def _arising(self) -> bool:
        """On the items, a resolution highlighted: open the window for a follow-up arising
        from it (True); anything else is for the lines the reader left (False)."""
        table = self.query_one("#rev-items", DataTable)
        if self.focused is not table or not 0 <= table.cursor_row < len(self.entries):
            return False
        e = self.entries[table.cursor_row]
        if e.kind != "resolution":
            return False
        index = sum(1 for o in self.entries[: table.cursor_row] if o.kind == "resolution")

        def made(entry: Entry | None) -> None:
            if entry is not None:
                self._added(entry)

        self.app.push_screen(ArisingScreen(e, index, self.people), made)
        return True

    def action_add(self) -> None:
        def added(item: Any) -> None:
            if item is not None:
                kind = "followup" if hasattr(item, "owner") else "resolution"
                self._added(Entry(kind, item, True, False))

        self.app.push_screen(AddItemScreen(), added)

    def _take_out(self, gone: list[Entry]) -> None:
        """What the officer took or added leaves the list (its line shows as not taken)."""
        self.entries = [e for e in self.entries if all(e is not g for g in gone)]
        self.changed.append("what you took or added")
        # the form held an entry that is gone, or moved up: it is filled afresh from the row
        # highlighted next, never applied to another entry
        self.current = None
        self._fill()
        self.query_one("#rev-error", Static).update(
            f"Taken out: {' and '.join(KIND_WORDS[g.kind] for g in gone)} you "
            f"{'took' if gone[0].source is not None else 'added'}. Not saved yet."
        )

    def on_line_refused(self, message: LineRefused) -> None:
        self.query_one("#rev-error", Static).update(message.text)
