"""The extraction's last pass over its follow-ups: an owner label wins over the same sentence
read as a directive, and each follow-up is given the item number in force at its line."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from .models import ExtractedFollowUp
from .text import Line, collapse


def with_items(
    followups: list[ExtractedFollowUp], lines: Sequence[Line], items: Sequence[str]
) -> list[ExtractedFollowUp]:
    """Each follow-up with the item number in force at its line (the unit it starts in)."""
    starts = [ln.no for ln in lines]
    out = []
    for f in followups:
        at = bisect.bisect_right(starts, f.line) - 1
        out.append(replace(f, item=items[at]) if at >= 0 and items[at] else f)
    return out


def labels_win(followups: list[ExtractedFollowUp]) -> list[ExtractedFollowUp]:
    """ "Secretary to express concerns ... . MT Action.": the owner label made the sentence an
    action of MT; the same sentence read as a directive of "Secretary" is not a second one."""
    # the word-boundary endings of each labelled text, by line: a directive read from the same
    # sentence is one of them (a set, so a page of thousands of actions stays linear)
    endings: dict[int, set[str]] = {}
    for f in followups:
        if f.source == "action-line" and not f.why:
            words = collapse(f.text).lower().rstrip(". ").split()[-40:]
            ends = endings.setdefault(f.line, set())
            ends.update(" ".join(words[k:]) for k in range(len(words)))
    out = []
    for f in followups:
        if f.why and f.source != "resolution":
            mine = collapse(f.text).lower().rstrip(". ")
            if mine and any(mine in endings.get(n, ()) for n in range(f.line - 2, f.line + 3)):
                continue
        out.append(f)
    return out
