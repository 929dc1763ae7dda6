"""An owner-only label cut from its owner by the end of a line ("... behind the depot. Action:" /
"QW/ZM", "... Action: Cllr" / "Farrowby", "... . ACTION" / "Clerk"), as a hard-wrapped page or a
table's cell prints it: the owner's line is joined to the label's before the page is cut into
units, so the label reads as it does on one line."""

from __future__ import annotations

import re

from .cells import TRAILING_INITIALS_RE, owner_cell
from .text import Line, unit

# the label ending its line after the sentence it labels (a sentence's end or a dash before it;
# not a label alone on its line, over a list of officers one a line); a title cut from its name
_LABEL_END_RE = re.compile(
    # "... . Action AP5:" / "The Clerk": the label may carry the action's reference
    r"(?:[.;!?)]\s*|\s[\-\u2013]\s)(?:ACTIONS?|Actions?)(?:\s+[A-Z]{0,4}\d{1,4}(?:\.\d{1,3})?)?"
    r"(?:\s+[Bb][Yy])?\s*[:\-\u2013]?"
    r"\s*(?P<title>(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?)?"
    # "... . ACTION Orla" / "Pennywick", "... . Action Highways" / "Team": the owner's first word
    # or two before the cut
    r"(?P<head>(?<=[A-Za-z:\-\u2013])\s+[A-Z][a-z'\u2019\-]+(?:\s+[A-Z][a-z'\u2019\-]+)?)?$"
)
# "2. Actions" over "Action<tab>Owner<tab>Due": an item's heading, its number's stop no sentence's
_HEADING_RE = re.compile(r"^\(?\d{1,3}(?:\.\d{1,2})*[.)]?\s+(?:ACTIONS?|Actions?)\s*:?$")
# "Action" / "- Orla Pennywick": the label's dash or colon opening the owner's line
# "ACTION" / "7.1: Orla Pennywick": or the action's reference and its colon
_LEAD_SEP_RE = re.compile(r"^(?:[A-Z]{0,4}\d{1,4}(?:\.\d{1,3})?\s*)?[\-\u2013:]\s+(?=\S)")
# "... near the" / "- Action AP5: Orla Pennywick": a labelled owner the line's end cut from the
# sentence it labels opens the next line
_DASH_END_RE = re.compile(r"[a-z0-9)]\s[\-\u2013]$")
_LABEL_START_RE = re.compile(
    r"^(?P<dash>[\-\u2013]\s+)?(?:ACTIONS?|Actions?)(?:\s+[A-Z]{0,4}\d{1,4}(?:\.\d{1,3})?)?\s*:\s*(?P<owner>\S.*)$"
)
# initials, shared or not ("QW", "QW/ZM", "AB & CD"), ending the owner's line
_INITIALS_RE = re.compile(r"^[A-Z]{2,4}(?:\s*(?:/|&|,|and)\s*[A-Z]{2,4})*\.?$")
_SURNAME_RE = re.compile(r"^[A-Z][a-z'\u2019\-]+(?:\s+[A-Z][a-z'\u2019\-]+)?\.?$")
_MAX_OWNER_WORDS = 4


def _owner_line(text: str, titled: bool, head: str | None = None) -> bool:
    text = _LEAD_SEP_RE.sub("", text)
    if not text or len(text.split()) > _MAX_OWNER_WORDS:
        return False
    if head:  # the owner's words either side of the cut are one owner, not a name and a title
        return owner_cell(f"{head.strip()} {text.rstrip('.')}")
    if titled:
        return _SURNAME_RE.match(text) is not None  # "Cllr" / "Farrowby"
    text = text.removeprefix("The ")  # "The Clerk"
    return _INITIALS_RE.match(text) is not None or owner_cell(text.rstrip("."))


