"""The clauses of a unit a directive may open: its sentences, the points numbered inside one
paragraph ("1) ... 2) ..."), a directive in brackets, and the boundaries inside a sentence
after which a directive starts ("..., DM to email ...", "Plan: Louise to write ...") - none
inside a quotation of earlier words."""

from __future__ import annotations

import re

from .scoring import sentences

_CLAUSE_BOUNDARY_RE = re.compile(
    # "... needs cutting; Clerk to report it to Highways.": after a semicolon as after a comma
    r"\s[\u2013\u2014\-]\s+|[,;]\s+(?=[A-Z])"
    # "ongoing MB to order ...", "Outstanding: Clerk to chase ...": an action log's status word
    # of a task still to do, written before its owner (not "complete"/"done": nothing to do)
    r"|^(?:on-?going|outstanding|pending|in\s+progress|still\s+open)\b\s*[:\u2013\-]?\s*(?=[A-Z])"
    # "Plan: Louise to write an article ...": a short label and its colon ("Proposal:" and
    # "Motion:" say what was put to the meeting, not a task set by it)
    r"|^(?!(?:proposals?|proposed|propose|motions?|amendments?|recommendations?|recommended)\b)"
    r"[A-Z][\w'\u2019 ]{0,30}?:\s+(?=[A-Z])"
    # "... (Julia to send info to Louise).": a directive inside brackets
    r"|\(\s*(?=[A-Z])",
    re.I,
)


# "Maintenance 1) ... 2) ... has not arrived, SV to chase.  3) Still no contact ...": points
# numbered inside one paragraph; each ends the directive of the point before it
_INLINE_POINT_RE = re.compile(
    r"(?<=[.;,])\s+(?=\(?\d{1,2}\)\s+\S)"
    # "... village (Julia to send info to Louise).": a directive in brackets is a point of its own
    r"|\s+(?=\((?:the\s+)?[A-Z][\w'\u2019.\-]*(?:\s+(?:&|and)\s+[A-Z][\w'\u2019.\-]*)?"
    r"\s+(?:is\s+)?to\s+[a-z])"
)


def _points(text: str) -> list[str]:
    out = []
    for _at, sent in sentences(text):
        at = 0
        for m in _INLINE_POINT_RE.finditer(sent):
            if not _quoted(sent[: m.start()]):
                out.append(sent[at : m.start()])
                at = m.end()
        out.append(sent[at:])
    return [p for p in out if p]


def _quoted_tail(after: str) -> bool:
    """Does `after` close a quotation it did not open ("... to pay costs).”")?"""
    if after.count("\u201d") > after.count("\u201c"):
        return True
    return after.count('"') % 2 == 1 and bool(re.search(r'[.!?)]"\W*$', after))


def _quoted(before: str) -> bool:
    """Does a quotation opened in `before` run on ("“... Legal bills to be paid (Steve Teale to
    pay costs).”": the earlier minutes quoted in an amendment, not a task set now)?"""
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1
