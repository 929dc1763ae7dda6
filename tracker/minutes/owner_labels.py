"""Lines that name who acts on the decision just read: a "Lead: Director of Operations" label
after a decision or a sentence saying something is to be done, an owner-only ACTION label and
the sentence it takes its task from, and the decision's status line between them. Split from
`keyword_reader` along that seam."""

from __future__ import annotations

import re

from .action_context import sentences_of, will_do_after_decision
from .models import ExtractedFollowUp
from .text import Line

# "Action complete.", "Action ongoing – The Clerk had written ...", "Completed & Closed": how an
# earlier action stands, printed after its row
_ACTION_STATUS_RE = re.compile(
    r"(?:^|\s)(?:action\s+)?(?:complete|completed|ongoing|on-going|done|closed|in\s+progress)"
    r"(?:\s*(?:&|and)\s*closed)?\s*(?:[.\-\u2013:]|$)",
    re.I,
)


_SAME_LINE_STATUS_RE = re.compile(
    r"\S\s+(?:action\s+(?:complete|completed|ongoing|on-going|done|closed)|completed\s*&\s*closed)"
    r"\s*\.?\s*$",
    re.I,
)


def status_follows(lines: list[Line], label: int, end: int) -> bool:
    """Does the label at `label` (its row read up to `end`) end with, or stand over, an earlier
    action's status ("Action – The Clerk Action complete.", "Action – The Clerk" / "Action
    ongoing - ...")?"""
    if _SAME_LINE_STATUS_RE.search(lines[label].text):
        return True
    after = next((ln.text for ln in lines[end:] if ln.text), "")
    return _ACTION_STATUS_RE.match(after) is not None


def names_owners_only(found: list[ExtractedFollowUp], label: Line) -> bool:
    """Did an "Action SH" label alone on its line name only owners, its task taken from the
    sentence before it (not a restated "Action: Clerk to write ... - done")?"""
    return bool(found) and all(f.text and f.text not in label.text for f in found)


# "Lead: Director of Operations", "Lead officer: Head of Housing", "Responsible: Clerk" on its
# own line
LEAD_LABEL_RE = re.compile(
    r"^(?:lead(?:\s+(?:officer|director|member|organisation))?|responsible(?:\s+officer)?"
    # "Owner(s): JD, AB", "Action owner: Clerk": who acts on the decision above
    r"|(?:action\s+)?owner(?:\s*\(s\)|s)?|by\s+whom)\s*[:\-\u2013]\s*"
    r"(?P<owner>[A-Z][^.;:]{1,60}?)\.?$",
    re.I,
)


# a decision register's record, as ModernGov prints each: "Decision Maker: Cabinet", "Decision
# published: 11/09/2020", "Effective from: 10/09/2020", "Made at meeting: ..." over "Decision:"
_NOTICE_FIELD_RE = re.compile(
    r"^(?:decision\s+maker|decision\s+published|effective\s+from|made\s+at\s+meeting)\s*:", re.I
)


def in_decision_notice(lines: list[Line], i: int) -> bool:
    """Is the "Lead officer:" line `i` a field of a decision register's record (a notice field
    in the 20 lines above it, no other lead line between)? There it names the officer whose
    report the decision was taken on, not who is to act on it."""
    for k in range(i - 1, max(-1, i - 21), -1):
        if LEAD_LABEL_RE.match(lines[k].text):
            return False
        if _NOTICE_FIELD_RE.match(lines[k].text):
            return True
    return False


# "A joint training day will be arranged for practitioners." / "Lead: Business Manager": a
# sentence saying something is to be done, then who leads on it (not an agenda's "The Board is
# asked to note ..." over its presenter)
_TO_DO_RE = re.compile(
    r"\b(?:(?:is|are)\s+)?to\s+be\s+[a-z]+(?:ed|en|ld)\b|\b(?:will|should|would|must)\s+be\s+"
    r"[a-z]+(?:ed|en|ld)\b|\bneeds?\s+to\s+be\b"
)


