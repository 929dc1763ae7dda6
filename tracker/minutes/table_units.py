"""Tables in minutes text, read into units: a row flattened with "|" split into its cells (a
ModernGov cell at its "Minutes:" label), an action log flattened onto one line cut into its rows,
and a table whose cells are joined with " | " read as one joined with " / "."""

from __future__ import annotations

import re
from collections.abc import Callable

from .text import Line, unit

_PIPE_SPLIT_RE = re.compile(r"\s*\|+\s*")


_RULE_CELL_RE = re.compile(r"^[-:\s|]*$")


_CELL_LABEL_RE = re.compile(
    r"\s+(?=(?:Additional documents|Supporting documents|Minutes)\s*:(?:\s|$))"
    # "... Contact: D Buckridge 388065 Decision: i. Considered ...": a ModernGov "Decision:"
    # cell flattened after the agenda's text, after a number or a full stop ("Reason for
    # Decision:" is not one)
    r"|(?<=[0-9.)])\s+(?=Decision\s*:\s)"
    # "APOLOGIES FOR ABSENCE AND DECLARATIONS OF INTEREST Decision: Apologies ...": or after the
    # item's title in capitals
    r"|(?<=[A-Z]{3})\s+(?=Decision\s*:\s)"
)


_FLAT_PAGE = 600  # characters: a longer line is a page flattened onto one line


# "... received from Councillor Bell 11. Minutes of the meeting held on 12 June 2019 pdf icon PDF
# 83 KB" before "Additional documents:": on a ModernGov page flattened onto one line, the next
# item's number and title end the text before its label (a full stop ends any sentence first)
_TRAILING_HEADING_RE = re.compile(
    r"(?:^|(?<=\s))(?<!PDF\s)(?P<no>\d{1,3}\.\d{1,2}\.?|\d{1,4}[a-z]?\.?)\s+"
    # not a date ("held on Tuesday 8 June 2021.")
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)"
    # a full stop inside a code ("HSCP.21.020") is no sentence's end
    r"(?P<title>[A-Z\u2018\u201c'\"](?:[^.!?]|\.(?=\S)){1,160}?\.?)$"
)


_PDF_LINK_RE = re.compile(r"\s+(?:pdf icon\s+)?PDF\s+\d+\s*[KM]B$")


def _heading_apart(cell: str) -> list[str]:
    """The cell, its trailing item heading apart as the number and the title, as the page
    printed them on lines of their own."""
    link = _PDF_LINK_RE.search(cell)
    m = _TRAILING_HEADING_RE.search(cell, 0, link.start() if link else len(cell))
    if m is None or len(m.group("title").split()) > 20 or _ends_a_list(cell[: m.start()], m):
        return [cell]
    head = cell[: m.start()].strip()
    return ([head] if head else []) + [m.group("no"), cell[m.start("title") :].strip()]


def _ends_a_list(before: str, m: re.Match[str]) -> bool:
    """ "Members agree: 1. To consider ... 2. The principle ... 3. Where ...": the number is
    the last of a list in turn inside the text (its two predecessors before it), not the next
    item's heading."""
    no = m.group("no").rstrip(".")
    if not no.isdigit() or int(no) < 3:
        return False
    a = re.search(rf"(?:^|\s){int(no) - 2}\.\s+\S", before)
    return a is not None and re.search(rf"\s{int(no) - 1}\.\s+\S", before[a.end() :]) is not None


# "| |CW to write ...| | |", "|3. |Police Report | | |": a row whose first cell is empty or an
# item's number, its text in the next cell
_EMPTY_FIRST_CELL_RE = re.compile(r"^\|\s*(?:\d{1,3}\.\s*)?\|\s*[A-Za-z]")


_ITEM_NUMBER_CELL_RE = re.compile(r"^\d{1,3}\.?\s*\|\s*[A-Z][^|]*$")


_NUMBER_CELL_RE = re.compile(r"^[A-Z]{1,4}\d{2}/\d{1,2}/\d{1,3}\s*\|\s*[A-Z][^|]*$")


