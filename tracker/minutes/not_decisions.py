"""What stands where a decision would and is not one: a decision field that says none was made
("Decision: None", "N/A", "Resolved: no decision"), a chair's or member's report heading a
"Decisions:" field ("The Mayor referred Members to ..."), and a motion (a nomination and its
election) whose outcome the RESOLVED right after it records. Each goes to review with its reason;
the decision beside it stays."""

from __future__ import annotations

import re

from .block_model import Block, RawItem
from .models import Uncertainty

# the whole field says nothing was decided; "That no further action be taken" and "That none of
# the bids be accepted" are decisions and do not match
_NONE_RE = re.compile(
    r"^\W*(?:none(?:\s+(?:required|taken|made|needed|necessary|recorded))?|nil|n\s*/\s*a"
    r"|not\s+applicable|no\s+(?:decisions?|resolutions?)(?:\s+(?:was|were|has\s+been|have\s+been)"
    r"\s+(?:taken|made|reached|required|needed)\b.*)?)\W*$",
    re.I | re.S,
)
# a person's report, not the body's decision: "The Mayor referred Members to ...", "The Chair
# reminded Members ...", "Cllr Smith explained ..."
_REPORT_RE = re.compile(
    r"^(?:the\s+)?(?:(?:lord\s+)?mayor|(?:deputy\s+|vice[\s-])?chair(?:man|woman|person)?"
    r"|(?:deputy\s+)?leader|(?:lord\s+)?provost|convener|clerk|(?:cllr|councillor)\.?"
    r"(?:\s+[A-Z][\w'-]*){1,2})\s+"
    r"(?:referred|reminded|welcomed|informed|advised|explained|thanked|introduced|reported"
    r"|outlined|stated|said|updated|drew|asked|announced|gave|presented)\b",
    re.I,
)
_FIELD_WORDS = {"decision", "decisions", "decision made", "decision taken"}


def _says_none(it: RawItem) -> bool:
    return bool(_NONE_RE.match(it.text))


def not_decisions(blocks: list[Block]) -> tuple[list[Block], list[Uncertainty]]:
    keep: list[Block] = []
    unsure: list[Uncertainty] = []
    for k, blk in enumerate(blocks):
        items = []
        for it in blk.items:
            if _says_none(it):
                why = "the decision field says no decision was made"
            elif blk.heading.keyword in _FIELD_WORDS and _REPORT_RE.match(it.text):
                why = "a report of what was said under the decision label, not a decision"
            else:
                items.append(it)
                continue
            unsure.append(Uncertainty(it.line, it.text, why))
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if (
            items
            and blk.why.startswith("motion")
            and nxt is not None
            and not nxt.why
            and nxt.pos == blk.pos + 1
            and nxt.section == blk.section
        ):
            # "Cllr A nominated Cllr B ... duly elected." / "RESOLVED: That Cllr B be elected
            # ...": the RESOLVED is the decision, the nomination its motion
            unsure += [
                Uncertainty(it.line, it.text, "the motion that the RESOLVED after it records")
                for it in items
            ]
            continue
        if items or not blk.items:  # a block of no items (a lead-in alone) is not touched
            blk.items = items
            keep.append(blk)
    return keep, unsure
