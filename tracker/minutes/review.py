"""Turn scored candidates into resolutions, follow-ups and review notes.

A taken resolution candidate becomes a one-item block (a list candidate's items share a block)
so numbering and de-duplication stay the keyword reader's; its `why` travels with it. A taken
action becomes a follow-up. A candidate below the threshold, and every reported undertaking,
becomes an Uncertainty that says why it was left, with its line number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .block_model import Block, RawItem
from .candidates import Candidate, generate
from .models import ExtractedFollowUp, Uncertainty
from .owners import tidy_text
from .patterns import Heading
from .segment import Segmented
from .text import find_due

_KINDS = {"agreed": "agreed", "noted": "noted"}
_OWN_NUMBER_RE = re.compile(r"^(\d{1,3})\.\s+[A-Z]")


def _block(seg: Segmented, cands: list[Candidate]) -> Block:
    first = cands[0]
    kind = _KINDS.get(first.verb.lower(), "resolved")
    block = Block(Heading(kind, first.verb.lower(), "", "", 0), first.line, first.text)
    for c in cands:
        path = tuple(c.number.split(".")) if c.number else ("",)
        block.items.append(RawItem(path, [c.text], c.line))
    block.item = seg.items[first.index]
    nm = _OWN_NUMBER_RE.match(seg.lines[first.index].text)
    lost = seg.numbers_lost_from is not None and first.index >= seg.numbers_lost_from
    if not block.item and first.group < 0 and nm and not lost:
        block.item = nm.group(1)  # "3. It was agreed to donate ...": a minute of one paragraph
        # "3. Approval of the Minutes ... 3.1 The minutes ... were approved": its sub-item's
        # number printed after the title on the same line
        sub = re.match(
            rf"{nm.group(1)}\.\s+[^.]{{2,160}}?\s(?P<sub>{nm.group(1)}\.\d{{1,2}})\s+[A-Z]",
            seg.lines[first.index].text,
        )
        if sub:
            block.item = sub.group("sub")
    block.pos = first.index
    block.why = f"{first.why()} (score {first.score:.2f})"
    return block


def read_candidates(
    seg: Segmented, free: Sequence[int]
) -> tuple[list[Block], list[ExtractedFollowUp], list[Uncertainty], set[int]]:
    """Blocks, follow-ups and review notes from the units the keyword reader left; and the
    units a candidate explains (their stray-word notes are replaced by the candidate's)."""
    blocks: list[Block] = []
    followups: list[ExtractedFollowUp] = []
    unsure: list[Uncertainty] = []
    explained: set[int] = set()
    groups: dict[int, list[Candidate]] = {}
    # what no rule read: the learnt models' readings (imported here: their weights are read
    # only when a page is)
    from .learnt.actions import learnt_actions
    from .learnt.proposer import propose

    rules = generate(seg, free)
    read = {c.index for c in rules}
    cands = (
        rules
        + propose(seg, [i for i in free if i not in read], rules)
        + learnt_actions(seg, free, rules)
    )
    for c in cands:
        explained.add(c.index)
        if c.kind == "undertaking":
            unsure.append(
                Uncertainty(
                    c.line, c.sentence or c.text, f"left as a reported undertaking: {c.why()}"
                )
            )
        elif not c.taken:
            unsure.append(
                Uncertainty(
                    c.line,
                    c.sentence or c.text,
                    f"unsure: {c.why()} (score {c.score:.2f}); not taken",
                )
            )
        elif c.kind == "resolution":
            if c.group >= 0:
                groups.setdefault(c.group, []).append(c)
            else:
                blocks.append(_block(seg, [c]))
        else:
            text = tidy_text(c.text)
            source = "action-table" if c.index in seg.log else "action-line"
            why = f"{c.why()} (score {c.score:.2f})"
            followups.append(
                ExtractedFollowUp(c.owner, text, None, c.line, source, find_due(text) or c.due, why)
            )
    blocks += [_block(seg, g) for g in groups.values()]
    return blocks, followups, unsure, explained
