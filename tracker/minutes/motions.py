"""Candidate resolutions from motions: "Proposed ... seconded ... unanimously agreed", a motion's
"that" clause with its outcome, "MOTION To co-opt X. Proposed by A, seconded by B. VOTE
Unanimous agreement", nominations, and "Proposed by A, seconded by B." followed by the bare
clause that ends the item (its "Resolved" lost on publication)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .ballots import rival_declared
from .lists import MOVED_AND_RE
from .motion_below import moved_then_below
from .motion_context import (
    _withdrawn,
    carried_clause,
    clause_carried,
    heading_after,
    listed_after,
    movers_of_decision_before,
    same_decision_after,
)
from .motion_lines import agreed_after, stacked_motions
from .motion_sentences import motion_sentences
from .motion_words import (
    _SECONDED_RESOLVED_RE,
    AGREEMENT_THAT_RE,
    ALL_AGREED_END_RE,
    ALL_IN_FAVOUR_RE,
    BE_PROPOSED_RE,
    LABEL_THAT_RE,
    LOST_RE,
    LOST_SENTENCE_RE,
    MEMBERS_AGREED_RE,
    MOTION_RE,
    MOTION_TO_RE,
    MOTION_WORD_RE,
    MOTION_WORDS_RE,
    MOVER_RE,
    MOVER_START_RE,
    NOMINATED_RE,
    OUTCOME_RE,
    PROPOSED_BY_PAIR_RE,
    PROPOSED_THAT_RE,
    REPORTED_OUTCOME_RE,
    SECONDED_THAT_RE,
    SECONDER_RE,
    TALLY_RE,
    UNNAMED_MOTIONS_RE,
    _keyword_after_movers,
    before_dash_outcome,
    first_sentence,
    motion_clause,
    vote_moved,
)
from .patterns import CARRIED_LEAD_RE
from .scoring import Candidate, next_text, prev_text, sentences
from .segment import Segmented

_ATTRIBUTIVE_RE = re.compile(
    r"\b(?:a|an|the|its|his|her|their|our|any|newly)\s+(?:approved|agreed|accepted|appointed"
    r"|elected|adopted|co-?opted)\s+(?=[a-z]{3,})(?!by\b|as\b|and\b|at\b|on\b|in\b|with\b|for\b)",
    re.I,
)


_SENTENCE_END_RE = re.compile(r"(?<!\bCllr)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<![A-Z])[.!?]\s+(?=[A-Z])")


def _moved_from(t: str, at: int) -> int:
    """Where the sentence holding position `at` starts."""
    return max((m.end() for m in _SENTENCE_END_RE.finditer(t, 0, at)), default=0)


def motions(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    out, used = stacked_motions(seg, free)
    free_set = set(free)
    for i in free:
        if i in used:
            continue  # a motion one part a line, read above
        if _keyword_after_movers(seg.lines[i].text):
            continue
        _unit_motions(seg, i, free_set, out)
    return [_withdrawn(c, seg.lines) for c in out]


def _unit_motions(seg: Segmented, i: int, free_set: set[int], out: list[Candidate]) -> None:
    """Add to `out` the motions read at unit `i`, by the first layout that fits it."""
    lines = seg.lines
    t = lines[i].text
    nxt = next_text(lines, i + 1)
    motion_end = i
    if MOVER_RE.match(t) and nxt is not None and SECONDER_RE.match(lines[nxt].text):
        t = f"{t} {lines[nxt].text}"  # "Moved by A," and "Seconded by B," on lines apart
        motion_end = nxt
    if not MOTION_RE.search(t) or MOVED_AND_RE.search(t):
        _unseconded(seg, i, t, out)
        return
    if t.startswith("(") or re.search(r"\bthis\s+was\s+proposed\s+by\b", t, re.I):
        c = _members_agreement(seg, i, t)
    else:
        c = _agreement_that(seg, i, t)
        if c is None:
            c = _with_its_clause(seg, i, t, free_set)
        if c is None:  # its clause or outcome on the units below
            c = moved_then_below(seg, i, t, motion_end, free_set)
    if c is not None:
        out.append(c)


def _unseconded(seg: Segmented, i: int, t: str, out: list[Candidate]) -> None:
    """A unit with no mover-and-seconder shape (or "moved and ..."): a vote moved, a nomination,
    proposer and seconder named together, a proposal carried by all, a member's clause agreed."""
    lines = seg.lines
    vote = vote_moved(t)
    if vote is not None:
        # "The Legal Officer moved to a vote on the minutes ... . Councillors A and B were
        # in favour.": a vote moved with its outcome, the whole motion (rule 4)
        c = Candidate("resolution", "motion", vote[0], i, lines[i].no)
        c.base = 0.7
        c.feature("a vote moved, with the members in favour written after it", 0)
        if vote[1]:
            c.feature("members against it: the vote may have been lost", -0.35)
        out.append(c)
        return
    nm = NOMINATED_RE.search(t)
    if nm is not None and not LOST_RE.search(nm.group("text")):
        # "Cllr Sharp was nominated to continue as vice chairman, unanimously agreed.":
        # a nomination with its outcome and no seconder written, the whole motion
        c = Candidate("resolution", "motion", nm.group("text").strip(), i, lines[i].no)
        c.base = 0.7
        c.feature("a nomination with its outcome written", 0)
        out.append(c)
        return
    pt = PROPOSED_THAT_RE.search(t)
    pair = PROPOSED_BY_PAIR_RE.search(t)
    clause = first_sentence(t[pair.start("text") :]) if pair else ""
    rest = t[pair.start("text") + len(clause) :] if pair else ""
    if pair and OUTCOME_RE.search(rest) and not LOST_RE.search(rest):
        # "It was proposed by Cllr A & Cllr B that Cllr C be appointed ... . Cllr C was
        # elected ...": proposer and seconder named together, the outcome after
        c = Candidate("resolution", "motion", clause, i, lines[i].no)
        c.base = 0.65
        c.feature("proposed by two members, its outcome written after", 0)
        out.append(c)
        return
    if pt and ALL_IN_FAVOUR_RE.search(t):
        c = Candidate("resolution", "motion", first_sentence(pt.group("text")), i, lines[i].no)
        c.base = 0.7
        c.feature("proposed, and all in favour", 0)
        out.append(c)
    elif pt and ALL_AGREED_END_RE.search(t) and not LOST_RE.search(t):
        # "Cllr A proposed that ... . Cllr B proposed that ... . All agreed.": each
        # proposal of the unit, carried by the outcome that ends it
        for _, sent in sentences(t):
            ps = PROPOSED_THAT_RE.search(sent)
            if ps is None:
                continue
            c = Candidate("resolution", "motion", first_sentence(ps.group("text")), i, lines[i].no)
            c.base = 0.7
            c.feature("proposed, and 'All agreed' after it", 0)
            out.append(c)
    already = any(c.index == i for c in out)  # "... proposed that ... . All agreed."
    for clause in [] if already else agreed_after(t):
        # "He said that the Council should agree to ... . This was agreed to.": the
        # member's clause, carried by the sentence after it
        c = Candidate("resolution", "motion", clause, i, lines[i].no)
        c.base = 0.7
        c.feature("a member's clause, then 'This was agreed'", 0)
        out.append(c)


