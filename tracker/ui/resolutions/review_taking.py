"""Taking, in the minutes review (review.py), what the reader left or missed: on a highlighted
line of the list of lines it left, one key takes it as a resolution, another as a follow-up (its
owner and task read by the reader's own action reading, in a worker); another key adds one by
hand. Each joins the review list as the officer's (Entry.officers); d takes it out again. The
keys are the review screen's own bindings; these are the actions they run."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, OptionList, Static, TextArea

from tracker.errors import TrackerError
from tracker.ui.resolutions.add_item import AddItemScreen
from tracker.ui.resolutions.common import call_service, refusal
from tracker.ui.resolutions.review_rows import Entry
from tracker.ui.resolutions.unsure_list import KIND_WORDS, UnsureList, left_detail, unsure_title
from tracker.ui.widgets.handle import Services
from tracker.ui.widgets.work import work

if TYPE_CHECKING:
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


class LineTaken(Message):
    """An unsure line was read as a follow-up (its owner matched to a person)."""

    def __init__(self, index: int, taken: TakenFollowUp) -> None:
        self.index = index
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

    def _fill(self) -> None:
        raise NotImplementedError

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "rev-unsure":
            return
        self._count_lines()
        if self.focused is event.option_list:
            self._tell_line(event.option_index)

    def _count_lines(self) -> None:
        """The list's title: where the highlight is among the lines, and how many were taken."""
        unsure = self.query_one("#rev-unsure", UnsureList)
        taken = len({e.taken_from for e in self.entries if e.taken_from is not None})
        self.query_one("#rev-unsure-title", Static).update(
            unsure_title(len(self.preview.draft.unsure), unsure.current, taken)
        )

    def on_descendant_focus(self, event: Any) -> None:
        """The line under the table tells of what has the focus: a line the reader left, or
        (back on the table) the highlighted item."""
        unsure = self.query_one("#rev-unsure", UnsureList)
        if event.widget is unsure and unsure.current is not None:
            self._tell_line(unsure.current)
        elif event.widget.id == "rev-items":
            self._tell_item()

    def _tell_line(self, i: int) -> None:
        kinds = [e.kind for e in self.entries if e.taken_from == i]
        self.query_one("#rev-why", Static).update(left_detail(self.preview.draft.unsure[i], kinds))

    def _tell_item(self) -> None:
        raise NotImplementedError

    def _line(self) -> int | None:
        """The highlighted line the reader left, when the list of them has the focus."""
        unsure = self.query_one("#rev-unsure", UnsureList)
        if self.focused is not unsure or unsure.current is None:
            self.query_one("#rev-error", Static).update(
                "Tab to the lines the reader left, highlight one, then R or A."
                if self.preview.draft.unsure
                else "The reader left no line to take."
            )
            return None
        return unsure.current

    def action_take(self, kind: str) -> None:
        """Take the highlighted unsure line as a resolution or (read in a worker) a follow-up."""
        from tracker.services.committees.minutes_taking import take_resolution

        i = self._line()
        if i is None:
            return
        if any(e.taken_from == i and e.kind == kind for e in self.entries):
            self.query_one("#rev-error", Static).update(
                f"Already taken as {KIND_WORDS[kind]}: d on this line takes it out again."
            )
            return
        u = self.preview.draft.unsure[i]
        if kind == "resolution":
            self._added(Entry("resolution", take_resolution(u), True, False, taken_from=i))
            return
        self.query_one("#rev-error", Static).update(f"Reading line {u.line}…")
        self.read_line(i)

    @work("take that line as a follow-up", exclusive=True, group="take")
    def read_line(self, index: int) -> None:
        from tracker.services.committees.minutes_taking import preview_taken_followup

        u = self.preview.draft.unsure[index]
        try:
            taken = call_service(self.services, lambda t: preview_taken_followup(t, u))
        except TrackerError as exc:
            self.post_message(LineRefused(refusal(exc)))
            return
        self.post_message(LineTaken(index, taken))

    def on_line_taken(self, message: LineTaken) -> None:
        t = message.taken
        self._added(Entry("followup", t.item, True, False, t.person, t.person_code,
                          taken_from=message.index))  # fmt: skip

    def _added(self, e: Entry) -> None:
        self.entries.append(e)
        where = f"line {e.item.line}" if e.item.line else "by hand"
        self.changed.append(f"{KIND_WORDS[e.kind]} taken from {where}" if e.item.line
                            else f"{KIND_WORDS[e.kind]} added by hand")  # fmt: skip
        self._fill()
        self.query_one("#rev-items", DataTable).move_cursor(row=len(self.entries) - 1)
        self.query_one("#rev-error", Static).update(
            f"{KIND_WORDS[e.kind].capitalize()} {'taken from ' if e.item.line else 'added '}"
            f"{where} (d takes it out). Not saved yet."
        )

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
        self._fill()
        self.query_one("#rev-error", Static).update(
            f"Taken out: {' and '.join(KIND_WORDS[g.kind] for g in gone)} you "
            f"{'took' if gone[0].taken_from is not None else 'added'}. Not saved yet."
        )

    def on_line_refused(self, message: LineRefused) -> None:
        self.query_one("#rev-error", Static).update(message.text)
