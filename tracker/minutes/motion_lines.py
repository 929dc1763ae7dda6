"""Motions laid out one part a line, and a member's clause carried by the sentence after it:

    Proposed by Councillor A            Proposal by Councillor A that ... should be deleted
    Seconded by Councillor B            Seconded by Councillor B
    Vote unanimous to accept.           Voting unanimous in acceptance

    Acceptance of their quote, proposed by Councillor A.      Approved: A
    Seconded by Councillor B                                  Seconded: B
    Vote unanimous to accept

The motion is the whole of it (its lines, to the outcome's sentence), or its "that" clause when
the mover's line has one; "Approved: A" is its own outcome. Printed after the meeting's prose
decision it carried ("After consideration the meeting agreed to support the application."), it
is that decision's motion and goes to review. "Cllr A said that the Council should ... . This was
agreed to." carries the member's clause. The generator that calls these is `motions.py`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .motion_words import LOST_UNIT_RE, NAME, TALLY_RE, THAT_UNIT_RE
from .scoring import BODY, Candidate, next_text, prev_text, sentences
from .segment import Segmented

# "Proposed by Councillor A", "Proposed: Cllr A", "Moved by A": who moved it and nothing else
_NAMES_MOVER_RE = re.compile(
    rf"^(?:proposed|moved|motioned)(?:\s+by)?\s*:?\s*{NAME}\s*[.,;]?\s*$", re.I
)
# "Approved: A", "Approved by A": the minutes' approval moved by A, the approval its outcome
_APPROVED_MOVER_RE = re.compile(rf"^approved(?:\s+by)?\s*:?\s*{NAME}\s*[.,;]?\s*$", re.I)
# "Acceptance of their quote, proposed by Councillor A.": what was moved, then who moved it
_WHAT_MOVER_RE = re.compile(
    rf"^(?!that\b)(?P<what>[A-Z][^.;:]{{2,80}}?),?\s+proposed\s+by\s+{NAME}\s*[.,;]?\s*$", re.I
)
# "Proposal by Councillor A that ...", "Proposed by Cllr A that ...": the clause on the line
_MOVER_THAT_RE = re.compile(
    r"^(?:proposal|proposed|moved|motioned)\s+by\s+(?:(?:Cllrs?|Councillors?|Mrs|Mr|Ms|Miss|Dr)\.?\s+)*"
    r"(?:(?-i:[A-Z])[\w'\u2019\-]*\.?\s+){1,4}(?P<text>that\s+\S.*)$",
    re.I,
)
# "Minute of Meeting of 12th January Approved: Mr A Seconded: Mrs B", "Approved by A, seconded
# by B": the pair on one line, after the minutes' title or alone
_APPROVED_PAIR_RE = re.compile(
    rf"^(?:(?P<title>[^:]{{0,120}}?\bminutes?\b[^:]{{0,80}}?)[\s.,;\-\u2013]+)?"
    # a label, not a verb of the title's sentence ("Minutes of ... were approved by A and
    # seconded by B" is prose, read elsewhere)
    rf"(?P<pair>(?-i:Approved|APPROVED)(?:\s+by)?\s*:?\s*{NAME}\s*[.,;]?\s*(?:and\s+)?"
    rf"seconded(?:\s+by)?\s*:?\s*{NAME}\s*[.,;]?)\s*$",
    re.I,
)
_SECONDER_ONLY_RE = re.compile(rf"^seconded(?:\s+by)?\s*:?\s*{NAME}\s*[.,;]?\s*$", re.I)
# "Vote unanimous to accept.", "Voting unanimous in acceptance", "Vote: carried", "Carried",
# "All in favour", "Unanimous": the outcome on a line of its own
_OUTCOME_LINE_RE = re.compile(
    r"^(?:(?:vote[sd]?|voting)\b[\s:\-\u2013]*(?:was\s+)?(?:unanimous(?:ly)?|carried|agreed|in\s+favour)"
    r"|(?:motion\s+)?carried\b|(?:unanimously\s+)?(?:agreed|approved)\s*[.!]?$|unanimous\w*\b"
    r"|all\s+(?:present\s+)?(?:in\s+favour|agreed)\b)",
    re.I,
)
_VOTE_LINE_RE = re.compile(r"^(?:vote[sd]?|voting)\b", re.I)
_REJECTED_RE = re.compile(r"\b(?:reject\w*|refus\w*|against)\b", re.I)
# the meeting's own decision on the line before the motion ("After consideration the meeting
# agreed to support the application.", "It was resolved to accept the quote.", "RESOLVED: to
# ..."); a member's ("Councillor B Nelson agreed to do so.") is not
_DECISION_BEFORE_RE = re.compile(
    rf"(?:\b(?:it\s+was|(?:the\s+)?(?:{BODY}))\s+(?:[a-z]+\s+){{0,2}}?|^\W*)"
    r"(?:agreed|resolved|decided)\s*[:\-\u2013]?\s*(?:unanimously\s+)?(?:that|(?:not\s+)?to)\b",
    re.I,
)


def _first_sentence(text: str) -> str:
    sents = sentences(text)
    return sents[0][1].strip() if sents else text.strip()


def stacked_motions(seg: Segmented, free: Sequence[int]) -> tuple[list[Candidate], set[int]]:
    """Motions printed one part a line: the candidates, and the lines they were read from (the
    other motion readings leave those lines)."""
    lines = seg.lines
    free_set = set(free)
    out: list[Candidate] = []
    used: set[int] = set()
    for i in free:
        if i in used:
            continue
        t = lines[i].text
        pair = _APPROVED_PAIR_RE.match(t)
        if pair is not None:
            # the minutes' approval moved and seconded, both on the title's line: its outcome
            # is the "Approved" label
            c = Candidate("resolution", "motion", pair.group("pair").strip(), i, lines[i].no)
            c.base, c.sentence = 0.7, t.strip()
            c.feature("approved and seconded on one line", 0)
            out.append(c)
            used.add(i)
            continue
        approved = _APPROVED_MOVER_RE.match(t)
        that = _MOVER_THAT_RE.match(t)
        what = _WHAT_MOVER_RE.match(t)
        if not (approved or that or what or _NAMES_MOVER_RE.match(t)):
            continue
        j = next_text(lines, i + 1)
        if j is None or j not in free_set or not _SECONDER_ONLY_RE.match(lines[j].text):
            continue
        parts = [t.strip(), lines[j].text.strip()]
        span = {i, j}
        lost = False
        if not approved:
            k = next_text(lines, j + 1)
            if k is None or k not in free_set:
                continue
            outcome = _first_sentence(lines[k].text)
            tally = TALLY_RE.search(outcome)
            if tally is not None and _VOTE_LINE_RE.match(outcome):
                lost = int(tally.group("yes")) <= int(tally.group("no"))
            elif LOST_UNIT_RE.search(outcome) or (
                _OUTCOME_LINE_RE.match(outcome) and _REJECTED_RE.search(outcome)
            ):
                lost = True
            elif not _OUTCOME_LINE_RE.match(outcome):
                continue
            parts.append(outcome)
            span.add(k)
        before = prev_text(lines, i - 1)
        said = lines[before].text if before is not None else ""
        after = next_text(lines, max(span) + 1)
        if not that and (
            THAT_UNIT_RE.match(said) or (after is not None and THAT_UNIT_RE.match(lines[after].m))
        ):
            continue  # its "That ..." clause printed beside it: `motions` reads that layout
        text = that.group("text").strip() if that else "\n".join(parts)
        c = Candidate("resolution", "motion", text, i, lines[i].no)
        c.base, c.sentence = 0.7, " ".join(parts)
        if lost:
            c.base = 0.35
            c.feature("the motion was lost", -0.35)
        elif approved:
            c.feature("approved and seconded, one part a line", 0)
        else:
            c.feature("proposed, seconded and its outcome, one part a line", 0)
        if not that and not lost and _DECISION_BEFORE_RE.search(said):
            # "After consideration the meeting agreed to ..." / "Proposed by A" / "Seconded by
            # B" / "Vote unanimous to accept": the decision above is what was moved
            c.feature("the motion of the decision before it", -0.4)
        out.append(c)
        used |= span
    return out, used


# "He said that the Council should agree ...", "Cllr A suggested that the verges be cut ...":
# a member's clause that says what is to be
_MEMBER_THAT_RE = re.compile(
    r"\b(?:said|suggested|proposed|recommended|felt|asked)\s+(?P<text>that\s+.+)$", re.I
)
_TO_BE_RE = re.compile(r"\b(?:should|shall|must|be)\b", re.I)
# "This was agreed to.", "This was unanimously agreed.", "That was agreed by all."
_THIS_AGREED_RE = re.compile(
    r"^(?:this|that|which)\s+was\s+(?:then\s+)?(?:unanimously\s+)?(?:agreed|approved|accepted)"
    r"(?:\s+to)?(?:\s+unanimously|\s+by\s+all(?:\s+(?:present|members))?)?\s*[.!]?$",
    re.I,
)


# "The Councillors, prospective Councillors and Clerk unanimously agreed.", "All members agreed.":
# the meeting agreeing, with no clause of its own
_MEETING_AGREED_RE = re.compile(
    r"^(?:the\s+|all\s+(?:the\s+)?)?(?=[^.;]{0,80}\b(?:councillors|members|council|meeting|all)\b)"
    r"(?![^.;]*\b(?:not|that|to)\b)[A-Za-z ,&]{0,80}?\b(?:unanimously\s+)?agreed\s*[.!]?$",
    re.I,
)
_PROPOSING_RE = re.compile(r"\b(?:suggested|proposed|recommended)\s+that\b", re.I)


def agreed_after(t: str) -> list[str]:
    """The member's clauses that the next sentence carries ("... said that the Council should
    ... . This was agreed to.", "The chairman suggested that ... . The Councillors ...
    unanimously agreed.")."""
    low = t.lower()
    if "that" not in low or not ("agreed" in low or "approved" in low or "accepted" in low):
        return []  # no member's clause, or no sentence carrying one
    sents = [s.strip() for _at, s in sentences(t)]
    out = []
    for n in range(len(sents) - 1):
        if not (_THIS_AGREED_RE.match(sents[n + 1]) or _MEETING_AGREED_RE.match(sents[n + 1])):
            continue
        m = _MEMBER_THAT_RE.search(sents[n])
        if m is None:
            continue
        # "suggested that meetings return to ...": a proposal whatever its verb; "said that the
        # road was busy" only when it says what is to be
        if _PROPOSING_RE.search(sents[n]) or _TO_BE_RE.search(m.group("text")):
            out.append(m.group("text"))
    return out


