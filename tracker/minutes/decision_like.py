"""The last net for the review list: a sentence that says the body decided something ("Members
agreed the allotment rents rise by 5% from April.", "Councillors approved the grant.", "The
Board noted the update.", "Noted the inspection report.") that no rule took and nothing else
listed goes to `unsure` with what it says and why it was not taken. Nothing is taken here: the
resolutions and follow-ups are unchanged, only what an officer is shown to recover in review
grows (issue 17 points 2 and 6). (A directive, "KD to contact the school", and an "Action"
marker already reach the review list: every one tried was read as a candidate by the directive
generators or listed by the keyword reader's stray-word net.)

Not on a page that records no meeting (an agenda, a report), nor in an item's agenda text,
under a "Proposal:" label, among actions held over from earlier meetings or in a decision
notice's reasons: there the words describe what others decided or proposed. What "It was",
"Members", "Councillors" or "We" noted is what the meeting was told or discussed ("Members
noted that 26% of children ..."), not listed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Uncertainty
from .placed import PagePlaces
from .scoring import BODY, sentences
from .segment import Segmented

__all__ = ["decision_like"]

# who decides: the body by its name ("the Committee", "The Parish Council", "the Board"), its
# members ("Members", "Councillors"), the impersonal "It was", a community council's "We"
_SUBJECT = (
    r"(?:members|councillors|(?-i:We)|it\s+was|"
    rf"(?:the\s+)?(?:(?-i:[A-Z])[\w'\u2019\-]*\s+(?:(?:and|&)\s+)?){{0,4}}?(?:{BODY}))"
)
_DECIDED_RE = re.compile(
    rf"(?:^|(?<=[\s,(]))(?P<subj>{_SUBJECT})"
    r"(?:,?\s+(?:also|further|then|therefore|unanimously|formally|duly|subsequently),?)*"
    r"\s+(?P<verb>agreed|resolved|approved|decided|noted|endorsed|accepted|adopted|ratified)\b"
    r"(?P<after>\s+\w+)?",
    re.I,
)
# "Noted the minutes of the S106 working group.", "Approved." : the outcome word opening the
# sentence, with no subject
_OPENER_RE = re.compile(
    r"^\W{0,3}(?P<verb>noted|agreed|approved|endorsed|ratified|accepted)\b"
    # "APPROVED MINUTES OF THE MEETING ...", "Approved Plans": a title, not an outcome
    r"(?!\s+(?:minutes|plans?)\b)",
    re.I,
)
_WORD_RE = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _why(sent: str) -> str | None:
    """What the sentence says that reads as a decision, and why it was left."""
    dm = _DECIDED_RE.search(sent)
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
    om = _OPENER_RE.match(sent)
    if om:
        verb = om.group("verb").lower()
        return f"unsure: opens with '{verb}'; not taken: no rule read it as the item's outcome"
    return None


def decision_like(
    seg: Segmented,
    read: set[int],
    listed: Sequence[tuple[int, str]],
) -> list[Uncertainty]:
    """Sentences of the units the keyword reader did not `read` (its blocks and ACTION lines, a
    decision notice's labels and reasons) that say a decision and overlap nothing
    in `listed` (the lines and texts already taken or left unsure)."""
    if not seg.kind.decides or seg.agenda_page:
        return []
    places = PagePlaces(seg, listed)
    out: list[Uncertainty] = []
    for i, ln in enumerate(seg.lines):
        if not ln.text or i in read or i in seg.agenda or i in seg.proposed:
            continue
        if i in seg.earlier or i in seg.log:
            continue
        near = places.at(i)
        for _start, sent in sentences(ln.text):
            sent = sent.strip()
            why = _why(sent)
            if why is None or near.holds(sent):
                continue
            near.add(sent)
            out.append(Uncertainty(ln.no, sent, why))
    return out
