"""Blocks into numbered resolutions: a line read twice counted once, a decision the page prints
twice counted twice, every number unique within one extraction (follow-ups refer to them): where
a later block reuses an earlier block's numbers, each is told apart by its item, "7 (2)"
(numbering.py), never by a number the page does not print."""

from __future__ import annotations

from .block_model import Block, RawItem
from .models import ExtractedResolution, Uncertainty
from .numbering import in_page_order, page_numbers
from .text import collapse


def assemble(
    blocks: list[Block],
) -> tuple[list[ExtractedResolution], dict[str, str], list[Uncertainty]]:
    kept: list[tuple[Block, RawItem]] = []
    # what review is told, in the page's order, named once numbered: a repeat (the item, the
    # earlier one's place in `kept`, "line": read twice from one line, "text": printed twice),
    # a block numbering its resolutions as an earlier one does (its first item's place), a
    # number printed twice in one block (the item's place)
    notes: list[tuple[str, Block, RawItem | None, int]] = []
    seen_text: dict[str, int] = {}
    seen_line: set[str] = set()
    printed: set[str] = set()
    for block in blocks:
        items = []  # a block's items are checked against earlier blocks, not one another
        for item in block.items:
            key = _key(block.section, item.text, item.line)
            # a page flattened onto one line has every unit on line 1: a block starting at
            # another unit is the page printing the decision twice, not a second reading
            if f"{key}\x1f{item.line}\x1f{block.pos}" in seen_line:
                notes.append(("line", block, item, seen_text[key]))
                continue
            if key in seen_text:
                notes.append(("text", block, item, seen_text[key]))
            items.append(item)
        own = [".".join(it.path) for it in items]
        if any(n in printed for n in own):
            notes.append(("afresh", block, None, len(kept)))
        else:
            notes += [("twice", block, it, len(kept) + j)
                      for j, (it, n) in enumerate(zip(items, own, strict=True)) if n in own[:j]]  # fmt: skip
        printed.update(own)
        for item in items:
            key = _key(block.section, item.text, item.line)
            seen_text.setdefault(key, len(kept))
            seen_line.add(f"{key}\x1f{item.line}\x1f{block.pos}")
            kept.append((block, item))
    own = [".".join(it.path) for _b, it in kept]
    under = [b.item for b, _it in kept]  # the item each is minuted under
    numbers = page_numbers(own, under, [it.line for _b, it in kept])
    ordered = in_page_order(own, under)
    used: set[str] = set()
    tried: dict[str, int] = {}  # the suffix each number got last: 7,000 alike stay linear
    for k, number in enumerate(numbers):
        n, extra = number, tried.get(number, 2)
        while n in used:  # told apart by neither item nor line: one line printing both
            n = f"{number}-{extra}"
            extra += 1
        tried[number] = extra
        used.add(n)
        numbers[k] = n
    unsure = [_said(kind, block, item, numbers[k], ordered) for kind, block, item, k in notes]
    resolutions: list[ExtractedResolution] = []
    intros: dict[str, str] = {}
    for (block, item), n in zip(kept, numbers, strict=True):
        own_no = ".".join(item.path)  # as printed; told apart when `n` is not it
        resolutions.append(
            ExtractedResolution(
                n,
                block.heading.kind,
                item.text,
                item.line,
                block.item,
                block.why,
                own_no if n != own_no else None,
            )  # fmt: skip
        )
        intro = item.intro or block.intro
        if intro:
            intros[n] = intro
    return resolutions, intros, unsure


def _said(
    kind: str, block: Block, item: RawItem | None, number: str, ordered: bool = False
) -> Uncertainty:
    """What review is told of a note (`assemble`), `number` the resolution it names; `ordered`:
    the page's resolutions are numbered in its order (it prints no item)."""
    if kind == "afresh" or item is None:
        told = "numbered in the page's order" if ordered else "told apart by its item (or line)"
        return Uncertainty(
            block.line,
            block.heading_text,
            f"this resolution block numbers its resolutions as an earlier one does: each is "
            f"{told}, as {number!r}",
        )
    if kind == "twice":
        return Uncertainty(
            item.line,
            item.text,
            f"number {'.'.join(item.path)!r} printed twice in one resolution block; recorded "
            f"as {number!r}",
        )
    said = number or "(unnumbered)"
    return Uncertainty(
        item.line,
        item.text,
        f"repeats resolution {said} read from the same line; not counted twice"
        if kind == "line"
        else f"repeats resolution {said} word for word: the page prints the decision twice "
        "(an import records it once)",
    )


def _key(section: int, text: str, line: int) -> str:
    """What makes two resolutions the same: their text within one item, except a keyword
    standing as an outcome ("RESOLVED and noted.", "Agreed."), which each line may repeat.
    The judging rules (rule 1; the Lewisham, Flintshire and batch 20 readings) judge a decision
    printed twice - under "Decision:" and again under "Minutes:", or at the top of its item and
    again at its end - as printed both times; only the same line read twice is one resolution."""
    t = collapse(text).lower()
    return f"{section}\x1f{t}" + (f"\x1f{line}" if len(t.split()) <= 4 else "")