# "Outcome: Approved", "Decision status: Agreed": the decision's status on a line between it and
# its "Lead:" line; the lead still names who leads on the decision above
_STATUS_FIELD_RE = re.compile(
    r"^(?:outcome|status|decision\s+status|result|vote)\s*[:\-\u2013]\s*(?:unanimously\s+)?"
    r"(?:approved|agreed|carried|accepted|adopted|endorsed|noted|resolved|ratified)"
    r"(?:\s+(?:unanimously|by\s+all|nem\.?\s*con\.?))?\s*\.?$",
    re.I,
)


_ASKED_TO_RE = re.compile(r"\b(?:asked|invited|requested)\s+to\b", re.I)


def _will_do_after(lines: list[Line], i: int) -> str | None:
    """ "The Council resolved to replace the bench. The Clerk would seek quotes ..." then an
    owner-only label: the sentence after the decision on its line, saying what will be done."""
    k = i - 1
    while k >= 0 and not lines[k].text:
        k -= 1
    sents = sentences_of(lines[k].text) if k >= 0 else []
    return sents[-1] if will_do_after_decision(sents) else None


def to_do(previous: str | None) -> bool:
    """Is `previous` a whole sentence saying something is to be done?"""
    if not previous or not previous.rstrip().endswith(".") or len(previous.split()) < 4:
        return False
    return bool(_TO_DO_RE.search(previous)) and not _ASKED_TO_RE.search(previous)


# "1. Desk based Character Assessment Action:": an item's title ending in the marker, its
# action split off as the next unit of the same line
_HEADING_MARKER_RE = re.compile(r"\S\s+(?:Actions?|ACTIONS?)\s*:\s*$")


def after_heading_marker(lines: list[Line], headings: frozenset[int] | set[int], i: int) -> bool:
    """Is the unit at `i` the action of the item title before it, ending in "Action:"?"""
    return (
        i > 0
        and i - 1 in headings
        and lines[i - 1].no == lines[i].no
        and _HEADING_MARKER_RE.search(lines[i - 1].text) is not None
    )


# a line cut in the middle of its sentence: it ends in a word no sentence or title ends with
_CUT_AFTER_RE = re.compile(
    r"\b(?:the|a|an|of|to|at|and|or|for|with|in|on|by|from|that|be|should|would|will|is|are"
    r"|was|were)$",
    re.I,
)


def wrapped_task(lines: list[Line], i: int, previous: str | None) -> str | None:
    """ "... should be placed on the Forum library shelf at the" / "FSO together with other
    items for members to look at." / "Action: Andy Harrison": the sentence an owner-only label
    takes as its task began on the line before the one just above it (a hard-wrapped paragraph
    the page cut), so the task is both pieces."""
    j = next((k for k in range(i - 1, max(-1, i - 3), -1) if lines[k].text), None)
    if j is None or previous is None or lines[j].text != previous:
        return None
    k = next((k for k in range(j - 1, max(-1, j - 3), -1) if lines[k].text), None)
    if k is None or lines[j].no - lines[k].no > 2:
        return None
    cut = lines[k].text.rstrip()
    if len(cut.split()) < 8 or not _CUT_AFTER_RE.search(cut):
        return None
    return f"{sentences_of(cut)[-1]} {previous.strip()}"


# "ACTION: HB [Note: JA has organised the reprint ...]": the owner, then an editor's note
OWNER_NOTE_RE = re.compile(
    r"^(?P<owner>[^\[\]()]{1,60}?)\s*[\[(](?P<note>[^\[\]()]{1,400})[\])]?\s*\.?$"
)


def own_directive(context: str, owner: str) -> str | None:
    """The task of "NR to organise. ACTION NR", "... - NM to investigate whether ... . Action:
    NM": the sentence before an owner-only label is the owner's own directive; its task is what
    follows "to"."""
    who = re.sub(r"^(?:[Tt]he\s+)", "", owner.strip(" .;:"))
    if not who:
        return None
    m = re.search(
        rf"(?:^|(?<=[.;:,!?])\s+|\s[\u2013\u2014\-]\s+)(?:[Tt]he\s+)?{re.escape(who)}\s+"
        r"(?:is\s+|are\s+)?(?:also\s+)?to\s+(?!be\b)(?P<task>[a-z].*)$",
        context.strip(),
    )
    return m.group("task") if m else None
