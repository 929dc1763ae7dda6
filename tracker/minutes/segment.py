"""The layout-aware segmenter: minutes text into units (virtual lines) before anything is
classified.

Each unit is a `Line` that keeps the number of the source line it came from, so a page
flattened onto one line gives many units that all say "line 1". What it does, in order (the
first three in `units`):

* splits table rows flattened with "|" into their cells, and ModernGov cells
  ("Apologies Minutes: Apologies were ...") at their "Minutes:" / "Additional documents:" labels;
* reads " / " cell separators: "1. / Welcome & Apologies" is the item heading "1. Welcome ...";
* splits a very long line (a page or an action log flattened onto one line) into sentences, and
  before an item heading ("1359 MINUTES OF ...", "4. MATTERS ARISING") or a keyword
  ("RESOLVED", "Action –") inside it;
* rejoins hard-wrapped lines ("... be" / "agreed as a correct record.") across blank lines;
* finds item headings ("5.1", "39/20", "F03:04/24", "2020-06_4.", "19/17", "1359", "(Item 63)",
  "ref: 709", "32 APPOINTMENT OF COMMITTEES") and records for every unit the item it sits in;
* marks the agenda part of each item (between its heading and its "Minutes:" label, or a line
  followed by a "Proposal:" label), where "X to <verb>" is an agenda description, not an action;
* marks action logs (a page or section headed "Action / Progress", "Action Plan", "action log").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .cut_labels import initials_rejoined, labels_rejoined
from .earlier_actions import held_over, reviewing_earlier
from .flat_items import flattened, flattened_next_title
from .glued_lines import NUMBER_BEFORE_KEYWORD_RE
from .hyphens import mended_hyphens
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
from .joins import (
    cells_rejoined,
    glued_code,
    keyword_cells,
    letter_runs,
    numbered_cells,
    rejoin,
    unglued_numbers,
)
from .lead_items import decided_point, lead_in_items
from .lost_numbers import before_restart, bulleted_topic, numbers_lost_from, unnumbered_item
from .marked_runs import marked_runs
from .own_numbers import own_numbers
from .pagekind import RECORD, PageKind, page_kind
from .referenced_cells import referenced_cell_lines
from .run_tables import run_tables
from .sections import (
    MINUTES_LABEL_RE,
    action_log,
    actions_lists,
    agenda_page,
    agenda_parts,
    put_to_the_meeting,
)
from .text import Line, split_lines
from .units import explode
from .wrapped import Run, long_runs_unwrapped, without_page_furniture, wrap_width
from .wrapped_rows import aligned_rows_unwrapped, cell_lines_rejoined, rows_unwrapped

# Item headings -------------------------------------------------------------------------------

# Sections -------------------------------------------------------------------------------------
_APPLICATION_RE = re.compile(
    r"^(?:-\s+)?(?:\d{2}/\d{5,7}/[A-Z]{2,6}|[A-Z]/\d{4}/\d{2}/[A-Z]{2,4}|Application:?\s+\d{5,})\b"
)


@dataclass(frozen=True)
class Segmented:
    """The units of a page and what the segmenter learnt about each."""

    lines: list[Line]
    items: list[str]  # the item number in force at each unit ("" before any)
    headings: frozenset[int]  # units that are item headings
    strong: frozenset[int]  # headings that cannot be a numbered paragraph of a list
    agenda: frozenset[int]  # units in an item's agenda part
    log: frozenset[int]  # units inside an action log
    # units under a "Proposal:" or "Comments:" label: what was put or said, not what was decided
    proposed: frozenset[int] = frozenset()
    # the page is an agenda (its title says so and nothing shows a meeting was held): what it
    # recommends is for the meeting to decide
    agenda_page: bool = False
    # the unit from which the page's item numbers were lost (every item printed "1."), if any
    numbers_lost_from: int | None = None
    # units under "Actions held over from previous meetings": earlier meetings' decisions
    earlier: frozenset[int] = frozenset()
    # what the page reads as: a record of a meeting, or an agenda, report, terms of reference
    # ... that records no decision (what reads as one there goes to review)
    kind: PageKind = RECORD
    # those of them under an item reporting on earlier actions ("Update on Actions arising from
    # previous meetings"), where the meeting may still decide and label a new action
    reviewing: frozenset[int] = frozenset()
    runs: Mapping[int, Run] = field(default_factory=dict)  # wrapped.long_runs_unwrapped
    # the page opens lines with clock times ("7:00 Welcome"): none is an item number
    clock: bool = False


# "15/145", "2020/01/05", "C/2023/05": a minute numbered with its year or the body's code
_CODED_MINUTE_RE = re.compile(r"(?:[A-Z]{1,4}/?)?\d{1,4}/\d{1,4}(?:/\d{1,4})?")


def segment(text: str, rows: frozenset[int] = frozenset()) -> Segmented:
    """The units of `text` (already cleaned) with their items and sections; the units in `rows`
    (an action log's numbered rows, found by `row_numbers.segment_page`) are taken as no heading."""
    printed = split_lines(text)
    width = wrap_width(printed)  # the column the page was hard-wrapped at, if it was
    printed, runs = long_runs_unwrapped(printed, width)  # a flattened page hard-wrapped
    # a table's rows hard-wrapped, its cells wrapped in their columns or pasted one a line: one
    # line a row again
    printed = cell_lines_rejoined(aligned_rows_unwrapped(rows_unwrapped(printed, width)))
    printed = referenced_cell_lines(printed)  # "3.01" / "Book ..." / "Clerk" / "3.02" / ...
    printed = run_tables(printed, width)  # "No Action Owner 1. Book the hall Clerk 2. ...": cells
    printed = labels_rejoined(printed)  # "... . Action:" / "QW/ZM": the owner cut off
    printed = initials_rejoined(printed, width)  # "Order the ..." / "DVK": a row's owner cut off
    units = keyword_cells(numbered_cells(unglued_numbers(explode(printed))))
    lines = letter_runs(cells_rejoined(rejoin(lead_in_items(mended_hyphens(units)), width)))
    lines = without_page_furniture(lines)  # "Page 2 of 5" between two items of a list
    items: list[str] = []
    headings: set[int] = set()
    strong: set[int] = set()
    current = ""
    previous = ""
    style = ""  # how the page numbers its items ("9." or "9/17"), once seen
    minuted = False  # the current item's "Minutes:" label has been passed
    cur_dotted = False  # the current item's number is written "3." (not "3")
    last_heading = -1
    listed_under = False  # a numbered list item stood since the last heading
    list_no = ""  # the number of the last such list item
    last_listed = ""  # that list item's number, its marker's digits
    numbered = ""  # the last item number printed (kept when an unnumbered title follows)
    listed = ""  # the number of the last item listed under a lead-in's colon
    listed_at = -1  # and its unit, while it has not been taken as a heading
    prev_unit = -1  # the last unit with text before this one
    points_of = ""  # the item whose decided points ("3.1 ...;") are being read, if any
    paragraph = ""  # the last number printed alone on its line ("3.")
    flat = flattened(lines)
    clock = clock_times(ln.text for ln in lines)  # "7:00 Welcome": times, not item numbers
    running = running_minutes([ln.text for ln in lines])  # "12932. Co-option ...": past 9999
    texts = [ln.text for ln in lines]
    own = own_numbers(texts)  # "FC-23-41", "FC-23-42": the page's own codes
    own = {**marked_runs(texts), **own}  # "2 – Title", "(2) Title", "B. Title", "ii) Title"
    for i, ln in enumerate(lines):
        no = item_number(ln, clock) if ln.text else None
        if no is None and i in running:
            no = running[i]
        if no is None and i in own:
            no = own[i]
        if (
            no
            and ln.text == no
            and NUMBER_BEFORE_KEYWORD_RE.match(ln.raw)
            and current
            and not successor(current.rstrip("."), no)
        ):
            lines[i] = ln = Line(ln.no, ln.raw, "", "")  # "16 Resolved that ...": the page's number
            no = None
        if no is None and ln.text:
            no = agenda_title_in_turn(
                ln.text, current, previous, not headings, prev_unit in headings
            )
        if no is None and ln.text:
            no = short_title_in_turn(
                lines, i, current, previous, not headings, prev_unit in headings
            )
        if no is None and ln.text:
            no = flattened_next_title(lines, i, current, flat)
        if no is None and ln.text:
            no = numbered_run(lines, i, current)
        if no is None and ln.text and prev_unit >= 0:  # "TITLE" / "2. The Board had ..."
            no = paragraph_under_title(ln.text, lines[prev_unit].text, current)
        if no is None and ln.text and not headings:
            no = titled_minute_in_turn(ln.text, current, first=True)  # "1. Welcome. The Chair"
        coded = no is None and bool(ln.text) and glued_code(ln.text) is not None
        if coded:
            no = glued_code(ln.text)  # "A5Audit Committee report": the code glued to its title
        if no is None and ln.text and last_heading >= 0 and not listed_under:
            if cur_dotted:  # a list under the item is not its sibling
                no = long_next_title(ln.text, current)
            if no is None:
                no = titled_minute_in_turn(ln.text, current)
            if no is None:
                no = bracketed_paragraph_in_turn(ln.text, current, lines[last_heading].text)
            # "2. Declarations" / "None." / "3. It was RESOLVED ..." / "4. Date ...": the item in
            # force has a minute of its own (numbered entries one after another are a list's)
            if no is None and cur_dotted and prev_unit != last_heading:
                no = paragraph_in_turn(texts, i, current, lines[last_heading], previous)
        if no and successor(listed, no) and _TITLED_PARAGRAPH_RE.match(ln.text):
            # "8.2 Networking ..." after "8.1 Twinning ..." listed under a colon: both are items
            if listed_at >= 0 and listed_at not in headings:
                headings.add(listed_at)
                items[listed_at:] = [listed] * (len(items) - listed_at)
            listed, listed_at = no, -1
            strong.add(i)
        elif (
            no is not None
            and previous.endswith((":", ":-"))
            and not ITEM_ALONE_RE.match(ln.text)
            and not page_label(previous)  # "Additional documents:": not a lead-in
            # "1. Declarations of Interest:" / "1. Minutes of last meeting:": a title with
            # nothing under it, then the next item's, numbered as it or as its successor
            and not (prev_unit in headings and (no == current or successor(current, no)))
            and not item_under_colon(
                ln.text, no, current, lines[prev_unit].text if prev_unit in headings else None
            )
        ):
            listed, listed_at = (no, i) if _TITLED_PARAGRAPH_RE.match(ln.text) else ("", -1)
            no = None  # "11.1 Reinforced ..." listed under "be taken in private:-"
        if (
            no
            and listed_under
            and prev_unit >= 0
            and prev_unit not in headings
            and lines[prev_unit].text.startswith((f"{list_no}.", f"{list_no})", f"({list_no})"))
            and len(lines[prev_unit].text) > 60
            and current.isdigit()
            and no.isdigit()
            and int(no) < int(current)  # numbered again from 1 under item 5: a list
            and successor(list_no, no)
            and not successor(current, no)
            and _LIST_MARK_RE.match(ln.text)
        ):
            no = None  # "1. All Councillors can ..." / "2. An annual review ...": the list's next
        if no and ITEM_ALONE_RE.match(ln.text) and inside_sentence(lines, i, previous):
            no = None  # "Following Mrs Lee's" / "66" / "talk, the Council ...": a page number
        if no and wrapped_year(no, previous):
            no = None  # "... for the Municipal year" / "2021/22. |": the year ends that sentence
        if no is not None and ITEM_ALONE_RE.match(ln.text):
            form = shape(ln.text)
            if (
                minuted
                and style
                and form != style
                and not successor(re.sub(r"[a-z]+$", "", current), no)
            ):
                no = None  # "485/16" under item "113.": an earlier action's reference
            elif not minuted or not style:
                style = form
        if no and decided_point(no, current, previous, points_of == current):
            no, points_of = None, current  # "NOTED" / "3.1 the background ...;" (branch leadlist)
        if no is not None:
            minuted = False
        elif MINUTES_LABEL_RE.match(ln.m):
            minuted = True
        if ln.text:
            previous = ln.text
        if (
            no is not None
            and re.fullmatch(r"(?:19[89]\d|20[0-3]\d)", no)
            and (
                previous.endswith(("-", "\u2013"))
                or ln.text[len(no) :].lstrip().startswith("(")
                or (prev_unit >= 0 and after_month(lines[prev_unit].text))
            )
        ):
            # "2020 (Minute Item 4)": a year wrapped from the title above; "HELD ON 18 AUGUST" /
            # "2017 RESOLVED - That ...": a flattened page cut inside a date
            no = None
        if no == "" and bulleted_topic(lines, i, bool(current) and prev_unit in headings):
            no = None  # one of a list of bullets, or a topic of the numbered item above it
        dotted = bool(_DOTTED_RE.match(ln.text))
        if (
            no
            and dotted != cur_dotted
            # "(agenda item 5)" in the attendance list set the item: no heading's style yet
            and bool(headings)
            and current.replace(".", "").isdigit()
            and no.replace(".", "").isdigit()
            and not ITEM_ALONE_RE.match(ln.text)
            and not strong_heading(ln.text, no)
            and not successor(current, no)
            and not no.startswith(current + ".")
            and not _later_item(numbered, no)
        ):
            no = None  # "7 Church Lane, Little Eversden" under item 3: an address, not item 7
        heading = lines[last_heading].text if last_heading >= 0 else ""
        if no and listed_under and list_goes_on(ln.text, no, current, last_listed, heading):
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
            before = lines[prev_unit].text if prev_unit >= 0 else ""
            if not_this_item(ln.text, no, current, numbered, paragraph, before):
                no = None
            paragraph = ln.text.rstrip(".") if alone else paragraph
        if i in rows:
            no = None  # "1 / Circulate the plan / JS / March": a row of an action log
        if no is None and ln.text and _APPLICATION_RE.match(ln.text):
            strong.add(i)  # "- 20/501113/FULL ...": a planning application, ends a block
        if no is not None:
            cur_dotted = dotted
            if (
                coded
                or strong_heading(ln.text, no)
                or successor(current, no)
                or _later_item(numbered, no)
            ):
                strong.add(i)
            current = numbered = no.rstrip(".")
            headings.add(i)
        elif unnumbered_item(lines, i, last_heading, headings):
            current = ""  # "Minutes of a ... Meeting held on 1 March 2017.": item 307 unprinted
        elif not headings:  # "(Item 63)", "ref: 709" before any heading of the page
            rm = ITEM_REF_RE.search(ln.text) if ln.text else None
            if rm and len(ln.text) < 400:
                current = rm.group("no") or rm.group("ref")
        items.append(current)
        left = number_inside(ln.text, current) if ln.no in flat and no is None else None
        if left:
            current = numbered = left  # the units after it are the next item's
        if ln.text:
            prev_unit = i
        if i in headings:
            last_heading, listed_under = i, False
        elif ln.text and _LIST_MARK_RE.match(ln.text):
            listed_under = True  # a numbered list under the current item
            list_no = re.match(r"\(?(\d{1,3})", ln.text).group(1)  # type: ignore[union-attr]
            last_listed = re.sub(r"\D", "", ln.text.split(None, 1)[0])
    contents = before_restart(lines, headings, items)
    for k in contents or ():
        if k not in headings:
            items[k] = ""  # "9. Date of Next Meeting" in the contents: not this unit's item
    lost = numbers_lost_from(lines)
    if lost is not None:  # every item printed "1.": the page's numbers were lost
        items[lost:] = [""] * (len(items) - lost)
    agenda = agenda_parts(lines, headings)
    log = action_log(lines) | actions_lists(lines, headings)
    is_agenda = agenda_page(lines)
    return Segmented(
        lines,
        items,
        frozenset(headings),
        frozenset(strong),
        frozenset(agenda),
        frozenset(log),
        frozenset(put_to_the_meeting(lines, headings | strong)),
        is_agenda,
        lost,
        frozenset(held_over(lines, headings)),
        page_kind(lines, is_agenda),
        frozenset(reviewing_earlier(lines, headings)),
        runs,
        clock,
    )


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


def _later_item(current: str, no: str) -> bool:
    """ "308.1" after item "306": a paragraph of a later item (307's heading was lost), not an
    address or a reference."""
    a, b = current.split(".")[0], no.split(".")[0]
    return a.isdigit() and b.isdigit() and "." in no and 0 < int(b) - int(a) <= 3
