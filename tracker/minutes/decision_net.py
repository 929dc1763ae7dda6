"""The review net for resolutions: every sentence that reads like a decision of the meeting and
that no rule took or listed goes to `unsure`, ranked, within a reading budget per page (issue 17
points 2 and 6: "Low-scoring candidates go to the review list, never silently dropped"). Nothing
is taken here: what the reader takes is unchanged; an officer takes a listed line as a
resolution (`R`) or a follow-up (`A`) with one key in the import review.

First, a sentence that says the body decided something ("Members agreed the allotment rents
rise by 5% from April.", "Councillors approved the grant.", "The Board noted the update.",
"Noted the inspection report.") is listed whatever it scores, with what it says and why it was
not taken ("unsure: says 'agreed' (Members); not taken: no 'that' or 'to' clause after it");
what "It was", "Members", "Councillors" or "We" noted is what the meeting was told, not listed.
Then the rest is weighed; what reads as a decision is what any decision looks like, not a
page's phrase:

* a decision verb or outcome in any tense or case ("agreed", "AGREED", "agrees", "is agreed",
  "resolved", "approved", "decided", "accepted", "carried", "declined", "refused", "supported",
  "objected", "deferred", "ratified", "endorsed", "adopted", "elected", "appointed",
  "co-opted", "confirmed", "rejected", "noted" as the body's or a bare outcome) with what
  weighs for it: the body or "It was" as its subject, a passive, an agent ("agreed by all",
  "approved by the group"), the word in capitals, the minutes approved;
* the outcome of a vote or a planning response ("all in favour", "unanimously", "voted to ...",
  "motion carried", "proposed by A, seconded by B", "No objection", "Determination 2 - accept");
* an outcome word opening the sentence ("Agreed.", "Deferred to May.", "Noted the report"), or
  closing it after a title or a dash ("Correspondence - noted.");
* a bare clause standing as an outcome ("That the report be noted.");
* the items of a list under a lead-in that decides ("It was agreed:", "That the Committee:").

Against it weigh a proposal or a future ("to approve", "will be asked to agree", "for
approval"), someone reporting or asking ("Cllr X said the County had approved ..."), a question.
What scores enough is listed, best first, up to the page's budget (max(6, lines / 10) unsure
lines in all, those already listed and those said counted), with what it looks like and why no rule took it.
The text listed is the sentence an officer would take: a long sentence from the clause that
decides, a bare outcome ("All were in agreement.") with the sentence it answers.

Never listed: a unit the keyword reader read, text already taken or listed (near-duplicates are
one entry), page furniture, attendance lists, a heading with no outcome, agenda text and "To
..." agenda lines, a page that records no meeting. Linear in the page: each sentence is tested
by a few regular expressions and checked against what was placed on its own unit's lines only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .decision_patterns import (
    _AGENDA_TO_RE,
    _CLOSER_RE,
    _ENDS_DECIDING_RE,
    _FURNITURE_RE,
    _ITEM_RE,
    _LEAD_IN_RE,
    _NOTICE_LABEL_RE,
    _OUTCOME_AFTER_RE,
    _QUESTION_RE,
    _TRIGGER_RE,
)
from .decision_reading import _bare_vote, _Reading, _said, _sentences, _text, _weigh, _words
from .models import Uncertainty
from .placed import PagePlaces, Placed
from .scoring import sentences
from .segment import Segmented

__all__ = ["decision_net"]

THRESHOLD = 2.0  # what is listed scores at least this (a decision verb alone: 1.5)


@dataclass
class _Found:
    score: float
    unit: int
    line: int
    text: str
    reason: str


def decision_net(
    seg: Segmented,
    read: set[int],
    listed: Sequence[tuple[int, str]],
    already: int,
) -> list[Uncertainty]:
    """Sentences of the units not `read` that read like the meeting's decision and are nothing
    in `listed` (the lines and texts already taken or left unsure): first every sentence that
    says the body decided (`_said`, each listed), then the rest that score enough, best first
    up to the page's budget (`already`: the unsure lines listed so far, those said counted)."""
    if not seg.kind.decides or seg.agenda_page or not seg.lines:
        return []
    budget = max(6, seg.lines[-1].no // 10) - already
    said = _Said(seg, read, listed)
    found = _found(seg, read, listed, said, budget)
    told = said.listed()
    budget -= len(told)
    if budget <= 0:
        return told
    found = sorted(found, key=lambda f: (-f.score, f.unit))
    kept = sorted(found[:budget], key=lambda f: f.unit)
    return told + [Uncertainty(f.line, f.text, f.reason) for f in kept]


class _Said:
    """What the body is said to have decided ("Members agreed the ...", "Noted the ..."), listed
    whatever it scores and nothing in `listed`. Read for all the units that start on a line at
    once, when the walk first comes to one of them or the net first asks what is placed there:
    a weighed sentence is never listed over one said on its unit's lines."""

    def __init__(self, seg: Segmented, read: set[int], listed: Sequence[tuple[int, str]]) -> None:
        self._seg, self._read = seg, read
        self._places = PagePlaces(seg, listed)  # four-word runs, no Dice: its own measure
        self._units: dict[int, list[int]] = {}  # the units that start on each line
        for i, ln in enumerate(seg.lines):
            self._units.setdefault(ln.no, []).append(i)
        self._by_unit: dict[int, list[Uncertainty]] = {}
        self._done: set[int] = set()
        self.count = 0  # listed so far

    def read(self, no: int) -> None:
        """Read the units that start on line `no`, the first time only."""
        if no not in self._done:
            self._done.add(no)
            for i in self._units.get(no, ()):
                self._unit(i)

    def on(self, no: int) -> list[str]:
        """The texts said on line `no`."""
        self.read(no)
        return [u.text for i in self._units.get(no, ()) for u in self._by_unit.get(i, ())]

    def _unit(self, i: int) -> None:
        seg, ln = self._seg, self._seg.lines[i]
        if not ln.text or i in self._read or i in seg.agenda or i in seg.proposed:
            return
        if i in seg.earlier or i in seg.log or not _TRIGGER_RE.search(ln.text):
            return  # no word of a decision in it (every verb `_said` reads is one)
        near = self._places.at(i)
        for _start, sent in sentences(ln.text):
            sent = sent.strip()
            why = _said(sent)
            if why is None or near.holds(sent):
                continue
            near.add(sent)
            self.count += 1
            self._by_unit.setdefault(i, []).append(Uncertainty(ln.no, sent, why))

    def listed(self) -> list[Uncertainty]:
        """Everything said, in the page's order."""
        return [u for i in sorted(self._by_unit) for u in self._by_unit[i]]


def _found(
    seg: Segmented, read: set[int], listed: Sequence[tuple[int, str]], said: _Said, budget: int
) -> list[_Found]:
    """The page walk: every unit's sentences said to be decided (`said`) and, while they leave
    room in the `budget`, every other sentence that reads as a decision and scores enough."""
    # what the reader took or listed, and what was said on the unit's lines
    places = PagePlaces(seg, listed, run=3, dice=True, more=said.on)
    mine: dict[int, Placed] = {}  # what this net listed, by line: near-duplicates are one entry
    found: list[_Found] = []
    lead = False  # inside a list under a lead-in that decides
    first = False  # the unit before was that lead-in
    deciding = False  # the unit before ended with a decision word
    last = ""  # the last sentence of the unit before, when it was free
    last_unit = -1
    for i, ln in enumerate(seg.lines):
        if not ln.text:
            continue
        if said.count >= budget:  # what is said fills the page's budget: nothing else is listed
            said.read(ln.no)
            continue
        heading = i in seg.headings
        item = bool(_ITEM_RE.match(ln.text)) or ln.text[:1].islower()
        # an item of the list under a lead-in that decides (or the one unit after it)
        under = lead and not heading and (item or first)
        first = False
        if _LEAD_IN_RE.search(ln.text) or _NOTICE_LABEL_RE.match(ln.text):
            lead = first = True
        elif heading or not item:
            lead = False
        after_deciding, deciding = deciding, bool(_ENDS_DECIDING_RE.search(ln.text))
        before, before_unit, last, last_unit = last, last_unit, "", i
        if i in read or i in seg.agenda or i in seg.proposed or i in seg.earlier or i in seg.log:
            continue
        said.read(ln.no)
        if not under and not after_deciding and not _TRIGGER_RE.search(ln.text):
            last = "" if heading else ln.text  # no word of a decision in it: one test
            continue
        sents = _sentences(ln.text)
        last = "" if heading else ln.text
        near = places.at(i)
        own = mine.setdefault(ln.no, places.new())
        for k, sent in enumerate(sents):
            if _QUESTION_RE.search(sent) or len(_words(sent)) > 120 or _FURNITURE_RE.match(sent):
                continue
            if not under and _AGENDA_TO_RE.match(sent) and not _OUTCOME_AFTER_RE.search(sent):
                continue
            r = _weigh(sent, after_deciding and k == 0)
            if under and (r is not None or _ITEM_RE.match(sent) or sent[:1].islower()):
                if r is None:
                    left = "its lead-in's label was not read"
                    r = _Reading(2.0, "an item of a list under a lead-in", left, 0)
                else:
                    r.score += 0.5
            if r is None or r.score < THRESHOLD:
                continue
            if heading and not _CLOSER_RE.search(sent) and len(_words(sent)) <= 12:
                continue  # a title ("5. Approval of minutes"), not its outcome
            text = _text(sents, k, r)
            line = ln.no
            if k == 0 and before and before_unit == i - 1 and _bare_vote(sent):
                # "(Cllr A proposed, Cllr B seconded)" under what was moved: one entry
                before = (_sentences(before) or [before])[-1]
                text = f"{before} {text}"
                line = seg.lines[before_unit].no
                r.score += 0.5  # a motion with its outcome
                r.says = "a motion: what was moved, then its proposer and seconder or its vote"
                r.left = "no decision keyword over it"
                if found and found[-1].unit == before_unit and found[-1].text == before:
                    r.score = max(r.score, found.pop().score + 0.5)
            if near.holds(text) or own.holds(text):
                continue
            own.add(text)
            reason = f"unsure: {r.says}; not taken: {r.left}"
            found.append(_Found(r.score, i, line, text, reason))
    return found
