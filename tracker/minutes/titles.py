"""The item title of a minutes page: after an "Agenda item" line, the next non-blank line;
otherwise the first short, heading-like line before any prose, its item number stripped."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .actions import match_action_line
from .cells import cell_row
from .line_classes import LABEL_RE, MINUTES_LINE_RE
from .patterns import match_heading
from .tables import match_table_header
from .text import Line

_AGENDA_ITEM_RE = re.compile(
    r"^agenda\s+item\b\s*(?:no\.?\s*)?(?:\d{1,3}[a-z]?(?:\.\d{1,3})?)?\s*[.:\-)]?\s*(?P<rest>.*)$",
    re.I,
)
_ITEM_NUMBER_RE = re.compile(
    r"^(?:(?:agenda\s+)?item\s+(?:no\.?\s*)?|minute\s+(?:no\.?\s*)?)?\(?\d{1,3}[a-z]?"
    r"(?:[./]\d{1,4})*\)?\s*[.:\-)]?\s+(?=\S)|^(?:agenda\s+)?item\s+\d{1,3}[a-z]?\s*[.:\-]\s*",
    re.I,
)
_BOILERPLATE_RE = re.compile(
    r"^(?:public\s+document\s+pack|minutes\s*:?|agenda\s+item|page\s+\d+(?:\s+of\s+\d+)?|"
    r"item\s+\d+[a-z]?\.?|\d{1,3}[a-z]?\.?|draft|open|public|part\s+(?:i|1|a)|"
    r"(?:decision|issue|meeting)\s+details)\s*$",
    re.I,
)


def strip_item_number(title: str) -> str:
    t = _ITEM_NUMBER_RE.sub("", title, count=1).strip(" -\u2013\u2014:")
    return t or title


def _heading_like(ln: Line) -> bool:
    t = ln.text
    words = t.split()
    if not words or len(t) > 150 or len(words) > 20 or t.endswith((".", ";", ",")):
        return False
    if re.match(r"\d{1,3}\.\d{1,3}\s", t) or match_table_header(ln) is not None:
        return False  # a numbered paragraph ("8.17 ...") or a table header
    if re.search(r"[a-z)][.!?]\s+[A-Z(]", strip_item_number(t)):
        return False  # more than one sentence: prose
    return not t[0].islower()


def _title_candidate(lines: Sequence[Line], i: int) -> bool:
    """Can lines[i] be the item title? Standing items ("Apologies for absence", "Declarations
    of Interest", "Minutes of the previous meeting") can; labels ("Minutes:", "Supporting
    documents", "Present: ...") and resolution headings cannot. A bare "Minutes" (no colon)
    is the title of the item that approves the last minutes when a "Minutes:" label follows."""
    ln = lines[i]
    if not _heading_like(ln) or match_heading(ln.text, ln.m) or match_action_line(ln):
        return False
    if _first_row(lines, i):
        return False  # "1 / Circulate ... / JS / March": a table's first row, read as a row
    if MINUTES_LINE_RE.match(ln.m):
        return not ln.m.rstrip().endswith(":") and any(
            MINUTES_LINE_RE.match(later.m) for later in lines[i + 1 :]
        )
    return not LABEL_RE.match(ln.m)


def _first_row(lines: Sequence[Line], i: int) -> bool:
    """Is lines[i] a row of cells with another row of the same table after it?"""
    row = cell_row(lines[i].raw, lines[i].text)
    if row is None:
        return False
    k = next((k for k in range(i + 1, min(len(lines), i + 4)) if lines[k].text), None)
    return k is not None and cell_row(lines[k].raw, lines[k].text) == row


def find_title(lines: Sequence[Line]) -> tuple[str | None, set[int]]:
    """The item title and the indexes of the lines it came from."""
    nonblank = [i for i, ln in enumerate(lines) if ln.text][:12]
    if not nonblank:
        return None, set()
    first = lines[nonblank[0]]
    am = _AGENDA_ITEM_RE.match(first.m)
    if am:
        rest = first.text[am.start("rest") :].strip()
        if rest:
            return strip_item_number(rest), {nonblank[0]}
        for i in nonblank[1:2]:
            if _title_candidate(lines, i):
                return strip_item_number(lines[i].text), {nonblank[0], i}
        return None, {nonblank[0]}
    for i in nonblank[:5]:
        ln = lines[i]
        if _BOILERPLATE_RE.match(ln.m):
            continue
        if _title_candidate(lines, i):
            return strip_item_number(ln.text), {i}
        return None, set()
    return None, set()
