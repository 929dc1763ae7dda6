"""How a motion is worded: who moved and seconded it, its clause, the words of its outcome
(carried, all in favour, a vote count) or of its loss, and the sentences a motion runs over.
The generator that reads them is `motions.py`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .scoring import next_text, sentences
from .text import Line

MOTION_RE = re.compile(
    # "Proposal (AB), seconded (CD)", "Motion (AB) & seconded (CD)", "(Proposer: A, seconder: B)"
    # ("Councillor Drewproposed and ...": a name glued to "proposed" when published)
    # "On the proposition / nomination of A, seconded by B, X was elected Chair" (issue 17,
    # branch resgen2)
    r"(?:\b(?:propos(?:ed|es|er|al|ition)|moved|motion(?:ed)?|nominat(?:ed|ion))"
    r"|(?<=[a-z])proposed)\b"
    r".*\bsecond(?:e[dr]|s)?\b"
    # "The minutes ... was approved by Doreen Towler and second by Linda Charles."
    r"|\bapproved\s+by\s+[A-Z].*\bsecond(?:ed)?\s+by\s+[A-Z]"
    # "Prop: Cllr Hale Sec: Cllr Udall", "(Prop RT, Sec JM)": the words cut short
    r"|\bprop(?:[.:]|\s)\s*(?-i:[A-Z]).{0,60}?\bsec(?:[.:]|\s)\s*(?-i:[A-Z])"
    # "Signed as true by Chair (GR) Proposed by GB sec all", "Prop JS 2nd AP": "sec" or "2nd" for
    # the seconder, "all" for everyone
    r"|\bprop(?:osed|oser)?(?:[.:]|\s)\s*(?:by\s+)?(?:(?-i:[A-Z])|all\b).{0,60}?"
    r"\b(?:sec(?:onded)?|2nd)(?:[.:]|\s)\s*(?:by\s+)?(?:(?-i:[A-Z])|all\b)"
    # "Cllr Burgess proposed above payments were made, all in favour.": no seconder written,
    # the outcome in the proposer's sentence
    r"|\b(?:proposed|moved|motioned)\s+(?!by\b|that\b)[^.;]{3,200}?,\s*all\s+(?:present\s+)?in\s+favour\b",
    re.I,
)
PUT_OUTCOME_RE = re.compile(
    r"\b(?:approved|agreed|accepted|adopted|carried)\b"
    r"|\bsigned\s+as\s+(?:a\s+)?(?:true|correct|accurate)\b",  # "Signed as a true record ..."
    re.I,
)
# "Motioned MWH, Seconded DJ": the mover's word of some clerks
MOVED_WORD_RE = re.compile(
    r"\b(?:propos(?:ed|es)|moved|motioned|nominated"
    # "On the proposal of A, seconded by B, X was re-elected Chairman. She thanked ...": the
    # motion is that sentence, not the ones after it
    r"|on\s+the\s+(?:motion|proposal|proposition|nomination)\s+of)\b",
    re.I,
)
PROPOSED_BY_PAIR_RE = re.compile(
    r"\bproposed\s+by\s+(?:Cllrs?\.?\s+|Councillors?\s+)?[A-Z][\w'\u2019\-]*"
    r"\s*(?:&|and)\s*(?:Cllr\.?\s+|Councillor\s+)?[A-Z][\w'\u2019\-]*\s+(?P<text>that\b)"
)
MOVER_START_RE = re.compile(r"^(?:proposed|moved|motioned)\b(?!\s+that\b)", re.I)
REPORTED_OUTCOME_RE = re.compile(
    r"\b(?:was|were)\s+(?:unanimously\s+)?(?:agreed|approved|accepted|adopted|confirmed)\.?$",
    re.I,
)
MOVER_RE = re.compile(r"^(?:moved|proposed|motioned)(?:\s+by\b|\s*:)", re.I)
SECONDER_RE = re.compile(r"^seconded(?:\s+by\b|\s*:)", re.I)
OUTCOME_RE = re.compile(
    r"\b(?:unanimously\s+)?(?:approved|agreed|carried|passed|accepted|appointed|elected|adopted"
    r"|co-?opted)\b"
    # "the review should be carried out by ...", "carried forward", "passed to the Chairman":
    # the verbs' other senses record no vote (issue 17, branch resgen2)
    r"(?<!carried(?=\s(?:out|forward|over|through)\b))"
    r"(?<!passed(?=\s(?:to|on|over|round|around|through)\b))"  # "Mr Smith was co-opted onto the council, proposed by A and seconded by B"
    # "Signed as true by Chair": the minutes' outcome, signed as a true record
    r"|\bsigned\s+as\s+(?:a\s+)?(?:true|correct|accurate)\b"
    # "Cllr Barraclough was declared Chairman": a ballot's outcome ("declared an interest" is not)
    r"|\b(?:was|were)\s+(?:duly\s+)?declared\s+(?:elected|carried|(?:the\s+)?(?:vice[\s-])?"
    r"(?:chair\w*|mayor|leader|president|convener|convenor|winner))\b"
    r"|\bunanimous\w*"
    # "A proposed and B seconded their approval. There were no objections.": nobody against
    r"|\bthere\s+(?:were|was)\s+no\s+(?:objections?|dissent|votes?\s+against)\b",
    re.I,
)
# "A proposed records to be accepted as correct, seconded by B": the motion's own words, not
# its outcome ("... seconded by B. Carried." is)
MOTION_WORDS_RE = re.compile(
    r"\b(?:to\s+|should\s+|shall\s+)?be\s+(?:unanimously\s+)?"
    r"(?:approved|agreed|accepted|adopted|appointed|elected|passed)\b",
    re.I,
)
# "Various motions were proposed, seconded and passed unanimously.": motions that are not given
UNNAMED_MOTIONS_RE = re.compile(
    r"\b(?:various|several|numerous|a\s+number\s+of|some|(?:all\s+)?(?:the\s+)?other)\s+"
    r"(?:other\s+)?motions\s+(?:were|have\s+been|had\s+been)\b",
    re.I,
)
# "The motion was moved, seconded, voted upon and lost."
LOST_RE = re.compile(
    r"\b(?:not\s+carried|was\s+lost|defeated|fell)\b"
    r"|\b(?:voted\s+(?:up)?on|put\s+to\s+the\s+vote)\s+and\s+(?:was\s+)?lost\b",
    re.I,
)
# "Vote: 2 for, 5 against. Not carried.", "The motion was defeated."
LOST_SENTENCE_RE = re.compile(r"\b(?:motion|amendment|proposal)\s+(?:was\s+)?lost\b", re.I)
# a name's full stops ("Cllr. Hale", "Mrs. Hart", "D. Hale") are not the end of a sentence
NAME_STOP = r"(?:(?<=\bCllr)|(?<=\bMrs)|(?<=\bMr)|(?<=\bMs)|(?<=\bDr)|(?<=\b[A-Z]))\."
PROPOSED_THAT_RE = re.compile(
    # "proposed that ...", "It was proposed by Cllr. Dale that ..."; "The Cabinet Member moved
    # that ..., the motion was seconded by ...": "moved" (or "motioned") is "proposed"
    r"\b(?:proposed|moved|motioned)\s+(?:by\s+(?:(?-i:[A-Z])[\w'\-]*\.?\s+){1,4})?"
    r"(?P<text>that\b.+?)(?=\s+(?:this\s+was\s+|and\s+(?:was\s+)?|,\s*)?seconded\b"
    r"|,\s*seconded\b|;\s"
    r"|,\s*(?:and\s+)?(?:the\s+motion\s+|this\s+|it\s+)?was\s+seconded\b"
    r"|\s+and\s+(?:all\s+were\s+in\s+favour|(?:it\s+)?was\s+(?:agreed|carried))|[.;]?$)",
    re.I,
)
OUTCOME_AFTER_RE = re.compile(
    r"\ball\s+(?:present\s+)?(?:agreed|were\s+in\s+favour)\b|^(?:agreed|carried)\b"
    r"|\bunanimously\s+(?:agreed|approved|carried)\b"
    # "The motion was put to the vote and carried." on the line after the motion
    r"|^(?:the\s+)?(?:motion|proposal)\s+was\s+put\s+to\s+the\s+vote\s+and\s+carried\b",
    re.I,
)
# "Proposed (AH) & Seconded (SB) that the minutes be approved": the clause after the seconder
SECONDED_THAT_RE = re.compile(
    rf"\bseconded\b(?:[^.;]|{NAME_STOP}){{0,60}}?\s(?P<q>[\"\u201c]?)(?P<text>that\s.+)$", re.I
)
CLOSE_QUOTE_RE = re.compile(r"[\"\u201d]")


def motion_clause(m: re.Match[str]) -> str:
    """The motion's clause; a quoted one ("... seconded \"That ... be adopted\" - this was put
    to the meeting and was carried") ends at its closing quote, before the outcome."""
    text = m.group("text")
    if "q" in m.groupdict() and m.group("q"):
        close = CLOSE_QUOTE_RE.search(text)
        if close is not None:
            return text[: close.start()]
    tail = _OUTCOME_TAIL_RE.search(text)
    return text[: tail.start()] if tail else text