# "RESOLVED: (proposed Cllr A, seconded Cllr B) that ...", "(Prop JH, Sec AU)", "(JH/AU)": who
# moved the decision, printed beside it in brackets
_MOVERS_IN_BRACKETS = (
    r"\(\s*(?:(?i:proposed|prop|moved|motioned)\b[^()]{0,80}?\b(?i:seconded|second|sec)\b[^()]{0,60}"
    r"|[A-Z]{1,4}\s*[/&]\s*[A-Z]{1,4})\)"
)
_LEADING_MOVERS_RE = re.compile(
    rf"^(?:(?:RESOLVED|Resolved|AGREED|Agreed)\s*)?{_MOVERS_IN_BRACKETS}\s*[:,\-\u2013]?\s*"
    r"(?=(?:that|not\s+to|to)\b)",
)
_TRAILING_MOVERS_RE = re.compile(rf"\s*{_MOVERS_IN_BRACKETS}\s*(?P<stop>[.;]?)\s*$")
# "... for £1,200. Proposed Cllr A, seconded Cllr B, all in favour.": the motion's movers after
# the decision's own sentence
_MOVER_SENTENCE_RE = re.compile(
    r"(?<=[.!])\s+(?:this\s+was\s+)?(?:proposed|moved|motioned)\b[^.;]{0,120}?\bseconded\b[^.;]{0,80}?"
    r"(?:[,;]?\s*(?:and\s+)?(?:all\s+(?:present\s+)?in\s+favour|all\s+agreed|carried"
    r"|unanimous\w*|agreed\s+by\s+all))?\s*\.?\s*$",
    re.I,
)
_CLAUSE_START_RE = re.compile(r"^(?:that|not\s+to|to)\b", re.I)
# "Resolved to approve the minutes ... . Agreed by all. (Proposed A, seconded B)": the vote's
# outcome after the decision's own sentence is not its text
_OUTCOME_AFTER_RE = re.compile(
    r"(?<=[.!])\s+(?:agreed\s+by\s+all|all\s+(?:present\s+)?in\s+favour|all\s+agreed"
    r"|carried(?:\s+unanimously)?|unanimously\s+(?:agreed|carried|approved)"
    r"|agreed\s+unanimously)\s*\.?\s*$",
    re.I,
)


def movers_left_off(text: str) -> str:
    """A decision's text without the proposer and seconder printed beside it; a motion with no
    clause of its own ("The minutes ... were agreed. Proposed A, seconded B.") keeps them."""
    out = _LEADING_MOVERS_RE.sub("", text, count=1)
    if not _CLAUSE_START_RE.match(out):
        return text
    out = _TRAILING_MOVERS_RE.sub(lambda m: m.group("stop") or "", out, count=1)
    out = _MOVER_SENTENCE_RE.sub("", out, count=1)
    out = _OUTCOME_AFTER_RE.sub("", out, count=1)
    return out if out.strip() else text
