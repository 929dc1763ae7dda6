"""The directives that name no owner before "to <verb>": a passive one naming a person ("To be
pursued by Cllr Y", "X to be invited ...": the person is not the owner), a role asked to act,
and the rows of an action log flattened into prose ("The hedge to be cut", "... - Argyll & Bute
CHP to keep Board informed ..."). Split from `directives`, which reads the owner's directives
first and hands a sentence here when it found none."""

from __future__ import annotations

import re

from .directive_owners import role_asked
from .directive_places import _log_owner
from .directive_shapes import _LOG_PASSIVE_RE, _PASSIVE_RE, _TO_BE_DONE_BY_RE
from .persons import _INITIALS_RE, _named_person
from .scoring import Candidate, context_features
from .segment import Segmented

# "The updates were to be included in the tracker ...": what had been arranged, reported in the
# past ("was to be discussed under Highways"), not a task the meeting set
_REPORTED_PASSIVE_RE = re.compile(r"\b(?:was|were)\s+to\s+be\s+[a-z]+(?:ed|en)\b", re.I)


def _reported(c: Candidate, sent: str) -> Candidate:
    if _REPORTED_PASSIVE_RE.search(sent):
        c.feature("reports what was to be done ('were to be ...'), no task set", -0.3)
    return c


def passive_directive(
    seg: Segmented,
    i: int,
    sent: str,
    dm: re.Match[str] | None,
    passive_at: int | None,
    numbered: bool,
    earlier: bool,
    in_log: bool,
) -> Candidate | None:
    """The passive directive, role asked or action-log row in the sentence `sent` of unit `i`;
    `dm` is the owner's directive found in it ("X to be ..." when its verb is "be")."""
    ln = seg.lines[i]
    tb = _TO_BE_DONE_BY_RE.match(sent) if dm is None else None
    if tb is not None and (
        _named_person(tb.group("agent")) or _INITIALS_RE.match(tb.group("agent"))
    ):
        # "Weed Spraying:" / "To be pursued by Cllr. Fleming, who intends to ...": the
        # matter's passive directive naming who is to do it (an agenda's "To be
        # considered by the Committee" names a body, not a person)
        c = Candidate("action", "passive directive naming a person", sent, i, ln.no)
        c.base = 0.55
        c.feature("'to be ... by' a person named", 0)
        if numbered:
            c.feature("an item of a numbered list, not of an action log", -0.3)
        context_features(seg, c, False)
        return c
    if passive_at is not None and dm is None:
        pr = _PASSIVE_RE.match(sent[passive_at:])
        if pr and _named_person(pr.group("subj")):
            c = Candidate("action", "passive directive naming a person", sent, i, ln.no)
            c.base = 0.55
            c.feature("the person named is not the owner", 0)
            c.feature("the person's passive directive ends a run-on sentence", -0.05)
            context_features(seg, c, False)
            return c
    passive = dm is None or dm.group("verb") == "be"
    asked = role_asked(seg, i, sent, numbered, earlier) if passive else None
    if asked is not None:
        return asked
    pm = _PASSIVE_RE.match(sent)
    if pm is None and in_log:
        lp = _LOG_PASSIVE_RE.search(sent)
        if lp:
            c = Candidate("action", "passive action-log row", sent[lp.start() :], i, ln.no)
            c.base = 0.6
            return _reported(c, sent)
    if pm:
        subj = pm.group("subj")
        if _named_person(subj) and " to be " in sent[pm.end("subj") : pm.end()]:
            c = Candidate("action", "passive directive naming a person", sent, i, ln.no)
            c.base = 0.55
            c.feature("the person named is not the owner", 0)
        elif in_log:
            c = Candidate("action", "passive action-log row", sent, i, ln.no)
            c.base = 0.6
        else:
            return None
        if numbered:
            c.feature("an item of a numbered list, not of an action log", -0.3)
        if earlier:
            c.feature("restates an action of the last meeting", -0.5)
        _reported(c, sent)
        context_features(seg, c, False)
        return c
    if in_log:
        lo = _log_owner(sent)
        if lo is not None:
            c = Candidate("action", "action-log row", lo[1], i, ln.no, owner=lo[0])
            c.base = 0.65
            c.feature("owner found inside a flattened row", 0)
            context_features(seg, c, False)
            return c
    return None