_LABELS = "Additional documents|Supporting documents|Minutes"
_LABEL_RE = re.compile(rf"^((?:{_LABELS})\s*:)\s*(.*)$")
_LABEL_OR_DECISION_RE = re.compile(rf"^((?:{_LABELS}|Decision)\s*:)\s*(.*)$")


def row_cells(ln: Line) -> list[str]:
    t = ln.text
    if ":" not in t and "|" not in t:  # no cell and no label: the text is one cell
        return [t.strip()] if t.strip() else []
    if (
        "|" in t
        and (
            "minutes:" in t.lower()
            or t.count("|") > 8
            or t.endswith("|")
            or _NUMBER_CELL_RE.match(t)  # "CP22/02/09 | Mayoral update": a minute's number cell
            # "2. | Election of Chairman:": an item's number cell, its text cell wrapped on
            or _ITEM_NUMBER_CELL_RE.match(t)
        )
        # a table of items and their "Action By" column, its header not read as one
        and (not t.startswith("|") or _EMPTY_FIRST_CELL_RE.match(t) is not None)
    ):
        parts = [p for p in _PIPE_SPLIT_RE.split(t) if p and not _RULE_CELL_RE.match(p)]
    else:
        parts = [t]
    out: list[str] = []
    for p in parts:
        cells = _CELL_LABEL_RE.split(p)
        for k, q in enumerate(cells):
            q = q.strip()
            if not q:
                continue
            # the text before a label, on a flattened page, may end on the next item's heading
            headed = _heading_apart if len(t) > _FLAT_PAGE and k + 1 < len(cells) else _whole
            # "Minutes: An apology ..." -> the label and its text; "Decision:" only where it was
            # cut from the text before it ("Decision :-(a) ..." opening a line stays whole)
            lm = (_LABEL_OR_DECISION_RE if k else _LABEL_RE).match(q)
            if lm:
                out.append(lm.group(1))
                if lm.group(2):
                    out += headed(lm.group(2))
            else:
                out += headed(q)
    return out


def _whole(cell: str) -> list[str]:
    return [cell]


# "... / FN / √ 2 / 7/11/16 / FN to look into ...": the rows of an action log flattened onto
# one line, each opening on its number and its date cell
_FLAT_ROW_RE = re.compile(r"(?<=\S)\s+(?=\d{1,3}\s*[/|]\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s*[/|]\s)")


# "... Pippa Hadley No / Date / Action / Owner / Completed": the log's header row, after the
# page's text before it
_FLAT_HEADER_RE = re.compile(
    r"(?<=\S)\s+(?=(?:No\.?|Ref\.?|Item|Date)\s*/\s*(?:[A-Z][A-Za-z]{1,15}\s*/\s*){0,4}"
    r"Actions?\s*/)"
)


# "... / Nancy 2. / Circulate the ... / Carol 3. / Carol to ...": rows opening on their number
# cell alone, taken where at least three of them are numbered in turn
_NUMBER_CELL_START_RE = re.compile(r"(?<=\S)\s+(?=(?P<no>\d{1,3})\.?\s*[/|]\s+[A-Za-z])")


_IN_TURN = 3
_ROW_END_RE = re.compile(r"\s+[/|]$")
_RAW_GAP_RE = re.compile(r"\s*\t\s*|\s{3,}")


def _numbered_row_starts(text: str) -> list[re.Match[str]]:
    best: list[re.Match[str]] = []
    run: list[re.Match[str]] = []
    for m in _NUMBER_CELL_START_RE.finditer(text):
        if run and int(m.group("no")) == int(run[-1].group("no")) + 1:
            run.append(m)
        elif int(m.group("no")) <= 2:
            run = [m]
        else:
            run = []
        if len(run) > len(best):
            best = list(run)
    return best if len(best) >= _IN_TURN else []


_DIGIT_RE = re.compile(r"\d")


