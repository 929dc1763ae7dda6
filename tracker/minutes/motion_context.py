"""What stands around a motion line: the decision heading after it, a RESOLVED recording the same
decision, a list or a bare "That ..." clause carried by it, and the words saying it was withdrawn.
`motions` reads a motion with these."""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from .motion_words import THAT_UNIT_RE, first_sentence
from .patterns import CARRIED_LEAD_RE, match_heading
from .scoring import Candidate, next_text, prev_text
from .text import Line

__all__ = [
    "carried_clause",
    "clause_carried",
    "heading_after",
    "listed_after",
    "movers_of_decision_before",
    "same_decision_after",
]

# "... seconded by Cllr B and AGREED by the Meeting, with one abstention, to accept the minutes
# ...", "... and all agreed to award the work to ...": the outcome word, then what was agreed
_AGREED_TO_RE = re.compile(
    r"\b(?:agreed|resolved|decided)\b"
    r"(?:\s+(?:by\s+the\s+(?:meeting|council|committee)|unanimously|by\s+all))*"
    r"(?:\s*,[^,.;]{1,40},)?\s*,?\s+(?P<clause>to\s+(?!be\b)[a-z]+\b.*)$",
    re.I,
)
# "... was declared to be CARRIED and “RESOLVED that the Council agree ...”.": the motion's
# outcome quotes the resolution it made; the resolution is the quoted "that" clause
_QUOTED_RESOLUTION_RE = re.compile(
    r"\b(?:carried|agreed|approved|passed)\b[^.;]{0,40}?\s(?:and|so|thus|whereupon|it\s+was)\s*,?\s*"
    r"[\"\u201c\u2018']?\s*(?:it\s+was\s+)?resolved\s*[-\u2013:,]?\s*"
    r"(?P<clause>that\s[^\"\u201d\u2019]+?)\s*(?:[\"\u201d\u2019]|\.?\s*$)",
    re.I,
)
# "It was proposed it be switched to the local bank. There is ... . This was approved by A and
# seconded by B.": an impersonal proposal, its movers and outcome in a later sentence
_PROPOSAL_FIRST_RE = re.compile(
    r"^it\s+(?:was|is)\s+(?:also\s+|further\s+)?proposed\s+(?!by\b)(?:that\s+)?\S", re.I
)
_FIRST_OUTCOME_RE = re.compile(r"\b(?:agreed|approved|carried|resolved|seconded|unanimous)", re.I)
_MOVERS_AFTER_RE = re.compile(r"\b(?:proposed|seconded|voted|vote)\b", re.I)
# "2:00 Approval of the minutes of the Meeting held on 30 May: The minutes were approved ...": the
# item's number and title glued before the motion's own sentence
_TITLE_BEFORE_RE = re.compile(r"^\d{1,3}(?:[:.]\d{1,2})?\.?\s+[^:.;]{3,100}?:\s+(?=[A-Z])")


def carried_clause(text: str) -> str:
    """What a motion carried with its outcome word agreed ("to accept the minutes ..."), without
    the title and movers before it, when the outcome word is in the motion's first sentence and
    nobody was nominated (rule 4: a nomination, then "All agreed to elect ...", is the whole
    motion); an impersonal proposal's own sentence ("It was proposed it be ...") when its movers
    and outcome follow in later ones; the resolution its outcome quotes ("... CARRIED and 'RESOLVED that ...'"); the
    text as it is when it names no such clause."""
    first = first_sentence(text)
    if (
        first != text
        and _PROPOSAL_FIRST_RE.match(first)
        and not _FIRST_OUTCOME_RE.search(first)
        and _MOVERS_AFTER_RE.search(text[len(first) :])
    ):
        return f"{first.rstrip('.')}."  # what was proposed, not the sentences after it
    qm = _QUOTED_RESOLUTION_RE.search(first)
    if qm is not None:
        return qm.group("clause").rstrip(" .'")  # "... be paid'.": a plain quote closing it
    am = _AGREED_TO_RE.search(text)
    if am is not None and (
        am.start() >= len(first_sentence(text)) or re.search(r"\bnominat", text[: am.start()], re.I)
    ):
        am = None  # "A nominated B. Seconded by C. ... All agreed to elect ...": the whole motion
    if am is not None:
        clause = am.group("clause").strip()
        first = first_sentence(clause)
        if first != clause and _MOVERS_AFTER_RE.search(clause[len(first) :]):
            return f"{first}."  # "... 1 year. The Council voted and Cllr A proposed ...": the
        return clause  # movers' sentence after it is not what was agreed
    tm = _TITLE_BEFORE_RE.match(text)
    return text[tm.end() :] if tm is not None else text


def heading_after(lines: Sequence[Line], i: int) -> bool:
    """Is the next unit with text a decision heading ("RESOLVED:")?"""
    k = next_text(lines, i + 1)
    return k is not None and match_heading(lines[k].text, lines[k].m) is not None


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


# "Cllr Ann Smith was proposed as Chair ..." then "RESOLVED that the Mayor be elected Chair": a
# nomination and its RESOLVED name the person differently but fill the same office
_OFFICE_RE = re.compile(
    r"\b(?:nominated|proposed|elected|appointed|re-elected|re-appointed|co-opted|chosen)\s+"
    r"(?:(?:[A-Z][\w.'\u2019\-]*\s+){1,4}(?=as\b|to\s+be\b))?"
    r"(?:(?:as|to\s+be|to\s+serve\s+as|to\s+the\s+(?:office|position|role)\s+of|for\s+the\s+"
    r"(?:office|position|role)\s+of)\s+)?(?:the\s+)?(?:council'?s\s+)?"
    r"(?P<office>(?:vice|deputy)[\s\-]+(?:chair(?:man|person|woman)?|mayor|leader)"
    r"|chair(?:man|person|woman)?|mayor|leader|convener|provost|presiding\s+member)\b",
    re.I,
)


