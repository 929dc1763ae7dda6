"""A labeller over every sentence of every unit: "this sentence holds a resolution" (issue 17).

Unlike the proposer (`proposer`), which scores only what no rule read and so learnt from 71
examples, this model reads every sentence of every unit the segmenter makes, so each judged
resolution of a training page is a positive example. It is a logistic model with its
neighbours' features (a sequence labeller in effect): each sentence is described by the
proposer's features (`features.sentence_features`) plus

- the previous and the next sentence's own shape, prefixed "prev:" / "next:" (their first
  words, decision words, "'be' + past participle", the body as subject ...),
- the heading of the item it sits under ("item heading says 'minutes'"), its place in the item
  (first, last, how far in),
- whether a decision word introduces a clause inside it ("'agreed that' inside").

What it takes from a sentence is its clause (`clause`): the list marker and a leading keyword
label ("RESOLVED:") left off, and from "that" or "to" on when a decision word introduces it
("It was agreed that X" gives "that X"), as the judged resolutions are written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..evaluate import RESOLUTION_MATCH, dice, words
from ..scoring import sentences
from ..segment import Segmented
from .features import _norm, bare, sentence_features

# a keyword label opening the sentence ("RESOLVED:", "Decision -", "Agreed –")
_LABEL_RE = re.compile(
    r"^\s*(?:it\s+was\s+)?(?:unanimously\s+)?(?:resolved|agreed|decided|decisions?|recommended|"
    r"noted|approved|recommendations?)\s*(?:[:\-\u2013\u2014]+|\s)\s*",
    re.I,
)
# a decision word introducing the clause that was decided ("... agreed that", "resolved to")
_CLAUSE_RE = re.compile(
    r"\b(?:agreed|resolved|decided|recommended|proposed|voted|agree|resolve)\s*,?\s*"
    r"(?:unanimously\s+)?(?=(?:that|to)\b)",
    re.I,
)
# the features of a neighbour worth carrying over (its shape, not its place)
_NEIGHBOUR_KEEP = re.compile(
    r"^(?:starts '|says '|'be' \+|subject is|'it was|a decision word|ends with|"
    r"starts with a list marker|'<name> to|a reporting verb|a motion's words|an item's heading)"
)
_HEAD_WORD_RE = re.compile(r"[a-z]+")
# words of an item heading that say what kind of item it is
HEADING_WORDS = frozenset(
    [
        "minutes",
        "apologies",
        "declarations",
        "interest",
        "interests",
        "matters",
        "arising",
        "actions",
        "action",
        "planning",
        "applications",
        "finance",
        "accounts",
        "payments",
        "correspondence",
        "questions",
        "public",
        "report",
        "reports",
        "update",
        "updates",
        "date",
        "next",
        "meeting",
        "any",
        "other",
        "business",
        "close",
        "recommendations",
        "decisions",
        "decision",
        "chair",
        "chairman",
        "election",
        "appointment",
    ]
)
_MIN_WORDS, _MAX_WORDS = 2, 150
_WORD_RE = re.compile(r"[a-z#<>']+")
WORDS = False


def clause(text: str) -> str:
    """What a sentence holding a resolution says was decided, as judged resolutions are written."""
    s = _LABEL_RE.sub("", bare(text), count=1).strip()
    m = _CLAUSE_RE.search(s)
    if m and m.end() < len(s) - 3:
        s = s[m.end() :]
    return s.strip()


@dataclass(frozen=True)
class Sentence:
    """One sentence of a unit, where it is, and what the labeller knows of it."""

    index: int  # its unit
    line: int  # the unit's line number in the file
    text: str
    names: frozenset[str]

    @property
    def taken_text(self) -> str:
        return clause(self.text)


def _own(seg: Segmented) -> list[tuple[int, str, frozenset[str]]]:
    out: list[tuple[int, str, frozenset[str]]] = []
    for i, ln in enumerate(seg.lines):
        if not ln.text:
            continue
        parts = [s.strip() for _, s in sentences(ln.text)]
        parts = [p for p in parts if p]
        for k, p in enumerate(parts):
            out.append((i, p, sentence_features(seg, i, p, k, len(parts))))
    return out


def _heading_of(seg: Segmented) -> list[int]:
    """The item heading each unit sits under (-1 before any)."""
    heads: list[int] = []
    current = -1
    for i in range(len(seg.lines)):
        if i in seg.headings:
            current = i
        heads.append(current)
    return heads


def _place(n: int) -> str:
    for top, label in ((0, "0"), (1, "1"), (3, "2-3"), (8, "4-8")):
        if n <= top:
            return label
    return "over 8"


_LEAD_WORDS = frozenset(["resolved", "agreed", "decided", "recommended", "noted", "approved"])


def _lead_in(seg: Segmented, i: int, head: int) -> set[str]:
    """The nearest lead-in above the unit in its item (a unit ending with ':', or a bare
    keyword label): what it says, so each item of a list knows what opened the list."""
    k = i - 1
    while k > head and k >= i - 15:
        t = seg.lines[k].text.strip()
        if t.endswith((":", ":-")) or (t and len(t.split()) <= 3 and _LABEL_RE.match(t + " ")):
            ws = set(_HEAD_WORD_RE.findall(t.lower()))
            f = {"under a lead-in"} | {f"under a lead-in saying '{w}'" for w in ws & _LEAD_WORDS}
            if k == i - 1:
                f.add("right under its lead-in")
            return f
        k -= 1
    return set()


def page_sentences(seg: Segmented) -> list[Sentence]:
    """Every sentence of the page with its features and its neighbours'."""
    own = _own(seg)
    heads = _heading_of(seg)
    # the units of each item, to say where in its item a unit stands
    units_in: dict[int, list[int]] = {}
    for i, ln in enumerate(seg.lines):
        if ln.text:
            units_in.setdefault(heads[i], []).append(i)
    out: list[Sentence] = []
    for k, (i, text, names) in enumerate(own):
        f = set(names)
        for tag, j in (("prev", k - 1), ("next", k + 1)):
            if 0 <= j < len(own):
                f.update(f"{tag}: {n}" for n in own[j][2] if _NEIGHBOUR_KEEP.match(n))
                if own[j][0] == i:
                    f.add(f"{tag}: in the same unit")
            else:
                f.add(f"{tag}: none")
        h = heads[i]
        if h >= 0 and h != i:
            hw = set(_HEAD_WORD_RE.findall(seg.lines[h].text.lower())) & HEADING_WORDS
            f.update(f"item heading says '{w}'" for w in hw)
            units = units_in.get(h, [])
            at = units.index(i) if i in units else 0
            f.add(f"unit {_place(at)} of its item")
            f.add(f"{_place(len(units) - 1 - at)} units after it in its item")
        elif h < 0:
            f.add("before any item heading")
        f.update(_lead_in(seg, i, heads[i]))
        body = _LABEL_RE.sub("", bare(text), count=1)
        if body != bare(text):
            f.add("opens with a keyword label")
        if _CLAUSE_RE.search(body):
            f.add("a decision word introduces a clause inside")
        if WORDS:
            f.update(f"word '{w}'" for w in _WORD_RE.findall(_norm(clause(text)))[:40])
        out.append(Sentence(i, seg.lines[i].no, text, frozenset(f)))
    return _with_page_style(out)


