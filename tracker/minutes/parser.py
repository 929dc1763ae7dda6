"""Read decisions and follow-ups out of the text of UK council minutes.

`parse_minutes(text)` returns an `Extraction`: the item title, every resolution (number, kind,
verbatim text, line), every follow-up (owner, what, the resolution it came from) and every piece
of text that looked like a decision or an action but could not be read with confidence
(`unsure`). Standard library only; no I/O except `read_minutes_file`.

The pipeline
------------
1. `segment`: the layout-aware segmenter turns the text into units (table cells, flattened
   pages split into sentences or at each next item number, a sentence hard-wrapped after any
   word rejoined), each keeping its source line number, and finds item headings; `sections`
   marks agenda text, action logs, what sits under a "Proposal:" label and agenda pages;
   `columns` infers the columns of a table whose header was lost (" / ", "|", tabs, runs of
   spaces; owner, action, due and number columns read from the rows).
2. The keyword reader below (resolution headings, ACTION lines, action tables) reads the units.
3. `candidates` / `directives`: generators read what it left as candidates (prose decisions,
   motions, lost-label lists, directives, action-log rows) and `scoring` scores each on its
   context; `review` takes those above the threshold (with a `why`) and lists the rest, and
   every reported undertaking, in `unsure` with the reasons. Nothing is dropped silently.

How the text is read
--------------------
* Title: after an "Agenda item" line, the next non-blank line; otherwise the first short,
  heading-like line before any prose. Item numbers ("12.", "Item 7:", "45/23", "Minute No.
  45/23") are stripped. Standing items that end a block when they come after it ("Apologies
  for absence", "Declarations of Interest", "Minutes of the previous meeting", "Exclusion of
  the press and public" ...) are titles there; page labels ("Minutes:", "Present: ...",
  "Supporting documents", "Decision details") never are. A bare "Minutes" (no colon) after
  "Agenda item" is the title when a "Minutes:" label follows.
* A resolution block starts at a heading line: Resolved / RESOLVED that / Resolved - That the
  Committee: / It was RESOLVED that / AGREED / RECOMMENDED to Cabinet / Recommendation(s) /
  Noted / The Committee NOTED / Decision(s): (kind "resolved"), optionally after a paragraph
  number ("8.18 Resolved - ...", "45/23 RESOLVED", "Minute No. 45/23.2 RESOLVED"). The kind
  comes from the heading word. "Decision maker:"/"Decision status:" are labels; a heading with
  no text directly above another heading ("Decision:" then "Resolved: ...") is a label too. Lower-case "agreed",
  "noted", "decided" after a subject ("It was agreed that", "Members noted that") are prose,
  not headings; "agreed/resolved/recommended that|to" in prose is reported in `unsure`.
* Text on the heading line is either an introduction ("That the Committee:" - ends with ":" or
  is followed by numbered items; not a resolution itself) or a single resolution, numbered ""
  (or with the paragraph number written before the heading: "8.18 RESOLVED: That ..." -> "8.18").
  Text starting "that ..." is kept from "that" on; "The Committee NOTED the report" is kept whole.
* Items: 1) (1) 1. 1 a) (a) a. i) (ii) iv. 8.18, nested under the item above when a new list
  starts ("2.a", "2.a.i"). "i" after "h" (or "v" after "u", "x" after "w") continues the letters;
  otherwise "i" opening a list is roman. Items written on one line ("1) That A. 2) That B.") are
  split when their numbers run in sequence (also "RESOLVED that (a) ...; (b) ..."); "1." then "1.1" gives "1.1", not "1.1.1". Bullets
  (incl. "?" for a mis-encoded bullet; a different bullet character opens a nested list) and
  several unnumbered "That ..." paragraphs are numbered by position "1", "2", ... and an
  Uncertainty says so. A line continues the item above when it starts in lower case, or when
  it follows without a blank line and the item's text so far does not end a sentence.
* A block ends at "Supporting documents", "Minutes:", "Reasons for the decision", "The meeting
  ended", "Agenda item", a new heading, an ACTION line, an action table, a number that does not
  continue the list, or a blank line followed by prose that does not read as an item.
* Several blocks: all are collected in order. A resolution whose text repeats an earlier one
  word for word is dropped (with an Uncertainty). If a later block reuses numbers already taken,
  every number in that block is prefixed "B<k>." (k = the block's position, from 1): the second
  block's "1" becomes "B2.1", an unnumbered one "B2". An Uncertainty records the renumbering.
* Decision notices: label lines ("REASON FOR DECISION:", "Publication date: ...") and the one
  paragraph under "Reasons for the decision" / "Alternative options considered" explain the
  decision; they are neither resolutions nor reported in `unsure`.
* A "Recommendation(s)" heading before the "Minutes:" line of an agenda-item page is the
  report's recommendation, not a decision: it goes to `unsure`.
* Follow-ups come from ACTION lines ("ACTION - DSU to add ..."; owner = the words before " to "
  (or "will") as written; "ACTION: circulate the slides - Clerk" also works; an action naming
  only an owner, "(Action: JS)", takes the sentence before it as its text, with an
  Uncertainty), ACTIONS: lists, action tables (columns separated by tabs, 2+ spaces or "|",
  with a header naming an action column and an owner or due column; an unparsed due cell is
  kept in the text as "(due: March 2025)"), and from
  resolutions that ask someone for something. Owners read from resolutions are written as
  names: a leading "the" is dropped and a lower-case first word capitalised ("the Assistant
  Director for Early Help" -> "Assistant Director for Early Help", "the Committee" ->
  "Committee", "the service" -> "Service", "officers" -> "Officers"); the Committee is kept as
  an owner (what it will consider later is its work programme). Owners of ACTION lines and
  tables stay as written. A delegation ("delegates authority to the Director ..., in
  consultation with the Leader, to award ..."; "authority be delegated to X to ...") is a
  follow-up for the delegate, the consultee noted in the text. A resolution asking for work with
  no owner ("That a report be brought back ...") gives a follow-up with owner "" plus an
  Uncertainty. "That the Director be asked to: (a) ... (b) ..." gives one follow-up per item.
  Kind "noted" never gives follow-ups. `due` is an ISO date only when a full date with a day
  was found (after "by"/"before"/"due" in text, or in a table's due column).
* Markdown marks are read as the characters they mark ("\\*" is "*", "&lt;" is "<"), so the
  tracker's own draft minutes read back as the text recorded.
* Minutes that state their actions are listed in full ("There were no actions arising.", "All
  the actions arising from the meeting are listed here.": the tracker's own draft minutes)
  take follow-ups only from their ACTION lines, action tables and "(Action: X)" notes: a
  resolution's wording ("That the terms of reference be reviewed") and prose directives
  propose none, since the minutes already say every action arising.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from tracker.text import clean_document

from .actions import inline_actions, match_action_line, read_action_lines
from .assemble import assemble
from .block_model import Block, RawItem
from .blocks import parse_block
from .columns import inferred_tables
from .finish import decided_later, labels_win, not_decided, with_items
from .lists import decision_lead
from .markup import html_to_text, looks_like_html
from .models import (
    ExtractedFollowUp,
    Extraction,
    MinutesError,
    Uncertainty,
)
from .owner_rows import owner_cell_units
from .patterns import (
    LABEL_RE,
    MINUTES_LINE_RE,
    NEXT_ITEM_RE,
    Heading,
    ends_block,
    is_report_recommendation,
    match_heading,
    parse_marker,
    sentence_around,
    stray_decision,
)
from .requests import followups_for
from .review import read_candidates
from .segment import segment
from .tables import match_table_header, read_action_table
from .text import Line, check_text, collapse, markdown_unescape, read_minutes_file
from .titles import find_title
from .trailing import split_decision_runs, split_owner_labels

__all__ = ["MinutesError", "parse_minutes", "read_minutes_file"]


_TABLE_RULE_RE = re.compile(r"^[|\s]*\|[|\s\-:]*$")


def _stop(ln: Line) -> bool:
    """A line that ends any resolution block."""
    if ends_block(ln.m) or match_heading(ln.text, ln.m) or match_action_line(ln):
        return True
    if _TABLE_RULE_RE.match(ln.text):
        return True  # "|||||||||": the rule between a flattened table's rows
    if match_table_header(ln) is not None:
        return True
    mk = parse_marker(ln.text, ln.m)
    if mk is not None and mk.fmt != "bullet" and not mk.rest.endswith("."):
        rest = mk.rest
        return (
            ends_block(ln.m[mk.rest_start :])
            or bool(re.match(r"(?i)agenda\s+item|minutes\b", rest))
            or _agenda_heading(rest)
        )
    return False


_MID_LINE_HEADING_RE = re.compile(
    r"(?:(?:\band|,|;)\s+|[\u2013\u2014]\s*|(?<=\w)\s?-\s+"
    # "After discussion it wasRESOLVED to ...": the keyword glued to "it was"
    r"|(?<=\b[Ii]t\swas)(?=[A-Z]{4}))"
    r"(?:it\s+was\s+)?(?:(?:therefore|unanimously|duly)\s+)?"
    # "... seconded by Councillor B and Resolved - That ...": capitalised after "and" as the
    # motion's outcome ("It was proposed, seconded and Resolved: That ..." too); "and RESOLVED,
    # that - ...": a comma before its clause; "... and RESOLVED by all that the notes be signed."
    r"(?P<kw>RESOLVED|AGREED|(?<=was\s)resolved|(?<=\band\s)(?:Resolved|Agreed))"
    r"(?=\s*(?:,\s*)?(?:by\s+all(?:\s+present)?\s+)?(?:[:\-]|that\b|to\b|$))"
)
_MID_LINE_LEAD_IN_RE = re.compile(
    r"(?<=[.!?]\s)it\s+was\s+(?:unanimously\s+)?(?P<kw>resolved|agreed)(?=\s+(?:to|that)\s*:\s)",
    re.I,
)
_EXPLAINING_RE = re.compile(
    r"^(?:reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?)|alternative\s+options)",
    re.I,
)
_SMALL_WORDS = {"of", "and", "the", "for", "to", "in", "on", "a", "an", "&", "-", "with", "at"}


def _agenda_heading(rest: str) -> bool:
    """ "Early Help Strategy", "Declarations of Interest": the title of the next agenda item."""
    words = rest.split()
    if not words or len(words) > 10 or rest.endswith((".", ";", ":", ",")):
        return False
    if words[0].lower() in ("that", "the", "to", "a", "an"):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def _is_label(ln: Line) -> bool:
    """A label line of a minutes page or decision notice ("Publication date: 14/04/2025",
    "REASON FOR DECISION:"), short enough not to hide a decision in prose."""
    if not (LABEL_RE.match(ln.m) or NEXT_ITEM_RE.match(ln.m)):
        return False
    return ln.text.endswith(":") or (len(ln.text.split()) <= 8 and not ln.text.endswith("."))


_PROPOSAL_RE = re.compile(r"^proposal\s*:", re.I)
_KEYWORD_ENDS_POINT_RE = re.compile(
    r"^(?:RESOLVED|AGREED)(?:\s+(?:unanimously|accordingly|nem\.?\s*con))?\s*\.$", re.I
)
_WHOLE_OUTCOME_RE = re.compile(r"^(?:agreed|noted|received|approved)\s*\.$", re.I)
# "Previous Minutes: agreed", "Accounts - Approved": a keyword alone after a label on its line
# is that line's outcome, not a heading over the paragraph below
_KEYWORD_ALONE_RE = re.compile(r"^(?:agreed|approved|resolved|noted)\s*\.?$", re.I)
_LABEL_END_RE = re.compile(r"[:\-\u2013\u2014]\s*$")
# "NOTED: The police report was received ...": a note of what the meeting heard; the judging
# rules score text under RESOLVED, AGREED, DECISION, not under this label ("Noted." alone is)
_NOTED_LABEL_RE = re.compile(
    r"^(?:[\u00b7\u2022*\-]\s+)?(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?noted\s*(?:[:\-\u2013]|$)",
    re.I,
)

# "It was noted:", "The Panel noted that:-" over bullets: what the meeting heard, as "Members
# noted that ..." (rule 6), not a decision; "The Board NOTED:" in capitals is left to the keyword
_NOTED_BY_RE = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?(?:it\s+was|members|(?:the\s+)?(?:[\w&'\u2019-]+\s+)"
    r"{0,4}?(?:board|committee|sub-committee|panel|council|cabinet|group|forum|partnership"
    r"|meeting|members))\s+(?:(?:also|further|then)\s+)?(?-i:noted)(?:\s+that)?\s*[:\-]+\s*$",
    re.I,
)

# "Members NOTED that the bank balance was ...": what the members heard (rule 6), in capitals
# too; "The Board NOTED" is the body's decision word (the boards' reading), bare members are not
_MEMBERS_NOTED_RE = re.compile(
    r"^(?:[\u00b7\u2022*\-]\s+)?(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+)?members\s+noted\b", re.I
)


def _whole_outcome(text: str) -> bool:
    return bool(_WHOLE_OUTCOME_RE.match(text))


def _label_outcome(lines: Sequence[Line], i: int) -> str | None:
    """The whole source line when unit `i` is a keyword alone that the segmenter cut from a
    label on the same line ("Previous Minutes:" + "agreed"); None otherwise."""
    ln = lines[i]
    if not _KEYWORD_ALONE_RE.match(ln.text):
        return None
    k = i
    while k > 0 and lines[k - 1].text and lines[k - 1].no == ln.no:
        k -= 1
    if k == i or not _LABEL_END_RE.search(lines[i - 1].text):
        return None
    if match_heading(lines[k].text, lines[k].m) is not None:
        return None  # "Resolved:" + "agreed": a keyword's own label
    whole = " ".join(lines[j].text for j in range(k, i + 1))
    return re.sub(r"^\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+", "", whole)  # less the item's number


def _title_heading(h: Heading) -> bool:
    words = h.inline.split()
    return (
        h.keyword in ("resolution", "resolutions", "decision", "decisions")
        and bool(words)
        and h.inline.upper() == h.inline
    )


_HELD_OVER = (
    "unsure: under a label of actions carried forward from earlier meetings; an earlier "
    "meeting's action restated, not taken as this meeting's"
)


def _last_text(lines: Sequence[Line], k: int, floor: int) -> str | None:
    while k > floor:
        if lines[k].text:
            return lines[k].text
        k -= 1
    return None


# Minutes that say their ACTION lines are every action arising ("There were no actions
# arising."; "All the actions arising from the meeting are listed here.", as the tracker's own
# draft minutes do): follow-ups come from those lines only, not from a resolution's wording.
_ACTIONS_LISTED_RE = re.compile(
    r"^\W*(?:\d+\.\s*)?(?:there\s+were\s+no\s+actions\s+arising|all\s+the\s+actions\s+arising"
    r"\s+from\s+the\s+meeting\s+are\s+listed\s+(?:here|below))\b",
    re.I,
)


def actions_listed_in_full(lines: Sequence[Line]) -> bool:
    return any(_ACTIONS_LISTED_RE.match(ln.m) for ln in lines)


# "If so, to formally pass the following resolution:-" then "RESOLVED - That the press and public
# be excluded ...": an agenda's model wording, not the meeting's decision
_PROPOSED_RESOLUTION_RE = re.compile(
    r"\b(?:pass|move|adopt)\s+the\s+following\s+resolution\s*:?-?\s*$", re.I
)


def _proposes_resolution(lines: Sequence[Line], i: int) -> bool:
    k = i - 1
    while k >= 0 and not lines[k].text:
        k -= 1
    return k >= 0 and bool(_PROPOSED_RESOLUTION_RE.search(lines[k].text))


def _heading_at(lines: Sequence[Line], i: int) -> bool:
    return i < len(lines) and match_heading(lines[i].text, lines[i].m) is not None


_BULLETED_VERB_RE = re.compile(
    r"^[\u00b7\u2022\u25aa\u25cf\uf0b7*\-]\s+[A-Z]{4,}\s+(?:the|a|an|to)\b"
)


_TAIL_VERB_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|to|will|would|has|have|had|should)\b|\w(?:ed|ing)\b", re.I
)


def _wrapped_tail(text: str) -> bool:
    """ "Year 2007 - 2008.": a few words with no verb, left over from the line before."""
    t = text.strip()
    return (
        bool(t)
        and len(t.split()) <= 6
        and t[:1].isalnum()
        and not re.search(r"[.!?:;]\s", t)
        and not _TAIL_VERB_RE.search(t)
    )


def _bulleted_under_lead_in(lines: Sequence[Line], i: int) -> bool:
    """ "The Integration Joint Board:" then "• NOTED the progress ...", "• APPROVED the plan":
    a decision word in capitals opening a bullet under the body's lead-in is one item of its
    list, as "• noted the progress ..." is, not a keyword over the lines after it."""
    if not _BULLETED_VERB_RE.match(lines[i].m):
        return False
    k = i - 1
    while k >= 0 and (not lines[k].text or _BULLETED_VERB_RE.match(lines[k].m)):
        k -= 1
    return k >= 0 and decision_lead(lines[k].text)


def parse_minutes(text: str) -> Extraction:
    """Parse minutes text. Raises MinutesError only for empty/whitespace-only/binary input;
    text without any resolution gives an Extraction with no resolutions."""
    check_text(text)
    if looks_like_html(text):
        text = html_to_text(text)  # a web page saved as it was (line numbers: of its text)
        if not text.strip():
            raise MinutesError("the page has no text once its HTML markup is removed")
    text = clean_document(text)  # pasted from a PDF: page breaks, stray control characters
    text = markdown_unescape(text)  # Markdown (our draft minutes): "\\*" is "*"
    seg = segment(text)
    lines = seg.lines
    heading_units = {id(lines[k]) for k in seg.strong}

    # tables whose header was lost: their rows are read by the candidate stage, not as prose
    _, tabled = inferred_tables(seg, [k for k, u in enumerate(lines) if u.text])
    tabled_units = {id(lines[k]) for k in tabled}

    # "ITEM ACTION" ... "RESOLVED:- (i) To agree ..." / "Michael Barry": an owner column's cell
    # on a line of its own ends the decision's text (the candidate stage reads it)
    cell_units = {id(lines[k]) for k in owner_cell_units(seg)}

    def stop(ln: Line) -> bool:
        return (
            id(ln) in heading_units or id(ln) in tabled_units or id(ln) in cell_units or _stop(ln)
        )

    title, title_idx = find_title(lines)
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
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.text or i in title_idx or i in tabled:
            if not ln.text and explaining == "read":
                explaining = ""  # the explanation is one paragraph
            i += 1
            continue
        head = ln
        heading = match_heading(ln.text, ln.m)
        if heading is None:
            # "It was moved by Cllr A, seconded by Cllr B, and RESOLVED that ...", "... a report.
            # It was resolved to: A Note ... B Note ...": a lead-in after the sentence before
            mid = _MID_LINE_HEADING_RE.search(ln.m) or _MID_LINE_LEAD_IN_RE.search(ln.m)
            if mid is not None:
                part = ln.text[mid.start("kw") :]
                head = Line(ln.no, ln.raw, part, ln.m[mid.start("kw") :])
                heading = match_heading(head.text, head.m)
        if heading is not None and head is ln and _bulleted_under_lead_in(lines, i):
            heading = None  # "The Board:" / "• NOTED the ..." / "• APPROVED ...": the list's item
        if heading is not None and i in seg.headings and _title_heading(heading):
            heading = None  # "18/17 RESOLUTION TO MEET IN CLOSED SESSION": an item's title
        # the keyword glued after a point's last sentence, cut from it by the segmenter or not
        glued = head is not ln or (i > 0 and lines[i - 1].text and lines[i - 1].no == ln.no)
        ends_point = bool(glued and _KEYWORD_ENDS_POINT_RE.match(head.text))
        label_outcome = _label_outcome(lines, i)
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
        if heading is not None and not heading.inline and (_whole_outcome(ln.text) or ends_point):
            # "Agreed." alone, or "... for 2020 - RESOLVED unanimously." ending a point: the
            # keyword is the item's outcome (not a label over the next paragraph)
            text = head.text if ends_point else ln.text
            block = Block(heading, ln.no, text, [RawItem(("",), [text], ln.no)])
            block.end, block.item, block.pos = i + 1, seg.items[i], i
            blocks.append(block)
            consumed.add(i)
            previous = ln.text
            i += 1
            continue
        if heading is not None:
            explaining = ""
            block = parse_block(lines, i, heading, stop, head)
            if not block.items and _heading_at(lines, block.end):
                pass  # "Decision:" then "Resolved: ...": a label over the real heading
            elif (i < minutes_idx or seg.agenda_page) and is_report_recommendation(heading):
                for item in block.items:
                    unsure.append(
                        Uncertainty(
                            item.line,
                            item.text,
                            "a recommendation in the item's "
                            "summary (before 'Minutes:'), not a minuted decision",
                        )
                    )
            elif heading.keyword == "noted" and (
                _NOTED_LABEL_RE.match(head.m)
                and not any(re.match(r"that\b", it.text, re.I) for it in block.items)
                or _NOTED_BY_RE.match(head.m)
                or _MEMBERS_NOTED_RE.match(head.m)
            ):  # "Noted:" over "1) That the report be noted.": a resolution's own formula
                for item in block.items:
                    unsure.append(
                        Uncertainty(
                            item.line,
                            item.text,
                            "under a 'NOTED' label: a note of what the meeting heard, not a "
                            "decision under RESOLVED, AGREED or DECISION",
                        )
                    )
            elif (i < minutes_idx or seg.agenda_page) and _proposes_resolution(lines, i):
                for item in block.items:
                    unsure.append(
                        Uncertainty(
                            item.line,
                            item.text,
                            "the resolution the agenda proposes ('to pass the following "
                            "resolution'), before 'Minutes:'; not one the meeting passed",
                        )
                    )
            else:
                block.item = seg.items[i]
                block.pos = i
                blocks.append(block)
                unsure += block.unsure
            consumed.update(range(i, max(block.end, i + 1)))
            last = block.items[-1].text if block.items else _last_text(lines, block.end - 1, i)
            if last is not None:
                previous = decided = last
            i = max(block.end, i + 1)
            continue
        act = match_action_line(ln)
        if act is not None:
            start = i
            context = previous
            if decided and previous and previous is not decided and _wrapped_tail(previous):
                # "That Councillor D. Jones be elected Chair ... for the Municipal" / "" / "Year
                # 2007 - 2008." / "Action by: ...": the decision wrapped over a blank line
                context = f"{decided} {previous}"
            fus, uns, i = read_action_lines(lines, i, act, context, stop)
            consumed.update(range(start, i))
            if start in seg.earlier:  # "Actions carried forward" / "Action – DK to ...": restated
                uns += [Uncertainty(f.line, f.text, _HELD_OVER) for f in fus]
                fus = []
            followups += fus
            unsure += uns
            continue
        roles = match_table_header(ln)
        if roles is not None:
            start = i
            fus, uns, i = read_action_table(lines, i, roles, stop)
            consumed.update(range(start, i))
            followups += fus
            unsure += uns
            continue
        if explaining or _is_label(ln):
            # "REASON FOR DECISION:", "Publication date: ..." are labels, not decisions; the
            # paragraph under "Reasons for the decision" / "Alternative options" explains one
            em = _EXPLAINING_RE.match(ln.m)
            if em is not None:
                rest = ln.m[em.end() :].strip(" :-")
                explaining = "read" if len(rest.split()) > 3 else "label"
            elif explaining:
                explaining = "read"
            previous = ln.text
            i += 1
            continue
        earlier = [lines[k].text for k in range(max(0, i - 4), i) if lines[k].text]
        fus, uns, spans = inline_actions(ln, previous, earlier)
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
                sentence_around(ln.text, hit.start(), hit.end()),
                f"mentions '{collapse(hit.group(0))}' outside a recognised resolution "
                "block or action; it may be a decision or action that was not read",
            )
        if spans:
            consumed.add(i)
        if not _PROPOSAL_RE.match(ln.m):
            previous = ln.text
        i += 1

    free = [k for k in range(len(lines)) if k not in consumed]
    more_blocks, fus, uns, explained = read_candidates(seg, free)
    listed = actions_listed_in_full(lines)
    if listed:  # the minutes list every action: prose proposes none
        fus = []
    blocks = sorted(blocks + more_blocks, key=lambda b: b.pos)
    marks = sorted(seg.headings | seg.strong)
    for blk in blocks:
        at = bisect.bisect_right(marks, blk.pos)
        blk.section = marks[at - 1] if at else -1
    blocks, preamble = decided_later(blocks)
    unsure += preamble
    followups += fus
    unsure += uns
    unsure += [u for k, u in stray.items() if k not in explained]
    resolutions, intros, more = assemble(blocks)
    unsure += more
    resolutions, labelled = split_owner_labels(split_decision_runs(resolutions))
    followups += labelled
    for res in resolutions if not listed else ():
        fus, uns = followups_for(res, intros.get(res.number))
        followups += fus
        unsure += uns
    followups = with_items(labels_win(followups), seg.lines, seg.items)
    if not seg.kind.decides:  # an agenda, a report: what it holds goes to review, not dropped
        resolutions, followups, more = not_decided(seg.kind, resolutions, followups)
        unsure += more
    followups.sort(key=lambda f: f.line)
    unsure.sort(key=lambda u: u.line)
    return Extraction(title, tuple(resolutions), tuple(followups), tuple(unsure))
