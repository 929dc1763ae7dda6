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
  "ref: 709", "32 APPOINTMENT OF COMMITTEES") and records for every unit the item it sits in
  (`item_headings`);
* marks the agenda part of each item (between its heading and its "Minutes:" label, or a line
  followed by a "Proposal:" label), where "X to <verb>" is an agenda description, not an action;
* marks action logs (a page or section headed "Action / Progress", "Action Plan", "action log").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .apart_cells import owner_cells_moved
from .cut_labels import initials_rejoined, labels_rejoined
from .earlier_actions import held_over, reviewing_earlier
from .hyphens import mended_hyphens
from .item_headings import item_headings
from .joins import (
    cells_rejoined,
    keyword_cells,
    letter_runs,
    numbered_cells,
    rejoin,
    unglued_numbers,
)
from .lead_items import lead_in_items
from .pagekind import RECORD, PageKind, page_kind
from .referenced_cells import referenced_cell_lines
from .run_tables import run_tables
from .sections import (
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


def segment(text: str, rows: frozenset[int] = frozenset()) -> Segmented:
    """The units of `text` (already cleaned) with their items and sections; the units in `rows`
    (an action log's numbered rows, found by `row_numbers.segment_page`) are taken as no heading."""
    lines, runs = _units(text)
    found = item_headings(lines, rows)
    headings, strong = found.headings, found.strong
    agenda = agenda_parts(lines, headings)
    log = action_log(lines) | actions_lists(lines, headings)
    is_agenda = agenda_page(lines)
    return Segmented(
        lines,
        found.items,
        frozenset(headings),
        frozenset(strong),
        frozenset(agenda),
        frozenset(log),
        frozenset(put_to_the_meeting(lines, headings | strong)),
        is_agenda,
        found.lost,
        frozenset(held_over(lines, headings)),
        page_kind(lines, is_agenda),
        frozenset(reviewing_earlier(lines, headings)),
        runs,
        found.clock,
    )


def _units(text: str) -> tuple[list[Line], dict[int, Run]]:
    """The page's units, before any is classified: its printed lines with tables, wrapped lines
    and flattened pages put back to one unit a row, a sentence or a cell; and the runs of a
    flattened page that was hard-wrapped."""
    printed = split_lines(text)
    width = wrap_width(printed)  # the column the page was hard-wrapped at, if it was
    printed, runs = long_runs_unwrapped(printed, width)  # a flattened page hard-wrapped
    # a table's rows hard-wrapped, its cells wrapped in their columns or pasted one a line: one
    # line a row again
    printed = owner_cells_moved(rows_unwrapped(printed, width))  # "... the   QW" / "gutter."
    printed = cell_lines_rejoined(aligned_rows_unwrapped(printed))
    printed = referenced_cell_lines(printed)  # "3.01" / "Book ..." / "Clerk" / "3.02" / ...
    printed = run_tables(printed, width)  # "No Action Owner 1. Book the hall Clerk 2. ...": cells
    printed = labels_rejoined(printed)  # "... . Action:" / "QW/ZM": the owner cut off
    printed = initials_rejoined(printed, width)  # "Order the ..." / "DVK": a row's owner cut off
    units = keyword_cells(numbered_cells(unglued_numbers(explode(printed))))
    lines = letter_runs(cells_rejoined(rejoin(lead_in_items(mended_hyphens(units)), width)))
    return without_page_furniture(lines), runs  # "Page 2 of 5" between two items of a list
