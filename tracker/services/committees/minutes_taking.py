"""What a committee officer takes in the review of imported minutes: a line the reader left
(unsure), or any unit of the whole page (MinutesDraft.page: one the reader dropped, or read
otherwise), taken as a resolution or as a follow-up, or a resolution or follow-up added by hand.
Each becomes an item of the draft marked with its origin ("taken" from its line, "added"), saved
by minutes_import.save_import with the reader's items in one transaction and checked there
(minutes_preview.check_draft) like them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.services.committees.minutes_draft import (
    DraftFollowUp,
    DraftResolution,
    PageUnit,
    UnsureItem,
)
from tracker.services.context import Tracker
from tracker.services.lookup import match_people


@dataclass(frozen=True)
class TakenFollowUp:
    """A line taken as a follow-up: the owner and task the reader proposes for it, and the
    person the owner was matched to (as the reader's follow-ups are in the preview)."""

    item: DraftFollowUp
    person: str | None  # the matched person's label
    person_code: str | None
    how: str  # how the owner and task were read from the line, for the officer


# what an officer takes: a line of the list of lines the reader left, or any unit of the page
Taken = UnsureItem | PageUnit


def _left(line: Taken) -> str:
    if isinstance(line, PageUnit):
        return f"taken in review from line {line.line}{_OF_THE_PAGE}({line.reader})"
    return f"taken in review from line {line.line}, which the reader left ({line.reason})"


_OF_THE_PAGE = " of the page "  # in the why of what was taken from a unit of the whole page


def taken_from(item: DraftResolution | DraftFollowUp) -> str:
    """Where the officer took an item of origin "taken" from: "resolution" (a follow-up made
    from a resolution), "page" (a unit of the whole page) or "left" (a line the reader left)."""
    if isinstance(item, DraftFollowUp) and item.resolution_index is not None:
        return "resolution"
    head = item.why.split(";", 1)[0]
    return (
        "page" if head.startswith("taken in review from line ") and _OF_THE_PAGE in head else "left"
    )


def take_resolution(line: Taken, numbered: Sequence[tuple[str, str]] = ()) -> DraftResolution:
    """The line (or unit of the page) as a resolution: its text as printed without the label at
    its head ("Resolved:", "Decision/Action:"), under the agenda item the reader knows it sits
    under ("" when none), of the kind its label says ("Agreed:" agreed; else resolved), numbered
    as the import numbers the others under its item (taken_number; `numbered`: the (item,
    number) of the resolutions in the review already)."""
    from tracker.minutes.taking import label_kind, without_label

    text, label = without_label(line.text)
    number, printed = taken_number(line.item, line.line, numbered)
    return DraftResolution(
        number=number,
        item=line.item,
        kind=label_kind(label),
        text=text[:1].upper() + text[1:],
        line=line.line,
        why=_left(line),
        origin="taken",
        printed=printed,
    )


_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _next(own: str) -> str | None:
    """The number after a resolution's own number as the page prints it: 2 -> 3, b -> c,
    iii -> iv; None for one with no plain successor ("2.1", "A/12")."""
    if own.isdigit():
        return str(int(own) + 1)
    if own.lower() in _ROMAN[:-1]:
        after = _ROMAN[_ROMAN.index(own.lower()) + 1]
        return after.upper() if own.isupper() else after
    if len(own) == 1 and own.isalpha() and own.lower() != "z":
        return chr(ord(own) + 1)
    return None


def taken_number(
    item: str, line: int | None, numbered: Sequence[tuple[str, str]]
) -> tuple[str, str | None]:
    """The number a resolution taken in review under `item` gets, and its own part as the page
    would print it beside the item ("2" of "6 (2)", "" of "6"; None: the number is its own), in
    the import's form (tracker.minutes.numbering): under an item
    none of `numbered` is under, the item itself ("6"); after "6 (1)" the next, "6 (2)" (after
    the item's unnumbered resolution, "6" or "", "6 (2)" too; after "6 (b)", "6 (c)"); after
    "6.2", "6.3". Else, or when that is taken already, its item and line ("6, line 40"); with
    no item, its line ("line 40"); added by hand (no line, no item), none (the officer gives
    one)."""
    from tracker.minutes.numbering import NUMBER_MAX, qualified

    taken = {n for _i, n in numbered}
    under = [n for i, n in numbered if i == item] if item else []
    wanted: tuple[str, str | None] | None = None
    if item and not under:
        wanted = (item, "")
    elif item:
        last = under[-1]
        if last in ("", item):  # its unnumbered resolution counts as the first
            wanted = (qualified("2", item), "2")
        elif last.startswith(f"{item} (") and last.endswith(")"):
            after = _next(last.removeprefix(f"{item} (")[:-1])
            wanted = (qualified(after, item), after) if after else None
        elif last.startswith(f"{item}."):
            after = _next(last.removeprefix(f"{item}."))
            wanted = (f"{item}.{after}", None) if after else None
    if wanted and wanted[0] not in taken and len(wanted[0]) <= NUMBER_MAX:
        return wanted
    if line is None:
        return "", None
    by_line, printed = qualified("", item, line), "" if item else None
    if by_line in taken or len(by_line) > NUMBER_MAX:
        by_line, printed = qualified("", "", line), None
    return (by_line, printed) if by_line not in taken else ("", None)


def preview_taken_followup(t: Tracker, line: Taken) -> TakenFollowUp:
    """The line (or unit of the page) as a follow-up: owner and task read by the reader's own
    action reading (an owner it cannot read is left empty for the officer), no due date (to be
    confirmed), and the person the owner names. Stores nothing."""
    from tracker.minutes.taking import read_taken_line

    reading = read_taken_line(line.text, line.line)
    owner = reading.owner or None
    with t.db.reading() as s:
        matched = match_people(s, [owner]) if owner else {}
        person = matched.get(owner) if owner else None
        label, code = (person.label, person.code) if person else (None, None)
    item = DraftFollowUp(
        owner=owner,
        text=reading.task,
        line=line.line,
        source="taken",
        why=f"{_left(line)}; {reading.how}",
        item=line.item,
        origin="taken",
    )
    return TakenFollowUp(item=item, person=label, person_code=code, how=reading.how)


def added_resolution(text: str, number: str = "") -> DraftResolution:
    """A resolution the officer adds by hand (no line of the minutes holds it)."""
    return DraftResolution(number=number.strip(), kind="resolved", text=text.strip(),
                           why="added in review", origin="added")  # fmt: skip


def added_followup(
    text: str, owner: str | None = None, due: dt.date | None = None
) -> DraftFollowUp:
    """A follow-up the officer adds by hand."""
    return DraftFollowUp(owner=(owner or "").strip() or None, text=text.strip(), due=due,
                         source="added", why="added in review", origin="added")  # fmt: skip


def followup_arising(
    resolution: DraftResolution,
    index: int,
    text: str | None = None,
    owner: str | None = None,
    due: dt.date | None = None,
    owner_code: str | None = None,
) -> DraftFollowUp:
    """A follow-up the officer makes in review from a resolution (the `index`-th of the draft's
    resolutions): its text the task unless another is given, linked to the resolution, under
    its item, with the owner and due date the officer gives."""
    shown = f"({resolution.number})" if resolution.number else "the resolution"
    where = f" on line {resolution.line}" if resolution.line else ""
    return DraftFollowUp(
        owner=(owner or "").strip() or None,
        text=" ".join((text if text is not None else resolution.text).split()),
        resolution=resolution.number or None,
        resolution_index=index,
        line=resolution.line,
        source="resolution",
        due=due,
        owner_code=owner_code,
        why=f"made in review from {shown}{where}",
        item=resolution.item,
        origin="taken" if resolution.line else "added",
    )