# "... that the report be noted and on being put to the vote this was carried": the outcome joined
# to the motion's clause by "and", not part of what was moved
_OUTCOME_TAIL_RE = re.compile(
    r"\s*,?\s+and\s*,?\s+(?:(?:on|upon)\s+being\s+put\s+to\s+(?:the\s+)?(?:a\s+)?vote|on\s+a\s+vote"
    r"|when\s+put\s+to\s+the\s+vote|(?:this|it|the\s+motion)\s+was\s+(?:then\s+)?"
    r"(?:carried|agreed|approved|lost|defeated))\b"
)


# "all in favour", "all those present were in favour", "all members at the meeting were in favour"
ALL_IN_FAVOUR_RE = re.compile(
    r"\ball\s+(?:(?:those|members|councillors)\s+)?(?:(?:present|at\s+the\s+meeting)\s+)?"
    r"(?:were\s+)?in\s+favour\b|\bnem\.?\s*con\b",
    re.I,
)
# "Cllr A proposed that ... . Cllr B proposed that ... . All agreed.": the outcome as the last
# sentence of the proposals it carries (no seconder written)
ALL_AGREED_END_RE = re.compile(
    r"(?:^|[.!]\s+)(?:all\s+(?:(?:present|members|councillors)\s+)?(?:agreed|approved)"
    r"|agreed\s+by\s+all(?:\s+present)?|unanimously\s+agreed)\s*[.!]?\s*$",
    re.I,
)
BE_PROPOSED_RE = re.compile(
    r"^(?P<text>[A-Z].{3,200}?\bbe\s+[a-z]+ed)\s+proposed\s+\S+.*\bseconded\b", re.I
)
BE_CLAUSE_UNIT_RE = re.compile(
    r"^(?:the|a|an)\s+[^.;:]{3,200}?\s+be\s+[a-z]+(?:ed|en)\b[^;:]{0,120}\.?$", re.I
)
THAT_UNIT_RE = re.compile(r"^[\"\u201c\u2018'\s]*that\b", re.I)
OUTCOME_UNIT_RE = re.compile(
    r"\b(?:declared\s+carried|carried|passed)\b"
    # "All agreed." / "All in favour" / "Unanimous" on a line of its own after the clause
    r"|^(?:all\s+(?:present\s+)?)?agreed\b|^all\s+(?:present\s+)?in\s+favour\b|^unanimous",
    re.I,
)
# "Vote: 6 for, 0 against": carried when more voted for than against
TALLY_RE = re.compile(
    r"\b(?P<yes>\d{1,3})\s+(?:votes?\s+)?(?:for|in\s+favour)\b[^.;]{0,20}?\b(?P<no>\d{1,3})\s+against\b",
    re.I,
)
# "Motion: that the minutes be approved. Proposed A, seconded B. Motion carried."
LABEL_THAT_RE = re.compile(
    r"^(?:motion|proposal|resolution)\s*[:\-\u2013]\s*(?P<text>that\b.+)$", re.I
)
# "MOTION To co-opt Lindsay Wood as a member.": the motion's label and its "To ..." clause
MOTION_TO_RE = re.compile(r"^MOTION\s*:?\s+(?P<text>To\s+[a-z]+\b.*)$")
MOTION_WORD_RE = re.compile(r"^MOTION\s*:?\s+(?=\S)")
# "LOST: 2 for, 5 against", "NOT CARRIED", "DEFEATED", "The motion fell.", "On being put to the
# vote the motion was lost."
LOST_UNIT_RE = re.compile(
    r"^(?:motion\s*:?\s*)?(?:lost|defeated|not\s+carried|fell|falls)\b"
    r"|\b(?:motion|amendment|proposal)\s+(?:was\s+)?(?:lost|defeated|fell|not\s+carried)\b"
    r"|\bwas\s+(?:lost|defeated|not\s+carried)\b",
    re.I,
)


