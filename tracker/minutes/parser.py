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
2. The keyword reader (`keyword_reader`, its line tests in `keyword_lines`: resolution headings
   read by `blocks`, ACTION lines, action tables) reads the units.
3. `candidates` / `directives`: generators read what it left as candidates (prose decisions,
   motions, lost-label lists, directives, action-log rows) and `scoring` scores each on its
   context; `review` takes those above the threshold (with a `why`) and lists the rest, and
   every reported undertaking, in `unsure` with the reasons. Nothing is dropped silently.
4. `learnt.proposer`: every sentence of a unit no rule read is scored by a small logistic
   regression trained on the corpus's development pages only (`learnt.train`); above its
   threshold it is a resolution candidate ("learnt; model 0.97: starts 'that', ..."), a little
   below it goes to `unsure` with the same reasons.

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
* Several blocks: all are collected in order. A decision the page prints twice within one item
  (under "Decision:" and again under "Minutes:") is counted as printed, both times, with an
  Uncertainty saying so, and asks for its follow-ups once; the same line read twice is counted
  once. If a later block reuses numbers already taken (each item numbering its resolutions
  afresh), every number of the page under an item is told apart by that item as the page prints
  it: item 7's "(2)" becomes "7 (2)", an unnumbered one "7"; one its item does not tell apart
  adds its line ("7, line 40 (2)", "line 40"); on a page that prints no item they are numbered
  in the page's order ("1", "2", "3"). Numbers that never repeat stay as printed
  (numbering.py; `ExtractedResolution.printed` keeps the page's own number). An Uncertainty at
  the later block's heading says so.
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
from collections.abc import Callable, Sequence
from dataclasses import replace

from tracker.text import clean_document

from .action_like import action_like
from .assemble import assemble
from .decision_net import decision_net
from .finish import decided_later, items_where_said, labels_win, not_decided, with_items
from .item_ranking import chosen_items
from .keyword_reader import read_keywords
from .markup import html_to_text, looks_like_html
from .models import (
    ExtractedFollowUp,
    ExtractedResolution,
    Extraction,
    MinutesError,
    PageUnit,
    Uncertainty,
)
from .motion_lines import movers_left_off
from .not_decisions import not_decisions
from .numbering import requalified
from .page import page_units
from .requests import followups_for
from .review import read_candidates
from .row_numbers import segment_page
from .segment import Segmented
from .text import SOFT_BREAK_RE, Line, check_text, markdown_unescape, read_minutes_file
from .trailing import split_decision_runs, split_owner_labels
from .wrapped import printed_line

__all__ = ["MinutesError", "parse_minutes", "read_minutes_file", "read_page"]


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


def prepared(text: str) -> str:
    """The text the segmenter reads: markup removed, a PDF's artefacts cleaned."""
    check_text(text)
    if looks_like_html(text):
        text = html_to_text(text)  # a web page saved as it was (line numbers: of its text)
        if not text.strip():
            raise MinutesError("the page has no text once its HTML markup is removed")
    # a page break or soft return cuts a unit but is no line of the file: the line numbers
    # shown are an editor's (clean_document would make each a line break)
    text = SOFT_BREAK_RE.sub("\u2028", text)
    text = clean_document(text)  # pasted from a PDF: stray control characters
    return markdown_unescape(text)  # Markdown (our draft minutes): "\\*" is "*"


# Chooses each resolution's item number once the rules have given one (`item_ranking`)
ItemChooser = Callable[
    [Segmented, list[ExtractedResolution]], tuple[list[ExtractedResolution], list[Uncertainty]]
]


def parse_minutes(text: str) -> Extraction:
    """Parse minutes text. Raises MinutesError only for empty/whitespace-only/binary input;
    text without any resolution gives an Extraction with no resolutions."""
    return parse_with(text, chosen_items)


def parse_with(text: str, choose: ItemChooser) -> Extraction:
    """`parse_minutes` with the item numbers chosen by `choose` (the learnt ranking's training
    reads the rules' numbers through it)."""
    return _read(text, choose)[0]


def read_page(text: str) -> tuple[Extraction, tuple[PageUnit, ...]]:
    """`parse_minutes`, and the whole page as it was cut: every unit in order with its line,
    its item and what the reader made of it (`page.page_units`), from the same reading."""
    ex, seg, found = _read(text, chosen_items)
    return ex, page_units(seg, prepared(text).split("\n"), *found)


_Found = tuple[list[ExtractedResolution], list[ExtractedFollowUp], list[Uncertainty]]


def _read(text: str, choose: ItemChooser) -> tuple[Extraction, Segmented, _Found]:
    """The extraction, the units it was read from, and what it took and listed at the units'
    own line numbers (before a hard-wrapped flattened page's printed lines)."""
    seg = segment_page(prepared(text))
    lines = seg.lines
    kw = read_keywords(seg)
    title, blocks, followups = kw.title, kw.blocks, kw.followups
    unsure, stray, consumed = kw.unsure, kw.stray, kw.consumed

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
    blocks, empty = not_decisions(blocks, lines)
    unsure += empty
    followups += fus
    unsure += uns
    unsure += [u for k, u in stray.items() if k not in explained]
    resolutions, intros, more = assemble(blocks)
    resolutions = [replace(r, text=movers_left_off(r.text)) for r in resolutions]
    unsure += more
    resolutions, labelled = split_owner_labels(split_decision_runs(resolutions))
    followups += labelled
    rules_items = {r.number: r.item for r in resolutions}
    resolutions, why_items = choose(seg, resolutions)
    unsure += why_items
    # told apart by the items chosen (a resolution moved to another item takes its number)
    resolutions, renamed = requalified(resolutions)
    if renamed:
        rules_items = {renamed.get(n, n): it for n, it in rules_items.items()}
        intros = {renamed.get(n, n): t for n, t in intros.items()}
        followups = [
            replace(f, resolution=renamed[f.resolution]) if f.resolution in renamed else f
            for f in followups
        ]
    chosen = {r.number: r.item for r in resolutions if rules_items.get(r.number) != r.item}
    derived: set[tuple[str, str]] = set()
    for res in resolutions if not listed else ():
        once = (res.item, " ".join(res.text.lower().split()))
        if once in derived:  # a decision printed twice asks for its work once
            continue
        derived.add(once)
        fus, uns = followups_for(res, intros.get(res.number))
        followups += fus
        unsure += uns
    followups = with_items(labels_win(followups), seg.lines, seg.items)
    # the work a resolution asks for sits under the item chosen for the resolution
    followups = [
        replace(f, item=chosen[f.resolution]) if f.resolution in chosen else f for f in followups
    ]
    if not seg.kind.decides:  # an agenda, a report: what it holds goes to review, not dropped
        resolutions, followups, more = not_decided(seg.kind, resolutions, followups)
        unsure += more
    placed = [(r.line, r.text) for r in resolutions] + [(f.line, f.text) for f in followups]
    quiet = consumed | kw.explaining  # read, or a decision notice's labels and reasons
    # a sentence that says the body decided something that nothing took or listed (each one),
    # then every other that reads as the meeting's decision, within the page's budget (review)
    unsure += decision_net(seg, quiet, placed + [(u.line, u.text) for u in unsure], len(unsure))
    # a piece that reads as a task somebody was given that nothing took or listed (review only)
    unsure += action_like(seg, quiet, placed + [(u.line, u.text) for u in unsure], len(unsure))
    # where an officer taking one finds it: the item in force at the unit that holds it
    unsure = items_where_said(unsure, seg.lines, seg.items)
    found = (resolutions, followups, unsure)
    if seg.runs:  # a flattened page hard-wrapped: each read at the printed line it starts on
        resolutions = [replace(r, line=printed_line(seg.runs, r.line, r.text)) for r in resolutions]
        followups = [replace(f, line=printed_line(seg.runs, f.line, f.text)) for f in followups]
        unsure = [replace(u, line=printed_line(seg.runs, u.line, u.text)) for u in unsure]
    followups.sort(key=lambda f: f.line)
    unsure.sort(key=lambda u: u.line)
    return Extraction(title, tuple(resolutions), tuple(followups), tuple(unsure)), seg, found
