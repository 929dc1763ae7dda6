"""Candidate generators and the scoring stage.

The keyword reader (`parser` + `blocks`) takes what sits under a decision keyword. What it
leaves, these generators read as *candidates*: prose decisions ("It was agreed that ..."),
motions with their outcome, bare "That ... be ..." clauses and lists whose "Resolved" label was
lost, standalone "<owner> to <verb>" directives and action-log rows. Each candidate carries the
features it was scored on, in words, so the review screen can say why it was taken or left
("prose decision, subject is the Board; says what is to be ('be ...')"). A candidate scoring
below `THRESHOLD` is not taken but goes to the review list (never dropped); undertakings ("It
was agreed that X would ...") go there too, marked as such.

The generators live in their own modules (`prose_decisions`, `decision_words`, `motions`,
`lists`, `directives`, `owner_rows`, ...); this one runs them in order over the units still
free, so that what one reads another does not read again, and scores every candidate on where
it sits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .agreed_rows import agreed_list_rows
from .approvals import minutes_approvals, nominations
from .bare_clauses import bare_clauses
from .columns import inferred_tables
from .decision_rows import decision_rows
from .decision_words import (
    capital_approvals,
    midline_keywords,
    noted_openers,
    outcome_sentences,
)
from .directives import directives
from .flat_cells import numbered_rows_in_a_unit
from .glued_lines import AGREED_TAIL
from .lead_lines import following_leads
from .lists import unlabelled_lists
from .logrows import log_rows
from .maker_decisions import dated_decisions, maker_decisions
from .motions import motions
from .owner_rows import (
    owner_cells,
    owner_due_rows,
    owner_lists,
    trailing_cells,
    trailing_owners,
)
from .pagekind import shows_attendance
from .parish_actions import parish_actions
from .parish_leads import data_list_leads
from .planning import planning_responses
from .prose_decisions import prose_decisions
from .scoring import THRESHOLD, Candidate, context_features
from .segment import Segmented

__all__ = ["THRESHOLD", "Candidate", "generate"]


_DECISION_AFTER_TITLE_RE = re.compile(
    # "5. Planning – It was agreed to support ...": a dash between the title and its decision
    r"(?:[.:;\u2026]|\s[\u2013\u2014\-])\s+(?:it\s+was\s+(?:\w+\s+){0,2}?(?:resolved|agreed|decided)"
    r"|the\s+(?:\w+\s+){1,2}?(?:resolved|agreed|decided))\s+(?:that|to|not|unanimously)\b",
    re.I,
)


# "72/13 DECLARATIONS OF INTEREST RESOLVED to note ...": a short heading holding its decision
_KEYWORD_AFTER_TITLE_RE = re.compile(
    r"[A-Za-z]\s+(?:RESOLVED|AGREED)\s*[:\-\u2013]?\s*(?:to|that)\s"
)
_CAPS_OUTCOME_HEAD_RE = re.compile(
    r"\S\s*[:\u2013\-]\s+(?:APPROVED|AGREED|RESOLVED)\s*\.?$"
    # "16/226 Draft Minutes of the meeting held on 6th July 2016:Agreed.", "4. Minutes of the
    # meeting held on 6th July - Agreed": the minutes item's title and its outcome on one line
    r"|(?i:\b(?:minutes|notes)\b.*\S(?:\s*:\s*|\s+[:\u2013\-]\s+))(?:Approved|Agreed|Resolved)"
    rf"(?:(?<=Agreed){AGREED_TAIL})?\s*\.?$"
    # "3. MINUTES OF PREVIOUS AGM - May 2019 Agreed.": the date of the minutes, then the outcome
    r"|(?i:\bminutes\b.*\b(?:19|20)\d\d)\s+(?:Approved|Agreed)\s*\.?$"
)


# a sentence that opens with the motion's outcome and its mover: "Approved on the motion of
# Councillor A seconded by Councillor B ...", "Agreed, on the proposal of A, ..."
_OUTCOME_FIRST_RE = re.compile(
    r"^(?:approved|agreed|adopted|carried|accepted)\s*,?\s+(?:on\s+the\s+(?:motion|proposal"
    r"|proposition)\s+of|(?:as\s+)?(?:proposed|moved)\s+by)\b",
    re.I,
)


def generate(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """Every candidate in the units not already read by the keyword reader."""
    sheet, spanned = log_rows(seg)  # a numbered action sheet is read row by row
    agreed, rows = agreed_list_rows(seg, free)  # the rows of an "Actions agreed" list
    sheet, spanned = sheet + agreed, spanned | rows
    weak = [i for i in free if seg.lines[i].text and i not in spanned]  # owner columns too
    table, columned = inferred_tables(seg, [i for i in weak if i not in seg.agenda])
    sheet += table  # a table whose header was lost: its columns read from its rows
    weak = [i for i in weak if i not in columned]
    free = [i for i in weak if i not in seg.headings]
    # "The Governing Body APPROVED the following:" over one decision a line: read here only
    led, covered = following_leads(seg, free, [i for i in weak if i in seg.headings])
    free = [i for i in free if i not in covered]
    weak = [i for i in weak if i not in covered]
    head = " ".join(ln.text for ln in seg.lines[:40] if ln.text)[:4000]
    # "Report of the Director ..." heads an officer's report; a page listing who attended is
    # minutes, whatever reports its items received
    is_report = (
        bool(re.search(r"\breport of the\b", head, re.I))
        and not re.search(r"\bminutes\s*:", head, re.I)
        and not shows_attendance(seg.lines)
    )
    # "Item 5: Better Care Fund The Board agreed that ...": a heading glued to its item's text
    # (a page flattened onto one line) is read as prose too
    # "Min. No. 23/45: Apologies. It was resolved to accept ...": a short title, then its
    # decision as the next sentence of the same unit
    glued = sorted(
        set(free)
        | {
            i
            for i in weak
            if i in seg.headings
            and (
                len(seg.lines[i].text.split()) > 12
                or _DECISION_AFTER_TITLE_RE.search(seg.lines[i].text)
                or _KEYWORD_AFTER_TITLE_RE.search(seg.lines[i].text)
            )
        }
    )
    # "Proposed : A Seconded : B Vote : ... Resolution : ...": a flattened row's cells; the
    # motion reader would read its movers' cells as the motion
    flat_rows = decision_rows(seg, glued)
    glued = [i for i in glued if i not in {c.index for c in flat_rows}]
    cands = prose_decisions(seg, glued)
    for c in cands:
        context_features(seg, c, is_report)
        if c.kind == "resolution" and _OUTCOME_FIRST_RE.match(c.sentence or ""):
            # "Approved on the motion of A seconded by B with the exception of paragraph 10
            # where it was agreed to remit ...": the clause is part of the motion's sentence,
            # which is the decision (read whole by the motion reader)
            c.feature("a clause of the motion's sentence ('Approved on the motion of ...')", -0.5)
    prose = {
        c.index
        for c in cands
        if c.kind == "resolution" and not _OUTCOME_FIRST_RE.match(c.sentence or "")
    }
    # "It was agreed that ... . Proposed A, seconded B, all in favour.": the prose decision
    # carries the text; the motion around it adds nothing
    # a motion glued to its item's title ("3. Minutes of ... - The minutes were agreed ...,
    # being proposed by A and seconded by B.") is read like a prose decision glued to it
    # the previous minutes approved with their mover, and nominations with their outcome, are
    # read before the general motion reader, which would find no outcome word in them
    moved = minutes_approvals(seg, glued, frozenset(prose))
    moved += nominations(seg, [i for i in glued if i not in prose])
    # a prose decision inside the motion's own text ("Approved on the motion of A seconded by B
    # with the exception of ... where it was agreed to remit ...") is part of that motion: it
    # goes to review with its reason, not taken twice and not dropped
    for c in cands:
        inside = any(m.index == c.index and c.sentence.strip() in m.text for m in moved)
        if inside and not _OUTCOME_FIRST_RE.match(c.sentence or ""):
            c.feature("a clause of the motion's sentence, read whole with its movers", -0.5)
    cands += moved + flat_rows
    prose |= {c.index for c in moved}
    # "Resolved to approve the minutes ... . Agreed by all. (Proposed A, seconded B)": the
    # keyword inside the sentence carries the decision; the motion is its vote, read once
    midline = midline_keywords(seg, glued)
    keyed = {
        c.index
        for c in midline
        # its own clause, the movers in brackets before it or not ("AGREED (proposed A,
        # seconded B) to insert ..."); "... seconded by B and AGREED." is the motion's outcome
        if c.kind == "resolution"
        and re.match(r"(?:\([^()]{0,120}\)\s*)?(?:that|to)\s+\w", c.text, re.I)
    }
    # "... were ratified." / "Proposed: A. Seconded: B. All in favour.": the movers' unit joined
    # to the approval above it is that motion's, not a motion of its own
    cands += [
        c
        for c in motions(seg, glued)
        if ((c.index not in prose and c.index not in keyed) or c.text.lower().startswith("that"))
        and not any(
            " ".join(c.text.split())[:40] in " ".join(m.text.split())
            for m in moved
            if 0 < c.index - m.index <= 3
        )
    ]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    cands += [c for c in midline if c.index not in taken_lines]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    cands += [c for c in capital_approvals(seg, glued) if c.index not in taken_lines]
    cands += [c for c in noted_openers(seg, free) if c.index not in prose]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    # "20.07 i Draft accounts ... as distributed: APPROVED.": a numbered line that is an item's
    # heading and its outcome at once
    outcome_heads = {
        i
        for i in seg.headings
        if _CAPS_OUTCOME_HEAD_RE.search(seg.lines[i].text) and i not in taken_lines
    }
    cands += [
        c
        for c in outcome_sentences(seg, sorted(set(free) | outcome_heads))
        if c.index not in taken_lines
    ]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    cands += [c for c in bare_clauses(seg, free) if c.index not in taken_lines]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    cands += [c for c in maker_decisions(seg, free) if c.index not in taken_lines]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    cands += [c for c in dated_decisions(seg, free) if c.index not in taken_lines]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    # "3. Planning Application 20/18688/FUL – Pwll Court Farm. No objections ...": an item's
    # heading may hold its response
    cands += [c for c in planning_responses(seg, glued) if c.index not in taken_lines]
    taken_lines = {c.index for c in cands if c.kind == "resolution"}
    cands += [c for c in unlabelled_lists(seg, free) if c.index not in taken_lines]
    cands += data_list_leads(seg, [i for i in free if i not in taken_lines])  # "Roles agreed:"
    # a numbered paragraph ("4.2 Item 4.2.3 - EW to contact ...") opens an item and holds text
    paragraphs = [
        i
        for i in weak
        if i in seg.headings
        # "6.2 Cllr Shaw to ...", "6.1.2 JB to contact ...": two or three levels
        and re.match(r"\d{1,3}(?:\.\d{1,3}){1,2}\s", seg.lines[i].text)
        and len(seg.lines[i].text.split()) > 6
    ]
    # "1. Constitution A constitution should be adopted ... - IH to obtain a draft": an item's
    # heading holding its minute, whose last clause is a directive
    titled = {
        i
        for i in weak
        if i in seg.headings and i not in paragraphs and len(seg.lines[i].text.split()) > 12
    }
    cands += directives(seg, sorted(set(free) | set(paragraphs) | titled), titled)
    # combined_labels.combined_label_actions is not run: it reads a "Decision/Action:" line that
    # the import review's tests (tests/committees) hold to be left for the officer; to be settled
    listed = {c.index for c in cands}
    cands += [c for c in owner_lists(seg, free) if c.index not in listed]
    listed = {c.index for c in cands if c.kind == "action"}
    cands += [c for c in owner_due_rows(seg, free) if c.index not in listed]
    taken_lines = {c.index for c in cands}
    cands += [c for c in trailing_owners(seg, weak) if c.index not in taken_lines]
    taken_lines = {c.index for c in cands if c.kind == "action"}
    # flat_cells.flattened_cells is not run: it lowered the dev pages read flattened
    # (tests/minutes/test_corpus_layouts.py, 0.74 -> 0.73)
    cands += [c for c in numbered_rows_in_a_unit(seg, weak) if c.index not in taken_lines]
    cells = owner_cells(seg, weak)  # the owner cell names who acts on a passive row
    taken_lines = {c.index for c in cands if c.kind == "action"}
    cells += [c for c in trailing_cells(seg, weak) if c.index not in taken_lines]
    celled = {c.index for c in cells}
    cands = [c for c in cands if not (c.kind == "action" and c.index in celled and not c.owner)]
    cands += cells
    cands += parish_actions(seg, weak, cands)  # "the Clerk was asked to ...", "... – AS"
    cands += sheet
    cands += led
    for c in cands:  # every candidate is scored on where it sits, whichever generator made it
        context_features(seg, c, False)
    cands.sort(key=lambda c: (c.index, c.kind))
    return cands