def flat_rows(ln: Line) -> list[Line]:
    if _DIGIT_RE.search(ln.text) is None and _DIGIT_RE.search(ln.raw) is None:
        return [ln]  # every row below opens on its number
    starts = list(_FLAT_ROW_RE.finditer(ln.text))
    if len(starts) < 2:
        text = ln.text
        numbered = _numbered_row_starts(text)
        if not numbered and _RAW_GAP_RE.search(ln.raw.strip()):
            # "1<tab>Circulate ...<tab>JS<tab>2<tab>Book ...": the cells were set apart by tabs
            # or runs of spaces, which the text collapsed; read with them as " | "
            text = _RAW_GAP_RE.sub(" | ", ln.raw.strip())
            numbered = _numbered_row_starts(text)
        if not numbered:
            return [ln]
        cuts = [0] + [m.start() for m in numbered] + [len(text)]
        # each row without the separator that joined it to the next ("... / JS / 2 / ..."):
        # the last cell is the owner's, not "JS /"
        return [
            unit(ln.no, _ROW_END_RE.sub("", text[a:b].strip()))
            for a, b in zip(cuts, cuts[1:], strict=False)
            if text[a:b].strip()
        ]
    head = _FLAT_HEADER_RE.search(ln.text, 0, starts[0].start() + 1)
    parts = [ln.text[: head.start()], ln.text[head.end() :]] if head else [ln.text]
    return [unit(ln.no, p) for part in parts for p in _FLAT_ROW_RE.split(part) if p.strip()]


# "1. | Carol to review the subgroups ... | Carol": a row of three or more cells joined with " | "
# inside the line (not a "| ... |" row of a table drawn with its borders)
_INNER_PIPE_ROW_RE = re.compile(r"^[^|]+(?:\s\|\s[^|]+){2,6}$")


_INNER_PIPE_CELLS_RE = re.compile(r"^[^|]+(?:\s\|\s[^|]+){1,6}$")


_HEADER_CELL_RE = re.compile(
    r"^(?:ref|no|item|action|actions|owner|lead(?:\s+officer)?|by\s+whom|responsible|status"
    r"|due|target(?:\s+date)?|date|update|progress|timescale|-{3,})$",
    re.I,
)


def _headed(row: str) -> bool:
    return sum(bool(_HEADER_CELL_RE.match(c.strip())) for c in row.split(" | ")) >= 2


_PIPE_ROWS = 3  # rows of the same shape on the page: a table, not a stray "|"


# "|1.|Book the hall|Clerk|March|": a framed row opening on its number cell
_FRAMED_NUMBER_RE = re.compile(r"^(\|\s*\d{1,3})\.(\s*\|)")


def framed_rows_under_header(lines: list[Line], header: Callable[[Line], bool]) -> list[Line]:
    """The rows of a framed table ("|No|Action|Owner|" over "|1.|Book the hall|Clerk|") under
    a header naming its action column keep their cells for the header's reader: a number cell
    "1." reads "1", so the row is not split as an item table's ("|3. |Police Report | | |")."""
    out = list(lines)
    inside = False
    for k, ln in enumerate(lines):
        framed = ln.text.startswith("|")
        if framed and header(ln):
            inside = True
        elif inside and framed:
            t = _FRAMED_NUMBER_RE.sub(r"\1\2", ln.text)
            if t != ln.text:
                out[k] = unit(ln.no, t)
        elif ln.text:
            inside = False
    return out


def pipe_rows_as_slashes(lines: list[Line]) -> list[Line]:
    """A table whose rows join their cells with " | " reads as one joined with " / " (the
    action sheets' and logs' readings are written for that form)."""
    rows = [k for k, ln in enumerate(lines) if ln.text and _INNER_PIPE_ROW_RE.match(ln.text)]
    if len(rows) < _PIPE_ROWS or any(_headed(lines[k].text) for k in rows):
        return lines  # a "|" table under its header row is read by its header
    # and the table's rows of two cells ("1. | Voluntary sector colleagues ...", a wrapped
    # row's "... specification | Nancy")
    rows = [k for k, ln in enumerate(lines) if ln.text and _INNER_PIPE_CELLS_RE.match(ln.text)]
    out = list(lines)
    for k in rows:
        out[k] = unit(lines[k].no, lines[k].text.replace(" | ", " / "))
    return out
