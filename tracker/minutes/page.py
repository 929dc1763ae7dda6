"""The page as the reader cut it: every unit of the segmenter (a line, a table cell, a sentence of
a page flattened onto one line; never a whole flattened line), each cut into its sentences as the
segmenter cuts a long line (`sentence_units.sentences`), in order, with its printed line number, the item in force there and what the reader made of it: taken as a resolution, as a
follow-up, listed as unsure (with why), or left (an item heading, or text the reader read as
nothing). The import review shows it whole, so an officer can take any unit the reader dropped.

A unit is marked by what was taken or listed on its lines when half its words lie in that text,
or it holds most of that text's words (as the review nets' `placed.Placed` decides whether a
sentence was already taken), indexed by runs of words so that a page of thousands of units on
one line stays linear.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from .models import ExtractedFollowUp, ExtractedResolution, PageUnit, Uncertainty
from .placed import words
from .segment import Segmented
from .text import collapse
from .wrapped import Run

_RUN = 4  # words: the index's key, as the review nets' (placed.py)
_SHARE = 0.6  # a unit holding this share of a text's words holds the text


# a sentence's end inside a unit: "... at length. Following a show of hands ..."
_SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z(])")
_ABBREVIATION_RE = re.compile(r"\b(?:e\.g|i\.e|etc|no|cllr|mr|mrs|ms|dr|st|ref|para)\.$", re.I)
# "Clerk to action.", "(Action: JS)": who acts on the sentence before, not a sentence of its own
_LABEL_AFTER_RE = re.compile(
    r"^(?:(?:the\s+)?[A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*){0,2}\s+to\s+action\W*$"
    r"|\(?actions?\s*[:\-\u2013]\s*[A-Z][\w/&, ]{0,30}\)?\W*$)",
    re.I,
)


def sentences(text: str) -> list[str]:
    """The sentences of a unit, each a row of the page: cut where a sentence ends and a capital
    opens the next; a piece of under three words ("1.", "KW", "Cllr."), a label naming who acts
    on the sentence before ("Clerk to action.") and what follows an abbreviation stay with
    their neighbour."""
    pieces: list[str] = []
    for piece in _SENTENCE_END_RE.split(text):
        if pieces and (
            len(piece.split()) < 3
            or len(pieces[-1].split()) < 3
            or _ABBREVIATION_RE.search(pieces[-1])
            or _LABEL_AFTER_RE.match(piece)
        ):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


class _Texts:
    """Texts (their index among those added) on one stretch of lines, indexed by runs of words."""

    def __init__(self) -> None:
        self.texts: list[tuple[int, Counter[str]]] = []
        self.runs: dict[tuple[str, ...], list[int]] = {}

    def add(self, k: int, text: str) -> None:
        w = words(text)
        if not w:
            return
        at = len(self.texts)
        self.texts.append((k, Counter(w)))
        n = min(_RUN, len(w))
        for j in range(len(w) - n + 1):
            self.runs.setdefault(tuple(w[j : j + n]), []).append(at)

    def best(self, w: list[str]) -> int | None:
        """The added text this unit's words (`w`) belong to, best first; None when none."""
        if not w or not self.texts:
            return None
        near: set[int] = set()
        for n in range(1, _RUN + 1):
            for j in range(len(w) - n + 1):
                near.update(self.runs.get(tuple(w[j : j + n]), ()))
        mine = Counter(w)
        found: tuple[float, int] | None = None
        for at in sorted(near):
            k, theirs = self.texts[at]
            common = sum((mine & theirs).values())
            share = max(common / len(w), common / max(1, theirs.total()))
            held = common / len(w) >= 0.5 or common / max(1, theirs.total()) >= _SHARE
            if held and (found is None or share > found[0]):
                found = (share, k)
        return found[1] if found else None


class _ByLines:
    """The texts of one kind by the line they were read at; a unit looks among those on its
    lines (from its first line up to the next unit's)."""

    def __init__(self, placed: Sequence[tuple[int, str]]) -> None:
        self._by_line: dict[int, list[tuple[int, str]]] = {}
        for k, (line, text) in enumerate(placed):
            self._by_line.setdefault(line, []).append((k, text))
        self._built: dict[tuple[int, int], _Texts] = {}

    def best(self, first: int, later: int, w: list[str]) -> int | None:
        texts = self._built.get((first, later))
        if texts is None:
            texts = self._built[(first, later)] = _Texts()
            for line in range(first, later):
                for k, text in self._by_line.get(line, ()):
                    texts.add(k, text)
        return texts.best(w)


