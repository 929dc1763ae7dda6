"""Minutes as read, before anything is stored: the parser's extraction turned into a draft the
officer reviews (edit, drop, assign owner and due date). Fingerprints are taken from the text as
read, so edits made in review do not stop a later re-import from recognising the items."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from tracker.errors import InvalidInput, Problem
from tracker.services.lookup import ISO_DATE
from tracker.services.meeting_titles import fallback_title
from tracker.text import ALLOWED as TEXT_ALLOWED
from tracker.text import control_problem

# where an item of the draft came from: read by the reader, taken in review by the officer from
# a line the reader left (its `line`), or added in review by hand (no line)
Origin = Literal["read", "taken", "added"]
ORIGINS: tuple[Origin, ...] = ("read", "taken", "added")


@dataclass(frozen=True)
class DraftResolution:
    number: str  # as minuted: "1", "a", "2.i", "8.18"; "" for a single unnumbered one
    kind: str  # resolved | recommended | agreed | noted
    text: str
    line: int | None = None
    fingerprint: str = ""  # of the resolution as read: edits in review do not break re-import
    why: str = ""  # why the reader took it, when it was not under a decision keyword
    item: str = ""  # the agenda item or minute number it was minuted under ("" when none)
    origin: Origin = "read"
    # the number the page prints ("2"; "" for none) when `number` is told apart by its item or
    # line ("7 (2)", "line 40"), because the page numbers each item's resolutions afresh
    printed: str | None = None


def renumbered(r: DraftResolution, item: str, taken: Collection[str]) -> tuple[str, str | None]:
    """The number (and the page's own, `printed`) a resolution the reader read takes when the
    officer files it under another item in review, as the import numbers one under it: "7 (2)"
    or a page's "2" under item 6 "6 (2)" (with its line when that is taken: "6, line 14 (2)");
    one told apart by no item that names the new item ("8.18" under 8), or filed under none,
    keeps its number, and so does any resolution taken or added in review."""
    from tracker.minutes.numbering import names_item, qualified

    own = r.number if r.printed is None else r.printed
    if r.origin != "read" or (r.printed is None and (not item or names_item(own, item))):
        return r.number, r.printed
    for n in (qualified(own, item), qualified(own, item, r.line)):
        if n and n not in taken and len(n) <= 40:
            return n, own
    return r.number, r.printed


@dataclass(frozen=True)
class DraftFollowUp:
    owner: str | None  # the owner as minuted (a role or a name), editable
    text: str
    resolution: str | None = None  # the number of the resolution it arises from
    line: int | None = None
    source: str = "resolution"  # resolution | action-line | action-table | taken | added
    due: dt.date | None = None
    owner_code: str | None = None  # a person chosen in review (overrides matching the text)
    fingerprint: str = ""
    why: str = ""  # why the reader took it, when it was not an ACTION line or table row
    item: str = ""  # the agenda item or minute number it was minuted under ("" when none)
    origin: Origin = "read"
    # made in review from a resolution: that resolution's place among the draft's resolutions
    # (from 0), which links it however the resolution is numbered (none, or a number shared)
    resolution_index: int | None = None


@dataclass(frozen=True)
class UnsureItem:
    line: int
    text: str
    reason: str
    item: str = ""  # the agenda item or minute number in force at the line ("" when none)
    # the page's nearest lines before it (up to two, not blank, each cut), for the officer to
    # judge a line such as "- Approved" by the heading above it
    before: tuple[str, ...] = ()


# what the reader made of a unit of the page (PageUnit.state)
UnitState = Literal["resolution", "followup", "unsure", "heading", "left"]
_STATES: dict[str, UnitState] = {"resolution": "resolution", "followup": "followup",
                                  "unsure": "unsure", "heading": "heading"}  # fmt: skip


@dataclass(frozen=True)
class PageUnit:
    """One unit of the page as the reader cut it (a line, a table cell, a sentence of a page
    flattened onto one line), in the page's order: its printed line, the agenda item in force
    there ("" when none), its text, and what the reader made of it (`state`; `note` says which
    resolution or follow-up, why it was unsure, or what was left)."""

    line: int
    text: str
    item: str
    state: UnitState
    note: str = ""

    @property
    def reader(self) -> str:
        """What the reader made of it, in words: "the reader took it as resolution 2", "the
        reader listed it as unsure: reads as ...", "the reader read it as an item heading",
        "the reader left it (agenda text)"."""
        if self.state in ("resolution", "followup"):
            return f"the reader took it as {self.note}"
        if self.state == "unsure":
            return f"the reader listed it as unsure: {self.note.removeprefix('unsure: ')}"
        if self.state == "heading":
            return "the reader read it as an item heading"
        return f"the reader left it ({self.note})" if self.note else "the reader left it"


@dataclass(frozen=True)
class MinutesDraft:
    """What was read from one minutes text, as the officer reviews it before saving."""

    title: str | None  # the page's title: the agenda item's, or the meeting's heading
    resolutions: tuple[DraftResolution, ...]
    followups: tuple[DraftFollowUp, ...]
    unsure: tuple[UnsureItem, ...] = ()
    source: str | None = None  # the file it came from
    # each agenda item's title as its heading prints it ("6. Allotments": ("6", "Allotments")):
    # the items something was read or left under, and with `page` every item of the page (so
    # that what the officer takes from any unit is filed under its own item's title)
    item_titles: tuple[tuple[str, str], ...] = ()
    # the whole page as the reader cut it (asked for with draft_minutes(page=True); not in the
    # JSON: the documented shape is unchanged)
    page: tuple[PageUnit, ...] = ()
    # the meeting's name from the page's heading, without "Minutes of", date or venue
    # ("Parish Council Meeting"); None when the heading names none (an agenda item's page)
    meeting_name: str | None = None

    def meeting_title(self, committee_name: str, date: dt.date) -> str:
        """What a meeting these minutes create is called: its name from the page's heading,
        else the committee's name and the date ("Cabinet, 12 March 2024")."""
        return self.meeting_name or fallback_title(committee_name, date)

    def title_of(self, item: str) -> str | None:
        """The title a resolution under `item` is filed under: its item's heading, else the
        page's title when that is an item's (not the meeting's heading, "Minutes of ...")."""
        from tracker.minutes.item_titles import is_item_title

        own = dict(self.item_titles).get(item) if item else None
        return own or (self.title if is_item_title(self.title) else None)

    def items_read(self) -> tuple[tuple[str, str], ...]:
        """The titled items something was read or left under (not every item of the page)."""
        found: list[DraftResolution | DraftFollowUp | UnsureItem] = [
            *self.resolutions,
            *self.followups,
            *self.unsure,
        ]
        read = {f.item for f in found if f.item}
        return tuple((no, title) for no, title in self.item_titles if no in read)

    def items_said(self) -> str:
        """The items the resolutions are filed under, as the CLI and the review head say it."""
        if said := self.items_read():
            return "; ".join(f"{no} {title}" for no, title in said)
        return self.title_of("") or "no item title read"

    def to_json_dict(self) -> dict[str, Any]:
        """The extraction for other tools, in the documented shape: each resolution and
        follow-up with its agenda item ("" when the page prints none), its line and `why` (the
        score and reasons when a candidate was taken outside a decision keyword or ACTION
        line; "" otherwise), as the dry-run text shows them; each unsure line with its item."""
        return {
            "title": self.title,
            "resolutions": [
                {
                    "number": r.number,
                    "kind": r.kind,
                    "text": r.text,
                    "item": r.item,
                    "item_title": self.title_of(r.item),
                    "line": r.line,
                    "why": r.why,
                }
                for r in self.resolutions
            ],
            "followups": [
                {
                    "owner": f.owner,
                    "text": f.text,
                    "resolution": f.resolution,
                    "item": f.item,
                    "line": f.line,
                    "source": f.source,
                    "due": f.due.isoformat() if f.due else None,
                    "why": f.why,
                }
                for f in self.followups
            ],
            "unsure": [
                {
                    "line": u.line,
                    "text": u.text,
                    "reason": u.reason,
                    "item": u.item,
                    "item_title": self.title_of(u.item),
                }
                for u in self.unsure
            ],
        }


def _sha(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def resolution_fingerprint(item_title: str | None, number: str, text: str) -> str:
    return _sha(item_title or "", number, text)


def followup_fingerprint(resolution: str | None, position: int, text: str) -> str:
    # the plan importer's rule: position is the follow-up's place among its resolution's
    return _sha(resolution or "", position, text)


def read_minutes(path: str | Path) -> str:
    """The text of a minutes file; an empty, binary or unreadable file is refused."""
    from tracker.minutes import MinutesError, read_minutes_file

    try:
        return read_minutes_file(path)
    except MinutesError as exc:
        raise InvalidInput(Problem("file", str(exc))) from None
    except OSError as exc:
        raise InvalidInput(Problem("file", f"cannot read {path}: {exc.strerror}")) from None


def _page_lines(text: str) -> list[str]:
    """The lines the reader numbers (its text once markup is removed)."""
    from tracker.minutes import MinutesError
    from tracker.minutes.parser import prepared

    try:
        return prepared(text).split("\n")
    except MinutesError:  # the reader refuses it below, with its own words
        return []


def _before(page: list[str], line: int, item: str = "", wanted: int = 2, width: int = 80
            ) -> tuple[str, ...]:  # fmt: skip
    """Up to `wanted` lines above line `line` (1-based) that are not blank, nearest last; none
    from above the heading of its item (`item`), when it is one of them."""
    found: list[str] = []
    k = line - 2
    while k >= 0 and len(found) < wanted and line - k < 12:
        words = " ".join(page[k].split())
        if words:
            found.append(words if len(words) <= width else words[: width - 1] + "…")
            if item and words.startswith(item):
                break
        k -= 1
    return tuple(reversed(found))


def draft_minutes(
    text: str, *, title: str | None = None, source: str | None = None, page: bool = False
) -> MinutesDraft:
    """Read minutes text into a draft for review. `title` replaces the item title read. With
    `page`, the draft holds the whole page as the reader cut it (`MinutesDraft.page`), from the
    same reading: every unit with its line, item and what the reader made of it."""
    from tracker.minutes import MinutesError
    from tracker.minutes.meeting_names import meeting_name
    from tracker.minutes.numbering import by_their_items, said_anew
    from tracker.minutes.parser import parse_minutes, read_page

    wrong = control_problem(title) if title else None
    if wrong:
        raise InvalidInput(Problem("item title", wrong, TEXT_ALLOWED))
    try:
        ex, units = read_page(text) if page else (parse_minutes(text), ())
    except MinutesError as exc:
        where = f"{source}: " if source else ""
        raise InvalidInput(Problem("minutes", f"{where}{exc}")) from None
    # A decision the page prints twice (under "Decision:" and again under "Minutes:") is one
    # decision: the reader finds both copies and notes the second as unsure; the draft keeps the
    # first, so the record holds it once.
    first_copy: set[tuple[str, str]] = set()
    kept = []
    # numbered as the import records them, each under an item by it (numbering.by_their_items);
    # fingerprints keep the number as read, so minutes imported before still match
    numbered, renamed = by_their_items(ex.resolutions)
    for read, r in zip(ex.resolutions, numbered, strict=True):
        copy = (r.item, " ".join(r.text.lower().split()))
        if copy in first_copy:
            continue
        first_copy.add(copy)
        kept.append((read.number, r))
    resolutions = tuple(
        DraftResolution(
            number=r.number,
            kind=r.kind,
            text=r.text,
            line=r.line,
            fingerprint=resolution_fingerprint(ex.title, as_read, r.text),
            why=r.why,
            item=r.item,
            printed=r.printed,
        )
        for as_read, r in kept
    )
    seen: dict[str, int] = {}
    followups = []
    for f in ex.followups:
        position = seen.get(f.resolution or "", 0)
        seen[f.resolution or ""] = position + 1
        followups.append(
            DraftFollowUp(
                owner=f.owner or None,
                text=f.text,
                resolution=None
                if f.resolution is None
                else renamed.get(f.resolution, f.resolution),
                line=f.line,
                source=f.source,
                due=_safe_date(f.due),
                fingerprint=followup_fingerprint(f.resolution, position, f.text),
                why=f.why,
                item=f.item,
            )
        )
    lines = _page_lines(text)
    unsure = tuple(UnsureItem(u.line, u.text, said_anew(u.reason, renamed), u.item,
                              _before(lines, u.line, u.item)) for u in ex.unsure)  # fmt: skip
    chosen = title.strip() if title and title.strip() else ex.title
    whole = tuple(
        PageUnit(
            u.line,
            u.text,
            u.item,
            _STATES.get(u.state, "left"),
            said_anew(u.note, renamed) if u.state == "resolution" else u.note,
        )
        for u in units
    )
    return MinutesDraft(
        title=chosen,
        resolutions=resolutions,
        followups=tuple(followups),
        unsure=unsure,
        source=source,
        item_titles=_item_titles(lines, [*resolutions, *followups, *unsure, *whole]),
        page=whole,
        meeting_name=meeting_name(lines),
    )


def _item_titles(
    page: list[str], found: list[DraftResolution | DraftFollowUp | UnsureItem | PageUnit]
) -> tuple[tuple[str, str], ...]:
    """Each item something was read or left under (or, units of the page, any item of it),
    with the title its heading prints."""
    from tracker.minutes.item_titles import item_title

    titles: dict[str, str] = {}
    for f in sorted((f for f in found if f.item and f.line), key=lambda f: f.line or 0):
        if f.item not in titles:
            heading = item_title(page, f.item, f.line or 0)
            if heading:
                titles[f.item] = heading
    return tuple(titles.items())


def _safe_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
