"""Items whose numbers were lost when the page was published.

`numbers_lost_from`: a page that prints every item "1." (an ordered list published one item at
a time) lost its item numbers from the first such "1.". `unnumbered_item`: the title of a
standing item printed with no number after numbered items ("Minutes of a Community Council
Meeting held on ...": item 307 unprinted), told from a note under the item above, the English
title of a bilingual item and a part of the item naming its meeting's date.
"""

from __future__ import annotations

import re
from collections.abc import Set

from .in_turn import VERB_RE, bullet_at
from .item_order import successor
from .items import cited_minute, item_number
from .line_classes import NEXT_ITEM_RE
from .text import Line

__all__ = ["before_restart", "numbers_lost_from", "unnumbered_item"]


def unnumbered_item(lines: list[Line], i: int, last_heading: int, headings: Set[int]) -> bool:
    """Is unit `i` the title of an item whose number was lost (`last_heading`: the unit of the
    item heading in force, -1 before any; `headings`: the units taken as headings so far)?"""
    ln = lines[i]
    return (
        last_heading >= 0
        and bool(ln.text)
        and _titled(lines[last_heading].text)
        and _lost_number(ln)
        and not _welsh(lines[last_heading].text)  # the English title of a bilingual item
        # "Apologies from Cllr B not detailed" under "5. To approve the minutes" when "3. To
        # receive apologies" was numbered: a standing item comes once, so this is a note
        and not _titled_before(ln.text, [lines[k].text for k in headings])
        # "Minutes of the meeting held on 1st February 2011" under an item that named that
        # meeting ("... held on 1st February 2011 and 1st March 2011 were submitted"): a
        # part of the item, not an item whose number was lost
        and not _date_named_since(ln.text, lines, last_heading, i)
        # "2. Chairperson's Business" / "Declaration of Interests" / ... / "3. Draft minutes":
        # the next number printed follows the item's own, so none was lost between them
        and not _numbering_runs_on(lines, i, last_heading)
    )


def _numbering_runs_on(lines: list[Line], i: int, last_heading: int) -> bool:
    """The first item number printed after unit `i` is the successor of the heading's."""
    current = item_number(lines[last_heading])
    if not current:
        return False
    for k in range(i + 1, len(lines)):  # not a slice: a copy of the rest each call
        ln = lines[k]
        no = item_number(ln) if ln.text else None
        if no:
            return successor(current.rstrip("."), no)
    return False


_FIRST_MARK_RE = re.compile(r"^1\.(?:\s+[A-Z]|$)")
_TOP_MARK_RE = re.compile(r"^\d{1,3}\.(?:\s+[A-Z]|$)")


def numbers_lost_from(lines: list[Line]) -> int | None:
    """Where a page prints three or more items in a row as "1." (an ordered list published
    one item at a time, each restarting at 1: "1. Apologies", "1. To approve the Minutes",
    "1. Councillor changes"), the items' numbers were lost: the unit of the first such "1."."""
    run: list[int] = []
    gap = False  # something other than a numbered unit stood since the last "1."
    # "1. Apologies" / "1. Declarations of Interest - None" / "1. Public Participation": three
    # "1." units in a row, nothing between them, is no list under a "1." (it would go on "2.")
    streak: list[int] = []
    first: int | None = None  # the first "1." since the last other number
    for i, ln in enumerate(lines):
        if not ln.text:
            gap = gap or bool(run)
            continue
        if _FIRST_MARK_RE.match(ln.text):
            first = i if first is None else first
            streak = streak + [i] if streak and not gap else [i]
            if run and not gap:
                run = []  # "1." under "1.": a list, not items
            run.append(i)
            gap = False
            if len(run) >= 3:
                return run[0]
            if len(streak) >= 3:
                return first
        elif _TOP_MARK_RE.match(ln.text):
            run, gap, streak, first = [], False, [], None
        elif run:
            gap = True
    return None


def _titled_before(text: str, earlier: list[str]) -> bool:
    """Does the first word of `text` ("Apologies ...") name an item the page already numbered?"""
    first = re.sub(r"[^a-z]", "", text.split()[0].lower()) if text.split() else ""
    return len(first) > 3 and any(
        re.search(rf"\b{first}\b", h, re.I) for h in earlier if re.match(r"\s*\d", h)
    )


_DAY_MONTH_RE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I
)


