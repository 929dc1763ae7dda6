"""What the proposer knows of a sentence of a page, as feature names a reader can follow.

Each sentence of a unit (`scoring.sentences`) is described by: its first words ("starts 'it
was'"), decision words it says, the shape of its verb ("'be' + past participle", "'would'
(reported)"), whether its subject is the meeting's body, its list marker, its length, the
section it sits in (agenda text, action log, "Proposal:" label, an agenda page), and its
neighbours (the line before is "Resolved" or ends with ":", the line after is an item's
heading). The body's own name is one word ("the body"), and numbers are "#": no feature names a
council or a page. Features seen on the pages of fewer than a few bodies are not kept by the
trainer (`train.MIN_BODIES`), so what is learnt is what holds across councils.
"""

from __future__ import annotations

import re

from ..scoring import BODY, sentences
from ..segment import Segmented

_BODY_RE = re.compile(rf"\b(?:the\s+)?(?:{BODY})s?\b", re.I)
_WORD_RE = re.compile(r"[a-z#<>']+")
_MARKER_RE = re.compile(
    r"^\s*(?:[-\u2022\u00b7*\u2013o?]\s+|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,5})[.)]\s*"
    r"|\d{1,4}/\d{1,4}\.?\s+)",
    re.I,
)
_BE_DONE_RE = re.compile(r"\b(?:be|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ne|t)\b", re.I)
_WOULD_RE = re.compile(r"\b(?:would|will|shall)\b", re.I)
_SUBJECT_BODY_RE = re.compile(
    rf"^(?:(?:after|following|having)\b[^,]{{0,80}},\s*)?(?:the\s+)?(?:[\w'\u2019&-]+\s+){{0,4}}?"
    rf"(?:{BODY})s?\s+(?:\w+ly\s+|then\s+|also\s+)?"
    r"(?:agreed|resolved|decided|noted|approved|endorsed|accepted|supported|recommended|"
    r"received|adopted|ratified|welcomed|considered|confirmed)\b",
    re.I,
)
_IT_WAS_RE = re.compile(
    r"\bit\s+was\s+(?:\w+\s+){0,2}?(?:agreed|resolved|decided|noted|recommended|proposed|"
    r"approved|confirmed)\b",
    re.I,
)
_DIRECTIVE_RE = re.compile(r"^(?:[A-Z][\w'.-]*\s+){1,3}to\s+[a-z]+\b")
_REPORTED_RE = re.compile(
    r"\b(?:said|asked|explained|reported|queried|advised|informed|stated|commented|suggested|"
    r"raised|highlighted|questioned|responded|replied|confirmed\s+that|noted\s+that)\b",
    re.I,
)
_MOTION_RE = re.compile(r"\b(?:proposed|seconded|moved|carried|in\s+favour|vote[ds]?)\b", re.I)
_CAPS_WORD_RE = re.compile(r"\b(?:RESOLVED|AGREED|DECIDED|NOTED|APPROVED|RECOMMENDED)\b")
# words that say a decision was taken, recorded or proposed, wherever they stand
DECISION_WORDS = frozenset(
    [
        "agreed",
        "resolved",
        "decided",
        "noted",
        "approved",
        "recommended",
        "endorsed",
        "accepted",
        "adopted",
        "ratified",
        "unanimously",
        "received",
        "supported",
        "confirmed",
        "delegated",
        "authorised",
        "authorized",
        "deferred",
        "refused",
        "granted",
        "objection",
        "objections",
        "declined",
        "rejected",
    ]
)


FLAT = "the page is printed on a few long lines"


def _norm(text: str) -> str:
    """Lower case, the body's name as '<body>', numbers as '#'."""
    t = _BODY_RE.sub(" <body> ", text.replace("\u2019", "'"))
    t = re.sub(r"\d+", "#", t.lower())
    return t


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(_norm(text))


def flat(seg: Segmented) -> bool:
    """The page was printed on a few long lines (flattened): sentences are the only units."""
    return bool(seg.lines) and seg.lines[-1].no <= 3


