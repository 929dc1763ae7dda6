"""The whole page in the minutes review (review.py): in place of the list of lines the reader
left, every unit the reader cut the page into (page_list.py), so that the officer takes anything
the reader dropped with the same keys (R, A; review_taking.py). One key switches between the two;
another searches the page for a word (Enter or ↓ goes to the next unit holding it, ↑ to the one
before, Esc back to the page). The line under the table shows the highlighted unit in full, with
what the reader made of it. The keys are the review screen's own bindings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.widgets import Input, Static

from tracker.ui.resolutions.page_list import LEGEND, PageList, yours
from tracker.ui.resolutions.review_taking import TakingLines, source_of
from tracker.ui.resolutions.unsure_list import KIND_WORDS, UnsureList

if TYPE_CHECKING:
    from tracker.services.committees.minutes_draft import PageUnit


class FindInput(Input):
    """The word looked for on the page: Enter or ↓ finds the next unit holding it, ↑ the one
    before; Esc goes back to the page."""

    async def _on_key(self, event: events.Key) -> None:
        steps = {"enter": 1, "down": 1, "up": -1}
        if event.key in steps or event.key == "escape":
            event.stop()
            event.prevent_default()
            screen = self.screen
            if isinstance(screen, WholePage):
                screen.find_step(steps.get(event.key, 0))
            return
        await super()._on_key(event)


def page_title(count: int, at: int | None, taken: int, wide: bool) -> str:
    """The page's title: where the highlight is, how many units the officer took from."""
    if not count:
        return "The page has no text."
    where = f"unit {at + 1} of {count}" if at is not None else f"{count} units"
    if not wide:  # 80 columns: one line
        took = f", {taken} yours" if taken else ""
        return f"Whole page, {where}{took}: R, A take; / finds; P: back"
    took = f", {taken} taken by you" if taken else ""
    return f"The whole page, {where}{took}: R or A takes one; / searches; P: lines left ({LEGEND})"


def unit_detail(u: PageUnit, taken: list[str]) -> str:
    """The highlighted unit in full, for the line under the table."""
    where = f"Line {u.line}" + (f" (item {u.item})" if u.item else "")
    said = f"{where}: {' '.join(u.text.split())} ({u.reader})"  # the text first: it is cut last
    if taken:
        return f"Taken by you as {' and '.join(KIND_WORDS[k] for k in taken)}. {said}"
    return said


class WholePage(TakingLines):
    """The review's page view: the base of ReviewScreen, which binds the keys."""

    def page_marks(self) -> None:
        """Mark on the page what the officer took from which unit; the title counts them."""
        page = self.query_one("#rev-page", PageList)
        mine: dict[tuple[int, str], list[str]] = {}
        for e in self.entries:
            if e.source is not None:
                mine.setdefault(e.source, []).append(e.kind)
        marks = {}
        if mine:
            for i, u in enumerate(page.units):
                kinds = mine.get(source_of(u))
                if kinds:
                    marks[i] = yours(kinds)
        page.mark(marks)
        self._count_units()
        if self.focused is page and page.current is not None:
            self._tell_unit(page.current)

    def _count_units(self) -> None:
        page = self.query_one("#rev-page", PageList)
        if page.display:
            self.query_one("#rev-unsure-title", Static).update(
                page_title(
                    len(page.units), page.current, len(page.taken), self.app.size.width >= 120
                )
            )

    def action_toggle_page(self) -> None:
        """The whole page in place of the lines the reader left (again: those lines)."""
        page = self.query_one("#rev-page", PageList)
        unsure = self.query_one("#rev-unsure", UnsureList)
        on_page = not page.display
        page.display = on_page
        self.set_class(on_page, "-page")
        if not on_page:
            self.query_one("#rev-find", Input).display = False
        unsure.display = not on_page and bool(self.preview.draft.unsure)
        if on_page:
            self._before_page = self.focused  # P again goes back there
            page.focus()
            self._count_units()
            if page.current is not None:
                self._tell_unit(page.current)
        else:
            self._count_lines()
            # back where P was pressed (the items, so Tab reaches the lines left as the hint
            # says, not the edit form after them); the lines left when that is gone
            before = getattr(self, "_before_page", None)
            if before is not None and before.is_attached and before.display and before.focusable:
                before.focus()
            else:
                (unsure if unsure.display else self.query_one("#rev-items")).focus()

    def action_find(self) -> None:
        """The search field, under the page (the page shown first)."""
        if not self.query_one("#rev-page", PageList).display:
            self.action_toggle_page()
        find = self.query_one("#rev-find", Input)
        find.display = True
        find.focus()

    @on(Input.Changed, "#rev-find")
    def typed(self, event: Input.Changed) -> None:
        """As the word is typed, the first unit holding it from the highlighted one on."""
        page = self.query_one("#rev-page", PageList)
        self._found(page.find(event.value, page.cursor), event.value)

    def find_step(self, step: int) -> None:
        """The next unit holding the word (`step` 1), the one before (-1); 0: back to the page."""
        page = self.query_one("#rev-page", PageList)
        find = self.query_one("#rev-find", Input)
        if step == 0:
            find.display = False
            page.focus()
            return
        self._found(page.find(find.value, page.cursor + step, step), find.value)

    def _found(self, at: int | None, word: str) -> None:
        error = self.query_one("#rev-error", Static)
        if not word.strip():
            error.update("")
            return
        if at is None:
            error.update(f"No unit of the page holds “{word.strip()}”.")
            return
        page = self.query_one("#rev-page", PageList)
        page.move_to(at)
        self._tell_unit(at)
        error.update(f"“{word.strip()}”: line {page.units[at].line}. Enter: the next; Esc: the "
                     "page (R or A takes it).")  # fmt: skip

    def on_page_list_highlighted(self, event: PageList.Highlighted) -> None:
        self._count_units()
        self._tell_unit(event.index)

    def _tell_unit(self, i: int) -> None:
        u = self.query_one("#rev-page", PageList).units[i]
        self.query_one("#rev-why", Static).update(unit_detail(u, self.taken_as(source_of(u))))

    def on_descendant_focus(self, event: Any) -> None:
        super().on_descendant_focus(event)
        page = self.query_one("#rev-page", PageList)
        if event.widget is page and page.current is not None:
            self._tell_unit(page.current)

    def reader_entry(self, u: PageUnit) -> int | None:
        """The entry the reader read from unit `u` (its kind, on its line), if any."""
        words = " ".join(u.text.split())
        found = [i for i, e in enumerate(self.entries)
                 if not e.officers and e.kind == u.state and e.item.line == u.line]  # fmt: skip
        inside = [i for i in found if " ".join(self.entries[i].item.text.split()) in words]
        return (inside + found)[0] if found else None
