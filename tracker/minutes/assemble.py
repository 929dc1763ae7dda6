"""Blocks into numbered resolutions: a line read twice counted once, a decision the page prints
twice counted twice, every number unique within one extraction (follow-ups refer to them): where
a later block reuses an earlier block's numbers, each is told apart by its item, "7 (2)"
(numbering.py), never by a number the page does not print."""

from __future__ import annotations

from .block_model import Block, RawItem
from .models import ExtractedResolution, Uncertainty
from .numbering import page_numbers
from .text import collapse


def assemble(
    blocks: list[Block],
) -> tuple[list[ExtractedResolution], dict[str, str], list[Uncertainty]]:
    kept: list[tuple[Block, RawItem]] = []
    # a repeat listed as unsure: the item, the earlier one it repeats (its place in `kept`,
    # named once numbered) and how: read twice from one line, or printed twice
    repeats: list[tuple[RawItem, int, str]] = []
    seen_text: dict[str, int] = {}
    seen_line: set[str] = set()
    for block in blocks:
        items = []  # a block's items are checked against earlier blocks, not one another
        for item in block.items:
            key = _key(block.section, item.text, item.line)
            # a page flattened onto one line has every unit on line 1: a block starting at
            # another unit is the page printing the decision twice, not a second reading
            if f"{key}\x1f{item.line}\x1f{block.pos}" in seen_line:
                repeats.append((item, seen_text[key], "line"))
                continue
            if key in seen_text:
                repeats.append((item, seen_text[key], "twice"))
            items.append(item)
        for item in items:
            key = _key(block.section, item.text, item.line)
            seen_text.setdefault(key, len(kept))
            seen_line.add(f"{key}\x1f{item.line}\x1f{block.pos}")
            kept.append((block, item))
    numbers = page_numbers(
        [".".join(it.path) for _b, it in kept],
        [b.item for b, _it in kept],
        [it.line for _b, it in kept],
    )
    unsure: list[Uncertainty] = []
    used: set[str] = set()
    for k, number in enumerate(numbers):
        n, extra = number, 2
        while n in used:
            n = f"{number}-{extra}"
            extra += 1
        if n != number:
            item = kept[k][1]
            unsure.append(
                Uncertainty(
                    item.line,
                    item.text,
                    f"number {number!r} repeated at one place; recorded as {n!r}",
                )
            )
        used.add(n)
        numbers[k] = n
    for item, earlier, how in repeats:
        said = numbers[earlier] or "(unnumbered)"
        unsure.append(
            Uncertainty(
                item.line,
                item.text,
                f"repeats resolution {said} read from the same line; not counted twice"
                if how == "line"
                else f"repeats resolution {said} word for word: the page prints the decision "
                "twice (an import records it once)",
            )
        )
    resolutions: list[ExtractedResolution] = []
    intros: dict[str, str] = {}
    for (block, item), n in zip(kept, numbers, strict=True):
        own = ".".join(item.path)  # as printed; told apart when `n` is not it
        resolutions.append(
            ExtractedResolution(
                n,
                block.heading.kind,
                item.text,
                item.line,
                block.item,
                block.why,
                own if n != own else None,
            )
        )
        intro = item.intro or block.intro
        if intro:
            intros[n] = intro
    return resolutions, intros, unsure


def _key(section: int, text: str, line: int) -> str:
    """What makes two resolutions the same: their text within one item, except a keyword
    standing as an outcome ("RESOLVED and noted.", "Agreed."), which each line may repeat.
    The judging rules (rule 1; the Lewisham, Flintshire and batch 20 readings) judge a decision
    printed twice - under "Decision:" and again under "Minutes:", or at the top of its item and
    again at its end - as printed both times; only the same line read twice is one resolution."""
    t = collapse(text).lower()
    return f"{section}\x1f{t}" + (f"\x1f{line}" if len(t.split()) <= 4 else "")
