"""Items numbered "(1)" or "1)" that each carry their title and decision on one line ("(1)
APOLOGIES RESOLVED that ... . (2) MINUTES RESOLVED that ..."), as a page flattened its minutes:
the run split at each next number, each item's heading apart from its decision."""

from __future__ import annotations

import re

from .glued_lines import TITLE_VERB_RE


def bracketed_run(text: str) -> list[str]:
    """ "(1) APOLOGIES RESOLVED that ... . (2) MINUTES RESOLVED that ...": items numbered "(1)"
    or "1)" flattened onto one line, each with its title and decision, split where the next
    number in sequence follows the end of a sentence and opens a capitalised word."""
    m = re.match(r"(\()?(\d{1,2})\)\s+[A-Z]", text)
    if m is None:
        return [text]
    left, n = m.group(1) or "", int(m.group(2))
    pieces, start = [], 0
    while True:
        label = re.escape(f"{left}{n + 1})")
        nm = re.compile(rf"(?<=[.!?])\s+(?={label}\s+[A-Z])").search(text, start + 1)
        if nm is None:
            break
        pieces.append(text[start : nm.start()].strip())
        start, n = nm.end(), n + 1
    pieces.append(text[start:].strip())
    return pieces


# "(1) APOLOGIES RESOLVED that ...", "2) Minutes Resolved - That ...": an item's bracketed number,
# its short title and its decision on one line
_BRACKETED_TITLE_DECISION_RE = re.compile(
    r"^\(?(?P<no>\d{1,2})\)\s+(?P<title>[A-Z][^.;:()]{2,80}?)\s+"
    r"(?P<rest>(?:RESOLVED|Resolved|AGREED|Agreed)\b\s*[:\-\u2013]?\s*(?:That|that|to|To)\b.*)$"
)


def bracketed_title_decision(text: str) -> re.Match[str] | None:
    m = _BRACKETED_TITLE_DECISION_RE.match(text)
    if m is None or len(m.group("title").split()) > 8 or TITLE_VERB_RE.search(m.group("title")):
        return None
    if re.match(r"(?:the|it|members|councillors?|cllr|this|there|that)\b", m.group("title"), re.I):
        return None  # "(2) The Council RESOLVED that ...": a paragraph, not a title
    return m


# "The Council RESOLVED that ...", "AGREED to ...": a decision word in capitals before its clause
_CAPITAL_DECISION_RE = re.compile(r"\b(?:RESOLVED|AGREED)\b\s*[:\-\u2013]?\s*(?:that|to|That|To)\b")


def decision_in_capitals(text: str) -> bool:
    """Does the item hold a decision word written in capitals before its clause?"""
    return _CAPITAL_DECISION_RE.search(text) is not None
