"""The lines the reader left in the minutes review (review.py): one option each, with its line
number, its text and why it was left (the text first: at 80 columns the reason alone filled the
row), moved through with the arrow keys or the mouse; a line the officer took shows what it was
taken as. The title counts where the highlight is and how many were taken. The review's keys
take the highlighted one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from tracker.services.committees.minutes_draft import UnsureItem

KIND_WORDS = {"resolution": "a resolution", "followup": "a follow-up"}


def unsure_title(count: int, at: int | None = None, taken: int = 0, narrow: bool = False) -> str:
    """The list's title: how many lines, which one is highlighted (`at`, from 0), how many
    the officer took: the list shows two to six of them at a time; P shows the whole page."""
    if not count:
        return "Everything in the text was read with confidence (P: the whole page)."
    where = f", at {at + 1} of {count}" if at is not None else ""
    took = f", {taken} taken" if taken else ""
    if narrow:  # 80 columns: one line
        return f"Not read with confidence ({count}{took}){where}: R, A take; P: page"
    return f"Not read with confidence ({count}{took}){where}: R or A takes it; P: whole page"


def left_detail(u: UnsureItem, taken: Sequence[str]) -> str:
    """The highlighted line in full, for the line under the table."""
    where = f"Line {u.line}" + (f" (item {u.item})" if u.item else "")
    above = f", below “{' / '.join(u.before)}”" if u.before else ""  # the page's lines above
    said = f"{where}{above}: {' '.join(u.text.split())} (left by the reader: {u.reason})"
    if taken:  # first, where a short line shows it
        return f"Taken by you as {' and '.join(KIND_WORDS[k] for k in taken)}. {said}"
    return said


class UnsureList(OptionList):
    """Each line the reader left, on one line of its own (cut with "…"); taken ones marked."""

    def __init__(self, unsure: Sequence[UnsureItem], **kwargs: object) -> None:
        self.unsure = tuple(unsure)
        super().__init__(*self._built({}), **kwargs)  # type: ignore[arg-type]

    def _built(self, taken: dict[int, list[str]]) -> list[Option]:
        options = []
        for i, u in enumerate(self.unsure):
            text = " ".join(u.text.split())
            kinds = taken.get(i, [])
            line = f"line {u.line}" + (f" (item {u.item})" if u.item else "")
            if kinds:
                mark = "✓ taken as " + " and ".join(KIND_WORDS[k] for k in kinds)
                prompt = Text.assemble((f"{line}: {mark}: ", "bold green"), (text, "green"))
            else:  # the text first; why it was left after it (whole on the line under the table)
                prompt = Text.assemble((f"{line}: ", "bold"), text,
                                       (f"  ({u.reason})", "italic dim"))  # fmt: skip
            prompt.no_wrap, prompt.overflow = True, "ellipsis"
            options.append(Option(prompt, id=str(i)))
        return options

    def mark(self, taken: dict[int, list[str]]) -> None:
        """Show which lines were taken, as what; the highlight stays where it was."""
        at = self.highlighted
        self.set_options(self._built(taken))
        if at is not None and self.unsure:
            self.highlighted = min(at, len(self.unsure) - 1)

    @property
    def current(self) -> int | None:
        """The index of the highlighted line, None when there is none."""
        return self.highlighted if self.unsure else None