def _office(text: str) -> str | None:
    m = _OFFICE_RE.search(text)
    if m is None:
        return None
    office = re.sub(r"[\s\-]+", " ", m.group("office").lower())
    return re.sub(r"chair(?:man|person|woman)", "chair", office)


def same_decision_after(lines: Sequence[Line], i: int, clause: str) -> bool:
    """Is the next unit a decision heading (or a bare "That ..." clause) whose text says much the
    same as `clause` (the motion printed before its RESOLVED)?"""
    k = next_text(lines, i + 1)
    if k is None:
        return False
    h = match_heading(lines[k].text, lines[k].m)
    if h is None:
        # "... on being put to the vote, unanimously," then "That Cllr A be elected as Chair
        # ...": the clause it carried, its "RESOLVED" lost, records the same decision
        return bool(THAT_UNIT_RE.match(lines[k].text)) and _same(clause, lines[k].text)
    text = h.inline
    if not text:
        nk = next_text(lines, k + 1)
        text = lines[nk].text if nk is not None else ""
    return _same(clause, text)


# "(all in favour)", ", unanimous.", "- carried": the outcome closing a line of movers
_MOVERS_OUTCOME_RE = re.compile(
    r"[\s,.;:\-\u2013(]*(?:all\s+in\s+favour|all\s+agreed|unanimous(?:ly)?(?:\s+agreed)?|carried|"
    r"agreed)\W*$",
    re.I,
)
_MOVER_WORDS_RE = re.compile(
    r"\b(?:proposed|moved|seconded|second|by|and|cllrs?|councillors?|mrs?|ms|miss|dr)\b|[&,.:;()\-\u2013]",
    re.I,
)


def movers_of_decision_before(lines: Sequence[Line], i: int, t: str) -> bool:
    """Is unit `i` a line of movers alone ("Proposed: Cllr A, and seconded by Cllr B (all in
    favour)") right under a keyword decision ("Resolved: that ...")? It moved that decision;
    it is no second one."""
    bare = _MOVERS_OUTCOME_RE.sub("", t)
    if not re.match(r"^\W*(?:proposed|moved)\b", bare, re.I) or not re.search(
        r"\bseconded\b", bare, re.I
    ):
        return False
    names = _MOVER_WORDS_RE.sub(" ", bare).split()
    if not names or any(not w[0].isupper() for w in names):
        return False  # a word of what was moved ("... that the fee be raised")
    k = prev_text(lines, i - 1)
    if k is None:
        return False
    h = match_heading(lines[k].text, lines[k].m)
    if h is not None:
        return bool(h.inline)
    # the clause under a bare "RESOLVED" line
    hk = prev_text(lines, k - 1)
    if hk is None:
        return False
    h = match_heading(lines[hk].text, lines[hk].m)
    return h is not None and not h.inline


_ELECTED_RE = re.compile(
    r"^\W*that\s+(?P<who>[^.;]{3,80}?)\s+be\s+(?:re-?)?(?:elected|appointed)\b", re.I
)


def _same(clause: str, text: str) -> bool:
    """Do the two say much the same, or fill the same office?"""
    a, b = _words(clause), _words(text)
    if bool(a and b) and 2 * len(a & b) / (len(a) + len(b)) >= 0.6:
        return True
    em = _ELECTED_RE.match(text)
    if em is not None and _words(em.group("who")) <= a:
        return True  # "Cllr A nominated Cllr B. ..." then "That Cllr B be elected as Chair ..."
    office = _office(clause)
    return office is not None and office == _office(text)


def listed_after(lines: Sequence[Line], i: int, headings: AbstractSet[int]) -> bool:
    """Does a list item (a bullet or a number before "To ..."/"That ..."/a verb) follow unit i?
    The next item's heading ("7. Work Programme") is not one."""
    k = next_text(lines, i + 1)
    return (
        k is not None
        and k not in headings
        and bool(
            re.match(
                r"^(?:[\u2022\u00b7*\-]|\(?(?:\d{1,2}|[a-hA-H]|[ivx]{1,4})[.)])\s+[A-Z]",
                lines[k].text,
            )
        )
    )


def clause_carried(lines: Sequence[Line], i: int) -> int | None:
    """The bare "That ..." unit just after a motion line carried in the same words ("The motion
    was moved, seconded, voted upon and carried."), or None."""
    if not CARRIED_LEAD_RE.match(lines[i].m):
        return None
    k = next_text(lines, i + 1)
    if k is None or not THAT_UNIT_RE.match(lines[k].m) or lines[k].text.rstrip().endswith(":"):
        return None
    return k


# "After discussion the motion was withdrawn.", "the proposer withdrew the motion", "Motion
# withdrawn": never carried
_WITHDRAWN_RE = re.compile(
    r"\b(?:motion|amendment|proposal)\s+(?:was\s+)?withdrawn\b"
    r"|\bwithdr[ae]w\s+(?:the|his|her|their)\s+(?:motion|amendment|proposal)\b",
    re.I,
)


def _withdrawn(c: Candidate, lines: Sequence[Line]) -> Candidate:
    """A proposal with no outcome whose unit, or one of the two after it, says it was withdrawn:
    the review list says so."""
    if not any(f == "a proposal with no outcome written" for f, _ in c.features):
        return c
    near, k = [lines[c.index].text], c.index
    for _ in range(2):
        nk = next_text(lines, k + 1)
        if nk is None:
            break
        near.append(lines[nk].text)
        k = nk
    if _WITHDRAWN_RE.search(" ".join(near)):
        c.features = [("the motion was withdrawn", 0.0)]
    return c