def _date_named_since(text: str, lines: list[Line], start: int, i: int) -> bool:
    """Does a date in `text` ("1st February") stand in a unit between `start` and `i`, or does
    a unit there open with the same four words (the item's first such part: "Minutes of the
    meeting held on 1st February" before "Minutes of the meeting held on 2nd March")?"""
    dates = {d.lower() for d in _DAY_MONTH_RE.findall(text)}
    opening = text.lower().split()[:4]
    for k in range(start + 1, i):
        t = lines[k].text
        if any(d.lower() in dates for d in _DAY_MONTH_RE.findall(t)):
            return True
        if len(opening) == 4 and t.lower().split()[:4] == opening:
            return True
    return False


def _titled(heading: str) -> bool:
    """ "306 DECLARATIONS OF INTEREST - ...", not "31." alone (its title is the next line)."""
    return len(re.sub(r"^\S+", "", heading).split()) >= 2


def _lost_number(ln: Line) -> bool:
    """The title of a standing item with no number, after numbered items: its number was lost
    when the page was published ("Minutes of a Community Council Meeting held on ...")."""
    return (
        bool(NEXT_ITEM_RE.match(ln.m) or re.match(r"minutes\s+of\s+a\b", ln.m, re.I))
        and len(ln.text.split()) <= 25
        and not VERB_RE.search(ln.text)
        and not ln.text.rstrip().endswith(":")
        and not cited_minute(ln.text)  # "Minute 31 – July 2017": an earlier minute cited
        # "Minutes of the Board's Meeting held on 28 September 2016 Signed by Chair ......":
        # the foot of a printed sheet, where the chair signs it, not an item's title
        and not _SIGNED_RE.search(ln.text)
        # "Item 2019/30 Paragraph 2 should read: ...": a number printed, turned away as an
        # earlier minute cited, is no title whose number was lost
        and item_number(ln) is None
    )


_SIGNED_RE = re.compile(
    r"\bsigned\b.*(?:\.{4,}|_{4,}|\u2026{2,})|\b(?:chair(?:man|person)?)\s*\.{4,}", re.I
)


# words of Welsh that English does not share: a bilingual page prints each item's title in
# Welsh under its number, then again in English without it
_WELSH_WORDS = frozenset(
    {
        "cofnodion", "cyngor", "cyfarfod", "datgan", "diddordeb", "adroddiad", "materion",
        "ymddiheuriadau", "cyfeiriadau", "personol", "gynhaliwyd", "llawn", "yn", "yr", "o'r",
        "gan", "gyda", "ac", "dim", "penderfynwyd", "cadarnhau", "cywirdeb", "codi",
        "ariannol", "cynllunio", "gohebiaeth", "taliadau",
    }
)  # fmt: skip


def _welsh(heading: str) -> bool:
    found = re.findall(r"[a-z\u2019']+", heading.lower().replace("\u2019", "'"))
    return sum(w in _WELSH_WORDS for w in found) >= 2


def before_restart(lines: list[Line], headings: Set[int], items: list[str]) -> range | None:
    """A page opening with its agenda's contents ("1. Apologies" / "2. Chairperson's Business" /
    ... "9. Date of Next Meeting", one after another with nothing under them), then the minutes
    numbered again from the first: the units between the contents' last title and the restart
    (the attendance, a chair elected before item 1) are under no item. The range of them."""
    run: list[int] = []
    for k in sorted(headings):
        if run and all(not ln.text for ln in lines[run[-1] + 1 : k]):
            run.append(k)
            continue
        if len(run) >= 3:
            break
        run = [k]
    if len(run) < 3:
        return None
    first = items[run[0]]
    title = _title_words(lines[run[0]].text)
    restart = next((k for k in sorted(headings) if k > run[-1] and items[k] == first), None)
    if restart is None or _title_words(lines[restart].text) != title:
        return None  # numbered again under another title: a second meeting, not the contents'
    return range(run[-1] + 1, restart)


def _title_words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", re.sub(r"^\S+", "", text).lower())


def bulleted_topic(lines: list[Line], i: int, under_numbered: bool) -> bool:
    """Is the bulleted title at unit `i` ("- Allotments – Mrs Ives reported ...") no item whose
    number was lost? It is not when bullets stand next to it (a list of them), or when it comes
    straight under a numbered heading (`under_numbered`: "17.6.5. MATTERS ARISING" / "- Flooding
    – ..."), the first of that item's topics."""
    return under_numbered or bullet_at(lines, i, -1) or bullet_at(lines, i, 1)