# "Proposed by Cllr. A Vant and seconded by Cllr. B Newbon", "Proposed: Cllr Hale Seconded: Cllr
# Udall": who moved it and nothing of what was moved
NAME = r"(?:(?:Cllrs?|Councillors?|Mrs|Mr|Ms|Miss|Dr)\.?\s+)*(?:[A-Z][\w'\u2019\-]*\.?\s*){1,4}"
NAMES_ONLY_RE = re.compile(
    rf"^(?:proposed|moved|motioned)(?:\s+by)?\s*:?\s*{NAME}\s*(?:,|and|&)?\s*"
    rf"(?:seconded|second)(?:\s+by)?\s*:?\s*{NAME}\s*[.,;]?\s*$",
    re.I,
)


# "All members agreed that ... .", "Councillors agreed to ... ." (no body named: rule 3 leaves it)
MEMBERS_AGREED_RE = re.compile(
    r"^(?:all\s+)?(?:members|councillors|cllrs)(?:\s+present)?\s+(?:unanimously\s+)?agreed\s+"
    r"(?P<text>(?:that|to)\b[^.;]{3,300}[.;]?)\s+(?=this\s+was\s+proposed\b)",
    re.I,
)


def clause_after(lines: Sequence[Line], k: int) -> int | None:
    """The "That ..." unit right after an outcome line, when it is not the clause of the next
    motion (a proposer or seconder printed after it)."""
    at = next_text(lines, k + 1)
    if at is None or not THAT_UNIT_RE.match(lines[at].m):
        return None
    nxt = next_text(lines, at + 1)
    if nxt is not None and (MOVER_RE.match(lines[nxt].text) or MOTION_RE.search(lines[nxt].text)):
        return None
    return at


