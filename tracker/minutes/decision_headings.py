"""The decision heading the keyword reader reads at a line: a keyword ("RESOLVED", "Agreed",
"Decision:") opening the line or, after a sentence, inside it; unless the keyword is an item of
a list under a lead-in, a table's column name, one decision a line after "the following:", or
an item's own title."""

from __future__ import annotations

import re
from collections.abc import Set

from .keyword_lines import (
    MID_LINE_HEADING_RE,
    MID_LINE_LEAD_IN_RE,
    bulleted_under_lead_in,
    header_cell,
    title_heading,
)
from .lead_lines import lines_follow
from .patterns import Heading, match_heading
from .text import Line

# "and it was AGREED that he would pledge his oath ...": rule 3's impersonal form with "would",
# a reported undertaking, whatever the word's capitals
_IMPERSONAL_WOULD_RE = re.compile(
    r"^\W*(?:and\s+|,\s*)?it\s+was\s+(?:\w+\s+)?(?:resolved|agreed)\s+that\b"
    r"[^.;]{0,200}?\b(?:would|will)\b",
    re.I,
)


def decision_heading(lines: list[Line], i: int, headings: Set[int]) -> tuple[Line, Heading | None]:
    """The decision heading at line `i`, and the line it heads: `lines[i]`, or the part of it
    from a keyword after a sentence. `headings` are the page's item headings."""
    ln = lines[i]
    head = ln
    heading = match_heading(ln.text, ln.m)
    if heading is None:
        # "It was moved by Cllr A, seconded by Cllr B, and RESOLVED that ...", "... a report.
        # It was resolved to: A Note ... B Note ...": a lead-in after the sentence before
        mid = MID_LINE_HEADING_RE.search(ln.m) or MID_LINE_LEAD_IN_RE.search(ln.m)
        if mid is not None and _IMPERSONAL_WOULD_RE.match(ln.m[mid.start() :]):
            mid = None  # "... and it was AGREED that he would pledge ...": an undertaking
        if mid is not None:
            part = ln.text[mid.start("kw") :]
            head = Line(ln.no, ln.raw, part, ln.m[mid.start("kw") :])
            heading = match_heading(head.text, head.m)
    if heading is not None and head is ln and bulleted_under_lead_in(lines, i):
        heading = None  # "The Board:" / "• NOTED the ..." / "• APPROVED ...": the list's item
    if heading is not None and head is ln and not heading.inline and header_cell(lines, i):
        heading = None  # "Item | Description | Decision |": a table's column name
    if heading is not None and head is ln and lines_follow(lines, i):
        heading = None  # "The Board APPROVED the following:" / one decision a line
    if heading is not None and i in headings and title_heading(heading):
        heading = None  # "18/17 RESOLUTION TO MEET IN CLOSED SESSION": an item's title
    return head, heading
