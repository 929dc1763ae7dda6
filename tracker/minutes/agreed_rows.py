"""The rows of a list under an "Actions agreed" label ("ACTIONS AGREED :", "Actions agreed;",
"Agreed actions:"), read as an action log's rows: each row may hold several sentences, and each
sentence that says who is to act ("Mary and Ann to ask ...", "Peter will ask ...", "The Secretary
is to write ...", "... , JB & TR to find ...") or what is to be done without naming anyone ("Fete
stall to be booked.", "The resurfacing ... to not start until ...") is an action; a sentence that
reports ("The grant was received", "Sue offered ...") or lists officers ("Chair – Peter Grant") is
not. A row wraps onto the lines after it until the next row's number."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .owners import IMPERATIVES
from .scoring import Candidate, sentences
from .sections import ACTIONS_LABEL_RE
from .segment import Segmented

_ROW_RE = re.compile(r"^(?:\(?(?P<no>\d{1,2})[.)]|\((?P<sub>[a-z])\))\s+(?P<rest>\S.*)$", re.S)
_NAME = r"(?:[A-Z][\w'\u2019\-]*|[A-Z]{2,4})"
_OWNER = (
    rf"(?:The\s+)?{_NAME}(?:\s*(?:/|&|\band\b|,)\s*{_NAME}|\s+{_NAME}){{0,4}}"
    r"(?:\s+(?:members|officers|partners|volunteers|councillors|staff))?"
)
# "Mary and Ann to ask ...", "Peter will ask ...", "The Secretary is to write ..."
# "Steering Group should aim to ...", "Members who have not already done so, will send ...": a
# row of a list of actions says who acts with any of these, or a clause about them between
_WHO_RE = re.compile(
    rf"^(?P<owner>{_OWNER})(?:\s+who\s+[^,]{{1,60}},)?\s+(?:also\s+)?"
    r"(?:to|will|shall|should|must|is\s+to|are\s+to|needs?\s+to)\s+"
    r"(?P<task>(?!be\b|not\b)[a-z].*)$",
    re.S,
)
# "FWR circulate draft Terms ...", "Members email details ...": the owner then the bare verb
_BARE_WHO_RE = re.compile(
    rf"^(?P<owner>{_OWNER})\s+(?P<task>(?P<verb>[a-z][a-z\-]+)\b"
    # "Chair update was noted": the verb a noun of the sentence's subject
    r"(?!\s+(?:was|were|is|are|has|had|will|would)\b).*)$",
    re.S,
)
# "... a price for the leaflet, JB & TR to find ...": initials acting after a clause
_CLAUSE_WHO_RE = re.compile(
    r",\s+(?P<owner>[A-Z]{2,4}(?:\s*(?:/|&|and)\s*[A-Z]{2,4})*)\s+(?:to|will)\s+"
    r"(?P<task>(?!be\b)[a-z].*)$",
    re.S,
)
# "Before replying to her letter Sam will ...": a clause of time before who acts
_LEAD_RE = re.compile(
    r"^(?i:before|after|once|when|until|following)\s+(?:[a-z][\w'\u2019\-]*,?\s+){1,8}(?=[A-Z])"
)
# "Fete stall to be booked.", "... is to be submitted.", "... to not start until ..."
_PASSIVE_RE = re.compile(
    r"^(?:A|An|The\s+)?[\w'\u2019\-]+(?:\s+[\w'\u2019\-()]+){0,24}?\s+"
    r"(?:(?:is\s+|are\s+)?to\s+be\s+[a-z]+(?:ed|en|ld)\b|to\s+not\s+[a-z]+|not\s+to\s+[a-z]+)",
    re.S,
)
# "APOLOGIES: Received from ...", "Delivery: Kim looked at ...": the row's title
_TITLE_RE = re.compile(r"^[A-Z][\w&'\u2019\- ]{0,40}:\s+(?=\S)")
_INITIALS_RE = re.compile(r"[A-Z]{2,4}(?:\s*(?:/|&|and)\s*[A-Z]{2,4})*")
_NOT_OWNERS = {"this", "it", "there", "a", "an", "all", "each", "we", "they", "he", "she", "for"}
# "Need to agree ...", "Try to agree ...", "Aim to ...": a verb opening a note, not who acts
_NOT_OWNER_VERBS = {"need", "needs", "try", "aim", "hope", "plan", "continue", "note", "remember"}
_WHY = "row under an 'Actions agreed' label"
_DECISION_WORDS = re.compile(r"\b(?:resolved|agreed|decided|noted)\b", re.I)


def _rows(seg: Segmented, label: int) -> list[list[int]]:
    """The units of each row of the list under the label at `label`, to the next heading that is
    not a row or to a unit that neither starts a row nor follows one."""
    rows: list[list[int]] = []
    for j in range(label + 1, len(seg.lines)):
        u = seg.lines[j]
        if not u.text:
            continue
        if _ROW_RE.match(u.text):
            rows.append([j])
        elif rows and _next_list(seg, u.text, j):
            break  # "Summary of main points from the meeting" over a list of its own
        elif rows and j not in seg.headings:
            rows[-1].append(j)  # the row goes on: a wrapped line or a further sentence
        else:
            break
    return rows if len(rows) >= 2 else []


def _next_list(seg: Segmented, text: str, j: int) -> bool:
    """A short title with no full stop, and a list numbered from 1 under it: another list."""
    if len(text.split()) > 10 or text.rstrip().endswith((".", ",", ";")) or not text[:1].isupper():
        return False
    after = next((u.text for u in seg.lines[j + 1 :] if u.text), "")
    return re.match(r"^\(?1[.)]\s", after) is not None


def _owner_ok(owner: str, everyone: bool = False) -> bool:
    first = owner.split()[0].lower().strip(",")
    if everyone and owner.lower() == "all":
        return True  # "All to forward any details ...": everyone present is to act
    if first in _NOT_OWNERS or first in _NOT_OWNER_VERBS:
        return False
    if first in IMPERATIVES or _DECISION_WORDS.search(owner):
        return False
    # an owner in capitals is initials ("JB & TR"), not a row's title ("MINUTES")
    return not owner.isupper() or bool(_INITIALS_RE.fullmatch(owner))


def _actions_of(sent: str) -> list[tuple[str, str]]:
    """(owner, task) for each action one sentence of a row gives."""
    sent = _LEAD_RE.sub("", sent.strip())
    wm = _WHO_RE.match(sent)
    if wm and _owner_ok(wm.group("owner"), everyone=True):
        return [(wm.group("owner"), wm.group("task"))]
    bm = _BARE_WHO_RE.match(sent)
    bare = bm.group("owner") if bm else ""
    # "FWR circulate ...", "Members email ...": not "The draft was ..." (an article, a noun)
    if bm and bm.group("verb") in IMPERATIVES and bare != "The" and _owner_ok(bare):
        return [(bm.group("owner"), bm.group("task"))]
    cm = _CLAUSE_WHO_RE.search(sent)
    if cm:
        return [(cm.group("owner"), cm.group("task"))]
    if _PASSIVE_RE.match(sent) and not _DECISION_WORDS.search(sent.split(" to ", 1)[0]):
        return [("", sent)]
    return []


def agreed_list_rows(seg: Segmented, free: Iterable[int]) -> tuple[list[Candidate], set[int]]:
    """The actions of the lists under "Actions agreed" labels whose rows no other reader took
    (`free`: "Agreed actions:" over lettered rows is the ACTIONS reader's), and the units their
    rows span."""
    out: list[Candidate] = []
    spanned: set[int] = set()
    unread = set(free)
    for k, ln in enumerate(seg.lines):
        if not ln.text or not ACTIONS_LABEL_RE.match(ln.m):
            continue
        rows = _rows(seg, k)
        if not rows or any(i not in unread for units in rows for i in units):
            continue
        for units in rows:
            spanned.update(units)
            for i in units:
                text = seg.lines[i].text
                rm = _ROW_RE.match(text)
                text = rm.group("rest") if rm and i == units[0] else text
                text = _TITLE_RE.sub("", text)
                for _start, sent in sentences(text):
                    for owner, task in _actions_of(sent):
                        c = Candidate("action", _WHY, task, i, seg.lines[i].no, owner=owner)
                        c.base = 0.6
                        if owner:
                            c.feature("the row names who does it", 0.1)
                        else:
                            c.feature("a passive row names no owner", 0)
                        out.append(c)
    return out, spanned