def _members_agreement(seg: Segmented, i: int, t: str) -> Candidate | None:
    """ "(Proposed by ... and seconded by ...)" beside a resolution is no motion; but "All
    members agreed that ... . This was proposed by A and seconded by B. All in favour.": the
    members' agreement is the motion, carried."""
    ma = MEMBERS_AGREED_RE.match(t)
    rest = MOTION_WORDS_RE.sub(" ", t[ma.end() :]) if ma is not None else ""
    if (
        ma is not None
        and (ALL_IN_FAVOUR_RE.search(rest) or OUTCOME_RE.search(rest))
        and not LOST_RE.search(rest)
    ):
        c = Candidate("resolution", "motion", ma.group("text"), i, seg.lines[i].no)
        c.base = 0.7
        c.feature("the members' agreement, proposed, seconded and carried", 0)
        return c
    return None


def _agreement_that(seg: Segmented, i: int, t: str) -> Candidate | None:
    """All in agreement that ..., with its mover and seconder."""
    ag = AGREEMENT_THAT_RE.search(t)
    if ag and not LOST_RE.search(t) and not re.search(r"\b(?:would|will)\b", ag.group("text")):
        c = Candidate("resolution", "motion", ag.group("text"), i, seg.lines[i].no)
        c.base = 0.7
        c.feature("all in agreement, with its mover and seconder", 0)
        return c
    return None


def _with_its_clause(seg: Segmented, i: int, t: str, free_set: set[int]) -> Candidate | None:
    """A motion whose outcome (or loss) is written in its own unit, or "... be ...ed" with a
    proposer and seconder; None when the unit says neither (its outcome may be below)."""
    lines = seg.lines
    pt = PROPOSED_THAT_RE.search(t)
    bp = BE_PROPOSED_RE.match(t)
    # "... seconded by TN that the notes be accepted as a true record.": the motion's own
    # words are not its outcome
    lt = LABEL_THAT_RE.match(t)
    ct = pt or SECONDED_THAT_RE.search(t) or lt
    own = (
        re.split(r"[.;,](?:\s|$)", before_dash_outcome(motion_clause(ct)), maxsplit=1)[0]
        if ct
        else ""
    )
    # a motion with its own "that" clause is carried after it is moved: an outcome word in a
    # sentence before the mover's ("As agreed at the last meeting, ...", "... elected
    # members should ...") is another matter's (issue 17, branch resgen2)
    scope = t[_moved_from(t, ct.start()) :] if ct is not None and ct is not lt else t
    told = MOTION_WORDS_RE.sub(" ", scope.replace(own, " ") if own else scope)
    # "invited him to become a co-opted Member", "the agreed timetable": the word
    # describes a thing, it records no outcome
    told = _ATTRIBUTIVE_RE.sub(" ", told)
    tally = TALLY_RE.search(told)
    carried = tally is not None and int(tally.group("yes")) > int(tally.group("no"))
    lost = LOST_RE.search(t) or LOST_SENTENCE_RE.search(t)
    if lost is not None or (tally is not None and not carried):
        # "... seconded by B. On being put to the vote the motion was lost (3 for, 4
        # against).": the review list shows it, with why it was not taken
        ct_text = first_sentence(motion_clause(ct)) if ct else t
        c = Candidate("resolution", "motion", ct_text.strip(), i, lines[i].no)
        c.base = 0.35
        c.feature("the motion was lost", -0.35)
        return c
    if (
        (
            OUTCOME_RE.search(told)
            or ALL_IN_FAVOUR_RE.search(told)
            or carried
            or _SECONDED_RESOLVED_RE.search(t)
        )
        and not LOST_RE.search(t)
        and (tally is None or carried)
    ):
        return _carried(seg, i, t, pt, lt, free_set)
    if bp:
        c = Candidate("resolution", "motion", bp.group("text"), i, lines[i].no)
        c.base = 0.6
        c.feature("'... be ...ed' with a proposer and seconder", 0)
        return c
    return None


