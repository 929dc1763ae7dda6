"""Item headings judged by the units around them, where `items.item_number` reads a number that
the page's context makes an item after all or no item: a sub-item under its parent's title colon
and a labelled "Item 1.4:" under a lead-in (items); a decision's numbered parts, a table's
paragraph numbers running on through its coded minutes, an earlier minute of the year's series
cited (no items); five-figure minute numbers that run on (items)."""

from __future__ import annotations

import re

from .item_order import successor
from .items import ITEM_ALONE_RE, item_number
from .text import Line

__all__ = [
    "item_under_colon",
    "list_goes_on",
    "not_this_item",
    "paragraph_in_turn",
    "paragraph_under_title",
    "running_minutes",
]


# "Item 1.4: Minutes of the Meeting ...", "Agenda item 6 - Budget": a number the page labels as
# its item, before a title (not "Item 3 was deferred.", a sentence about one)
_LABELLED_ITEM_RE = re.compile(
    r"^(?:agenda\s+)?item\s+(?:no\.?\s*)?\d{1,4}[a-z]?(?:\.\d{1,3})*\s*[:\u2013\u2014\-]\s*[A-Z(]",
    re.I,
)


# what a lead-in says, not a title: "6. Finance ... It was RESOLVED to make the following payments:"
_LEAD_IN_WORDS_RE = re.compile(
    r"\b(?:resolved|agreed|decided|approved|noted|following|as\s+follows|were|was|is|are)\b", re.I
)


def item_under_colon(text: str, no: str, parent: str, parent_text: str | None) -> bool:
    """Is this numbered unit an item heading although the line before it ends in ":" (which
    otherwise makes it an entry of that lead-in's list)? Yes when the page labels it as an item
    ("Item 1.4: Minutes of ...", under "The following key decisions were made:"), or when it is
    the first sub-item of the heading just before it (`parent_text`, None when the unit before
    is no heading) and that heading is a short title the colon ends ("3. MINUTES:" / "3.1.
    Minutes of the Ordinary Meeting of 11 September ..."), not a lead-in ("6. Finance - It was
    RESOLVED to make the following payments:" / "6.1 Payroll ...", its list)."""
    if _LABELLED_ITEM_RE.match(text):
        return True
    if parent_text is None or not parent.isdigit():
        return False
    title = parent_text[len(parent) :].lstrip(" .)").rstrip(" :-")
    if len(title.split()) > 8 or _LEAD_IN_WORDS_RE.search(title):
        return False
    rest = text[len(no) :].lstrip(" .)")
    return no == f"{parent}.1" and rest[:1].isupper()


# "3.2 the proposed development stage timescales ...;", "4.1 that any issues with ... be
# raised;": a sub-number before a clause in lower case, one of a decision's numbered parts
_CLAUSE_PART_RE = re.compile(r"^(?P<no>\d{1,3}\.\d{1,3})\.?\s+[a-z]")
_PART_NO_RE = re.compile(r"^(?P<no>\d{1,3}\.\d{1,3})\.?\s")


def decision_part(text: str, before: str) -> bool:
    """Is this sub-numbered unit one of a decision's numbered parts rather than a sub-item? It is
    when its words open in lower case ("3.1 the background to the scheme;"), or when the part
    numbered just before it did ("3.3 the challenges ...;" / "3.4 AGREED that ..."): the
    decision's own list, whose item stays its heading's ("3")."""
    if _CLAUSE_PART_RE.match(text):
        return True
    pm, bm = _PART_NO_RE.match(text), _CLAUSE_PART_RE.match(before)
    return pm is not None and bm is not None and successor(bm["no"], pm["no"])


_FIGURES_RE = re.compile(r"\d+")


def earlier_in_series(current: str, no: str) -> bool:
    """ "2016/84" under minute "2016/96", "12/23" under "43/23", "HWB-24-12" under "HWB-24-43":
    a minute coded like the one in force, the same but for a lower number, is an earlier
    meeting's minute cited ("Item 2016/84 Paragraph 5 should read: ..."), since a series of
    minutes only runs on. Codes with a "/" or "-" only: "4.1" under "4.3" is a sub-item's."""
    if "/" not in no and "-" not in no:
        return False
    if _FIGURES_RE.sub("9", current) != _FIGURES_RE.sub("9", no):
        return False
    pairs = list(zip(_FIGURES_RE.findall(current), _FIGURES_RE.findall(no), strict=True))
    differ = [(int(a), int(b)) for a, b in pairs if a != b]
    return len(pairs) >= 2 and len(differ) == 1 and differ[0][1] < differ[0][0]


# "12932. Co-option of a New Parish Councillor – ...", "18619 Ratification of the minutes ...":
# a council that numbers its minutes on from meeting to meeting, past 9999
_FIVE_FIGURE_RE = re.compile(r"^(?P<no>\d{5})\.?\s+(?=[A-Z][a-z])")


def running_minutes(texts: list[str]) -> dict[int, str]:
    """The units opening with five-figure minute numbers that run on (three or more, each the
    one after the last such number: "12930." / "12931." / "12932."), with their numbers; one
    such number alone may be an amount or a reference, a run of them is the page's minutes."""
    found = [(k, m["no"]) for k, t in enumerate(texts) if (m := _FIVE_FIGURE_RE.match(t))]
    runs: dict[int, str] = {}
    run: list[tuple[int, str]] = []
    for k, no in found + [(-1, "")]:
        if run and no and int(no) == int(run[-1][1]) + 1:
            run.append((k, no))
            continue
        if len(run) >= 3:
            runs.update(run)
        run = [(k, no)] if no else []
    return runs


