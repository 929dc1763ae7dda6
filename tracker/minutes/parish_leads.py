"""A lead-in whose list is data, not clauses, read as the decision itself (the README's batch 7
reading; batch 19's "Additional roles agreed:"): "Additional roles agreed:" over rows of a role
and the names taking it ("- Roads Lead – Jim Frost and Ann Dale"), "Payment of accounts - agreed
as follows:" over rows of payees and sums ("- Clerk salary £300"). The keyword ends the lead-in
after the thing agreed, so the keyword reader, which looks for it at the start of a line, leaves
it; and the rows, names and sums, are no decisions of their own."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .scoring import Candidate, next_text
from .segment import Segmented

__all__ = ["data_list_leads"]

# "Additional roles agreed:", "Payment of accounts - agreed as follows:", "Dates of meetings
# approved:-": a short noun phrase, then the decision word and the colon
_LEAD_RE = re.compile(
    r"^(?P<what>[A-Z][\w'\u2019&/ ]{2,60}?)\s*(?:[\u2013\u2014\-]\s*)?"
    r"(?P<verb>agreed|approved|confirmed|resolved)(?:\s+as\s+follows)?\s*:-?$",
    re.I,
)
# the meeting's body as the subject ("The Board agreed:") is a decision lead-in of its own kind,
# read elsewhere with its items as the decisions
_BODY_SUBJECT_RE = re.compile(
    r"\b(?:board|committee|council|panel|group|forum|meeting|members|it\s+was|cabinet)\s*$", re.I
)
# a row of data: a label, a dash or colon, then names or a value; or a payee and a sum
_DATA_ROW_RE = re.compile(
    r"^(?:[\u2022\u00b7\u25aa\u25cf*\-\u2013]\s+|\(?[a-z0-9]{1,3}[.)]\s+)?"
    r"(?:[^.;:]{2,60}?\s[\u2013\u2014\-:]\s+[A-Z\u00a3\d][^.;]{0,80}"
    r"|[^.;]{2,60}?\s\u00a3\s?\d[\d,.]*(?:\s[^.;]{0,40})?)\.?$"
)
_CLAUSE_ROW_RE = re.compile(r"^(?:[\W\d]{0,4}\s*)?(?:to|that)\s", re.I)


def _rows(seg: Segmented, i: int) -> int:
    """How many rows of data follow unit i, one a unit."""
    n, k = 0, i
    while True:
        nk = next_text(seg.lines, k + 1)
        if nk is None or nk - k > 2:
            return n
        t = seg.lines[nk].text.strip()
        if _CLAUSE_ROW_RE.match(t) or not _DATA_ROW_RE.match(t):
            return n
        n, k = n + 1, nk


def data_list_leads(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    out = []
    for i in free:
        ln = seg.lines[i]
        m = _LEAD_RE.match(ln.text.strip())
        if m is None or _BODY_SUBJECT_RE.search(m.group("what")):
            continue
        rows = _rows(seg, i)
        if rows < 2:
            continue
        c = Candidate("resolution", "a lead-in over a list of data", ln.text.strip(), i, ln.no)
        c.verb, c.base, c.sentence = m.group("verb").lower(), 0.5, ln.text.strip()
        c.feature(f"{rows} rows of names or sums under it, not clauses (the lead-in decides)", 0.1)
        out.append(c)
    return out
