"""The sections of a minutes page the segmenter marks, each telling the scoring stage where a
candidate sits: an item's agenda part (between its heading and its "Minutes:" label), an action
log (after a heading "Action log", "Actions arising" ...), what was put to the meeting (under a
"Proposal:" or "Comments:" label), and whether the whole page is an agenda."""

from __future__ import annotations

import re

from .text import Line

MINUTES_LABEL_RE = re.compile(r"^minutes\s*:", re.I)
_PROPOSAL_LABEL_RE = re.compile(r"^proposal\s*:", re.I)
_LOG_RE = re.compile(
    r"\baction\s*/\s*progress\b|\baction\s+(?:log|tracker|sheet)\b|\bactions?\s+arising\b"
    r"|\boutstanding\s+actions\b|\bfollow\s+up\s+from\b.*\baction\s+plans?\b"
    r"|\bsubject\s+discussion\s+and\s+agreed\b|\bresponsible\s+timescale\b",
    re.I,
)


# "Agenda", "Agenda for ...", and ModernGov's "Agenda and decisions" (a meeting's page before
# any minutes: a decision published on it is a "Decision:" label, which shows the page a record)
_AGENDA_TITLE_RE = re.compile(
    r"^(?:[\w&'\u2019,\-]+\s+){0,6}agenda(?:\s+(?:for|of)\b.*|(?:\s+and|,)\s+decisions)?$", re.I
)
_HELD_RE = re.compile(
    r"^(?:present|in\s+attendance|attendees|members\s+present|apologies\b.*\breceived)"
    r"|\bthe\s+meeting\s+(?:closed|ended)\b",
    re.I,
)
_MINUTES_TITLE_RE = re.compile(r"^minutes\s+of\b", re.I)


# "You are summoned to attend a meeting of ...", "Notice is hereby given that a meeting ...":
# the summons that opens an agenda
_SUMMONS_RE = re.compile(
    r"^(?:you\s+are\s+(?:hereby\s+)?(?:summoned|invited|requested)\s+to\s+attend"
    r"|(?:members|councillors)\s+are\s+(?:hereby\s+)?(?:summoned|requested)\s+to\s+attend"
    r"|notice\s+is\s+hereby\s+given\s+that\s+(?:a|the)\b[^.]{0,80}\bmeeting\b)",
    re.I,
)


def agenda_page(lines: list[Line]) -> bool:
    texts = [ln for ln in lines if ln.text]
    if not any(_AGENDA_TITLE_RE.match(ln.m) or _SUMMONS_RE.match(ln.m) for ln in texts[:10]):
        return False
    if any(_MINUTES_TITLE_RE.match(ln.m) for ln in texts[:3]):
        return False  # "Minutes of the meeting ... Agenda item 4": minutes, laid out by item
    return not any(_HELD_RE.search(ln.m) for ln in texts)


_PUT_LABEL_RE = re.compile(
    r"^(?:proposals?|comments?|members'?\s+comments|questions?(?:\s+and\s+answers?)?)\s*:\s*$",
    re.I,
)


def put_to_the_meeting(lines: list[Line], headings: set[int]) -> set[int]:
    """The units under a "Proposal:" / "Comments:" label on its own line, to the next heading
    or to the first unit after a blank line that is not an item of the same list."""
    out: set[int] = set()
    for k, ln in enumerate(lines):
        if not ln.text or not _PUT_LABEL_RE.match(ln.m):
            continue
        blank = False
        for j in range(k + 1, len(lines)):
            u = lines[j]
            if not u.text:
                blank = True
                continue
            if j in headings or _PUT_LABEL_RE.match(u.m):
                break
            listed = bool(re.match(r"^(?:[-\u2022\u00b7*]|\(?\w{1,3}[.)])\s|^that\b", u.m, re.I))
            if blank and not listed:
                break
            out.add(j)
    return out


