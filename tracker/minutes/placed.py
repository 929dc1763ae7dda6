"""What a page's readers already took or listed, by unit, so that the review nets
(`decision_net`, `action_like`) list nothing twice."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from .segment import Segmented

_WORD_RE = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


class Placed:
    """The texts taken or listed on one unit's lines, indexed by their runs of `run` words, so a
    page of thousands of decisions on one line stays linear. A text is held when half its words
    lie in one of them, or when it covers most of one: `share` of the other's words, or with
    `dice` their words overlap by Dice >= 0.5."""

    def __init__(self, run: int = 4, share: float = 0.6, dice: bool = False) -> None:
        self._run, self._share, self._dice = run, share, dice
        self.texts: list[Counter[str]] = []
        self.runs: dict[tuple[str, ...], set[int]] = {}
        self.seen: set[tuple[str, ...]] = set()  # a text listed twice is indexed once

    def add(self, text: str) -> None:
        w = words(text)
        if not w or tuple(w) in self.seen:
            return
        self.seen.add(tuple(w))
        k = len(self.texts)
        self.texts.append(Counter(w))
        n = min(self._run, len(w))
        for j in range(len(w) - n + 1):
            self.runs.setdefault(tuple(w[j : j + n]), set()).add(k)

    def holds(self, text: str) -> bool:
        """Is the text (mostly) something already taken or listed?"""
        w = words(text)
        if not w:
            return True
        near: set[int] = set()
        for n in range(1, self._run + 1):
            for j in range(len(w) - n + 1):
                near |= self.runs.get(tuple(w[j : j + n]), set())
        sw = Counter(w)
        for k in near:
            ow = self.texts[k]
            common = sum((sw & ow).values())
            if common / len(w) >= 0.5:
                return True
            if self._dice and 2 * common / (len(w) + ow.total()) >= 0.5:
                return True
            if not self._dice and common / max(1, ow.total()) >= self._share:
                return True
        return False


class PagePlaces:
    """For each unit of a page, what was taken or listed on its lines (a wrapped unit spans
    several, up to the next unit's first line). `more`: what a net lists itself on a line, asked
    for (after `listed`) when a unit there is first looked at."""

    def __init__(
        self,
        seg: Segmented,
        listed: Sequence[tuple[int, str]],
        run: int = 4,
        dice: bool = False,
        more: Callable[[int], Sequence[str]] | None = None,
    ) -> None:
        self._seg, self._run, self._dice, self._more = seg, run, dice, more
        self._texts: dict[int, list[str]] = {}
        for line, text in listed:
            self._texts.setdefault(line, []).append(text)
        # the first line of the next unit that starts on a later line, for each unit
        self._later = [0] * len(seg.lines)
        nxt = 0
        for k in range(len(seg.lines) - 1, -1, -1):
            no = seg.lines[k].no
            if k + 1 < len(seg.lines) and seg.lines[k + 1].no > no:
                nxt = seg.lines[k + 1].no
            self._later[k] = nxt if nxt > no else no + 1
        self._placed: dict[int, Placed] = {}  # by the first line of a unit

    def new(self) -> Placed:
        return Placed(self._run, dice=self._dice)

    def at(self, i: int) -> Placed:
        """What was taken or listed on unit i's lines (built once for each first line)."""
        no = self._seg.lines[i].no
        near = self._placed.get(no)
        if near is None:
            near = self._placed[no] = self.new()
            for line in range(no, self._later[i]):
                for t in self._texts.get(line, ()):
                    near.add(t)
                for t in self._more(line) if self._more else ():
                    near.add(t)
        return near