MOTION_LABEL_RE = re.compile(
    r"^(?P<label>proposal|amendment|motion|substantive motion)\s*:?$", re.I
)


ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "cllr",
    "st",
    "no",
    "prof",
    "rev",
    "co",
    "ltd",
    "vs",
    "approx",
}


def first_sentence(clause: str) -> str:
    """ "that X be ... Council. Proposed Cllr Kirk,": the motion's clause ends its sentence."""
    clause = clause.strip()
    for m in re.finditer(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", clause):
        word = re.search(r"(\w+)$", clause[: m.start()])
        if word and word.group(1).lower() in ABBREVIATIONS:
            continue  # "that Mr. Smith be ..."
        return clause[: m.start()]
    return clause


# "Cllr Plummer received nominations to be the Chairman, unanimously elected.", "Cllr Sharp was
# nominated to continue as vice chairman, unanimously agreed.": the sentence from its start to
# the outcome
NOMINATED_RE = re.compile(
    r"(?:^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+)?|(?<=[.!?]\s))"
    r"(?P<text>[A-Z][^.!?]{0,80}?\b(?:nominated|nominations?)\b[^.!?;]{0,120}?,?\s*"
    r"(?:and\s+)?(?:was\s+)?(?:unanimously|duly)\s+(?:elected|agreed|appointed|approved|re-elected)"
    r"\b[^.!?]{0,60}[.!?]?)",
)


# "The Legal Officer moved to a vote on the 21st July minutes. Councillors A, B and C were in
# favour.": a vote moved, with who was in favour written after it (no seconder)
VOTE_MOVED_RE = re.compile(r"\bmoved\s+(?:it\s+|this\s+)?to\s+(?:a|the)\s+vote\b", re.I)
IN_FAVOUR_RE = re.compile(r"\b(?:were|was)\s+(?:all\s+)?in\s+favour\b", re.I)


def vote_moved(t: str) -> tuple[str, bool] | None:
    """The motion from the sentence that moves the vote to the one that says who was in favour
    (at most two sentences on), and whether it may have been lost (a tally against it, "lost",
    or members against it with no tally); None when no such vote is written."""
    if VOTE_MOVED_RE.search(t) is None:
        return None  # no sentence of it moves a vote
    sents = [x.strip() for _s, x in sentences(t) if x.strip()]
    at = next((k for k, x in enumerate(sents) if VOTE_MOVED_RE.search(x)), None)
    if at is None:
        return None
    for end in range(at, min(len(sents), at + 3)):
        if IN_FAVOUR_RE.search(sents[end]):
            text = " ".join(sents[at : end + 1])
            tally = TALLY_RE.search(text)
            if tally is not None:
                return text, int(tally.group("yes")) <= int(tally.group("no"))
            lost = LOST_RE.search(text) or re.search(r"\bagainst\b", text, re.I)
            return text, lost is not None
    return None


# "... seconded that these be paid – all agreed", "... that the quote be accepted - carried
# unanimously": the motion's outcome after a dash ending its clause, not words of the clause
DASH_OUTCOME_RE = re.compile(
    r"\s[-\u2013\u2014]\s*(?=(?:all\s+(?:(?:present|members|councillors)\s+)?(?:agreed|in\s+favour)"
    r"|agreed|carried|approved|unanimous\w*|nem\.?\s*con|\d{1,3}\s+(?:votes?\s+)?(?:for|in\s+favour))\b)",
    re.I,
)


def before_dash_outcome(clause: str) -> str:
    return DASH_OUTCOME_RE.split(clause, maxsplit=1)[0]


# "All were in agreement that they be signed as a correct record – Proposed by A, Seconded by
# B.": the meeting's agreement, then who moved and seconded it (rule 4, its "that" clause)
AGREEMENT_THAT_RE = re.compile(
    r"(?:^|[.!?]\s+)(?:all|everyone|all\s+(?:members|councillors|those)(?:\s+present)?"
    r"|all\s+present)\s+(?:were|was)\s+in\s+agreement\s+(?P<text>that\b[^.;]{3,300}?)"
    r"(?:\s*[-\u2013\u2014,]\s*|\.\s+)(?=(?:it\s+was\s+)?(?:proposed|moved|motioned)\b)",
    re.I,
)


# "JS proposed that ... . Seconded by JP, and resolved.": the outcome in the seconder's sentence
_SECONDED_RESOLVED_RE = re.compile(
    r"\bseconded\b[^.;]{0,60}?,?\s+and\s+(?:was\s+)?(?:unanimously\s+|duly\s+)?resolved\s*[.;]?\s*$",
    re.I,
)


# "AGREED to adopt the minutes.", "AGREED – that the minutes be adopted.": the keyword and the
# clause it decides, on the line after a proposer's and a seconder's lines
_KEYWORD_CLAUSE_RE = re.compile(
    r"^(?:AGREED|RESOLVED|Agreed|Resolved)\b\s*(?:[:\-\u2013]\s*)?(?:that|not\s+to|to)\b", re.I
)


# "Cllr A proposed and Cllr B seconded and unanimously approved RESOLVED to accept ...": the
# keyword in capitals after the movers says where the decision's text starts; the keyword
# reader takes it from there
_KEYWORD_AFTER_MOVERS_RE = re.compile(
    r"\bseconded\b.{0,80}?\s(?:RESOLVED|AGREED)\s*[:\-\u2013]?\s*(?:that|to)\b"
    # "it was AGREED (proposed Dr A, seconded Mr B) to insert ...": the movers in brackets
    # between the keyword and its clause
    r"|\b(?:RESOLVED|AGREED)\s*\((?:propos|moved)[^)]{0,100}\bseconded\b[^)]{0,60}\)\s*"
    r"(?:that|to)\b",
    re.I,
)


# "...: Resolved to approve the minutes as a true record. Agreed by all. (Proposed by A and
# seconded by B)": the keyword's decision first, then its vote and movers; the decision is the
# keyword's clause (as batch 21's "RESOLVED: That ... . Proposed by A, seconded by B and
# carried."), which the keyword readers take
_KEYWORD_BEFORE_MOVERS_RE = re.compile(
    r"(?:^|[:.]\s+)(?:Resolved|RESOLVED|Agreed|AGREED)\s*[:\-\u2013]?\s*(?:that|to)\s[^.]{3,200}\."
    r"\s+(?:(?:Agreed|Carried|Approved)\b[^.(]{0,30}\.?\s*)?\(?\s*(?:Proposed|Moved)\b"
)


def _keyword_after_movers(t: str) -> bool:
    if _KEYWORD_BEFORE_MOVERS_RE.search(t):
        return True
    m = _KEYWORD_AFTER_MOVERS_RE.search(t)
    return m is not None and re.search(r"\b(?:RESOLVED|AGREED)\b", m.group(0)) is not None
