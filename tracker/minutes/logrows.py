"""Numbered action sheets flattened to text: rows "1. / <what> / <owner>" whose cells were
joined with " / " or "|", a row wrapped over several lines, the owner column flattened onto the
end of the row's last line ("... bring back proposals. / Carol"). Each row gives its actions: a
sentence "<person> to|will|would <verb> ..." names its own owner; otherwise the row's last
sentence is the task and the owner column its owner ("Circulate the announcement / Carol",
"This item to be deferred to March / Tom Preest and Mark Hazelton")."""

from __future__ import annotations

import re

from .owners import IMPERATIVES
from .patterns import match_heading
from .row_refs import follows
from .scoring import Candidate, sentences
from .segment import Segmented
from .tables import header_role, with_due
from .text import Line

# a row's number as the sheet prints it: "1.", "1)", "(1)"
_ROW_START_RE = re.compile(r"^(?:(?P<no>\d{1,3})[.)]|\((?P<pno>\d{1,3})\))\s+(?P<rest>\S.*)$")
_NAME = r"[A-Z][\w'\u2019\-]*"
# " / Carol", " / Jo/Lorraine", " | Tom Preest and Mark Hazelton", " / Stephanie and" (cut)
_OWNER_CELL_RE = re.compile(
    rf"\s[/|]\s+(?P<owner>{_NAME}(?:(?:\s+|\s*/\s*)(?:(?:and|&)\s+)?{_NAME}){{0,5}}"
    r"(?:\s+and)?)\s*$"
)
_SAYS_WHO_RE = re.compile(
    rf"^(?P<owner>{_NAME}(?:\s+(?:{_NAME}|and|&)){{0,4}}?"
    r"(?:\s+(?:members|officers|partners|colleagues|councillors|staff))?)\s+"
    r"(?:to|will|would|is\s+to|are\s+to)\s+(?P<task>(?!be\b)[a-z].*)$"
)
_PASSIVE_ROW_RE = re.compile(r"\bto\s+be\s+[a-z]+(?:ed|en|ld)\b")
_ROW_NO_RE = re.compile(
    r"^(?:(?P<no>\d{1,3})[.)]?|\((?P<pno>\d{1,3})\)"
    # "A1", "AP12", "3.02", "12/24": a reference in the number column ("A1 / Book the hall")
    r"|(?P<ref>[A-Z]{1,4}\d{1,4}(?:[./]\d{1,4}){0,2}|\d{1,3}[./]\d{1,4}))"
    r"\s+(?:/\s+)?(?P<rest>\S.*)$",
    re.S,
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
        if m and int(m.group("no") or m.group("pno")) == expected:
            if current:
                rows.append((number, current))
            number, current, expected = expected, [i], expected + 1
        elif current:
            current.append(i)
    if current:
        rows.append((number, current))
    return rows if len(rows) >= 3 else []


def log_header(text: str) -> tuple[list[str], str] | None:
    """ "No / Date / Action / Owner / Completed1 / 7/11/16 / FN to ...": the column roles, and
    the first row when it was glued to the header."""
    cells = [c.strip() for c in text.split(" / ")]
    roles: list[str] = []
    for k, cell in enumerate(cells):
        role = header_role(cell)
        if role is None:
            glued = re.fullmatch(r"(.+?)(\d{1,3})", cell)
            role = header_role(glued.group(1)) if glued else None
            if glued and role and len(roles) >= 2:
                roles.append(role)
                return roles, " / ".join([glued.group(2), *cells[k + 1 :]])
            break
        roles.append(role)
    if len(roles) >= 3 and "action" in roles and "owner" in roles:
        return roles, " / ".join(cells[len(roles) :])
    return None


def _cells(roles: list[str], row: str) -> tuple[str, str, str]:
    """The action, owner and due cells of a row, the action cell keeping any " / " of its own;
    the owner column may come before the action ("Action by / Action / Deadline")."""
    rm = _ROW_NO_RE.match(row)
    body = rm.group("rest") if rm and roles[0] == "number" else row
    cols = roles[1:] if roles[0] == "number" else roles
    cells = [c.strip() for c in re.split(r"\s*(?:^|\s)/\s+", body) if c.strip()]
    a, o = cols.index("action"), cols.index("owner")
    tail = len(cols) - a - 1
    if len(cells) < len(cols):
        return (cells[a] if len(cells) > a else ""), "", ""
    action = " / ".join(cells[a : len(cells) - tail])
    after = cells[len(cells) - tail :]
    owner = cells[o] if o < a else (after[o - a - 1] if o - a - 1 < len(after) else "")
    d = cols.index("due") if "due" in cols else -1
    due = (cells[d] if d < a else after[d - a - 1]) if d >= 0 and d != a else ""
    return action, owner, due


# "RESOLVED that ...", "AGREED:", "Resolved - ...": a keyword in capitals or before its clause
_DECISION_START_RE = re.compile(r"[A-Z]{4,}\b|[A-Z][a-z]+\s*(?:that\b|[:\-\u2013])")


def opens_decision(ln: Line) -> bool:
    """Does the unit open a decision of the meeting ("RESOLVED that the budget be approved."
    between or after an action log's rows)? Then it is no row's cell wrapped onto its line."""
    return (
        _DECISION_START_RE.match(ln.text) is not None and match_heading(ln.text, ln.m) is not None
    )


def row_actions(seg: Segmented, i: int, action: str, column: str, why: str) -> list[Candidate]:
    said: list[Candidate] = []
    last = ""
    passive = ""
    pieces = [sent for part in action.split("\n") for _start, sent in sentences(part.strip(" /|"))]
    for sent in pieces:  # a wrapped cell's lines, then their sentences
        sent = sent.strip(" /|")
        if not sent:
            continue
        last = sent
        sm = _SAYS_WHO_RE.match(sent)
        if (
            sm
            and sm.group("owner").split()[0].lower() not in _NOT_OWNERS
            and sm.group("owner").lower() not in IMPERATIVES
        ):
            c = Candidate("action", why, sm.group("task"), i, seg.lines[i].no)
            c.owner, c.base = sm.group("owner"), 0.6
            c.feature("the row names who does it", 0.1)
            said.append(c)
        elif not passive and _PASSIVE_ROW_RE.search(sent):
            passive = sent
    if said:
        return said
    if last and column:
        c = Candidate("action", why, last, i, seg.lines[i].no, owner=column.removesuffix(" and"))
        c.base = 0.6
        c.feature("owner from the sheet's owner column", 0)
        return [c]
    if passive:
        c = Candidate("action", why, passive, i, seg.lines[i].no)
        c.base = 0.6
        c.feature("a passive row names no owner", 0)
        return [c]
    return []


def _table_rows(seg: Segmented) -> tuple[list[Candidate], set[int]]:
    """An action log flattened with " / " cells under a header row naming its columns."""
    for h, ln in enumerate(seg.lines):
        if h not in seg.log or " / " not in ln.text:
            continue
        found = log_header(ln.text)
        if found is None:
            continue
        roles, first = found
        rows: list[tuple[int, str]] = [(h, first)] if first else []
        spanned = {h}
        expected = 2 if first else 1
        ref = ""  # the last row's reference, when the rows are referenced, not numbered
        blank = wrapped = 0
        for k in range(h + 1, len(seg.lines)):
            u = seg.lines[k]
            if not u.text:
                blank += 1
                if blank >= 2:
                    break  # two blank lines end the table
                continue
            gap, blank = blank > 0, 0
            if k not in seg.log:
                break
            m = _ROW_NO_RE.match(u.text)
            if m and not m.group("ref") and int(m.group("no") or m.group("pno")) == expected:
                rows.append((k, u.text))
                expected, wrapped = expected + 1, 0
            elif (
                m
                and m.group("ref")
                and roles[0] == "number"
                and expected == 1 + len(rows)
                and (not ref and not rows or follows(ref, m.group("ref")))
            ):
                # "AP11 / ...", "AP12 / ...": rows referenced in turn
                rows.append((k, u.text))
                ref, expected, wrapped = m.group("ref"), expected + 1, 0
            elif gap and roles[0] == "number":
                break  # after a blank line, no row: the table is over
            elif roles[0] != "number" and len(u.text.split(" / ")) == len(roles):
                # "JR / Update on Resettlement. / 28.6.12": a row with no number, shaped like
                # the header (the owner column may come first)
                rows.append((k, u.text))
                wrapped = 0
            elif roles[0] != "number" and (gap or " / " in u.text):
                break  # after a gap, or a row of another shape: the table is over
            elif opens_decision(u) and _numbered(seg, k + 1, expected):
                continue  # "RESOLVED that ..." alone between two rows: the log goes on
            elif rows and wrapped < 4 and not opens_decision(u):
                start, text = rows[-1]
                rows[-1] = (start, f"{text}\n{u.text}")
                wrapped += 1
            else:
                break  # not a row, nor the wrapped end of one: the table is over
            spanned.add(k)
        out: list[Candidate] = []
        for start, text in rows:
            action, owner, cell = _cells(roles, text)
            cands = row_actions(seg, start, action, owner, "row of an action log with a header")
            for c in cands:
                c.text, c.due = with_due(c.text, cell)
            out += cands
        return out, spanned
    return [], set()


def _numbered(seg: Segmented, k: int, expected: int) -> bool:
    """Is the next unit with text the log's row numbered `expected`?"""
    while k < len(seg.lines) and not seg.lines[k].text:
        k += 1
    m = _ROW_NO_RE.match(seg.lines[k].text) if k < len(seg.lines) else None
    return m is not None and int(m.group("no") or m.group("pno")) == expected


def log_rows(seg: Segmented) -> tuple[list[Candidate], set[int]]:
    """The actions of a numbered action sheet, and the units its rows span."""
    table = _table_rows(seg)
    if table[0]:
        return table
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
        out += row_actions(
            seg, units[0], "\n".join(texts), column, "row of a numbered action sheet"
        )
    return out, spanned