# the shapes whose weight depends on how the page records its decisions
_STYLED = re.compile(
    r"^(?:starts 'that'|starts 'to'|'it was <decided>'|subject is the body|says '(?:agreed|resolved|"
    r"noted|approved|decided)'|'be' \+ past participle|opens with a keyword label|"
    r"a decision word introduces a clause inside|the line before is 'resolved'|a motion's words)"
)


def _with_page_style(sents: list[Sentence]) -> list[Sentence]:
    """Each sentence's decision shapes crossed with the page's way of recording decisions: a
    page that labels its decisions ("RESOLVED") rarely decides in prose elsewhere."""
    labelled = any(
        "opens with a keyword label" in s.names or "the line before is 'resolved'" in s.names
        for s in sents
    )
    style = "on a page with keyword labels" if labelled else "on a page without keyword labels"
    out = []
    for s in sents:
        extra = {f"{n}, {style}" for n in s.names if _STYLED.match(n)}
        out.append(Sentence(s.index, s.line, s.text, s.names | extra | {style}))
    return out


def readable(s: Sentence) -> bool:
    """Long enough to be a decision and short enough to be one sentence's."""
    n = len(s.taken_text.split())
    return _MIN_WORDS <= n <= _MAX_WORDS


def label(s: Sentence, judged: Sequence[list[str]]) -> bool | None:
    """True: the sentence holds a judged resolution (its clause or its words match one as the
    scorer matches, or one lies inside it); False: none; None: it overlaps one without holding
    it (left out of training)."""
    cw = words(s.taken_text)
    sw = words(bare(s.text))
    if any(dice(j, cw) >= RESOLUTION_MATCH or dice(j, sw) >= RESOLUTION_MATCH for j in judged):
        return True
    joined = " " + " ".join(sw) + " "
    if any(len(j) >= 3 and " " + " ".join(j) + " " in joined for j in judged):
        return True
    if any(dice(j, cw) >= 0.4 for j in judged):
        return None
    return False