def _carried(
    seg: Segmented,
    i: int,
    t: str,
    pt: re.Match[str] | None,
    lt: re.Match[str] | None,
    free_set: set[int],
) -> Candidate:
    """A motion proposed, seconded and carried in its unit: its clause (its own "that" clause,
    the motion above it, or the clause below it whose "RESOLVED" was lost)."""
    lines = seg.lines
    st = None if pt else SECONDED_THAT_RE.search(t)
    before = prev_text(lines, i - 1)
    motion = lines[before].text if before is not None else ""
    mo = MOTION_TO_RE.match(motion)
    if pt:
        text = first_sentence(before_dash_outcome(pt.group("text")))
    elif st:
        # the motion's "that" clause
        text = first_sentence(before_dash_outcome(motion_clause(st)))
    elif lt:
        text = first_sentence(lt.group("text"))  # "Motion: that ... . Proposed A ..."
    elif mo and not MOTION_RE.search(motion):
        text = mo.group("text")  # "MOTION To co-opt X." then "Proposed by A, ... VOTE"
    else:
        text = motion_sentences(MOTION_WORD_RE.sub("", t))  # "MOTION BW Nominated ..."
        text = carried_clause(text)  # "... and AGREED ..., to accept the minutes ..."
    start = i
    if (
        not pt
        and not st
        and before is not None
        and before in free_set
        and MOVER_START_RE.match(t)
        and REPORTED_OUTCOME_RE.search(motion)
    ):
        # "The minutes of ... Were agreed." then "Proposed Cllr A seconded Cllr B
        # carried": what was put, then who moved it; the motion is both
        text, start = f"{motion}\n{text.strip()}", before
    clause_at = clause_carried(lines, i) if not (pt or st or lt) else None
    if clause_at is not None and clause_at in free_set:
        # "The amended motion was moved, seconded, voted upon and carried." then "That the
        # Authority will adopt ...": the clause it carried, whose "RESOLVED" was lost
        c = Candidate("resolution", "motion", lines[clause_at].text.strip(), clause_at,
                      lines[clause_at].no)  # fmt: skip
        c.base = 0.7
        c.feature("the clause under a motion moved, seconded and carried", 0)
        return c
    c = Candidate("resolution", "motion", text.strip(), start, lines[start].no)
    c.base = 0.7
    c.feature("proposed, seconded and its outcome written", 0)
    if rival_declared(t):
        c.feature("the outcome declares another nominee elected", -0.5)
    if same_decision_after(lines, i, text):
        # "It was proposed by A and seconded by B that Councillor W be appointed ... . the
        # motion was declared CARRIED." then "RESOLVED - that Councillor W be appointed
        # ...": one decision, recorded under the keyword
        c.feature("the RESOLVED after it records the same decision", -0.5)
    if not (pt or st or lt) and movers_of_decision_before(lines, i, t):
        # "Resolved: that ... be approved." then "Proposed: Cllr A, seconded by Cllr B (all
        # in favour)": who moved the decision above, not a decision of its own
        c.feature("the movers of the RESOLVED above it", -0.5)
    if t.rstrip().endswith(":") and heading_after(lines, i):
        # "Under the motion of A, seconded by B, it was unanimously:" / "RESOLVED:": the
        # lead-in of the decision under the keyword, not a motion of its own
        c.feature("the lead-in of the RESOLVED below it, which is the decision", -0.5)
    if (
        not (pt or st or lt)
        and CARRIED_LEAD_RE.match(lines[i].m)
        and listed_after(lines, i, seg.headings)
    ):
        # "The recommendation ... was moved, seconded ... and carried." / "- To note
        # ...": the clauses listed under it are the decision it carried
        c.feature("the clauses it carried are listed under it (taken as the decision)", -0.5)
    if UNNAMED_MOTIONS_RE.search(text):
        # "Various motions were proposed, seconded and passed unanimously.": nothing
        # of what was moved is written
        c.feature("names no motion (several reported together)", -0.5)
    return c