def labels_rejoined(lines: list[Line]) -> list[Line]:
    """The page's lines with an owner-only label's owner, alone on the next line, back on the
    label's line."""
    if not any("ction" in ln.text or "CTION" in ln.text for ln in lines):
        return lines
    out: list[Line] = []
    k = 0
    while k < len(lines):
        ln = lines[k]
        m = _LABEL_END_RE.search(ln.text) if ln.text and not _HEADING_RE.match(ln.text) else None
        if (
            m
            and k + 1 < len(lines)
            and _owner_line(lines[k + 1].text, bool(m.group("title")), m.group("head"))
        ):
            raw = f"{ln.raw.rstrip()} {lines[k + 1].raw.strip()}"
            u = unit(ln.no, raw)
            out.append(Line(ln.no, raw, u.text, u.m))
            k += 2
            continue
        nxt = _LABEL_START_RE.match(lines[k + 1].text) if k + 1 < len(lines) else None
        if (
            nxt
            # "... covers fencing -" / "Action AP5: ZM": the dash on either side of the cut
            and (_OPEN_TASK_RE.search(ln.text) if nxt["dash"] else _DASH_END_RE.search(ln.text))
            and len(ln.text.split()) >= 3
            and _owner_line(nxt["owner"], False)
        ):
            raw = f"{ln.raw.rstrip()} {lines[k + 1].raw.strip()}"
            u = unit(ln.no, raw)
            out.append(Line(ln.no, raw, u.text, u.m))
            k += 2
            continue
        out.append(ln)
        k += 1
    return out


# a task's line with no sentence end, so the owner's initials alone under it end its row
_OPEN_TASK_RE = re.compile(r"[A-Za-z0-9)]$")
_LOWER_WORD_RE = re.compile(r"\b[a-z]{2,}\b")


def initials_rejoined(lines: list[Line], page_width: int | None) -> list[Line]:
    """ "Order the new noticeboard for the green" / "DVK": a row of a flattened owner column
    (a task, then its owner's initials) whose initials the page's width put alone on the next
    line, back on the task's line, when a row near it in the run ends on its initials on its own
    line (so the run is such a column) and, on a page whose width is known, the initials would
    not have fitted on the task's line."""
    out: list[Line] = []
    for k, ln in enumerate(lines):
        prev = out[-1] if out else None
        if (
            prev is not None
            and _INITIALS_RE.match(ln.text or "") is not None
            and _OPEN_TASK_RE.search(prev.text or "") is not None
            and len(prev.text.split()) >= 3
            and TRAILING_INITIALS_RE.match(prev.text) is None
            and _fits_cut(prev, ln, page_width)
            and _rows_near(lines, k)
        ):
            raw = f"{prev.raw.rstrip()} {ln.raw.strip()}"
            u = unit(prev.no, raw)
            out[-1] = Line(prev.no, raw, u.text, u.m)
            continue
        out.append(ln)
    return out


def _fits_cut(prev: Line, ln: Line, page_width: int | None) -> bool:
    if page_width is None:
        return True
    here = len(prev.raw.expandtabs(8).rstrip())
    return here + 1 + len(ln.raw.strip()) > page_width - 1


def _rows_near(lines: list[Line], k: int) -> bool:
    """Does a line within two of `k` (no blank line between) end on its owner's initials, or
    hold initials alone under an open task's line, as `k` does (every row's initials cut off)?"""
    for step in (-1, 1):
        j = k - 2 if step == -1 else k + 1
        for _ in range(3 if step == 1 else 2):
            if not 0 <= j < len(lines) or not lines[j].text:
                break
            if TRAILING_INITIALS_RE.match(lines[j].text) or (
                _INITIALS_RE.match(lines[j].text)
                and j - 1 != k
                and _OPEN_TASK_RE.search(lines[j - 1].text or "")
                and len(lines[j - 1].text.split()) >= 3
                and _LOWER_WORD_RE.search(lines[j - 1].text) is not None  # a task, not a name
            ):
                return True
            j += step
    return False
