"""A numbered list of people's tasks printed after the item's decision.

"It was resolved that the Board note the report" / "1. Jane Doe to contact ...": the list
follows a decision that is complete (no lead-in colon), so its items are not the decision's
clauses but what the meeting asked named people to do. An agenda's numbered "1. The Chair to
welcome members" has no decision above it in its item and stays a description.
"""

from __future__ import annotations

import re

from .persons import _INITIALS_RE, _named_person
from .segment import Segmented

# "(1) Jane Doe to publish ...", "1) KD to send ...": a bracketed number opening a list's item
BRACKET_NUMBER_RE = re.compile(r"^\(?\d{1,2}\)\s+(?=\S)")

# the item's decision: a keyword, or the body's or the meeting's prose decision
_DECISION_RE = re.compile(
    r"\b(?:RESOLVED|AGREED|DECISION)\b"
    r"|^\W*(?:Resolved|Agreed|Decision)\b"
    r"|\b[Ii]t\s+was\s+(?:\w+ly\s+)?(?:resolved|agreed|decided)\s+(?:that|to|for)\b"
    r"|\b(?:Board|Committee|Council|Panel|Group|Partnership|Trust|Forum)\s+"
    r"(?:resolved|agreed|decided)\s+(?:that|to)\b"
)


def after_items_decision(seg: Segmented, i: int) -> bool:
    """Unit `i` follows, in its own item, a unit holding a decision that does not end in ':'."""
    if seg.agenda_page or i in seg.agenda:
        return False
    for j in range(i - 1, -1, -1):
        if seg.items[j] != seg.items[i]:
            return False
        text = seg.lines[j].text.strip()
        if _DECISION_RE.search(text) and not text.endswith((":", ":-", "-")):
            return True
        if j in seg.headings:
            return False
    return False


def named(owner: str) -> bool:
    """A person by name or initials ("Jane Doe", "JD"), not a role or the body."""
    return bool(_INITIALS_RE.match(owner) or _named_person(owner))
