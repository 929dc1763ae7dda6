"""Blocks into numbered resolutions: a line read twice counted once, a decision the page prints
twice counted twice, a later block that reuses numbers prefixed "B<k>.", every number unique
within one extraction (follow-ups refer to them)."""

from __future__ import annotations

from .block_model import Block
from .models import ExtractedResolution, Uncertainty
from .text import collapse


def assemble(
    blocks: list[Block],
) -> tuple[list[ExtractedResolution], dict[str, str], list[Uncertainty]]:
    resolutions: list[ExtractedResolution] = []
    intros: dict[str, str] = {}
    unsure: list[Uncertainty] = []
    used: set[str] = set()
    seen_text: dict[str, str] = {}
    seen_line: set[str] = set()
    for k, block in enumerate(blocks, start=1):
        items = []
        for item in block.items:
            key = _key(block.section, item.text, item.line)
            # a page flattened onto one line has every unit on line 1: a block starting at
            # another unit is the page printing the decision twice, not a second reading
            at = f"{key}\x1f{item.line}\x1f{block.pos}"
            if at in seen_line:
                unsure.append(
                    Uncertainty(
                        item.line,
                        item.text,
                        "repeats resolution "
                        f"{seen_text[key] or '(unnumbered)'} read from the same line; not "
                        "counted twice",
                    )
                )
                continue
            if key in seen_text:
                unsure.append(
                    Uncertainty(
                        item.line,
                        item.text,
                        "repeats resolution "
                        f"{seen_text[key] or '(unnumbered)'} word for word: the page prints "
                        "the decision twice (an import records it once)",
                    )
                )
            items.append(item)
        numbers = [".".join(it.path) for it in items]
        if any(n in used for n in numbers):
            numbers = [f"B{k}" + (f".{n}" if n else "") for n in numbers]
            unsure.append(
                Uncertainty(
                    block.line,
                    block.heading_text,
                    "this resolution block reuses "
                    f"numbers of an earlier block; its numbers were prefixed 'B{k}.'",
                )
            )
        for item, number in zip(items, numbers, strict=True):
            n, extra = number, 2
            while n in used:
                n = f"{number}-{extra}"
                extra += 1
            if n != number:
                unsure.append(
                    Uncertainty(
                        item.line,
                        item.text,
                        f"number {number!r} repeated within one block; recorded as {n!r}",
                    )
                )
            used.add(n)
            key = _key(block.section, item.text, item.line)
            seen_text.setdefault(key, n)
            seen_line.add(f"{key}\x1f{item.line}\x1f{block.pos}")
            resolutions.append(
                ExtractedResolution(
                    n, block.heading.kind, item.text, item.line, block.item, block.why
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
