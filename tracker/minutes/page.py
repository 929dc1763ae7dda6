"""The page as the reader cut it: every unit of the segmenter (a line, a table cell, a sentence of
a page flattened onto one line; never a whole flattened line), in order, with its printed line
number, the item in force there and what the reader made of it: taken as a resolution, as a
follow-up, listed as unsure (with why), or left (an item heading, or text the reader read as
nothing). The import review shows it whole, so an officer can take any unit the reader dropped.

A unit is marked by what was taken or listed on its lines when half its words lie in that text,
or it holds most of that text's words (as the review nets' `placed.Placed` decides whether a
sentence was already taken), indexed by runs of words so that a page of thousands of units on
one line stays linear.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence

from .models import ExtractedFollowUp, ExtractedResolution, PageUnit, Uncertainty
from .placed import words
from .segment import Segmented
from .wrapped import Run

_RUN = 4  # words: the index's key, as the review nets' (placed.py)
_SHARE = 0.6  # a unit holding this share of a text's words holds the text


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


def _printed_lines(seg: Segmented, runs: Mapping[int, Run]) -> list[int]:
    """The printed line each unit starts on: a unit of a flattened page that was hard-wrapped is
    found in its run from where the unit before it was (so the page is walked once)."""
    out = []
    where: dict[int, int] = {}  # how far into each run the units have been found
    for ln in seg.lines:
        run = runs.get(ln.no)
        if run is None or not ln.text:
            out.append(ln.no)
            continue
        joined, starts = run
        pos = joined.find(ln.text[:24], where.get(ln.no, 0))
        if pos < 0:
            out.append(out[-1] if out else ln.no)
            continue
        where[ln.no] = pos + 1
        at = bisect.bisect_right(starts, (pos, 1 << 62)) - 1
        out.append(starts[at][1] if at >= 0 else ln.no)
    return out


def _resolution_note(r: ExtractedResolution) -> str:
    named = f"resolution {r.number}" if r.number else "a resolution"
    return f"{named} ({r.kind})" if r.kind != "resolved" else named


def _followup_note(f: ExtractedFollowUp) -> str:
    return f"a follow-up for {f.owner}" if f.owner else "a follow-up, no owner read"


def page_units(
    seg: Segmented,
    resolutions: Sequence[ExtractedResolution],
    followups: Sequence[ExtractedFollowUp],
    unsure: Sequence[Uncertainty],
) -> tuple[PageUnit, ...]:
    """Every unit of the page that holds text, in order, with what the reader made of it; the
    extraction's items at the segmenter's line numbers (before `wrapped.printed_line`)."""
    kinds = (
        ("resolution", _ByLines([(r.line, r.text) for r in resolutions])),
        ("followup", _ByLines([(f.line, f.text) for f in followups if f.source != "resolution"])),
        ("unsure", _ByLines([(u.line, u.text) for u in unsure])),
    )
    asked = _ByLines([(f.line, f.text) for f in followups if f.source == "resolution"])
    asking = [f for f in followups if f.source == "resolution"]
    plain = [f for f in followups if f.source != "resolution"]
    later = _later_lines(seg)
    printed = _printed_lines(seg, seg.runs)
    out = []
    for i, ln in enumerate(seg.lines):
        if not ln.text:
            continue
        w = words(ln.text)
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
        out.append(PageUnit(printed[i], ln.text, seg.items[i], state, note))
    return tuple(out)
