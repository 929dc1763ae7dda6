"""A decision row flattened onto one line, its cells behind their labels: "Proposed : Cllr A
Seconded : Cllr B Vote : For: 9 Resolution : Agreed as a true and accurate record of the
meeting. Clerk" (a parish council's table whose cells lost their lines; batch 46). The decision
is the "Resolution :" cell, not the movers' cells before it; a short cell after its last full
stop names who acts on it, an action whose task is the decision."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .owners import is_agent
from .scoring import Candidate
from .segment import Segmented

_ROW_RE = re.compile(
    r"(?:^|\s)(?i:proposed|proposer|moved)\s*:\s*(?P<mover>[^:]{2,80}?)\s+"
    r"(?i:seconded|seconder)\s*:\s*[^:]{2,80}?"
    r"(?:\s+(?i:votes?|voting)\s*:\s*(?P<vote>.{1,80}?))?"
    r"\s+(?i:resolution|decision)\s*:\s*(?P<text>[A-Z].*)$"
)
# "... of the meeting. Clerk", "... to the hall. RFO 2": the owner cell after the decision's
# last full stop (a page's number may follow it, glued on from the page's foot)
_OWNER_CELL_RE = re.compile(
    r"(?<=[.!])\s+(?P<owner>(?:the\s+)?[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?"
    r"|[A-Z]{2,4}(?:\s*[/&,]\s*[A-Z]{2,4})*)(?:\s+\d{1,3})?\s*$"
)
_LOST_RE = re.compile(r"\b(?:lost|defeated|not\s+carried|fell)\b", re.I)


def decision_rows(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """The "Resolution :" cell of each flattened decision row, and its owner cell's action."""
    out: list[Candidate] = []
    for i in free:
        ln = seg.lines[i]
        m = _ROW_RE.search(ln.text)
        if m is None:
            continue
        lost = _LOST_RE.search(m.group("vote") or "") is not None
        text, owner = m.group("text").strip(), ""
        om = _OWNER_CELL_RE.search(text)
        if om is not None and is_agent(om.group("owner")):
            text, owner = text[: om.start()].strip(), om.group("owner")
        c = Candidate("resolution", "the 'Resolution :' cell of a flattened decision row", text,
                      i, ln.no)  # fmt: skip
        c.base, c.sentence = 0.7, ln.text
        if lost:
            c.feature("the vote cell says the motion was lost", -0.35)  # to review
        out.append(c)
        if owner and not lost:
            a = Candidate("action", "the owner cell ending a flattened decision row", text, i,
                          ln.no, owner=owner)  # fmt: skip
            a.base, a.sentence = 0.6, ln.text
            out.append(a)
    return out
