"""An owner-only label cut from its owner by the end of a line ("... behind the depot. Action:" /
"QW/ZM", "... Action: Cllr" / "Farrowby", "... . ACTION" / "Clerk"), as a hard-wrapped page or a
table's cell prints it: the owner's line is joined to the label's before the page is cut into
units, so the label reads as it does on one line."""

from __future__ import annotations

import re

from .cells import owner_cell
from .text import Line, unit

# the label ending its line after the sentence it labels (a sentence's end or a dash before it;
# not a label alone on its line, over a list of officers one a line); a title cut from its name
_LABEL_END_RE = re.compile(
    r"(?:[.;!?)]\s*|\s[\-\u2013]\s)(?:ACTIONS?|Actions?)(?:\s+[Bb][Yy])?\s*[:\-\u2013]?"
    r"\s*(?P<title>(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?)?"
    # "... . ACTION Orla" / "Pennywick", "... . Action Highways" / "Team": the owner's first word
    # or two before the cut
    r"(?P<head>(?<=[A-Za-z:\-\u2013])\s+[A-Z][a-z'\u2019\-]+(?:\s+[A-Z][a-z'\u2019\-]+)?)?$"
)
# "Action" / "- Orla Pennywick": the label's dash or colon opening the owner's line
_LEAD_SEP_RE = re.compile(r"^[\-\u2013:]\s+(?=\S)")
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
        m = _LABEL_END_RE.search(ln.text) if ln.text else None
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
        out.append(ln)
        k += 1
    return out
