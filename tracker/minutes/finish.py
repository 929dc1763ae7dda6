"""The extraction's last pass: a report's "Recommendations" followed in the same item by the
item's decision go to review; over follow-ups, an owner label wins over the same sentence read
as a directive, and each follow-up is given the item number in force at its line (a line left
unsure: at the unit that holds it)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from .block_model import Block
from .combined_labels import LABEL_OWNER
from .models import ExtractedFollowUp, ExtractedResolution, Uncertainty
from .pagekind import PageKind
from .placed import words
from .text import Line, collapse

_Placed = TypeVar("_Placed", ExtractedFollowUp, Uncertainty)


def with_items(
    followups: list[_Placed], lines: Sequence[Line], items: Sequence[str]
) -> list[_Placed]:
    """Each follow-up (or line left unsure) with the item number in force at its line (the unit
    it starts in)."""
    starts = [ln.no for ln in lines]
    out = []
    for f in followups:
        at = bisect.bisect_right(starts, f.line) - 1
        out.append(replace(f, item=items[at]) if at >= 0 and items[at] else f)
    return out


def items_where_said(
    entries: list[_Placed], lines: Sequence[Line], items: Sequence[str]
) -> list[_Placed]:
    """As `with_items`, but where several units share the entry's line (a page flattened onto
    one or a few long lines: several items on one line), the item in force at the unit that
    holds the entry's text, as the page view's rows have it, not the line's last unit's."""
    starts = [ln.no for ln in lines]
    joined: dict[int, tuple[str, list[int]]] = {}  # each line's units' words, and where each starts
    out = []
    for f in entries:
        hi = bisect.bisect_right(starts, f.line)
        at = hi - 1
        if at >= 0:
            lo = bisect.bisect_left(starts, starts[at])
            if hi - lo > 1:
                at = _holding(joined, lines, lo, hi, f.text)
        out.append(replace(f, item=items[at]) if at >= 0 and items[at] else f)
    return out


def _holding(
    joined: dict[int, tuple[str, list[int]]], lines: Sequence[Line], lo: int, hi: int, text: str
) -> int:
    """The unit among lines[lo:hi] that holds `text` (its words whole, else where its first words
    are), else the last."""
    if lo not in joined:
        offsets, pos, parts = [], 0, []
        for k in range(lo, hi):
            part = " ".join(words(lines[k].text))
            offsets.append(pos)
            parts.append(part)
            pos += len(part) + 1
        joined[lo] = ("\n".join(parts), offsets)
    page, offsets = joined[lo]
    w = words(text)
    for n in (len(w), 12, 6):  # its words whole, else its first words (it runs on past a unit)
        found = page.find(" ".join(w[:n])) if w else -1
        if found >= 0:
            return lo + bisect.bisect_right(offsets, found) - 1
    return hi - 1


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
    return _marked_work_once(out)


def _ends_with(text: str, words: str) -> bool:
    return text == words or text.endswith(" " + words)


def _same_owner(a: str, b: str) -> bool:
    """ "The Estates Lead" and "Estates Lead" name one owner."""
    return re.sub(r"^the\s+", "", a.casefold()) == re.sub(r"^the\s+", "", b.casefold())


def _marked_work_once(followups: list[ExtractedFollowUp]) -> list[ExtractedFollowUp]:
    """ "(2) That the Clerk obtain three quotes ... . ACTION: Clerk": the work the resolution asks
    of the Clerk is the work its ACTION label gives the Clerk, one follow-up, not two; the
    label's follow-up is kept (the minutes mark it) and stands under the resolution."""
    labelled: dict[int, list[int]] = {}
    for k, f in enumerate(followups):
        # an "ACTION:" label's, or a "Decision/Action:" label's owner read by its reader
        if f.source == "action-line" and f.owner and (not f.why or f.why.startswith(LABEL_OWNER)):
            labelled.setdefault(f.line, []).append(k)
    if not labelled:
        return followups
    arising: dict[int, str] = {}
    dropped: set[int] = set()
    for k, f in enumerate(followups):
        if f.source != "resolution" or not f.owner or f.resolution is None:
            continue
        mine = collapse(f.text).lower().rstrip(". ")
        for n in range(f.line - 2, f.line + 3):
            same = next(
                (
                    j
                    for j in labelled.get(n, ())
                    if _same_owner(followups[j].owner, f.owner)
                    and _ends_with(collapse(followups[j].text).lower().rstrip(". "), mine)
                ),
                None,
            )
            if mine and same is not None:
                dropped.add(k)
                arising.setdefault(same, f.resolution)
                break
    return [
        replace(f, resolution=arising[k]) if k in arising and f.resolution is None else f
        for k, f in enumerate(followups)
        if k not in dropped
    ]


_PREAMBLE_WORDS = {"recommendation", "recommendations", "recommendation(s)"}
_DECISION_WORDS = {"resolved", "resovled", "agreed", "decided", "decision", "decisions"}


def decided_later(blocks: list[Block]) -> tuple[list[Block], list[Uncertainty]]:
    """A "Recommendations" block followed, in the same item, by the item's decision
    ("RESOLVED: That the plan be approved with amendments") was the report's preamble: the
    decision is what the meeting made of it. Its items go to review, not to the resolutions."""
    keep: list[Block] = []
    unsure: list[Uncertainty] = []
    # the sections with a decision block after each block, gathered from the end in one pass
    decided_after: list[bool] = [False] * len(blocks)
    sections: set[int] = set()
    for k in range(len(blocks) - 1, -1, -1):
        decided_after[k] = blocks[k].section in sections
        if blocks[k].heading.keyword in _DECISION_WORDS:
            sections.add(blocks[k].section)
    for k, blk in enumerate(blocks):
        if blk.heading.keyword in _PREAMBLE_WORDS and decided_after[k]:
            unsure += [
                Uncertainty(
                    it.line,
                    it.text,
                    "a recommendation put to the meeting; the item's decision follows it",
                )
                for it in blk.items
            ]
            continue
        keep.append(blk)
    return keep, unsure


def not_decided(
    kind: PageKind, resolutions: Sequence[ExtractedResolution], followups: list[ExtractedFollowUp]
) -> tuple[list[ExtractedResolution], list[ExtractedFollowUp], list[Uncertainty]]:
    """On a page that records no decision (an agenda, an officer's report, terms of reference),
    what the keyword reader took is what the page proposes ("It is recommended that the
    Committee: (a) approve ...") or describes: each goes to review with the page's reason."""
    why = f"unsure: {kind.reason()}; not taken"
    unsure = [Uncertainty(r.line, r.text, f"{why} as a resolution") for r in resolutions]
    unsure += [
        Uncertainty(f.line, f"{f.owner}: {f.text}" if f.owner else f.text, f"{why} as an action")
        for f in followups
    ]
    return [], [], unsure
