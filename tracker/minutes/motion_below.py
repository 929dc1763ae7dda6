"""Motions whose clause or outcome stands on the units below the mover's line:

    Proposed by A, Seconded by B,         Proposed by A and seconded by B
    That the minutes be approved.         CARRIED: 6 for 0 against
    ...                                   THAT the grant be paid.
    declared carried

The mover's line is read first (motions.py); what follows it, up to eight units with text, is
read here: the "That ..." clauses, the outcome, or a loss."""

from __future__ import annotations

import re

from .lists import ends_item
from .motion_words import (
    _KEYWORD_CLAUSE_RE,
    BE_CLAUSE_UNIT_RE,
    LOST_UNIT_RE,
    MOTION_LABEL_RE,
    NAMES_ONLY_RE,
    OUTCOME_AFTER_RE,
    OUTCOME_UNIT_RE,
    PROPOSED_THAT_RE,
    SECONDED_THAT_RE,
    THAT_UNIT_RE,
    clause_after,
    first_sentence,
)
from .scoring import Candidate, next_text, prev_text
from .segment import Segmented
from .text import Line


def moved_then_below(
    seg: Segmented, i: int, t: str, motion_end: int, free_set: set[int]
) -> Candidate | None:
    """The motion moved at unit `i` (its text `t`, its mover's lines to `motion_end`), read with
    the units below it: "Proposed by A, Seconded by B," then "That ..." then, later, "declared
    carried"."""
    lines = seg.lines
    label_at = prev_text(lines, i - 1)
    label = ""
    if label_at is not None:
        lm = MOTION_LABEL_RE.match(lines[label_at].m)
        label = lm.group("label").lower() if lm else ""
    clauses, outcome, lost_at, k = _below(lines, i)
    if lost_at is not None:
        # a lost motion: its clause, before or after the outcome line, goes to review
        at = clauses[0] if clauses else clause_after(lines, lost_at)
        if at is None:
            return None
        c = Candidate("resolution", "motion", lines[at].text.strip(), at, lines[at].no)
        c.base = 0.35
        c.feature("the motion was lost", -0.35)
        return c
    before_at = prev_text(lines, i - 1)
    clause_before = before_at is not None and bool(THAT_UNIT_RE.match(lines[before_at].m))
    if (
        not clauses
        and outcome is not None
        and k == next_text(lines, motion_end + 1)
        and NAMES_ONLY_RE.match(t)
    ):
        # a motion line that names only who moved it, then its outcome: its clause is the
        # "That ..." just before it ("That £200 be given ..." / "Proposed by A, seconded by
        # B" / "Carried") or, when none is, just after the outcome line ("Proposed by A and
        # seconded by B" / "CARRIED: 6 for 0 against" / "THAT ...")
        at = before_at if clause_before else clause_after(lines, k)
        if at is not None and at in free_set:
            text = lines[at].text.strip(" \"\u201c\u201d\u2018\u2019'")
            c = Candidate("resolution", "motion", text, at, lines[at].no)
            c.base = 0.7
            c.feature("its clause beside a proposer, seconder and outcome", 0)
            return c
    after = [lines[k].text for k in range(i + 1, min(len(lines), i + 5)) if lines[k].text][:2]
    if not clauses and any(OUTCOME_AFTER_RE.search(a) for a in after):
        pt = PROPOSED_THAT_RE.search(t)
        st = None if pt else SECONDED_THAT_RE.search(t)
        clause = pt.group("text") if pt else st.group("text") if st else ""
        text = first_sentence(clause) if clause else t  # the motion's "that" clause
        c = Candidate("resolution", "motion", text.strip(), i, lines[i].no)
        c.base = 0.65
        c.feature("its outcome is written just after it", 0)
        nxt = next_text(lines, motion_end + 1)
        if not clause and nxt is not None and _KEYWORD_CLAUSE_RE.match(lines[nxt].text):
            # "Proposed by Councillor A" / "Seconded by Councillor B" / "AGREED to adopt the
            # minutes.": the decision under the keyword is what was moved, judged once
            c.feature("the motion of the decision written under the keyword after it", -0.5)
        return c
    if not clauses:
        c = Candidate("resolution", "motion", t, i, lines[i].no)
        c.base = 0.2
        c.feature("a proposal with no outcome written", 0)
        return c
    j = clauses[0]
    return _clause_below(seg, j, outcome, label) if j in free_set else None


def _below(lines: list[Line], i: int) -> tuple[list[int], str | None, int | None, int]:
    """The units below the mover's line, up to eight with text: the "That ..." clauses (not a
    lead-in's), the outcome's words or the unit that says the motion was lost, and where the
    reading stopped."""
    clauses: list[int] = []
    outcome = None
    lost_at = None
    k, seen = i + 1, 0
    while k < len(lines) and seen < 8:
        u = lines[k]
        if not u.text:
            k += 1
            continue
        seen += 1
        if LOST_UNIT_RE.search(u.m) and not THAT_UNIT_RE.match(u.m):
            lost_at = k  # "LOST: 2 for, 5 against", "The motion fell."
            break
        if OUTCOME_UNIT_RE.search(u.m) and not THAT_UNIT_RE.match(u.m):
            outcome = u.m
            break
        if seen == 1 and not clauses and BE_CLAUSE_UNIT_RE.match(u.m):
            clauses.append(k)  # "The minutes of ... be confirmed and signed."
        elif THAT_UNIT_RE.match(u.m) and not outcome:
            if not (clauses and MOTION_LABEL_RE.match(lines[k - 1].m)):
                clauses.append(k)
        elif MOTION_LABEL_RE.match(u.m) and clauses:
            # another motion follows; its outcome may still be ahead
            pass
        k += 1
    clauses = [n for n in clauses if not lines[n].text.rstrip().endswith(":")]
    return clauses, outcome, lost_at, k


def _clause_below(seg: Segmented, j: int, outcome: str | None, label: str) -> Candidate:
    """The first "That ..." clause below the mover's line, weighed by the outcome read."""
    lines = seg.lines
    text = lines[j].text.strip(" \"\u201c\u201d\u2018\u2019'")
    text = re.sub(r"[\"\u201d\u2019']+(?=\.?$)", "", text)
    c = Candidate("resolution", "motion", text, j, lines[j].no)
    c.base = 0.35
    if outcome is None and ends_item(seg, j):
        # "Proposed by A, seconded by B." then "That X be elected ..." alone: the clause is
        # the item's outcome, its "Resolved" lost when the page was published
        c.feature("no outcome written; the clause ends the item", 0.3)
    elif outcome is None:
        c.feature("no outcome written", 0)
    elif "amendment" in outcome.lower() and label != "amendment":
        c.feature("the amendment was carried instead", -0.3)
    else:
        c.feature("proposed and seconded, then carried", 0.35)
    return c