def _length(n: int) -> str:
    for top, label in ((3, "1-3"), (8, "4-8"), (20, "9-20"), (40, "21-40"), (80, "41-80")):
        if n <= top:
            return label
    return "over 80"


def _neighbour(seg: Segmented, i: int, step: int) -> int | None:
    k = i + step
    while 0 <= k < len(seg.lines):
        if seg.lines[k].text:
            return k
        k += step
    return None


def bare(text: str) -> str:
    """The sentence without its list marker."""
    return _MARKER_RE.sub("", text, count=1).strip()


def sentence_features(
    seg: Segmented, i: int, text: str, position: int, count: int
) -> frozenset[str]:
    """The features of sentence `position` (of `count`) of unit `i`, whose text is `text`."""
    f: set[str] = set()
    marked = _MARKER_RE.match(text)
    if marked:
        f.add("starts with a list marker")
    body = bare(text)
    ws = _words(body)
    if ws:
        f.add(f"starts '{ws[0]}'")
    if len(ws) > 1:
        f.add(f"starts '{ws[0]} {ws[1]}'")
    if len(ws) > 2:
        f.add(f"starts '{ws[0]} {ws[1]} {ws[2]}'")
    for w in set(ws) & DECISION_WORDS:
        f.add(f"says '{w}'")
    f.add(f"{_length(len(ws))} words")
    if _BE_DONE_RE.search(body):
        f.add("'be' + past participle")

    if _WOULD_RE.search(body):
        f.add("'would' or 'will' (reported)")
    if _SUBJECT_BODY_RE.search(body):
        f.add("subject is the body")
    if _IT_WAS_RE.search(body):
        f.add("'it was <decided>'")
    if _DIRECTIVE_RE.match(body):
        f.add("'<name> to <verb>'")
    if _REPORTED_RE.search(body):
        f.add("a reporting verb ('said', 'asked' ...)")
    if _MOTION_RE.search(body):
        f.add("a motion's words ('proposed', 'carried' ...)")
    if _CAPS_WORD_RE.search(body):
        f.add("a decision word in capitals")
    if "?" in body:
        f.add("a question")
    end = body.rstrip()[-1:]
    if end in {":", ";", ".", ","}:
        f.add(f"ends with '{end}'")
    if count > 1:
        f.add("first of several sentences" if position == 0 else "a later sentence of its line")
    # where the unit sits
    if i in seg.headings:
        f.add("an item's heading")
    if i in seg.agenda:
        f.add("in the item's agenda text")
    if i in seg.log:
        f.add("in an action log")
    if i in seg.proposed:
        f.add("under a 'Proposal' or 'Comments' label")
    if i in seg.earlier:
        f.add("held over from an earlier meeting")
    if seg.agenda_page:
        f.add("the page is an agenda")
    if not seg.kind.decides:
        f.add("the page records no meeting")
    if flat(seg):
        f.add(FLAT)
    # its neighbours: the line before and after (the sentence before, inside a line)
    before = _neighbour(seg, i, -1)
    if position == 0 and before is not None:
        pw = _words(bare(seg.lines[before].text))
        if pw and len(pw) <= 3:
            f.add(f"the line before is '{' '.join(pw)}'")
        elif pw:
            f.add(f"the line before starts '{pw[0]}'")
        if seg.lines[before].text.rstrip().endswith((":", ":-")):
            f.add("the line before ends with ':'")
        if before in seg.headings:
            f.add("the line before is an item's heading")
        if _CAPS_WORD_RE.search(seg.lines[before].text):
            f.add("the line before has a decision word in capitals")
    after = _neighbour(seg, i, 1)
    if after is None or after in seg.headings:
        f.add("last line of its item")
    elif position == count - 1:
        nw = _words(bare(seg.lines[after].text))
        if nw:
            f.add(f"the line after starts '{nw[0]}'")
    return frozenset(f)


def unit_sentences(seg: Segmented, i: int) -> list[tuple[str, frozenset[str]]]:
    """Every sentence of unit `i` with its features."""
    parts = [s.strip() for _, s in sentences(seg.lines[i].text)]
    parts = [p for p in parts if p]
    return [(p, sentence_features(seg, i, p, k, len(parts))) for k, p in enumerate(parts)]
