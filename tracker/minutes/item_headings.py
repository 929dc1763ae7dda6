"""Item headings: which units of a page head an item, and the item in force at each unit.

The segmenter walks the units once, top to bottom. At each unit it reads the number the unit's
words could give it (printed, the page's own code, a title taken in turn), then weighs that number
against what the units above showed (a lead-in's list, a list numbered again under the item, a
page number, a year, an address, a coded minute's parts, a paragraph cited). A number that is
left makes the unit a heading, and the item in force changes there. The order of the weighing
matters: some steps remember what they saw (the page's numbering style, the list being read).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .flat_items import flattened, flattened_next_title
from .glued_lines import NUMBER_BEFORE_KEYWORD_RE
from .in_turn import (
    after_month,
    agenda_title_in_turn,
    bracketed_paragraph_in_turn,
    inside_sentence,
    long_next_title,
    number_inside,
    numbered_run,
    page_label,
    short_title_in_turn,
    titled_minute_in_turn,
    wrapped_year,
)
from .item_context import (
    item_under_colon,
    list_goes_on,
    not_this_item,
    paragraph_in_turn,
    paragraph_under_title,
    running_minutes,
)
from .item_order import shape, strong_heading, successor
from .items import ITEM_ALONE_RE, ITEM_REF_RE, clock_times, item_number
from .joins import glued_code
from .lead_items import decided_point
from .lost_numbers import before_restart, bulleted_topic, numbers_lost_from, unnumbered_item
from .marked_runs import marked_runs
from .own_numbers import own_numbers
from .sections import MINUTES_LABEL_RE
from .text import Line

_APPLICATION_RE = re.compile(
    r"^(?:-\s+)?(?:\d{2}/\d{5,7}/[A-Z]{2,6}|[A-Z]/\d{4}/\d{2}/[A-Z]{2,4}|Application:?\s+\d{5,})\b"
)
# "15/145", "2020/01/05", "C/2023/05": a minute numbered with its year or the body's code
_CODED_MINUTE_RE = re.compile(r"(?:[A-Z]{1,4}/?)?\d{1,4}/\d{1,4}(?:/\d{1,4})?")
_LIST_MARK_RE = re.compile(r"^\(?\d{1,3}[.)]\s")
_DOTTED_RE = re.compile(r"\d+(?:\.\d+)*\.\s")
# "8.1 Twinning – Cllr Dunlop ...": a numbered paragraph with a title and a dash, as the items
# of a part of the agenda ("Member items:") are printed
_TITLED_PARAGRAPH_RE = re.compile(
    r"^\d{1,3}\.\d{1,3}\s+[A-Z][^.:;\u2013\u2014]{2,60}\s[\u2013\u2014-]\s"
    # "4.1 Herefordshire Councillor (Cllr M Cooper)" under "4. To Receive Brief Reports from:":
    # a sub-item's short title alone on its line
    r"|^\d{1,3}\.\d{1,3}\s+[A-Z][^.:;\u2013\u2014]{2,80}$"
)


@dataclass(frozen=True)
class ItemHeadings:
    """What the walk found: the item in force at each unit ("" before any), the headings, the
    strong ones (that cannot be a numbered paragraph of a list), the unit from which the page's
    item numbers were lost, and whether the page opens lines with clock times."""

    items: list[str]
    headings: set[int]
    strong: set[int]
    lost: int | None
    clock: bool


def item_headings(lines: list[Line], rows: frozenset[int]) -> ItemHeadings:
    """The item headings of `lines` (a unit whose number is the page's own, printed before a
    keyword, is blanked in place); the units in `rows` (an action log's numbered rows) are no
    heading."""
    walk = _Walk(lines, rows)
    for i in range(len(lines)):
        walk.step(i)
    items, headings = walk.items, walk.headings
    contents = before_restart(lines, headings, items)
    for k in contents or ():
        if k not in headings:
            items[k] = ""  # "9. Date of Next Meeting" in the contents: not this unit's item
    lost = numbers_lost_from(lines)
    if lost is not None:  # every item printed "1.": the page's numbers were lost
        items[lost:] = [""] * (len(items) - lost)
    return ItemHeadings(items, headings, walk.strong, lost, walk.clock)


class _Walk:
    """The walk down the page: the item in force and what the units above it showed."""

    def __init__(self, lines: list[Line], rows: frozenset[int]) -> None:
        self.lines = lines
        self.rows = rows
        self.items: list[str] = []
        self.headings: set[int] = set()
        self.strong: set[int] = set()
        self.current = ""
        self.previous = ""
        self.style = ""  # how the page numbers its items ("9." or "9/17"), once seen
        self.minuted = False  # the current item's "Minutes:" label has been passed
        self.cur_dotted = False  # the current item's number is written "3." (not "3")
        self.last_heading = -1
        self.listed_under = False  # a numbered list item stood since the last heading
        self.list_no = ""  # the number of the last such list item
        self.last_listed = ""  # that list item's number, its marker's digits
        self.numbered = ""  # the last item number printed (kept when an unnumbered title follows)
        self.listed = ""  # the number of the last item listed under a lead-in's colon
        self.listed_at = -1  # and its unit, while it has not been taken as a heading
        self.prev_unit = -1  # the last unit with text before this one
        self.points_of = ""  # the item whose decided points ("3.1 ...;") are being read, if any
        self.paragraph = ""  # the last number printed alone on its line ("3.")
        self.flat = flattened(lines)
        self.clock = clock_times(ln.text for ln in lines)  # "7:00 Welcome": not item numbers
        self.running = running_minutes([ln.text for ln in lines])  # "12932. Co-option": past 9999
        self.texts = [ln.text for ln in lines]
        self.own = own_numbers(self.texts)  # "FC-23-41", "FC-23-42": the page's own codes
        # "2 – Title", "(2) Title", "B. Title", "ii) Title"
        self.own = {**marked_runs(self.texts), **self.own}

    def step(self, i: int) -> None:
        """Read unit `i`: whether it heads an item, and the item in force there."""
        no = self._printed_number(i)
        ln = self.lines[i]
        if no is None and ln.text:
            no = self._title_in_turn(i, ln)
        coded = no is None and bool(ln.text) and glued_code(ln.text) is not None
        if coded:
            no = glued_code(ln.text)  # "A5Audit Committee report": the code glued to its title
        if no is None and ln.text and self.last_heading >= 0 and not self.listed_under:
            no = self._next_minute(i, ln)
        no = self._listed_under_colon(i, ln, no)
        no = self._list_page_number_or_year(i, ln, no)
        no = self._in_the_pages_style(ln, no)
        if no and decided_point(no, self.current, self.previous, self.points_of == self.current):
            no, self.points_of = None, self.current  # "NOTED" / "3.1 the background ...;"
        if no is not None:
            self.minuted = False
        elif MINUTES_LABEL_RE.match(ln.m):
            self.minuted = True
        if ln.text:
            self.previous = ln.text
        dotted = bool(_DOTTED_RE.match(ln.text))
        no = self._wrapped_date_bullet_or_address(i, ln, no, dotted)
        no = self._part_of_the_item(i, ln, no)
        if i in self.rows:
            no = None  # "1 / Circulate the plan / JS / March": a row of an action log
        if no is None and ln.text and _APPLICATION_RE.match(ln.text):
            self.strong.add(i)  # "- 20/501113/FULL ...": a planning application, ends a block
        self._record(i, ln, no, coded, dotted)

    # The number a unit's words could give it ------------------------------------------------

    def _printed_number(self, i: int) -> str | None:
        """The number printed at the unit's start, its running minute number or the page's own
        code; a number before a keyword that does not follow the item in force is blanked."""
        ln = self.lines[i]
        no = item_number(ln, self.clock) if ln.text else None
        if no is None and i in self.running:
            no = self.running[i]
        if no is None and i in self.own:
            no = self.own[i]
        if (
            no
            and ln.text == no
            and NUMBER_BEFORE_KEYWORD_RE.match(ln.raw)
            and self.current
            and not successor(self.current.rstrip("."), no)
        ):
            self.lines[i] = Line(ln.no, ln.raw, "", "")  # "16 Resolved that ...": the page's
            no = None
        return no

    def _title_in_turn(self, i: int, ln: Line) -> str | None:
        """An unnumbered title (or a run of numbered ones) standing where the next item would."""
        lines, current, previous = self.lines, self.current, self.previous
        first = not self.headings
        after_heading = self.prev_unit in self.headings
        no = agenda_title_in_turn(ln.text, current, previous, first, after_heading)
        if no is None:
            no = short_title_in_turn(lines, i, current, previous, first, after_heading)
        if no is None:
            no = flattened_next_title(lines, i, current, self.flat)
        if no is None:
            no = numbered_run(lines, i, current)
        if no is None and self.prev_unit >= 0:  # "TITLE" / "2. The Board had ..."
            no = paragraph_under_title(ln.text, lines[self.prev_unit].text, current)
        if no is None and first:
            no = titled_minute_in_turn(ln.text, current, first=True)  # "1. Welcome. The Chair"
        return no

    def _next_minute(self, i: int, ln: Line) -> str | None:
        """Under a heading with no list since: the next item's minute, whatever its form."""
        current = self.current
        no = None
        if self.cur_dotted:  # a list under the item is not its sibling
            no = long_next_title(ln.text, current)
        if no is None:
            no = titled_minute_in_turn(ln.text, current)
        if no is None:
            no = bracketed_paragraph_in_turn(ln.text, current, self.lines[self.last_heading].text)
        # "2. Declarations" / "None." / "3. It was RESOLVED ..." / "4. Date ...": the item in
        # force has a minute of its own (numbered entries one after another are a list's)
        if no is None and self.cur_dotted and self.prev_unit != self.last_heading:
            heading = self.lines[self.last_heading]
            no = paragraph_in_turn(self.texts, i, current, heading, self.previous)
        return no

    # What the units above say of that number --------------------------------------------------

    def _listed_under_colon(self, i: int, ln: Line, no: str | None) -> str | None:
        """A lead-in's colon lists the next units: they are its entries, unless titled
        paragraphs numbered one after another show them items."""
        current, previous, prev_unit = self.current, self.previous, self.prev_unit
        if no and successor(self.listed, no) and _TITLED_PARAGRAPH_RE.match(ln.text):
            # "8.2 Networking ..." after "8.1 Twinning ..." listed under a colon: both are items
            listed, listed_at = self.listed, self.listed_at
            if listed_at >= 0 and listed_at not in self.headings:
                self.headings.add(listed_at)
                self.items[listed_at:] = [listed] * (len(self.items) - listed_at)
            self.listed, self.listed_at = no, -1
            self.strong.add(i)
        elif (
            no is not None
            and previous.endswith((":", ":-"))
            and not ITEM_ALONE_RE.match(ln.text)
            and not page_label(previous)  # "Additional documents:": not a lead-in
            # "1. Declarations of Interest:" / "1. Minutes of last meeting:": a title with
            # nothing under it, then the next item's, numbered as it or as its successor
            and not (prev_unit in self.headings and (no == current or successor(current, no)))
            and not item_under_colon(
                ln.text,
                no,
                current,
                self.lines[prev_unit].text if prev_unit in self.headings else None,
            )
        ):
            titled = _TITLED_PARAGRAPH_RE.match(ln.text)
            self.listed, self.listed_at = (no, i) if titled else ("", -1)
            no = None  # "11.1 Reinforced ..." listed under "be taken in private:-"
        return no

    def _list_page_number_or_year(self, i: int, ln: Line, no: str | None) -> str | None:
        """No heading: the next entry of a list numbered again under the item, a page number
        inside a sentence, the year that ends the sentence above."""
        current, prev_unit = self.current, self.prev_unit
        list_no = self.list_no
        if (
            no
            and self.listed_under
            and prev_unit >= 0
            and prev_unit not in self.headings
            and self.lines[prev_unit].text.startswith(
                (f"{list_no}.", f"{list_no})", f"({list_no})")
            )
            and len(self.lines[prev_unit].text) > 60
            and current.isdigit()
            and no.isdigit()
            and int(no) < int(current)  # numbered again from 1 under item 5: a list
            and successor(list_no, no)
            and not successor(current, no)
            and _LIST_MARK_RE.match(ln.text)
        ):
            no = None  # "1. All Councillors can ..." / "2. An annual review ...": the list's next
        if no and ITEM_ALONE_RE.match(ln.text) and inside_sentence(self.lines, i, self.previous):
            no = None  # "Following Mrs Lee's" / "66" / "talk, the Council ...": a page number
        if no and wrapped_year(no, self.previous):
            no = None  # "... for the Municipal year" / "2021/22. |": the year ends that sentence
        return no

    def _in_the_pages_style(self, ln: Line, no: str | None) -> str | None:
        """A number alone on its line sets the page's numbering style; after an item's
        "Minutes:" label one in another style is a reference, not an item."""
        if no is not None and ITEM_ALONE_RE.match(ln.text):
            form = shape(ln.text)
            if (
                self.minuted
                and self.style
                and form != self.style
                and not successor(re.sub(r"[a-z]+$", "", self.current), no)
            ):
                no = None  # "485/16" under item "113.": an earlier action's reference
            elif not self.minuted or not self.style:
                self.style = form
        return no

    def _wrapped_date_bullet_or_address(
        self, i: int, ln: Line, no: str | None, dotted: bool
    ) -> str | None:
        """No heading: a year wrapped from a date above, a bullet or topic under the item, an
        address whose house number is written as the item numbers are not."""
        current, prev_unit = self.current, self.prev_unit
        if (
            no is not None
            and re.fullmatch(r"(?:19[89]\d|20[0-3]\d)", no)
            and (
                self.previous.endswith(("-", "\u2013"))
                or ln.text[len(no) :].lstrip().startswith("(")
                or (prev_unit >= 0 and after_month(self.lines[prev_unit].text))
            )
        ):
            # "2020 (Minute Item 4)": a year wrapped from the title above; "HELD ON 18 AUGUST" /
            # "2017 RESOLVED - That ...": a flattened page cut inside a date
            no = None
        if no == "" and bulleted_topic(self.lines, i, bool(current) and prev_unit in self.headings):
            no = None  # one of a list of bullets, or a topic of the numbered item above it
        if (
            no
            and dotted != self.cur_dotted
            # "(agenda item 5)" in the attendance list set the item: no heading's style yet
            and bool(self.headings)
            and current.replace(".", "").isdigit()
            and no.replace(".", "").isdigit()
            and not ITEM_ALONE_RE.match(ln.text)
            and not strong_heading(ln.text, no)
            and not successor(current, no)
            and not no.startswith(current + ".")
            and not _later_item(self.numbered, no)
        ):
            no = None  # "7 Church Lane, Little Eversden" under item 3: an address, not item 7
        return no

    def _part_of_the_item(self, i: int, ln: Line, no: str | None) -> str | None:
        """No heading: the list under the item going on, the parts of a coded minute, a
        paragraph number or a minute cited (the last number printed alone is remembered)."""
        current = self.current
        heading = self.lines[self.last_heading].text if self.last_heading >= 0 else ""
        if (
            no
            and self.listed_under
            and list_goes_on(ln.text, no, current, self.last_listed, heading)
        ):
            no = None  # "5. Accounts" / "1. All ..." / "2. An ...": the list under item 5 goes on
        if (
            no
            and no.isdigit()
            and int(no) <= 20
            and _CODED_MINUTE_RE.fullmatch(current)
            and not ITEM_ALONE_RE.match(ln.text)
            and not strong_heading(ln.text, no)
        ):
            # "15/145 Matters of Urgency ..." / "1. Planning Application No: 15/0528 - ...": a
            # list numbered under a coded minute is its parts, the item stays the minute's
            no = None
        if no:  # paragraph numbers through coded minutes, a decision's parts, a minute cited
            alone = no.isdigit() and ITEM_ALONE_RE.match(ln.text) is not None
            before = self.lines[self.prev_unit].text if self.prev_unit >= 0 else ""
            if not_this_item(ln.text, no, current, self.numbered, self.paragraph, before):
                no = None
            self.paragraph = ln.text.rstrip(".") if alone else self.paragraph
        return no

    # The unit taken -------------------------------------------------------------------------

    def _record(self, i: int, ln: Line, no: str | None, coded: bool, dotted: bool) -> None:
        """Take the unit as a heading (or not), note the item in force at it, and what it tells
        the units below: a list under the item, the last unit with text."""
        if no is not None:
            self.cur_dotted = dotted
            if (
                coded
                or strong_heading(ln.text, no)
                or successor(self.current, no)
                or _later_item(self.numbered, no)
            ):
                self.strong.add(i)
            self.current = self.numbered = no.rstrip(".")
            self.headings.add(i)
        elif unnumbered_item(self.lines, i, self.last_heading, self.headings):
            self.current = (
                ""  # "Minutes of a ... Meeting held on 1 March 2017.": item 307 unprinted
            )
        elif not self.headings:  # "(Item 63)", "ref: 709" before any heading of the page
            rm = ITEM_REF_RE.search(ln.text) if ln.text else None
            if rm and len(ln.text) < 400:
                self.current = rm.group("no") or rm.group("ref")
        self.items.append(self.current)
        left = number_inside(ln.text, self.current) if ln.no in self.flat and no is None else None
        if left:
            self.current = self.numbered = left  # the units after it are the next item's
        if ln.text:
            self.prev_unit = i
        if i in self.headings:
            self.last_heading, self.listed_under = i, False
        elif ln.text and _LIST_MARK_RE.match(ln.text):
            self.listed_under = True  # a numbered list under the current item
            self.list_no = re.match(r"\(?(\d{1,3})", ln.text).group(1)  # type: ignore[union-attr]
            self.last_listed = re.sub(r"\D", "", ln.text.split(None, 1)[0])


def _later_item(current: str, no: str) -> bool:
    """ "308.1" after item "306": a paragraph of a later item (307's heading was lost), not an
    address or a reference."""
    a, b = current.split(".")[0], no.split(".")[0]
    return a.isdigit() and b.isdigit() and "." in no and 0 < int(b) - int(a) <= 3
