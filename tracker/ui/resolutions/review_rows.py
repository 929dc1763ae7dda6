"""How the minutes review (review.py) shows one entry: its row in the table (keep, where it was
minuted, owner, due, text, note) and the line under the table saying where it was read and why
it was taken; an entry the officer took from a line the reader left, or added by hand, says so."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from rich.text import Text

from tracker.ui.resolutions.common import short
from tracker.ui.resolutions.words import SOURCES, page_number, where_minuted
from tracker.ui.widgets.text import day


@dataclasses.dataclass
class Entry:
    kind: str  # "resolution" | "followup"
    item: Any  # DraftResolution | DraftFollowUp
    keep: bool
    recorded: bool
    person: str | None = None  # matched or chosen person's label
    person_code: str | None = None
    # the line and text it was taken from (a line the reader left, or a unit of the whole
    # page): the same taken twice as one kind is refused, and both lists mark it
    source: tuple[int, str] | None = None
    # a follow-up the officer made from a resolution of the list: that resolution's entry
    arises_from: Entry | None = dataclasses.field(default=None, compare=False, repr=False)

    @property
    def officers(self) -> bool:
        """Taken or added by the officer in review (not read by the reader)."""
        return bool(self.item.origin != "read")


@dataclasses.dataclass
class Widths:
    text: int = 40
    owner: int = 30
    item: int = 16


def row(e: Entry, w: Widths, made: Mapping[str, str]) -> tuple[Any, ...]:
    """Keep, Item, Owner, Due, Text, Note."""
    if e.officers:
        keep = Text("you", style="bold cyan")  # d takes it out again
    else:
        keep = Text("yes", style="green") if e.keep else Text("drop", style="red")
    it = e.item
    if e.kind == "resolution":
        label = where_minuted(it.item, page_number(it.number, made), w.item) or "-"
        return keep, label, "", "", Text(short(it.text, w.text)), note(e)
    if e.person:  # the person it will be assigned to
        owner = Text(short(e.person, w.owner), style="green")
    else:
        owner = Text(short(it.owner, w.owner) if it.owner else "no owner", style="italic")
    # under its resolution's place; an ACTION line outside any item says what it was
    where = where_minuted(it.item, page_number(it.resolution, made), w.item - 2)
    label = "↳ " + (where or it.source.replace("-", " "))
    due = day(it.due) if it.due else "-"
    return keep, label, owner, due, Text(short(it.text, w.text)), note(e)


def note(e: Entry) -> str:
    it = e.item
    if e.recorded:
        return "recorded"
    if it.origin == "added":
        return "added by you"
    where = f"line {it.line}" if it.line else "added"
    if it.origin == "taken":
        return f"{where}, by you"
    # taken outside a decision word or ACTION line: the line under the table says why
    return f"{where}, taken" if it.why else where


def why(e: Entry, made: Mapping[str, str]) -> str:
    """The highlighted item in full: its agenda item, number and kind, where it was read
    and why it was taken."""
    it = e.item
    where = f"line {it.line}" if it.line else "added in review"
    if e.arises_from is not None:
        told = f"a follow-up you made from {_resolution(e.arises_from)}"
    elif it.origin == "taken":
        taken, how = it.why, ""
        if e.kind == "followup" and "; " in it.why:  # how its owner and task were read
            taken, how = it.why.rsplit("; ", 1)
        if " of the page (the reader " in taken:  # a unit of the whole page
            told = "taken by you" + taken.removeprefix("taken in review")
        else:
            told = f"taken by you from line {it.line}, which the reader left"
        told += f"; {how}" if how else ""
    elif it.origin == "added":
        told = "added by you in review"
    elif it.why:
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
        shown = page_number(it.number, made)
        head += [f"resolution ({shown})"] if shown else []
        head += [f"recorded as {it.number}"] if shown != it.number else []
        head.append(it.kind)
    said = "; ".join(p for p in (", ".join(head), told) if p)
    return said[:1].upper() + said[1:]


def _resolution(e: Entry) -> str:
    it = e.item
    where = f" on line {it.line}" if it.line else ""
    return (f"resolution {it.number}" if it.number else "the resolution") + where


def item_problem(item: str) -> str | None:
    """What is wrong with an agenda item typed in review ("6", "8.14", "164/18"), if anything."""
    from tracker.text import control_problem

    if len(item) > 40:
        return "The item is at most 40 characters, as the page numbers it (6, 8.14, 164/18)."
    wrong = control_problem(item) if item else None
    return f"The item: {wrong}." if wrong else None
