"""The blocks under a decision heading that say no decision the meeting took: a page's search
directions, what was considered before the decision, a report's recommendation or an agenda's
proposed resolution before "Minutes:", an undertaking under "Recommendation:", a "NOTED" label
over what the meeting heard. Split from the keyword reader, which asks of each block it reads
why it is not a decision, and keeps its lines as unsure when told."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .block_model import Block
from .body_leads import noted_under_decision
from .keyword_lines import (
    CONSIDERED_WHY,
    MEMBERS_NOTED_RE,
    NAVIGATION_WHY,
    NOTED_BY_RE,
    NOTED_LABEL_RE,
    agenda_proposes_resolution,
    considered_before_decision,
    page_directions,
    proposes_resolution,
)
from .patterns import Heading, is_report_recommendation
from .segment import Segmented
from .text import Line

# "Recommendation: The Town Council would resend the information ...": what someone would do,
# restated under the label; an undertaking, not a recommendation the meeting decided
_WOULD_RECOMMENDATION_RE = re.compile(
    r"^(?:that\s+)?(?:[\w'\u2019\-]+\s+){1,6}(?:would|will)\s+(?!be\s+(?:asked|recommended)\b)\w",
    re.I,
)


# "the Cabinet Member for Housing is asked to:", "Members are recommended to:": a report's
# request to the meeting, not its decision
_ASKS_RE = re.compile(
    r"\b(?:is|are)\s+(?:being\s+)?(?:asked|invited|requested|recommended)\s+to\b[^.]{0,60}:-?\s*$",
    re.I,
)


def why_not_decided(
    seg: Segmented,
    i: int,
    heading: Heading,
    head: Line,
    block: Block,
    minutes_idx: int,
    minutes_ahead: Sequence[bool],
) -> str | None:
    """Why the block read under the heading at unit `i` is no decision the meeting took, or
    None when it is one; `minutes_idx` is the page's first "Minutes:" line and `minutes_ahead`
    marks the units before their item's "Minutes:"."""
    lines = seg.lines
    if page_directions(heading, block):
        return NAVIGATION_WHY  # "Decisions" / "Use the below search options ..."
    if considered_before_decision(lines, heading, block):
        # "Decision:" / "The Committee considered a report of ..." / "RESOLVED - That
        # ...": the field opens on what was considered; the decision is under RESOLVED
        return CONSIDERED_WHY
    if is_report_recommendation(heading) and (
        i < minutes_idx
        or seg.agenda_page
        # "Recommendations" / "... the Cabinet Member for Housing is asked to:": the
        # report asks the meeting, so what follows is not yet decided
        or any(_ASKS_RE.search(lines[k].text) for k in range(i, min(block.end, i + 4)))
    ):
        return "a recommendation in the item's summary (before 'Minutes:'), not a minuted decision"
    if heading.keyword in ("recommendation", "recommendations") and all(
        _WOULD_RECOMMENDATION_RE.match(it.text) for it in block.items
    ):
        return "under 'Recommendation:', what someone would do (an undertaking), not a decision"
    if (
        heading.keyword == "noted"
        and not noted_under_decision(lines, i)
        and (
            NOTED_LABEL_RE.match(head.m)
            and not any(re.match(r"that\b", it.text, re.I) for it in block.items)
            or NOTED_BY_RE.match(head.m)
            or MEMBERS_NOTED_RE.match(head.m)
        )
    ):  # "Noted:" over "1) That the report be noted.": a resolution's own formula
        return (
            "under a 'NOTED' label: a note of what the meeting heard, not a "
            "decision under RESOLVED, AGREED or DECISION"
        )
    if (
        (i < minutes_idx or seg.agenda_page or minutes_ahead[i])
        and proposes_resolution(lines, i)
        or agenda_proposes_resolution(lines, i)
    ):
        return (
            "the resolution the agenda proposes ('to pass the following "
            "resolution'), before 'Minutes:'; not one the meeting passed"
        )
    return None
