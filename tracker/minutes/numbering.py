"""A resolution's number as an officer finds it on the page, unique within the meeting.

Minutes often number each item's resolutions afresh: item 7 resolves (1) and (2), item 8
resolves (1) and (2) again, or every item has one unnumbered RESOLVED. Follow-ups refer to
their resolution by number, so the numbers of one meeting must differ. They are told apart by
the item the page prints them under, in the form "7 (2)": the item as its heading numbers it,
then the resolution's own number in brackets, as minutes print "(1)", "(a)", "(ii)". Not "7.2":
item numbers hold dots themselves ("5.1", "8.18"), a page's numbered paragraph "7.2" is another
place on the page, and nested numbers are already joined with dots ("2.a"). An unnumbered
resolution is its item ("7"). When the item is not enough (two resolution blocks under one
item, or no item printed) the line is added ("7, line 40 (2)", "line 40"), which the import's
preview and review show beside everything read. A page that prints no item at all numbers its
resolutions in the page's order ("1", "2", "3"), as an officer writing them up would, not by
their lines. A page whose numbers never repeat keeps them as printed ("1", "2", "a"), as before.
Never a letter or prefix the page does not print ("B2").

What an import records (`by_their_items`, for the dry run, the review and the save) goes one
step further: every resolution under an item is told apart by it, whether or not the page's
numbers repeat ("3 (1)" for a lone list under item 3, "2" for item 2's unnumbered outcome), so
that one meeting's numbers read alike, as a resolution taken in review is numbered.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from .models import ExtractedResolution

NUMBER_MAX = 40  # what the resolution's number column holds


def qualified(number: str, item: str, line: int | None = None) -> str:
    """`number` ("2"; "" unnumbered) told apart by its item ("7 (2)", "7"), and with `line`
    by its line too ("7, line 40 (2)", "line 40 (2)", "line 40")."""
    place = ", ".join(p for p in (item, f"line {line}" if line is not None else "") if p)
    if not place:
        return number
    return f"{place} ({number})" if number else place


def page_numbers(numbers: Sequence[str], items: Sequence[str], lines: Sequence[int]) -> list[str]:
    """The numbers of one meeting's resolutions (`numbers` as printed, in the page's order) as
    an officer finds them. None repeats: as printed. Else each one under an item is qualified by
    it, and one its item (or the lack of one) does not tell apart from an earlier one by its
    line too. One still the same as an earlier one (two on one line) is left for the caller."""
    if len(set(numbers)) == len(numbers):
        return list(numbers)
    if in_page_order(numbers, items):
        return [str(k) for k in range(1, len(numbers) + 1)]
    out: list[str] = []
    used: set[str] = set()
    # an item whose resolutions are numbered as a list ((1), (2)): its "(2)" under item 2 is
    # the list's second, not the item's own number ("2 (2)", beside "2 (1)")
    kinds = Counter(item for item, _n in set(zip(items, numbers, strict=True)))  # numbers each
    listed = {item for item, k in kinds.items() if k > 1}
    for n, item, line in zip(numbers, items, lines, strict=True):
        names = names_item(n, item) and not (n == item and item in listed)
        own = qualified(n, item) if item and not names else n
        if own in used:
            own = qualified(n, "" if names else item, line)
        if len(own) > NUMBER_MAX:
            own = qualified(n, "", line) if len(qualified(n, "", line)) <= NUMBER_MAX else n
        used.add(own)
        out.append(own)
    return out


def in_page_order(numbers: Sequence[str], items: Sequence[str]) -> bool:
    """Are these numbers (as printed) given in the page's order? When they repeat on a page
    that prints no item to tell them apart by (its lines are no number an officer writes)."""
    return len(set(numbers)) != len(numbers) and not any(items)


def names_item(number: str, item: str) -> bool:
    """Does the number name its item already ("8.18" under 8, "157/18" under 157/18)?"""
    return bool(number) and (number == item or number.startswith(f"{item}."))


def sub_number(number: str, printed: str | None, k: int) -> tuple[str, str | None]:
    """The number of the k-th (from 1) decision a resolution's run is split into, and the
    number the page prints for it: "2" gives "2.1", "" gives "1"; "7 (2)" (printed "2") gives
    "7 (2.1)", "7" (printed "") gives "7 (1)"."""
    if printed is None:
        return (f"{number}.{k}" if number else str(k)), None
    own = f"{printed}.{k}" if printed else str(k)
    place = number.removesuffix(f" ({printed})") if printed else number
    return f"{place} ({own})", own


def requalified(
    resolutions: Sequence[ExtractedResolution],
) -> tuple[list[ExtractedResolution], dict[str, str]]:
    """The resolutions numbered again by their items once the items are chosen (a resolution's
    item may move from the one its block was read under), and the numbers that changed."""
    if all(r.printed is None for r in resolutions):
        return list(resolutions), {}
    own = [r.number if r.printed is None else r.printed for r in resolutions]
    items = [r.item for r in resolutions]
    numbers = page_numbers(own, items, [r.line for r in resolutions])
    ordered = in_page_order(own, items)  # every one takes its place in the page's order
    renamed: dict[str, str] = {}
    out = []
    for r, n, printed in zip(resolutions, numbers, own, strict=True):
        if (r.printed is None and not ordered) or n == r.number:
            out.append(r)
            continue
        renamed[r.number] = n
        out.append(replace(r, number=n, printed=printed if n != printed else None))
    if len({r.number for r in out}) != len(out):  # telling them apart again failed: as read
        return list(resolutions), {}
    return out, renamed


def by_their_items(
    resolutions: Sequence[ExtractedResolution],
) -> tuple[list[ExtractedResolution], dict[str, str]]:
    """The numbers an import records (the dry run, the review and the save all show these):
    every resolution under an item told apart by it, whether or not the page's numbers repeat,
    so that one meeting's numbers read alike: a list under item 3 "3 (1)", "3 (2)" (not "1",
    "2", which read as items), an item's unnumbered outcome "3" (not none), as a resolution
    taken in review under item 3 is numbered. One told apart already stays, and so do one
    under no item and one naming its item ("8.18" under 8; "2" under 2, unless item 2's
    resolutions are a list: then it is the list's "2 (2)"). One its item would make the same as
    another adds its line ("3, line 40 (1)"). The renamed, by the number they were read with."""
    # an item whose resolutions are numbered as a list: its "2" under item 2 is the list's
    listed = {r.item for r in resolutions if r.printed is None and r.number
              and r.item and not names_item(r.number, r.item)}  # fmt: skip
    told = [_to_tell(r, r.item in listed) for r in resolutions]
    used = {r.number for r, t in zip(resolutions, told, strict=True) if not t}
    out: list[ExtractedResolution] = []
    renamed: dict[str, str] = {}
    for r, t in zip(resolutions, told, strict=True):
        wanted = (qualified(r.number, r.item), qualified(r.number, r.item, r.line)) if t else ()
        n = next((n for n in wanted if n not in used and len(n) <= NUMBER_MAX), None)
        if n is None:
            out.append(r)
            continue
        used.add(n)
        renamed[r.number] = n
        out.append(replace(r, number=n, printed=r.number))
    if len({r.number for r in out}) != len(out):  # as read, rather than two alike
        return list(resolutions), {}
    return out, renamed


def _to_tell(r: ExtractedResolution, listed: bool) -> bool:
    """Is this resolution, numbered as printed under an item, to be told apart by it?"""
    if r.printed is not None or not r.item:
        return False
    return not names_item(r.number, r.item) or (r.number == r.item and listed)


# how the reader names a resolution at the head of what it says of one: a review line's reason
# ("resolution 2 asks for work ...", "repeats resolution (unnumbered) ...") or what it made of a
# unit of the page ("resolution 2 (agreed)", "a resolution, asking somebody for a follow-up")
_NAMED = re.compile(
    r"(repeats )?(?:resolution (\(unnumbered\)|[^\s(,][^\s,]*)(?=[ ,]|$)|a resolution(?=, | \(|$))"
)


def said_anew(said: str, renamed: Mapping[str, str]) -> str:
    """What the reader says of a resolution (`said`), naming it by the number `by_their_items`
    gave it rather than the one it was read with: "resolution 1 asks ..." -> "resolution 3 (1)
    asks ...", "a resolution" -> "resolution 4"."""
    m = _NAMED.match(said)
    if m is None:
        return said
    new = renamed.get("" if m[2] in (None, "(unnumbered)") else m[2])
    return said if new is None else f"{m[1] or ''}resolution {new}{said[m.end() :]}"
