"""The label of a board's decision and action at once ("Decision/Action:", "Action / Decision:",
"Decision and action:"): its sentence is what was decided, and when it names who is to do the
work ("The Senior Leadership Team agreed to discuss this further ...", "JS to share the
leaflet ...", "The Estates Lead will circulate ...") it is that owner's action too. Both are
read here; the decision only when no other reader read one in the unit (issue 17, branch
actgen2)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .owners import is_agent, split_owner
from .scoring import Candidate, context_features
from .segment import Segmented

# the reason its follow-up carries: the label marks the work, as an "ACTION:" label does
LABEL_OWNER = "a 'Decision/Action:' label's owner"
_COMBINED_LABEL_RE = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?:decisions?\s*(?:/|and|&)\s*actions?|actions?\s*(?:/|and|&)\s*"
    r"decisions?)\s*[:\-\u2013]\s*(?P<body>[A-Z][^.!?]{8,}[.!?]?)",
    re.I,
)
# the owner's undertaking or directive: "agreed to", "will", "to" (not "noted", "approved")
_UNDERTAKING_RE = re.compile(r"\s(?:agreed\s+to|will|to)\s+(?!be\b)[a-z]+", re.I)


def combined_label_actions(
    seg: Segmented, free: Sequence[int], decided: set[int]
) -> list[Candidate]:
    """The decision and the action of each "Decision/Action:" label's sentence that names who
    is to act; the decision only in a unit not in `decided` (read by another reader)."""
    out = []
    for i in free:
        ln = seg.lines[i]
        m = _COMBINED_LABEL_RE.search(ln.text)
        if m is None or _UNDERTAKING_RE.search(m.group("body")) is None:
            continue
        if i not in decided:
            r = Candidate(
                "resolution", "a 'Decision/Action:' label's sentence", m.group("body"), i, ln.no
            )
            r.base, r.verb, r.sentence = 0.6, "agreed", m.group("body")
            context_features(seg, r, False)
            out.append(r)
        split = split_owner(m.group("body"))
        if split is None or not is_agent(split[0]):
            continue
        owner, task = split
        c = Candidate("action", LABEL_OWNER, task, i, ln.no, owner=owner)
        c.base = 0.6
        c.sentence = m.group("body")
        context_features(seg, c, False)
        out.append(c)
    return out
