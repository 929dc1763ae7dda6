"""A line the reader left, taken by an officer in review: as a resolution, its text without the
label at its head ("Resolved:", "Agreed -", "Decision/Action:", "Action agreed:"), the label
giving its kind; as a follow-up, its owner and task proposed by the reader's own reading of an
action's text (action_text.read_action_body: "<owner> to <task>", owners in capitals before a
colon, initials then the task, "Action: <owner> - <task>"), after any label or list number at
its head, or by the initials closing it ("... [AH]"). A label word is never an owner. The
officer confirms or edits them."""

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

# a label over a decision or an action, not part of it: "Resolved:", "RESOLVED -", "Agreed –",
# "Decision/Action:", "Action agreed:", "Agreed actions:", "Action point 3:", "Recommended:"
_LABEL_WORD = (
    r"(?:(?:unanimously\s+)?resolved|resolutions?|agreed(?:\s+actions?)?|decisions?(?:\s+made)?"
    r"|actions?(?:\s+(?:agreed|points?|required|arising))?|approved|recommended"
    r"|recommendations?|noted|outcome)"
)
_LABEL_RE = re.compile(
    rf"^(?P<label>{_LABEL_WORD}(?:\s*(?:/|&|\band\b)\s*{_LABEL_WORD})*"
    r"(?:\s+(?:no\.?\s*)?\d{1,3}(?:\.\d{1,3})?)?)(?:\s*(?::-?|[,\-\u2013\u2014])\s*)",
    re.I,
)
# "RESOLVED that ...", "Agreed to ...": a decision word before its clause, no colon
_DECIDED_RE = re.compile(
    r"^(?P<label>(?:unanimously\s+)?resolved|agreed|noted|recommended)\s+(?=(?:that|to)\b)", re.I
)
_LABEL_ONLY_RE = re.compile(rf"^{_LABEL_WORD}(?:\s*(?:/|&|\band\b)\s*{_LABEL_WORD})*$", re.I)
# the kind a decision label gives what it labels (resolved when none)
_LABEL_KINDS = {"agreed": "agreed", "recommended": "recommended", "noted": "noted"}

# "Update the events page before the fete KT/RB", "... website etc) [AH]": a log row closed by
# its owner's initials (bare, after a dash, in brackets, or "[JH to action]")
_TRAILING_OWNER_RE = re.compile(
    r"^(?P<task>.*?[a-z.,)])\s+(?:[\-\u2013\u2014]\s+)?[(\[]?(?P<owner>[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4}){0,3})"
    r"(?:\s+to\s+action)?[)\]]?\W{0,2}$"
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


def without_label(text: str) -> tuple[str, str]:
    """`text` (spacing collapsed) without a list number and the decision or action label at its
    head ("Resolved:", "Agreed -", "RESOLVED that", "Decision/Action:"), and the label ("" when
    none); a label alone is kept, there being nothing else."""
    body = LEADING_MARKER_RE.sub("", collapse(text).strip())
    lm = _LABEL_RE.match(body) or _DECIDED_RE.match(body)
    rest = body[lm.end() :].strip() if lm else ""
    if not lm or not rest:
        return body, ""
    return rest, lm.group("label")


def label_kind(label: str) -> str:
    """The resolution kind a label gives: "Agreed:" agreed, "Noted:" noted; else resolved."""
    first = label.split()[0].split("/")[0].lower() if label else ""
    return _LABEL_KINDS.get(first, "resolved")


def is_label(owner: str) -> bool:
    """ "Decision/Action", "Resolved", "Action agreed": a label word, never an owner."""
    return _LABEL_ONLY_RE.match(owner.strip(" :-\u2013\u2014")) is not None


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
    body, _label = without_label(text)
    body = _ACTION_LABEL_RE.sub("", body).strip()
    if not body:
        return LineReading("", collapse(text).strip(), "no owner could be read: give one")
    found, _unsure = read_action_body(body, line, None)
    owned = [f for f in found if f.owner and not is_label(f.owner)]
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
