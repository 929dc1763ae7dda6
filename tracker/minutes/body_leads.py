"""A lead-in that is the meeting's decision over a list, by its kind (issue 17, branch leadlist).

`scoring.DECISION_LEAD_RE` reads the lead-ins met one at a time ("Following consideration the
Board agreed:", "Thereafter, the Committee agreed:-"): the body's name capitalised, and only a
few words before it. The kind is wider: whatever opens the sentence ("In addition to this",
"At the close of the discussion,"), the body named in lower case ("the steering group", "the
area committee"), then its decision word and the colon that opens the list:

- "In addition to this the steering group agreed:", "At the end of the debate, the working
  party resolved:-", "It was therefore unanimously agreed:", "The Committee RESOLVED as
  follows:"; the list's items are the resolutions (the README's rule 2 and batch 13's lead-in);
- "... It was agreed" closing a paragraph of discussion over "i. ... ii. ...": the colon lost.

Guards: members are no body ("Members noted:", "Members agreed:", batch 12); "noted" in lower
case is what the meeting heard ("The Panel noted:", rule 6), in capitals the body's decision
word (the boards' reading); another body or an earlier decision ("the county council agreed:",
"The Chair reported that the Board had agreed:"); a report's recommendations or a proposal ("The
Board is asked to agree:", "Recommendations:", "Proposal:") name no decision word of the body;
an officer ("The Clerk reported:") is no body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .scoring import BODY, DECISION_LEAD_RE, prev_text
from .text import Line

__all__ = ["body_lead", "noted_under_decision"]

# words naming another council or body than the meeting ("the county council agreed:")
_OTHER = (
    r"county|district|borough|city|local|other|neighbouring|parent|national|regional|police"
    r"|health|government|previous|last|former|new|shadow"
)
# words that may not open the sentence before the subject: a report of what someone said ("The
# Chair reported that ..."), a condition ("If the Board agreed ..."), members ("Members of the
# Board agreed:")
_NOT_BEFORE = (
    r"that|if|whether|when|unless|reported|said|advised|explained|informed|stated|noted"
    r"|confirmed|told|asked|members?|councillors?"
)
# nor name the body: a person, an officer, a tense of an earlier decision
_NOT_IN_NAME = rf"{_NOT_BEFORE}|{_OTHER}|had|has|have|would|will|officers?|clerk|chair\w*"
_PREAMBLE = rf"(?:(?!\b(?:{_NOT_BEFORE})\b)[^.;:!?]){{0,100}}?"
_SUBJECT = (
    r"(?:it\s+(?:was|has\s+been)"
    rf"|(?:the\s+)?(?:(?!(?:{_NOT_IN_NAME})\b)[A-Za-z][\w'\u2019&-]*\s+|(?:and|&)\s+){{0,4}}?"
    rf"(?:sub-?)?(?:{BODY}|authority))"
)
_ADVERBS = (
    r"(?:,?\s+(?:therefore|unanimously|then|also|further|subsequently|accordingly|formally"
    r"|duly|finally|thereafter),?){0,2}"
)
# the body's decision word: lower or capital case, and NOTED / APPROVED / ENDORSED in capitals
# only (in lower case those are what the meeting heard or another verb, rule 6)
_VERB = r"(?:agreed|resolved|decided|(?-i:NOTED|APPROVED|ENDORSED|AGREED|RESOLVED|DECIDED))"
_AFTER = (
    r"(?:\s+(?:unanimously|by\s+all(?:\s+present)?|by\s+a\s+majority))?"
    r"(?:\s+(?:as\s+follows|the\s+following(?:\s+[a-z]+){0,2}|to|that|upon|on))?"
)
BODY_LEAD_RE = re.compile(
    rf"^(?:{_PREAMBLE}(?<=[\s,]))?{_SUBJECT}"
    # "The Board, having considered the report, agreed:": how it decided, between commas
    r"(?:,\s*(?:having|after|following|on|by)\s+[^,.;:]{3,80},)?"
    rf"{_ADVERBS}\s+{_VERB}{_AFTER}\s*:\s*-?$",
    re.I,
)
# "... It was agreed" over "i. ..." / "ii. ...": the impersonal lead-in with its colon lost
# (only the impersonal form: "the Board agreed" ending a line is as often a wrapped sentence)
LOST_COLON_LEAD_RE = re.compile(
    rf"^(?:{_PREAMBLE}(?<=[\s,]))?it\s+was{_ADVERBS}\s+(?:agreed|resolved|decided)\s*$", re.I
)

# "... the county council agreed:": the word before the body's noun names another body
_OTHER_BODY_RE = re.compile(rf"\b(?:{_OTHER})\s+(?:{BODY}|authority){_ADVERBS}\s+{_VERB}", re.I)


def body_lead(text: str) -> bool:
    """Is `text` (a line, or the last sentence of a paragraph) the meeting's decision word over
    the list below it, with no clause of its own?"""
    t = text.strip()
    if _OTHER_BODY_RE.search(t):
        return False
    return bool(BODY_LEAD_RE.match(t) or LOST_COLON_LEAD_RE.match(t))


# "Decision" / "NOTED" / "3.1 the background to ...;": a Scottish committee's decision field, its
# outcome word in capitals over the numbered points it noted (batch 43's area committee); a
# "Noted:" label alone is what the meeting heard (branch precision3's trap) and stays so
_DECISION_FIELD_RE = re.compile(r"^decisions?\s*:?$", re.I)
_NOTED_ALONE_RE = re.compile(r"^NOTED\s*:?-?$")


def noted_under_decision(lines: Sequence[Line], i: int) -> bool:
    """Is unit i "NOTED" in capitals, alone, straight under the item's "Decision" label?"""
    if not _NOTED_ALONE_RE.match(lines[i].text.strip()):
        return False
    k = prev_text(lines, i - 1)
    return k is not None and bool(_DECISION_FIELD_RE.match(lines[k].text.strip()))


_KEYWORD_LEAD_RE = re.compile(r"\b(?:RESOLVED|AGREED|DECIDED)\s*(?:that|to|as\s+follows)?\s*:-?$")


def decision_lead(text: str) -> bool:
    """ "Following consideration the Board agreed:", "8. The Board:": the body's decision with no
    clause of its own, introducing the list of what was decided."""
    text = re.sub(r"^\d{1,3}(?:\.\d{1,3})*\.?\s+", "", text.strip())
    if DECISION_LEAD_RE.match(text) or body_lead(text) or _KEYWORD_LEAD_RE.search(text):
        return True  # ... or "16/25 PRECEPT RESOLVED that:-", the keyword after the title
    # "The Head of Service presented the report. The Committee agreed:": the lead-in as the last
    # sentence of the paragraph of discussion above the list
    last = re.split(r"(?<=[a-z0-9)])[.!?]\s+(?=[A-Z])", text)[-1]
    return last != text and bool(DECISION_LEAD_RE.match(last) or body_lead(last))
