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
from .decision_headings import decision_heading
from .glued_lines import agreed_outcome
from .inline_actions import holds_action, inline_actions, owner_label_after_decision
from .keyword_lines import (
    EXPLAINING_RE,
    KEYWORD_ENDS_POINT_RE,
    PROPOSAL_RE,
    attendance_decision,
    bare_outcome,
    before_items_minutes,
    heading_at,
    is_label,
    last_text,
    outcome_after_label,
    stop_line,
    whole_outcome,
    wrapped_tail,
)
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
from .patterns import Heading
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


def read_keywords(seg: Segmented) -> KeywordReading:
    """Read the page's lines in turn under their decision headings, ACTION lines and tables."""
    reader = _Reader(seg)
    i = 0
    while i < len(seg.lines):
        i = reader.read(i)
    r = reader
    return KeywordReading(
        r.title, r.blocks, r.followups, r.unsure, r.stray, r.consumed, r.explained
    )


class _Reader:
    """The pass down the page: what it has read, and the last decision and text before the line
    it is at (an ACTION line or owner label takes its task from them)."""

    def __init__(self, seg: Segmented) -> None:
        self.seg = seg
        lines = self.lines = seg.lines
        self.heading_units = {id(lines[k]) for k in seg.strong}
        self.minutes_ahead = before_items_minutes(lines, seg.headings)
        # tables whose header was lost: their rows are read by the candidate stage, not as prose
        _, self.tabled = inferred_tables(seg, [k for k, u in enumerate(lines) if u.text])
        self.tabled_units = {id(lines[k]) for k in self.tabled}
        # "ITEM ACTION" ... "RESOLVED:- (i) To agree ..." / "Michael Barry": an owner column's
        # cell on a line of its own ends the decision's text (the candidate stage reads it)
        self.cell_units = {id(lines[k]) for k in owner_cell_units(seg)}
        title, title_idx = find_title(lines)
        if title_idx & self.tabled:
            title, title_idx = None, set()  # a page opening on an action table's row: no title
        self.title, self.title_idx = title, title_idx
        self.minutes_idx = next(
            (
                i
                for i, ln in enumerate(lines)
                if ln.text and i not in title_idx and MINUTES_LINE_RE.match(ln.m)
            ),
            -1,
        )
        self.blocks: list[Block] = []
        self.followups: list[ExtractedFollowUp] = []
        self.unsure: list[Uncertainty] = []
        self.stray: dict[int, Uncertainty] = {}  # decision words outside a block, by unit
        self.consumed: set[int] = set(title_idx)
        self.previous: str | None = None
        self.decided: str | None = None  # the last decision read, for an action label under it
        self.explaining = ""  # "label" after "Reasons for the decision:", "read" in its paragraph
        self.explained: set[int] = set()  # those labels and paragraphs

    def stop(self, ln: Line) -> bool:
        """Whether `ln` ends the decision's or action's text being read."""
        return (
            id(ln) in self.heading_units
            or id(ln) in self.tabled_units
            or id(ln) in self.cell_units
            or stop_line(ln)
        )

    def read(self, i: int) -> int:
        """Read what stands at line `i`; the next line to read."""
        lines, ln = self.lines, self.lines[i]
        if not ln.text or i in self.title_idx or i in self.tabled:
            if i in self.title_idx and i in self.seg.headings:
                self.previous = ln.text  # "7. Defibrillator" taken as the title: a label's task
            if not ln.text and self.explaining == "read":
                self.explaining = ""  # the explanation is one paragraph
            return i + 1
        head, heading = decision_heading(lines, i, self.seg.headings)
        # the keyword glued after a point's last sentence, cut from it by the segmenter or not
        glued = head is not ln or (i > 0 and lines[i - 1].text and lines[i - 1].no == ln.no)
        ends_point = bool(glued and KEYWORD_ENDS_POINT_RE.match(head.text))
        label_outcome = outcome_after_label(lines, i)
        if heading is not None and label_outcome is not None:
            # "Previous Minutes: agreed" cut by the segmenter at its label: the whole line
            items = [RawItem(("",), [label_outcome], ln.no)]
            block = Block(heading, ln.no, label_outcome, items)
            block.end, block.item, block.pos = i + 1, self.seg.items[i], i
            self.blocks.append(block)
            self.consumed.add(i)
            self.previous = label_outcome
            return i + 1
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
            block.end, block.item, block.pos = i + 1, self.seg.items[i], i
            self.blocks.append(block)
            self.consumed.add(i)
            if not (_STATUS_FIELD_RE.match(ln.text) and self.previous is self.decided):
                self.previous = ln.text
            return i + 1
        if heading is not None:
            return self._block(i, head, heading)
        for reading in (self._summary, self._action_lines, self._table, self._label):
            nxt = reading(i)
            if nxt is not None:
                return nxt
        self._prose(i)
        return i + 1

    def _block(self, i: int, head: Line, heading: Heading) -> int:
        """The resolution block under the heading at line `i`: taken, or unsure why it is no
        decision, or passed over as a label over the real heading."""
        lines, seg, ln = self.lines, self.seg, self.lines[i]
        self.explaining = ""
        block = parse_block(lines, i, heading, self.stop, head)
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
            why := why_not_decided(
                seg, i, heading, head, block, self.minutes_idx, self.minutes_ahead
            )
        ) is not None:
            for item in block.items:
                self.unsure.append(Uncertainty(item.line, item.text, why))
        else:
            block.item = seg.items[i]
            block.pos = i
            self.blocks.append(block)
            self.unsure += block.unsure
        self.consumed.update(range(i, max(block.end, i + 1)))
        last = block.items[-1].text if block.items else last_text(lines, block.end - 1, i)
        if last is not None:
            self.previous = self.decided = last
        return max(block.end, i + 1)

    def _summary(self, i: int) -> int | None:
        """ "Action No. Page No. Action: To be completed by: 1 5 ...": an action summary's rows."""
        ln = self.lines[i]
        summary = summary_rows(ln)
        if summary is None:
            return None
        self.followups += summary[0]
        self.unsure += summary[1]
        self.consumed.add(i)
        self.previous = ln.text
        return i + 1

    def _action_lines(self, i: int) -> int | None:
        """ACTION lines (or an owner label under a decision) from line `i`, with the task they
        take from the text before them."""
        lines, seg, ln = self.lines, self.seg, self.lines[i]
        previous, decided = self.previous, self.decided
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
        if act is None:
            return None
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
        fus, uns, i = read_action_lines(lines, i, act, context, self.stop)
        self.consumed.update(range(start, i))
        # "Actions carried forward" / "Action – DK to ...": restated; but "Quotes to be
        # sought." / "Action SH" in an item reviewing earlier actions labels a new one
        restated = start in seg.earlier and not (
            start in seg.reviewing
            and names_owners_only(fus, ln)
            and not status_follows(lines, start, i)  # "Action – The Clerk" / "Action complete"
        )
        self._take(fus, uns, restated)
        return i

    def _take(self, fus: list[ExtractedFollowUp], uns: list[Uncertainty], restated: bool) -> None:
        """Take the follow-ups read; an earlier meeting's actions restated go to review."""
        if restated:
            uns += [Uncertainty(f.line, f.text, _HELD_OVER) for f in fus]
            fus = []
        self.followups += fus
        self.unsure += uns

    def _table(self, i: int) -> int | None:
        """An action table from line `i` (the last meeting's is restated, not taken)."""
        table = table_at(self.lines, i, self.stop)
        if table is None:
            return None
        fus, uns, end = table
        self.consumed.update(range(i, end))
        # the last meeting's table
        self._take(fus, uns, any(k in self.seg.earlier for k in range(i + 1, end)))
        return end

    def _label(self, i: int) -> int | None:
        """ "REASON FOR DECISION:", "Publication date: ..." are labels, not decisions; the
        paragraph under "Reasons for the decision" / "Alternative options" explains one."""
        ln = self.lines[i]
        if not (self.explaining or is_label(ln)):
            return None
        self.explained.add(i)
        em = EXPLAINING_RE.match(ln.m)
        if em is not None:
            rest = ln.m[em.end() :].strip(" :-")
            self.explaining = "read" if len(rest.split()) > 3 else "label"
        elif self.explaining:
            self.explaining = "read"
        self.previous = ln.text
        return i + 1

    def _prose(self, i: int) -> None:
        """A line of prose: its inline action labels, and a decision word outside them noted."""
        lines, ln, previous = self.lines, self.lines[i], self.previous
        if holds_action(ln.m):  # every inline label holds the word
            earlier = [lines[k].text for k in range(max(0, i - 4), i) if lines[k].text]
            fus, uns, spans = inline_actions(ln, previous, earlier)
        else:
            fus, uns, spans = [], [], []
        # "Action – DK to ..." under "Actions carried forward": restated
        self._take(fus, uns, i in self.seg.earlier)
        m = ln.m
        if spans:
            chars = list(m)
            for a, b in spans:
                chars[a:b] = " " * (b - a)
            m = "".join(chars)
        hit = None if spans else stray_decision(m)  # an action note explains the line
        if hit is not None:
            self.stray[i] = Uncertainty(
                ln.no,
                sentence_around(ln.text, hit.start(), hit.end(), len(ln.text)),  # whole
                f"mentions '{collapse(hit.group(0))}' outside a recognised resolution "
                "block or action; it may be a decision or action that was not read",
            )
        if spans and not owner_label_after_decision(ln, spans):
            self.consumed.add(i)
        if not PROPOSAL_RE.match(ln.m) and not (
            _STATUS_FIELD_RE.match(ln.text) and previous is self.decided
        ):
            self.previous = ln.text
