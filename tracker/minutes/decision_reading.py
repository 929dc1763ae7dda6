"""How much a sentence of minutes reads as a decision of the meeting, what it says and why no
rule took it: the weighing of the review net for resolutions (`decision_net` walks the page,
keeps the budget and lists what scores enough; the patterns are in `decision_patterns`).

Two readings, each with the reasons an officer is shown:

* `_said`: a sentence that says the body decided something ("Members agreed the allotment
  rents rise by 5% from April.", "Councillors approved the grant.", "The Board noted the
  update.", "Noted the inspection report.") is listed whatever it scores. What "It was",
  "Members", "Councillors" or "We" noted is what the meeting was told or discussed ("Members
  noted that 26% of children ..."), not listed.
* `_weigh`: any other sentence that reads like a decision, scored; the net lists the best
  within the page's budget.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .decision_patterns import (
    _AGENT_RE,
    _BARE,
    _BARE_CLAUSE_RE,
    _BODY_SUBJECT_RE,
    _CLAUSE_AFTER_RE,
    _CLAUSE_BREAK_RE,
    _CLAUSE_START_RE,
    _CLOSER_RE,
    _CORE,
    _GLUED_OPENER_RE,
    _KEYWORD_OUTCOME_RE,
    _LABEL_RE,
    _LONG,
    _MINUTES_RE,
    _NEXT_ITEM_RE,
    _NOT_YET_RE,
    _NOTED_RE,
    _OPENER_RE,
    _OUTCOME_RE,
    _OWN_CLAUSE_RE,
    _PASSIVE_RE,
    _REPORTED_RE,
    _SAID_OPENER_RE,
    _SAID_RE,
    _SECONDED_RE,
    _VERB_RE,
    _WEAK_OPENER_RE,
    _WEAK_SUBJECT_RE,
    _WORD_RE,
)
from .scoring import _SENTENCE_RE, _TITLE_ABBREVIATION_RE


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _sentences(text: str) -> list[str]:
    """The sentences of a unit (as `scoring.sentences` cuts them), in one pass: the title
    before a full stop is looked for in the few characters before it only."""
    out, start = [], 0
    for m in _SENTENCE_RE.finditer(text):
        if _TITLE_ABBREVIATION_RE.search(text, max(0, m.start() - 8), m.start()):
            continue
        out.append(text[start : m.start()])
        start = m.end()
    out.append(text[start:])
    # "... member of public. 2 Minutes of Previous Meeting: ...": the next item of a flattened
    # page, its number bare
    out = [p for piece in out for p in _NEXT_ITEM_RE.split(piece)]
    return [s.strip() for s in out if s.strip()]


def _said(sent: str) -> str | None:
    """What the sentence says that reads as a decision, and why it was left."""
    dm = _SAID_RE.search(sent)
    if dm:
        verb, subj = dm.group("verb").lower(), " ".join(dm.group("subj").split())
        after = (dm.group("after") or "").strip().lower()
        if verb == "noted" and subj.lower().split()[0] in ("it", "members", "councillors", "we"):
            # "It was noted that the hall roof leaks", "Members noted that 26% of children ...":
            # what the meeting was told or discussed; the body noting ("The Board noted the
            # update") may be the item's outcome
            dm = None
        else:
            if after in ("that", "to"):
                left = f"no rule read '{subj} {verb} {after} ...' as a decision"
            else:
                left = "no 'that' or 'to' clause after it"
            return f"unsure: says '{verb}' ({subj}); not taken: {left}"
    om = _SAID_OPENER_RE.match(sent)
    if om:
        verb = om.group("verb").lower()
        return f"unsure: opens with '{verb}'; not taken: no rule read it as the item's outcome"
    return None


@dataclass
class _Reading:
    score: float
    says: str
    left: str
    at: int  # where the decision starts in the sentence (its subject, or its word)
    vote: bool = False  # a vote's outcome, listed with the motion before it when short


def _against(before: str, r: _Reading, subject: int = 0) -> _Reading:
    """A proposal, a future or someone's report in the clause before the decision word (a
    future between its `subject` and the word)."""
    cut = [m.end() for m in _CLAUSE_BREAK_RE.finditer(before)]
    before = before[cut[-1] :] if cut else before
    if _NOT_YET_RE.search(before[-subject:] if subject else before):
        r.score -= 2.5
        r.left = "it may be a proposal or a future"
    elif _REPORTED_RE.search(before):
        r.score -= 1.5
        r.left = "it may be someone's report of what was decided elsewhere"
    return r


def _shouting(sent: str) -> bool:
    """A title in capitals ("ELECTED MAYOR, MEMBERS OF THE EXECUTIVE ..."): its words are no
    keyword."""
    letters = [c for c in sent if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _verb_reading(sent: str, m: re.Match[str]) -> _Reading:
    before, verb = sent[: m.start()], m.group("verb")
    low = verb.lower()
    says = f"reads as a decision ('{low}')"
    r = _Reading(1.5, says, "no subject deciding it", m.start())
    subj = _BODY_SUBJECT_RE.search(before)
    clause = bool(_CLAUSE_AFTER_RE.match(sent, m.end()))
    if low in ("confirmed", "accepted", "supported") and _CLAUSE_AFTER_RE.match(sent, m.end()):
        return r  # "The PC confirmed that the EA have been contacted": a report
    if verb.isupper() and len(verb) > 3 and not _shouting(sent):
        r.score, r.left = 3.5, "a decision keyword inside the text, where no block starts"
    elif subj:
        who = " ".join(subj.group("who").split())
        r.at = subj.start()
        if _WEAK_SUBJECT_RE.match(who) and not who.lower().startswith("it"):
            r.score, r.left = 2.5, f"the subject is '{who}', not the body"
        elif low in _CORE and clause:
            r.score, r.left = 3.5, f"the subject is '{who}'; no rule read the clause after it"
        elif low in _CORE:
            r.score, r.left = 3.0, f"the subject is '{who}'; no 'that' or 'to' clause after it"
        else:
            r.score, r.left = 2.5, f"the subject is '{who}'; '{low}' is not a decision keyword"
    elif _AGENT_RE.match(sent, m.end()):
        r.score, r.left = 2.5, "decided by the meeting, with no decision keyword"
    elif _PASSIVE_RE.search(before) and low not in ("supported", "confirmed", "refused"):
        r.score, r.left = 2.0, "a reported passive, with no decision keyword"
    return _against(before, r, len(before) - subj.start() if subj else 0)


def _weigh(sent: str, after_deciding: bool) -> _Reading | None:
    """How much the sentence reads as a decision of the meeting, what it says, why no rule read
    it and where the decision starts; None when nothing in it reads as one. `after_deciding`:
    the unit before ended with a decision word, so a bare "to ..." or "that ..." is its clause."""
    found: list[_Reading] = []
    lm = _LABEL_RE.match(sent)
    if lm:
        verb = lm.group("verb").lower()
        left = "a decision keyword as a label, where no block was read"
        found.append(_Reading(3.5, f"labelled '{verb}'", left, 0))
    om = _OPENER_RE.match(sent)
    if om:
        verb = " ".join(om.group("verb").lower().split())
        found.append(
            _Reading(3.0, f"opens with '{verb}'", "no rule read it as the item's outcome", 0)
        )
    wm = _WEAK_OPENER_RE.match(sent)
    if wm:
        verb = (wm.group("verb") or wm.group("bare")).lower()
        found.append(
            _Reading(2.0, f"opens with '{verb}'", "no rule read it as the item's outcome", 0)
        )
    gm = _GLUED_OPENER_RE.search(sent)
    if gm:
        verb = gm.group("verb").lower()
        at = gm.start("verb")
        found.append(_Reading(3.0, f"a list item opening '{verb}'", "its marker is glued", at))
    cm = _CLOSER_RE.search(sent)
    if cm:
        verb = " ".join(cm.group("verb").lower().split())
        left = "an outcome after a title or a dash"
        found.append(_Reading(3.0, f"ends with the outcome '{verb}'", left, 0))
    for m in _OUTCOME_RE.finditer(sent):
        verb = " ".join(m.group("verb").lower().split())[:40]
        r = _Reading(3.0, f"reads as an outcome ('{verb}')", "no decision keyword", m.start())
        r.vote = True
        found.append(_against(sent[: m.start()], r))
    sm = _SECONDED_RE.search(sent)
    if sm:
        r = _Reading(2.0, "a motion seconded", "no outcome written or read", 0)
        found.append(_against(sent[: sm.start()], r))
    for m in _VERB_RE.finditer(sent):
        found.append(_verb_reading(sent, m))
    mm = _MINUTES_RE.search(sent)
    if mm:
        left = "a reported approval, with no decision keyword"
        r = _Reading(2.0, "reads as the minutes approved", left, 0)
        found.append(_against(sent[: mm.start("verb")], r))
    nm = _NOTED_RE.search(sent)
    if nm:
        subj = _BODY_SUBJECT_RE.search(sent[: nm.start()])
        if subj and not _WEAK_SUBJECT_RE.match(subj.group("who")):
            who = " ".join(subj.group("who").split())
            left = f"the subject is '{who}'; 'noted' is no decision keyword"
            r = _Reading(2.0, "reads as an outcome ('noted')", left, subj.start())
            found.append(_against(sent[: nm.start()], r))
    if _BARE_CLAUSE_RE.match(sent):
        left = "no decision keyword over it"
        found.append(_Reading(3.0, "a bare 'that ... be ...' clause", left, 0))
    if after_deciding and _CLAUSE_START_RE.match(sent):
        left = "its decision word ends the line before"
        found.append(_Reading(3.0, "a clause after a decision word", left, 0))
    if not found:
        return None
    return max(found, key=lambda r: r.score)


def _text(sents: list[str], k: int, r: _Reading) -> str:
    """What an officer takes: the sentence, from the clause that decides when it is long; a
    vote's bare outcome ("All were in agreement.") with the motion before it."""
    sent = sents[k]
    if len(_words(sent)) > _LONG and r.at > 0:
        cut = [m.end() for m in _CLAUSE_BREAK_RE.finditer(sent, 0, r.at)]
        start = cut[-1] if cut else r.at
        if len(_words(sent[start:])) >= _BARE:
            sent = sent[start:]
    if k > 0 and _bare_vote(sent):
        sent = f"{sents[k - 1]} {sent}"
    return sent


def _bare_vote(sent: str) -> bool:
    """A vote's outcome or a motion's proposer and seconder with nothing of its own ("All were in
    agreement.", "Unanimously approved.", "(A proposed, B seconded)"): what was moved is the
    sentence before. A keyword standing alone ("Agreed.", "Noted.") is its own outcome."""
    n = len(_words(sent))
    if n > 10 or _KEYWORD_OUTCOME_RE.match(sent.lstrip("\u2022*-\u00b7 ")):
        return False
    if _OWN_CLAUSE_RE.search(sent):  # "Unanimously AGREED to recommend APPROVAL"
        return False
    vote = _OUTCOME_RE.search(sent) or _SECONDED_RE.search(sent)
    return bool(vote) and (n <= _BARE or bool(_SECONDED_RE.search(sent)))