def _later_lines(seg: Segmented) -> list[int]:
    """For each unit, the first line of the next unit that starts on a later line."""
    later = [0] * len(seg.lines)
    nxt = 0
    for k in range(len(seg.lines) - 1, -1, -1):
        no = seg.lines[k].no
        if k + 1 < len(seg.lines) and seg.lines[k + 1].no > no:
            nxt = seg.lines[k + 1].no
        later[k] = nxt if nxt > no else no + 1
    return later


class _Printed:
    """The printed line each piece of the page starts on, the pieces asked for in the page's
    order: a piece of a flattened page that was hard-wrapped is found in its run from where the
    piece before it was (so the page is walked once); a sentence of a unit rejoined from wrapped
    lines, in those lines."""

    def __init__(self, runs: Mapping[int, Run], source: Sequence[str]) -> None:
        self._runs, self._source = runs, source
        self._where: dict[int, int] = {}  # how far into each run the pieces have been found
        self._last = 0

    def line(self, first: int, later: int, piece: str) -> int:
        run = self._runs.get(first)
        if run is not None:
            joined, starts = run
            pos = joined.find(piece[:24], self._where.get(first, 0))
            if pos < 0:
                return max(first, self._last)
            self._where[first] = pos + 1
            at = bisect.bisect_right(starts, (pos, 1 << 62)) - 1
            self._last = starts[at][1] if at >= 0 else first
            return self._last
        self._last = first
        if later - first < 2 or later - first > 60:
            return first
        key = piece[:24]
        for no in range(first, min(later, len(self._source) + 1)):
            if key in collapse(" ".join(self._source[no - 1 : no + 1])):
                # the piece starts on this line, or runs on from its end into the next
                head = collapse(self._source[no - 1])
                self._last = no if key[:8] in head else no + 1
                return self._last
        return first


def _resolution_note(r: ExtractedResolution) -> str:
    named = f"resolution {r.number}" if r.number else "a resolution"
    return f"{named} ({r.kind})" if r.kind != "resolved" else named


def _followup_note(f: ExtractedFollowUp) -> str:
    return f"a follow-up for {f.owner}" if f.owner else "a follow-up, no owner read"


def page_units(
    seg: Segmented,
    source: Sequence[str],
    resolutions: Sequence[ExtractedResolution],
    followups: Sequence[ExtractedFollowUp],
    unsure: Sequence[Uncertainty],
) -> tuple[PageUnit, ...]:
    """Every sentence of every unit of the page that holds text (`sentence_units.sentences`: a
    unit of several sentences is as many rows), in order, with what the reader made of it;
    `source` is the text's lines the segmenter read, the extraction's items at the segmenter's
    line numbers (before `wrapped.printed_line`)."""
    kinds = (
        ("resolution", _ByLines([(r.line, r.text) for r in resolutions])),
        ("followup", _ByLines([(f.line, f.text) for f in followups if f.source != "resolution"])),
        ("unsure", _ByLines([(u.line, u.text) for u in unsure])),
    )
    asked = _ByLines([(f.line, f.text) for f in followups if f.source == "resolution"])
    asking = [f for f in followups if f.source == "resolution"]
    plain = [f for f in followups if f.source != "resolution"]
    later = _later_lines(seg)
    printed = _Printed(seg.runs, source)
    out = []
    for i, ln in enumerate(seg.lines):
        if not ln.text:
            continue
        for piece in sentences(ln.text) if i not in seg.headings else [ln.text]:
            w = words(piece)
            state, note = "left", ""
            for kind, texts in kinds:
                k = texts.best(ln.no, later[i], w)
                if k is None:
                    continue
                state = kind
                if kind == "resolution":
                    note = _resolution_note(resolutions[k])
                    a = asked.best(ln.no, later[i], w)
                    if a is not None:
                        note += f", asking {asking[a].owner or 'somebody'} for a follow-up"
                elif kind == "followup":
                    note = _followup_note(plain[k])
                else:
                    note = unsure[k].reason
                break
            if state == "left":
                if i in seg.headings:
                    state, note = "heading", "an item heading"
                elif not w:
                    note = "no words"
                elif i in seg.agenda:
                    note = "agenda text"
                elif i in seg.log:
                    note = "in an action log, not read as a row"
            line = printed.line(ln.no, later[i], piece)
            out.append(PageUnit(line, piece, seg.items[i], state, note))
    return tuple(out)
