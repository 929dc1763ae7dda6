"""A board's "Summary of Actions" table flattened onto one line with the rest of the page: the
header "Action No. Page No. Action: To be completed by:", then its rows run together, each
opening with its action number and the page it refers to ("1 5 The Chair to write to Ms Jack
... The Chair commitment to the SBNI. 2 6 The Chair to circulate"). A row that names who does it
("The Chair to write ...") gives that owner and the words after "to", the owner's cell, printed
inside the wrapped task, taken out; otherwise the owner is the cell ending the row ("Amended
Regulations to be circulated to Board members Ms Beattie"), or "" when none was printed. A row
holding only its owner ("2 4 Ms Beattie": the task's cell was lost) gives no action."""

from __future__ import annotations

import re

from .directive_places import _DIRECTIVE_RE
from .models import ExtractedFollowUp, Uncertainty
from .owners import tidy_text
from .persons import _somebody
from .text import Line

_HEADER_RE = re.compile(
    # the header whole, or its last cells opening a unit the page was cut into before them
    r"(?:\bAction\s+No\.?\s+(?:Page\s+No\.?\s+)?|^)Actions?\s*:?\s+"
    r"(?:To\s+be\s+completed\s+by|By\s+whom|Owner|Lead|Responsible|Action\s+by)\s*:?\s*",
    re.I,
)
# the owner's cell ending a row: a titled person or a role of one to four words
_END_OWNER_RE = re.compile(
    r"\s(?P<owner>(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+[A-Z][\w'\u2019\-]+"
    r"|(?:The\s+)?(?:[A-Z][\w'\u2019\-]*\s+){0,3}(?:Chair|Manager|Officer|Director|Lead|Secretary"
    r"|Clerk|Nurse|Paediatrician)|[A-Z]{2,4})\s*\.?$"
)
_TO_VERB_RE = re.compile(r"\bto\s+(?:be\s+)?[a-z]+")


def _row_starts(rest: str, paged: bool) -> list[tuple[int, int]]:
    """Where each row starts and its text begins: "1 5 ", "2 6 " ... numbered from 1 in turn,
    the page numbers (when the header has their column) never going back."""
    starts: list[tuple[int, int]] = []
    expected, page, at = 1, 0, 0
    while True:
        cell = r"\s+(?P<page>\d{1,3})(?=\s|$)" if paged else r"(?=\s+[A-Z])"
        pat = re.compile(rf"(?<!\S){expected}\.?{cell}\s*")
        m = pat.match(rest, at) if expected == 1 else pat.search(rest, at)
        if m is None or (paged and int(m.group("page")) < page):
            return starts
        starts.append((m.start(), m.end()))
        page = int(m.group("page")) if paged else 0
        expected, at = expected + 1, m.end()


def _row(text: str, no: int) -> ExtractedFollowUp | None:
    text = text.strip()
    dm = _DIRECTIVE_RE.match(text)
    if dm and _somebody(dm.group("owner")) and dm.group("verb") != "be":
        owner = dm.group("owner")
        task = text[dm.end("owner") :].split(" to ", 1)[1]
        task = re.sub(rf"\s{re.escape(owner)}(?=\s)", "", task)  # the owner's cell, wrapped in
        return ExtractedFollowUp(owner, tidy_text(task), None, no, "action-table")
    em = _END_OWNER_RE.search(text)
    if em is not None and _somebody(em.group("owner")):
        task = text[: em.start()].strip()
        if len(task.split()) < 3:
            return None  # "Ms Beattie" alone: the task's cell was lost
        return ExtractedFollowUp(em.group("owner"), tidy_text(task), None, no, "action-table")
    if len(text.split()) >= 4 and _TO_VERB_RE.search(text):
        return ExtractedFollowUp("", tidy_text(text), None, no, "action-table")
    return None


def summary_rows(
    ln: Line,
) -> tuple[list[ExtractedFollowUp], list[Uncertainty], list[tuple[int, int]]] | None:
    """The actions of a summary table flattened into `ln`, or None when it holds none."""
    hm = _HEADER_RE.search(ln.text)
    if hm is None:
        return None
    rest = ln.text[hm.end() :]
    starts = _row_starts(rest, bool(re.match(r"\s*1\s+\d{1,3}\s", rest)))
    if not starts:
        return None
    fus: list[ExtractedFollowUp] = []
    for k, (_start, body) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(rest)
        found = _row(rest[body:end], ln.no)
        if found is not None:
            fus.append(found)
    note = "a summary of actions flattened onto one line; each numbered row read as a row"
    return (
        fus,
        [Uncertainty(ln.no, ln.text[hm.start() : hm.end()], note)],
        [(hm.start(), len(ln.m))],
    )
