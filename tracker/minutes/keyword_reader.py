"""The keyword reader: one pass over the segmented page's lines that reads resolution blocks under
their headings (`blocks`), ACTION lines and action tables, skips labels and the paragraph that
explains a decision, and notes decision words met outside any of them. What it leaves is read by
the candidate stage (`review`). Who leads on a decision ("Lead: ...") is read in owner_labels.py;
why a block under a decision heading is no decision (a recommendation before "Minutes:", a
"NOTED" label ...), in undecided_blocks.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .action_text import owner_only
from .actions import ActionLine, match_action_line, read_action_lines
from .aligned_tables import table_at
from .block_model import Block, RawItem
from .blocks import parse_block
from .columns import inferred_tables
from .glued_lines import agreed_outcome
from .inline_actions import holds_action, inline_actions, owner_label_after_decision
from .keyword_lines import (
    EXPLAINING_RE,
    KEYWORD_ENDS_POINT_RE,
    MID_LINE_HEADING_RE,
    MID_LINE_LEAD_IN_RE,
    PROPOSAL_RE,
    attendance_decision,
    bare_outcome,
    before_items_minutes,
    bulleted_under_lead_in,
    header_cell,
    heading_at,
    is_label,
    last_text,
    outcome_after_label,
    stop_line,
    title_heading,
    whole_outcome,
    wrapped_tail,
)
from .lead_lines import lines_follow
from .line_classes import MINUTES_LINE_RE, sentence_around, stray_decision
from .models import ExtractedFollowUp, Uncertainty
from .owner_labels import (
    _STATUS_FIELD_RE,
    _will_do_after,
    after_heading_marker,
    in_decision_notice,
    status_follows,
    wrapped_task,
)
from .owner_labels import LEAD_LABEL_RE as LEAD_LABEL_RE
from .owner_labels import names_owners_only as names_owners_only
from .owner_labels import to_do as to_do
from .owner_rows import owner_cell_units
from .owners import split_owner
from .patterns import match_heading
from .segment import Segmented
from .summary_rows import summary_rows
from .text import Line, collapse, matchable
from .titles import find_title
from .undecided_blocks import why_not_decided

_HELD_OVER = (
    "unsure: under a label of actions carried forward from earlier meetings; an earlier "
    "meeting's action restated, not taken as this meeting's"
)


# "Proposed: John Smith Seconded: Mary Brown", "Proposed by JS, seconded by MB": who moved it
_MOVER_LINE_RE = re.compile(
    r"^(?:proposed|moved|seconded)\b(?:\s+by)?\s*:?\s*[A-Z][^.;:]{0,40}?"
    r"(?:[.,;]?\s*(?:and\s+)?(?:seconded|proposed)\b(?:\s+by)?\s*:?\s*[A-Z][^.;:]{0,40}?)?[.]?$",
    re.I,
)


# a motion's movers on the line before: "Agreed unanimously." under it is that motion's vote
_MOVED_RE = re.compile(r"\b(?:propos|second|moved\b)", re.I)


@dataclass
class KeywordReading:
    """What the keyword reader read: the title, the blocks under decision headings (in reading
    order), follow-ups from ACTION lines and tables, what it was unsure of, decision words met
    outside a block (by unit), the units it used and the labels and explanations of a decision
    notice ("REASON FOR DECISION:" and its paragraph), which say no decision of their own."""

    title: str | None
    blocks: list[Block]
    followups: list[ExtractedFollowUp]
    unsure: list[Uncertainty]
    stray: dict[int, Uncertainty]
    consumed: set[int]
    explaining: set[int] = field(default_factory=set)


# "and it was AGREED that he would pledge his oath ...": rule 3's impersonal form with "would",
# a reported undertaking, whatever the word's capitals
_IMPERSONAL_WOULD_RE = re.compile(
    r"^\W*(?:and\s+|,\s*)?it\s+was\s+(?:\w+\s+)?(?:resolved|agreed)\s+that\b"
    r"[^.;]{0,200}?\b(?:would|will)\b",
    re.I,
)


def read_keywords(seg: Segmented) -> KeywordReading:
    """Read the page's lines in turn under their decision headings, ACTION lines and tables."""
    lines = seg.lines
    heading_units = {id(lines[k]) for k in seg.strong}
    minutes_ahead = before_items_minutes(lines, seg.headings)

    # tables whose header was lost: their rows are read by the candidate stage, not as prose
    _, tabled = inferred_tables(seg, [k for k, u in enumerate(lines) if u.text])
    tabled_units = {id(lines[k]) for k in tabled}

    # "ITEM ACTION" ... "RESOLVED:- (i) To agree ..." / "Michael Barry": an owner column's cell
    # on a line of its own ends the decision's text (the candidate stage reads it)
    cell_units = {id(lines[k]) for k in owner_cell_units(seg)}

    def stop(ln: Line) -> bool:
        return (
            id(ln) in heading_units
            or id(ln) in tabled_units
            or id(ln) in cell_units
            or stop_line(ln)
        )

    title, title_idx = find_title(lines)
    if title_idx & tabled:
        title, title_idx = None, set()  # a page opening on an action table's row: no title
    minutes_idx = next(
        (
            i
            for i, ln in enumerate(lines)
            if ln.text and i not in title_idx and MINUTES_LINE_RE.match(ln.m)
        ),
        -1,
    )
    blocks: list[Block] = []
    followups: list[ExtractedFollowUp] = []
    unsure: list[Uncertainty] = []
    stray: dict[int, Uncertainty] = {}  # decision words outside a block, by unit
    consumed: set[int] = set(title_idx)
    previous: str | None = None
    decided: str | None = None  # the last decision read, for an action label under it
    explaining = ""  # "label" after "Reasons for the decision:", "read" inside its paragraph
    explained: set[int] = set()  # those labels and paragraphs
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.text or i in title_idx or i in tabled:
            if i in title_idx and i in seg.headings:
                previous = ln.text  # "7. Defibrillator" taken as the title: an owner label's task
            if not ln.text and explaining == "read":
                explaining = ""  # the explanation is one paragraph
            i += 1
            continue
        head = ln
        heading = match_heading(ln.text, ln.m)
        if heading is None:
            # "It was moved by Cllr A, seconded by Cllr B, and RESOLVED that ...", "... a report.
            # It was resolved to: A Note ... B Note ...": a lead-in after the sentence before
            mid = MID_LINE_HEADING_RE.search(ln.m) or MID_LINE_LEAD_IN_RE.search(ln.m)
            if mid is not None and _IMPERSONAL_WOULD_RE.match(ln.m[mid.start() :]):
                mid = None  # "... and it was AGREED that he would pledge ...": an undertaking
            if mid is not None:
                part = ln.text[mid.start("kw") :]
                head = Line(ln.no, ln.raw, part, ln.m[mid.start("kw") :])
                heading = match_heading(head.text, head.m)
        if heading is not None and head is ln and bulleted_under_lead_in(lines, i):
            heading = None  # "The Board:" / "• NOTED the ..." / "• APPROVED ...": the list's item
        if heading is not None and head is ln and not heading.inline and header_cell(lines, i):
            heading = None  # "Item | Description | Decision |": a table's column name
        if heading is not None and head is ln and lines_follow(lines, i):
            heading = None  # "The Board APPROVED the following:" / one decision a line
        if heading is not None and i in seg.headings and title_heading(heading):
            heading = None  # "18/17 RESOLUTION TO MEET IN CLOSED SESSION": an item's title
        # the keyword glued after a point's last sentence, cut from it by the segmenter or not
        glued = head is not ln or (i > 0 and lines[i - 1].text and lines[i - 1].no == ln.no)
        ends_point = bool(glued and KEYWORD_ENDS_POINT_RE.match(head.text))
        label_outcome = outcome_after_label(lines, i)
        if heading is not None and label_outcome is not None:
            # "Previous Minutes: agreed" cut by the segmenter at its label: the whole line
            items = [RawItem(("",), [label_outcome], ln.no)]
            block = Block(heading, ln.no, label_outcome, items)
            block.end, block.item, block.pos = i + 1, seg.items[i], i
            blocks.append(block)
            consumed.add(i)
            previous = label_outcome
            i += 1
            continue
        # "Agreed by all.", "Agreed and signed by the Chair." on a line of its own: the keyword
        # and how it was agreed (glued after a decision's sentence it is that decision's vote)
        agreed_alone = agreed_outcome(ln.text)
        k = i - 1
        while agreed_alone and k > 0 and not lines[k].text:
            k -= 1
        before = lines[k].text if k >= 0 else ""
        if agreed_alone and _MOVED_RE.search(before):
            agreed_alone = False  # "Proposed by A, seconded by B" / "Agreed unanimously.": its vote
        elif agreed_alone and glued:
            agreed_alone = False
            if heading is not None and not re.match(r"as\b", heading.inline):
                heading = None  # ("Agreed as a true record." keeps its reading as a label)
        if (
            heading is not None
            and (not heading.inline or agreed_alone)
            and (whole_outcome(ln.text) or ends_point or bare_outcome(lines, i) or agreed_alone)
        ):
            # "Agreed." alone, or "... for 2020 - RESOLVED unanimously." ending a point: the
            # keyword is the item's outcome (not a label over the next paragraph)
            text = head.text if ends_point else ln.text
            block = Block(heading, ln.no, text, [RawItem(("",), [text], ln.no)])
            block.end, block.item, block.pos = i + 1, seg.items[i], i
            blocks.append(block)
            consumed.add(i)
            if not (_STATUS_FIELD_RE.match(ln.text) and previous is decided):
                previous = ln.text
            i += 1
            continue
        if heading is not None:
            explaining = ""
            block = parse_block(lines, i, heading, stop, head)
            at = attendance_decision(lines, heading, block, seg.headings)
            if at is not None:
                # "Decision:" / "Apologies were received from ..." / "Minutes:": the line is the
                # item's decision field, read as rule 1 reads the text under the label
                block.items.append(RawItem(("",), [lines[at].text], lines[at].no))
                block.end = at + 1
            if (
                not heading.inline
                and block.items
                and all(_MOVER_LINE_RE.match(matchable(it.text)) for it in block.items)
            ):
                # "Agreed" / "Proposed: John Smith" / "Seconded: Mary Brown": the keyword is the
                # item's outcome; the lines under it say who moved it, the same decision
                block.items = [RawItem(("",), [ln.text], ln.no)]
            if not block.items and heading_at(lines, block.end):
                pass  # "Decision:" then "Resolved: ...": a label over the real heading
            elif (
                why := why_not_decided(seg, i, heading, head, block, minutes_idx, minutes_ahead)
            ) is not None:
                for item in block.items:
                    unsure.append(Uncertainty(item.line, item.text, why))
            else:
                block.item = seg.items[i]
                block.pos = i
                blocks.append(block)
                unsure += block.unsure
            consumed.update(range(i, max(block.end, i + 1)))
            last = block.items[-1].text if block.items else last_text(lines, block.end - 1, i)
            if last is not None:
                previous = decided = last
            i = max(block.end, i + 1)
            continue
        summary = summary_rows(ln)
        if summary is not None:  # "Action No. Page No. Action: To be completed by: 1 5 ..."
            followups += summary[0]
            unsure += summary[1]
            consumed.add(i)
            previous = ln.text
            i += 1
            continue
        act = match_action_line(ln)
        if act is None and after_heading_marker(lines, seg.headings, i) and split_owner(ln.text):
            act = ActionLine(ln.text)  # "1. Desk based ... Action:" / "Openplan will conduct ..."
        lm = LEAD_LABEL_RE.match(ln.text)
        if lm and in_decision_notice(lines, i):
            lm = None  # "Lead officer: Lisa Arnold" in a decision register: the report's officer
        if act is None and lm and (decided is not None and previous is decided or to_do(previous)):
            # "RESOLVED that the winter plan be approved." / "Lead: Director of Operations": who
            # leads on the decision just read (not "Lead:" over an agenda item's presenter)
            act = ActionLine(lm.group("owner"))
        if act is not None:
            start = i
            context = previous
            if previous is decided and not lm and owner_only(act.body, True):
                context = _will_do_after(lines, i) or context
            if owner_only(act.body, True) and (wrapped := wrapped_task(lines, i, previous)):
                context = wrapped  # "... shelf at the" / "FSO ... look at." / "Action: AH"
            elif decided and previous and previous is not decided and wrapped_tail(previous):
                # "That Councillor D. Jones be elected Chair ... for the Municipal" / "" / "Year
                # 2007 - 2008." / "Action by: ...": the decision wrapped over a blank line
                context = f"{decided} {previous}"
            fus, uns, i = read_action_lines(lines, i, act, context, stop)
            consumed.update(range(start, i))
            if start in seg.earlier and not (
                start in seg.reviewing
                and names_owners_only(fus, ln)
                and not status_follows(lines, start, i)  # "Action – The Clerk" / "Action complete"
            ):
                # "Actions carried forward" / "Action – DK to ...": restated; but "Quotes to be
                # sought." / "Action SH" in an item reviewing earlier actions labels a new one
                uns += [Uncertainty(f.line, f.text, _HELD_OVER) for f in fus]
                fus = []
            followups += fus
            unsure += uns
            continue
        table = table_at(lines, i, stop)
        if table is not None:
            fus, uns, end = table
            consumed.update(range(i, end))
            if any(k in seg.earlier for k in range(i + 1, end)):  # the last meeting's table
                uns += [Uncertainty(f.line, f.text, _HELD_OVER) for f in fus]
                fus = []
            followups += fus
            unsure += uns
            i = end
            continue
        if explaining or is_label(ln):
            explained.add(i)
            # "REASON FOR DECISION:", "Publication date: ..." are labels, not decisions; the
            # paragraph under "Reasons for the decision" / "Alternative options" explains one
            em = EXPLAINING_RE.match(ln.m)
            if em is not None:
                rest = ln.m[em.end() :].strip(" :-")
                explaining = "read" if len(rest.split()) > 3 else "label"
            elif explaining:
                explaining = "read"
            previous = ln.text
            i += 1
            continue
        if holds_action(ln.m):  # every inline label holds the word
            earlier = [lines[k].text for k in range(max(0, i - 4), i) if lines[k].text]
            fus, uns, spans = inline_actions(ln, previous, earlier)
        else:
            fus, uns, spans = [], [], []
        if i in seg.earlier:  # "Action – DK to ..." under "Actions carried forward": restated
            uns += [Uncertainty(f.line, f.text, _HELD_OVER) for f in fus]
            fus = []
        followups += fus
        unsure += uns
        m = ln.m
        if spans:
            chars = list(m)
            for a, b in spans:
                chars[a:b] = " " * (b - a)
            m = "".join(chars)
        hit = None if spans else stray_decision(m)  # an action note explains the line
        if hit is not None:
            stray[i] = Uncertainty(
                ln.no,
                sentence_around(ln.text, hit.start(), hit.end(), len(ln.text)),  # whole
                f"mentions '{collapse(hit.group(0))}' outside a recognised resolution "
                "block or action; it may be a decision or action that was not read",
            )
        if spans and not owner_label_after_decision(ln, spans):
            consumed.add(i)
        if not PROPOSAL_RE.match(ln.m) and not (
            _STATUS_FIELD_RE.match(ln.text) and previous is decided
        ):
            previous = ln.text
        i += 1
    return KeywordReading(title, blocks, followups, unsure, stray, consumed, explained)
