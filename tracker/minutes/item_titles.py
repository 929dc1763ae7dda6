"""The title of an agenda item as its heading prints it ("6. Allotments" -> "Allotments",
"Minute 7" over "Footpaths and hedges" -> "Footpaths and hedges"), for the record to file each
resolution under its own item; and whether a page's first line is an item's title at all
("MINUTES OF THE PARISH COUNCIL MEETING" is the meeting's, not an item's)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .titles import strip_item_number

# "Minutes of the Parish Council meeting", "[DRAFT] Minutes of ...", "Meeting of the Board",
# "Parish Council Meeting held on ...": the meeting's heading, not an item's title
_MEETING_HEADING_RE = re.compile(
    r"^(?:\[?draft\]?\s+)?(?:(?:approved|confirmed|unconfirmed|signed)\s+)?"
    r"(?:minutes|notes|record)\s+(?:of|from|for)\b|^meeting\s*:|^(?:\w+\s+){0,6}meeting\s+"
    r"(?:of|held)\b|^(?:\w+\s+){0,5}(?:council|committee|board|panel)\s+meeting\s*$",
    re.I,
)


def is_item_title(title: str | None) -> bool:
    """Is the page's title an item's (not the meeting's heading)?"""
    return bool(title and title.strip()) and not _MEETING_HEADING_RE.match(
        " ".join((title or "").split())
    )


# "8.18 Resolved – That the Committee:": a numbered decision, not a heading with a title
_DECISION_RE = re.compile(
    r"^(?:(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed|recommended|decided|noted|"
    r"decision|recommendations?|actions?)\b|that\b)",
    re.I,
)


def _title(text: str) -> str | None:
    """A heading's words as a title: short, not prose, not the decision itself."""
    words = " ".join(text.split()).strip(" .:-\u2013\u2014")
    if not words or len(words) > 120 or len(words.split()) > 14:
        return None
    if _DECISION_RE.match(words):
        return None
    if re.search(r"[a-z)][.!?]\s+[A-Z(]", words):
        return None  # more than one sentence: prose, not a title
    return words


def item_title(page: Sequence[str], item: str, line: int) -> str | None:
    """The title of item `item` from its heading, the nearest line at or above `line` (1-based)
    that opens with the item's number; a number alone on its line takes the next line's words."""
    if not item:
        return None
    opens = re.compile(
        rf"^(?:(?:agenda\s+)?item\s+|minute\s+(?:no\.?\s*)?)?\(?{re.escape(item)}\)?"
        r"(?=$|[\s.:)\-\u2013\u2014])",
        re.I,
    )
    for k in range(min(line, len(page)) - 1, -1, -1):
        text = " ".join(page[k].split())
        if not opens.match(text):
            continue
        rest = opens.sub("", text, count=1).strip(" .:)-\u2013\u2014")
        if rest:
            return _title(strip_item_number(text) if rest == text else rest)
        after = next((" ".join(t.split()) for t in page[k + 1 : k + 3] if t.strip()), "")
        return _title(after) if after else None
    return None
