"""A line the reader left, taken by an officer in review as a follow-up: its owner and task
proposed by the reader's own reading of an action's text (action_text.read_action_body: "<owner>
to <task>", owners in capitals before a colon, initials then the task, "Action: <owner> - <task>"),
after any action label or list number at its head. The officer confirms or edits them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .action_text import LEADING_MARKER_RE, read_action_body
from .persons import _somebody
from .text import collapse

# "ACTION:", "Action –", "Actions:", "Action point 3:", "ACTION JOHN/DODIE: ...": the label,
# not the task
_ACTION_LABEL_RE = re.compile(
    r"^(?i:action(?:s|\s+points?)?(?:\s+\d{1,3}(?:\.\d{1,3})?)?)"
    r"(?:\s*[:\-\u2013\u2014]\s*|\s+(?=[A-Z]{2}))"
)


# "Update the events page before the fete KT/RB": a log row closed by its owner's initials
_TRAILING_OWNER_RE = re.compile(
    r"^(?P<task>.*?[a-z.,)])\s+\(?(?P<owner>[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4}){0,3})\)?\W{0,2}$"
)
# "Inspection report to be circulated by the Clerk.": a passive task naming who does it
_PASSIVE_BY_RE = re.compile(
    r"\bto\s+be\s+[a-z]+\s+by\s+(?P<owner>(?:the\s+)?[A-Z][\w'\u2019/&\- ]{0,40}?)\W*$"
)


# "... sent to the NHS", "... provided by PPG": a body named after a preposition, not an owner cell
_NOT_BEFORE_OWNER = frozenset(
    re.split(r"\s+", "the of to by and with for a an in on at from via or as under")
)


@dataclass(frozen=True)
class LineReading:
    owner: str  # "" when no owner could be read
    task: str
    how: str  # how the owner and task were read, said to the officer


# the sentences of a unit taken whole from the page: "The stile is broken. The Clerk would
# report it." holds its task in its second
_SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")


def read_taken_line(text: str, line: int) -> LineReading:
    """The owner and task the reader proposes for `text`, taken as a follow-up: read from the
    whole text (an owner that runs over a sentence's end is no owner), else from the first of
    its sentences an owner is read from (a unit of the page holds several), else the whole
    text with no owner."""
    whole = _read_one(text, line)
    if whole.owner and not _SENTENCE_END_RE.search(whole.owner):  # not "... bins. The Clerk"
        return whole
    for sentence in _SENTENCE_END_RE.split(collapse(text))[1:] if len(text) < 5000 else ():
        reading = _read_one(sentence, line)
        if reading.owner:
            return reading
    return whole


def _read_one(text: str, line: int) -> LineReading:
    body = collapse(text).strip()
    body = LEADING_MARKER_RE.sub("", body)
    body = _ACTION_LABEL_RE.sub("", body).strip()
    if not body:
        return LineReading("", collapse(text).strip(), "no owner could be read: give one")
    found, _unsure = read_action_body(body, line, None)
    owned = [f for f in found if f.owner]
    if owned:
        first = owned[0]
        return LineReading(first.owner, first.text, f"owner read as '{first.owner}'")
    tm = _TRAILING_OWNER_RE.match(body)
    last = tm.group("task").split()[-1].lower().strip(".,") if tm else ""
    if tm and len(tm.group("task").split()) >= 2 and last not in _NOT_BEFORE_OWNER:
        owner = tm.group("owner")
        return LineReading(
            owner, tm.group("task").strip(), f"owner read as '{owner}' (initials closing the row)"
        )
    pm = _PASSIVE_BY_RE.search(body)
    if pm and _somebody(re.sub(r"^the\s+", "", pm.group("owner").strip())):
        owner = pm.group("owner").strip()
        return LineReading(owner, body, f"owner read as '{owner}' ('... to be done by {owner}')")
    return LineReading("", body, "no owner could be read from the line: give one")