def not_this_item(
    text: str, no: str, current: str, numbered: str, paragraph: str, before: str
) -> bool:
    """Is the number `no` read from this unit (`text`) no item here, under the item `current`
    (`numbered`: the last number printed; `paragraph`: the last number printed alone on its
    line; `before`: the unit before)? Paragraph numbers alone on their lines running on through
    coded minutes ("1." / "65/16 Apologies" / "2." / "66/16 Elect Chair" / "3."), a decision's
    numbered parts ("3.1 the background to ...;" / "3.4 AGREED that ...") and an earlier minute of
    the year's series cited ("Item 2016/84 Paragraph 5 should read: ..." under 2016/96)."""
    if (
        no.isdigit()
        and ITEM_ALONE_RE.match(text)
        and "/" in numbered
        and paragraph
        and successor(paragraph, no)
    ):
        return True
    if current and no.startswith(current + ".") and decision_part(text, before):
        return True
    return earlier_in_series(current, no)


# "2. The Board had before it the minute of ...": a paragraph numbered in the page's run of
# minutes, its sentence opening on a capital
_NUMBERED_PARAGRAPH_RE = re.compile(r"^(?P<no>\d{1,3})\.\s+[A-Z(]")


def paragraph_under_title(text: str, title: str, current: str) -> str | None:
    """A paragraph numbered as the item after `current` (or the page's first) straight under a
    title in capitals that stands alone on its line ("MINUTE OF BOARD MEETING, 20 JUNE 2018" /
    "2. The Board had before it ..."): a Scottish council's minute, its number on its first
    paragraph, not on its title."""
    m = _NUMBERED_PARAGRAPH_RE.match(text)
    if m is None or not (successor(current, m["no"]) or (not current and m["no"] in ("1", "2"))):
        return None
    letters = [c for c in title if c.isalpha()]
    if len(letters) < 6 or sum(c.isupper() for c in letters) < 0.9 * len(letters):
        return None
    if title.rstrip().endswith((".", ":", ";", ",")) or re.match(r"\d", title):
        return None  # a sentence or a lead-in, or a numbered title (an item of its own)
    return m["no"]


# "3. It was RESOLVED to ...", "3. Minutes of the meeting of 4 May (proposed A, seconded B)
# agreed.": a dotted number before the item's whole minute, which reads as a sentence
_DOTTED_PARAGRAPH_RE = re.compile(r"^(?P<no>\d{1,3})\.\s+(?P<rest>[A-Z].*)$")
_NEXT_NUMBERED_RE = re.compile(r"^\(?(?P<no>\d{1,3})[.)]\s")
_CLAUSE_RE = re.compile(r"^(?:that|to)\s+[a-z]", re.I)
# what opens a sentence, or a finite verb in it, in a heading that is no title
_SENTENCE_RE = re.compile(
    r"\s*(?:the|it|this|there|members|councillors?|cllrs?|he|she|they|we)\b"
    r"|.*\b(?:was|were|is|are|has|had|have)\b",
    re.I,
)


def _sentence(rest: str) -> bool:
    """Does a numbered heading's text read as a sentence ("The Cabinet Secretary highlighted
    ...:", "Denise Coia shared the key themes ...") rather than a title ("Declarations of
    interest", "Apologies for Absence (noted clash ...)")?"""
    if rest.rstrip().endswith(":") or _SENTENCE_RE.match(rest):
        return True
    return any(w.endswith("ed") and w.islower() for w in rest.split()[1:3])


_REACH = 40  # units searched below for the next numbered unit (keeps the reading linear)


def paragraph_in_turn(
    texts: list[str], i: int, current: str, heading: Line, previous: str
) -> str | None:
    """A paragraph numbered "N." as the item after `current`, on a page whose item in force was
    printed "N-1." too (`heading`), when the next numbered unit below is "N+1." before a
    capital: the page's run of items goes on through it ("2. Declarations" / "3. It was
    RESOLVED to renew the contract." / "4. Date of next meeting"), however its text reads. Not
    under a lead-in (":"), not a clause ("3. That ...", "3. To ..."), which a list's are, and
    not when the heading in force is no title by itself (a page of numbered paragraphs)."""
    m = _DOTTED_PARAGRAPH_RE.match(texts[i])
    if m is None or not current.isdigit() or not successor(current, m["no"]):
        return None
    if not heading.text.startswith(f"{current}.") or previous.rstrip().endswith((":", ":-")):
        return None
    if item_number(heading) != current or _sentence(heading.text[len(current) + 1 :]):
        return None  # "6. Denise Coia shared the key themes ...": the page numbers paragraphs
    if _CLAUSE_RE.match(m["rest"]):
        return None
    want = str(int(m["no"]) + 1)
    for t in texts[i + 1 : i + 1 + _REACH]:
        n = _NEXT_NUMBERED_RE.match(t)
        if n is None:
            continue
        rest = t[n.end() :].lstrip()
        ok = t.startswith(f"{want}.") and rest[:1].isupper() and not _CLAUSE_RE.match(rest)
        return m["no"] if ok else None
    return None


def list_goes_on(text: str, no: str, current: str, last_listed: str, heading: str) -> bool:
    """Is this numbered unit the next entry of a list running under the item in force (its
    last entry numbered `last_listed`) rather than an item? It is when its number comes after
    the list's last and is below the item's ("5. Accounts" / "1. All ..." / "2. An ..."), or,
    when the item's `heading` was not printed "N)", when the list's entries are printed "N)" as
    this one is: "6. Donations" / "1) Air ambulance £100" ... "6) Guides £30" / "7) Food bank"."""
    if not (no.isdigit() and current.isdigit() and successor(last_listed, no)):
        return False
    if int(no) < int(current):
        return True
    return text.startswith(f"{no})") and not heading.startswith(f"{current})")
