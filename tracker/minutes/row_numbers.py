"""The numbered rows of an action log, which the segmenter takes for no item heading.

A row of an action table ("1 / Circulate the revised plan / JS / March", "2 | Book the venue |
Clerk | April", its cells run together by tabs or spaces) begins with its row's number, as an
item heading begins with the item's. Read as headings, the rows would put what follows the log
("RESOLVED that the budget be approved.") under the last row's number, which is no item of the
meeting, and hide the next real heading ("5. Budget" after row "3" is out of turn). The rows
are the units the action-table readers take: a table under a header row naming its columns
(" / ", "|", tabs or runs of spaces) and one whose columns are read from its rows.
"""

from __future__ import annotations

from .aligned_tables import read_aligned_table, wrapped_header
from .columns import inferred_tables, row_cells
from .keyword_lines import stop_line
from .logrows import log_rows
from .segment import Segmented, segment
from .tables import match_table_header, read_action_table


def numbered_rows(seg: Segmented) -> frozenset[int]:
    """The units of `seg` that are rows (or wrapped cells) of an action table, when any item
    heading is split into cells as a row is (else none: the tables are not read for nothing)."""
    lines = seg.lines
    if not any(row_cells(lines[h]) for h in seg.headings):
        return frozenset()
    _, rows = inferred_tables(seg, [k for k, u in enumerate(lines) if u.text])
    rows |= log_rows(seg)[1]
    for k, ln in enumerate(lines):
        roles = match_table_header(ln) if ln.text else None
        if roles is not None:
            end = read_action_table(lines, k, roles, stop_line)[2]
            rows.update(range(k + 1, end))
        aligned = wrapped_header(lines, k) if ln.text else None
        if aligned is not None:
            rows.update(range(k + 2, read_aligned_table(lines, k, *aligned, stop_line)[2]))
    return frozenset(rows)


def segment_page(text: str) -> Segmented:
    """`segment`, where the numbered rows of an action log ("1 / Circulate the plan / JS /
    March") are its rows, not item headings: the units after them stay under the item the log
    sits in (the page is read again without them)."""
    seg = segment(text)
    rows = numbered_rows(seg) & seg.headings
    return segment(text, rows) if rows else seg
