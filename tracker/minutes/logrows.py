"""Numbered action sheets flattened to text: rows "1. / <what> / <owner>" whose cells were
joined with " / " or "|", a row wrapped over several lines, the owner column flattened onto the
end of the row's last line ("... bring back proposals. / Carol"). Each row gives its actions: a
sentence "<person> to|will|would <verb> ..." names its own owner; otherwise the row's last
sentence is the task and the owner column its owner ("Circulate the announcement / Carol",
"This item to be deferred to March / Tom Preest and Mark Hazelton")."""

from __future__ import annotations

import re

from .scoring import Candidate, sentences
from .segment import Segmented

_ROW_START_RE = re.compile(r"^(?P<no>\d{1,3})\.\s+(?P<rest>\S.*)$")
_NAME = r"[A-Z][\w'\u2019\-]*"
# " / Carol", " / Jo/Lorraine", " | Tom Preest and Mark Hazelton", " / Stephanie and" (cut)
_OWNER_CELL_RE = re.compile(
    rf"\s[/|]\s+(?P<owner>{_NAME}(?:(?:\s+|\s*/\s*)(?:(?:and|&)\s+)?{_NAME}){{0,5}}"
    r"(?:\s+and)?)\s*$"
)
_SAYS_WHO_RE = re.compile(
    rf"^(?P<owner>{_NAME}(?:\s+(?:{_NAME}|and|&)){{0,4}}?)\s+"
    r"(?:to|will|would|is\s+to|are\s+to)\s+(?P<task>(?!be\b)[a-z].*)$"
)
_NOT_OWNERS = {
    "this", "the", "a", "an", "it", "there", "members", "board", "nb", "all", "each",
    "discussion", "item", "items", "we", "they", "he", "she",
}  # fmt: skip


def _rows(seg: Segmented) -> list[tuple[int, list[int]]]:
    """Rows of a numbered sheet inside an action log: (number, the units it spans)."""
    rows: list[tuple[int, list[int]]] = []
    expected = 1
    current: list[int] = []
    number = 0
    for i, ln in enumerate(seg.lines):
        if i not in seg.log or not ln.text:
            if current and not ln.text and i + 1 < len(seg.lines) and not seg.lines[i + 1].text:
                rows.append((number, current))  # two blank lines end the sheet
                current = []
            continue
        m = _ROW_START_RE.match(ln.text)
        if m and int(m.group("no")) == expected:
            if current:
                rows.append((number, current))
            number, current, expected = expected, [i], expected + 1
        elif current:
            current.append(i)
    if current:
        rows.append((number, current))
    return rows if len(rows) >= 3 else []


def log_rows(seg: Segmented) -> tuple[list[Candidate], set[int]]:
    """The actions of a numbered action sheet, and the units its rows span."""
    out: list[Candidate] = []
    spanned: set[int] = set()
    rows = _rows(seg)
    owners = sum(bool(_OWNER_CELL_RE.search(seg.lines[units[-1]].text)) for _, units in rows)
    if owners * 2 < len(rows):
        return [], set()  # not a sheet with an owner column
    for _number, units in rows:
        spanned.update(units)
        texts = [seg.lines[i].text for i in units]
        texts[0] = _ROW_START_RE.sub(r"\g<rest>", texts[0])
        om = _OWNER_CELL_RE.search(texts[-1])
        column = om.group("owner") if om else ""
        if om:
            texts[-1] = texts[-1][: om.start()]
        said: list[Candidate] = []
        last: tuple[int, str] | None = None
        for k, i in enumerate(units):
            for _start, sent in sentences(texts[k].strip(" /|")):
                sent = sent.strip(" /|")
                if not sent:
                    continue
                last = (i, sent)
                sm = _SAYS_WHO_RE.match(sent)
                if sm and sm.group("owner").split()[0].lower() not in _NOT_OWNERS:
                    c = Candidate("action", "row of a numbered action sheet", sm.group("task"),
                                  i, seg.lines[i].no, owner=sm.group("owner"))  # fmt: skip
                    c.base = 0.6
                    c.feature("the row names who does it", 0.1)
                    said.append(c)
        if said:
            out += said
        elif last is not None and column:
            i, sent = last
            c = Candidate("action", "row of a numbered action sheet", sent, i, seg.lines[i].no,
                          owner=column.removesuffix(" and"))  # fmt: skip
            c.base = 0.6
            c.feature("owner from the sheet's owner column", 0)
            out.append(c)
    return out, spanned