def agenda_parts(lines: list[Line], headings: set[int]) -> set[int]:
    """Units between an item heading and that item's "Minutes:" label, and units followed by a
    "Proposal:" label: the agenda's description of the item."""
    agenda: set[int] = set()
    starts = sorted(headings) + [len(lines)]
    # items with their own "Minutes:" labels; a page's "MINUTES:" title above its first item
    # says nothing about where an item's minutes start, nor does an item titled "Minutes:"
    # ("4  Minutes: The minutes of ... were approved", cut after its number)
    first = starts[0]
    labelled = any(
        MINUTES_LABEL_RE.match(ln.m) and not _titled_minutes(lines, headings, k)
        for k, ln in enumerate(lines[first + 1 :], start=first + 1)
    )
    for a, b in zip(starts, starts[1:], strict=False):
        label = next((k for k in range(a + 1, b) if MINUTES_LABEL_RE.match(lines[k].m)), None)
        if label is not None:
            agenda.update(range(a + 1, label))
        elif (
            labelled
            and b - a > 1
            and all(not lines[k].text or k in headings for k in range(b, len(lines)))
        ):
            agenda.update(range(a + 1, b))  # the page was cut before this item's minutes
    for k, ln in enumerate(lines):
        if _PROPOSAL_LABEL_RE.match(ln.m):
            back = k - 1
            while back >= 0 and not lines[back].text:
                back -= 1
            if back >= 0:
                agenda.add(back)
    return agenda


# "No / Date / Action / Owner / Completed ...": an action log's header row opening a unit, on a
# page whose heading was flattened into the text before it
_LOG_HEADER_ROW_RE = re.compile(
    r"^(?:No\.?|Ref\.?|Item|Date)\s*/\s*(?:[A-Za-z]+\s*/\s*){0,4}Actions?\s*/\s*"
    r"(?:[A-Za-z ]+\s*/\s*){0,3}(?:Owner|Lead|By\s+whom|Responsible)\b",
    re.I,
)


def _titled_minutes(lines: list[Line], headings: set[int], k: int) -> bool:
    """Is the "Minutes:" label at unit `k` the title of an item whose number stands alone in
    the unit before it ("03-09-4" / "Minutes:")?"""
    back = k - 1
    while back >= 0 and not lines[back].text:
        back -= 1
    return back in headings and re.fullmatch(r"\S{1,16}", lines[back].text) is not None


def action_log(lines: list[Line]) -> set[int]:
    for k, ln in enumerate(lines):
        if ln.text and len(ln.text) <= 120 and _LOG_RE.search(ln.m):
            return set(range(k, len(lines)))  # a heading of an action log, not prose
        if ln.text and _LOG_HEADER_ROW_RE.match(ln.m):
            return set(range(k, len(lines)))
    return set()


# "Actions agreed;", "Agreed actions:", "Action points:": a label on its own line over the list
# of what the meeting asked to be done; its rows are an action log's
ACTIONS_LABEL_RE = re.compile(
    r"^(?:actions?\s+(?:agreed|points?)|agreed\s+actions?|action\s+points?\s+agreed"
    # "Summary of actions decided at the meeting.", "Summary of actions from the meeting": this
    # meeting's list (not "... from the previous meeting", which restates earlier ones)
    r"|(?:a\s+)?summary\s+of\s+(?:the\s+)?actions?(?:\s+(?:decided|agreed|arising|taken)"
    r"(?:\s+(?:at|by|from))?|\s+from)?)"
    r"(?:\s+(?:at|by|from)\s+(?:the|this|today'?s)\s+meeting)?\s*[.;:\-\u2013]?\s*$",
    re.I,
)
_ROW_MARK_RE = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[\u2022\u00b7*\-])\s+\S", re.I)


def actions_lists(lines: list[Line], headings: set[int]) -> set[int]:
    """The rows of a numbered or bulleted list under an "Actions agreed" label, to the first
    unit after it that is not a row nor a row's wrapped line."""
    out: set[int] = set()
    for k, ln in enumerate(lines):
        if not ln.text or not ACTIONS_LABEL_RE.match(ln.m):
            continue
        rows = False
        for j in range(k + 1, len(lines)):
            u = lines[j]
            if not u.text:
                continue
            if j in headings and _ROW_MARK_RE.match(u.text) is None:
                break
            if _ROW_MARK_RE.match(u.text):
                rows = True
            elif not (rows and (u.text[:1].islower() or u.raw[:1].isspace())):
                break  # prose after the list: the list is over
            out.add(j)
    return out
