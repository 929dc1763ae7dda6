"""Rows of a table hard-wrapped as a PDF's text is: a row whose cells are joined with " / ", "|"
or tabs cut over two or three lines ("1 | Clerk | Reprint the leaflet in" / "larger type | Next
meeting"). The table's width is the most separators a line of it shows (its header row, or a
row that fitted); a line with fewer, followed by the rest of its cells, is one row again, and so
is a whole row whose last cell the page's width cut ("... | Cllr Ines" / "Farrowby", or a line
ending on its separator), before the page is cut into units. A line that is itself a whole row
is never joined onto the one above."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .tables import header_role
from .text import Line, unit
from .wrapped import wrap_width

_SEPARATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("/", re.compile(r"(?:^|\s)/(?=\s|$)")),
    ("|", re.compile(r"\|")),
    ("tab", re.compile(r"\t")),
)
# "2. / Circulate the ...", "|4|Ask the ...", "AP12 / Draft a ...": a row opening on its number
# or reference cell, then its text (not a wrapped due cell's rest, "Q3 | Open")
_ROW_START_RE = re.compile(
    r"^\s*\|?\s*\(?(?:[A-Z]{0,4}\d{1,4}(?:[./]\d{1,4}){0,2})[.)]?\s*(?:[/|]|\t)"
    r"\s*[^\s/|]+\s+[^\s/|]+\s+[^\s/|]+"
)
_MAX_PIECES = 3  # a row cut over more lines than this is left as printed


# "\t1.\tThat ...", "o\tThe Clerk ...": an indent and the tab after a list marker, no column
_MARKER_TAB_RE = re.compile(r"^(?:\(?[0-9A-Za-z]{1,4}[.)]|[\u2022\u00b7\u25aa*\-o]|[A-Za-z]+:)\t")


# under a header whose first cell names the rows' numbers ("No\tAction\tWho"), the tab after a
# row's "1." is its number's column, counted as the header's is
_TAB_COLUMN_RE = re.compile("\t")


def _numbers_headed(run: list[Line]) -> bool:
    """Is a line of the run a tab header of three cells or more, the first the number's, each
    named?"""
    for ln in run:
        cells = [c.strip() for c in ln.raw.strip().split("\t")]
        if len(cells) >= 3 and header_role(cells[0]) == "number":
            return all(header_role(c) for c in cells)
    return False


def _header_width(run: list[Line]) -> int:
    """The tabs of the run's header row (three cells or more, each a column's name), or 0."""
    for ln in run:
        cells = [c.strip() for c in ln.raw.strip().split("\t")]
        if len(cells) >= 3 and all(header_role(c) for c in cells):
            return len(cells) - 1
    return 0


def _count(ln: Line, rx: re.Pattern[str]) -> int:
    raw = ln.raw.strip()
    if rx.pattern == r"\t":
        raw = _MARKER_TAB_RE.sub("", raw)
    return len(rx.findall(raw))


def _open_end(ln: Line, name: str) -> bool:
    """Does the line end on its separator, the cell after it cut onto the next line ("... /")?
    (A framed table's row "|a|b|" ends on its frame, its wrapped rest too.)"""
    ends = {"/": "/", "|": "|"}.get(name)
    return ends is not None and ln.raw.strip().endswith(ends)


def _cut(rows: Sequence[Line], k: int, name: str, page_width: int | None) -> bool:
    """Was the line at k cut, its cell going on at the start of the next line: a framed row
    not closed by its frame, a row ending on its separator, or, on a page hard-wrapped, a line
    the next line's first word would not have fitted on?"""
    raw = rows[k].raw.strip()
    if name == "framed":
        return not raw.endswith("|")
    if _open_end(rows[k], name):
        return True
    if page_width is None:
        return False
    first = rows[k + 1].raw.strip().split(" ", 1)[0]
    # a tab is as wide as the wrapping tool took it: to the next stop of eight (as the page's
    # width was measured) or one character (as a tool counting characters wrapped it)
    raw = rows[k].raw.rstrip()
    return any(
        0.6 * page_width <= here <= page_width + 2 and here + 1 + len(first) > page_width - 1
        for here in {len(raw.expandtabs(8)), len(raw)}
    )


def _joined(
    rows: list[Line], name: str, width: int, page_width: int | None, rx: re.Pattern[str]
) -> list[Line]:
    out: list[Line] = []
    k = 0
    while k < len(rows):
        ln = rows[k]
        raw, have, used = ln.raw.rstrip(), _count(ln, rx), 1
        if name == "tab" and have == 0 and k + 1 < len(rows) and _cut(rows, k, name, page_width):
            # a tab row whose first line holds no tab: cut at its first tab, the break taking
            # the tab ("... the first frost" / "Hall Manager\tOctober"), or inside its first
            # cell, the cell's rest opening the next line in lower case ("... before the" /
            # "first frost\tHall Manager\tOctober")
            nxt = rows[k + 1]
            more = _count(nxt, rx)
            if more + 1 == width or (more == width and nxt.raw.lstrip()[:1].islower()):
                glue = "\t" if more < width else " "
                raw = f"{raw}{glue}{nxt.raw.strip()}"
                have, used = width, 2
        while 0 < have <= width and used < _MAX_PIECES and k + used < len(rows):
            nxt = rows[k + used]
            more = _count(nxt, rx)
            if more >= width or _starts_row(nxt, name):
                break  # a whole row of its own, or the next row opening on its number
            if not _cut(rows, k + used - 1, name, page_width):
                break  # a line the page's width did not cut: a row of its own, or no row
            if have == width:
                if more or not _cell_rest(nxt):
                    break
                glue = " "  # a whole row, its last cell cut by the page's width
            elif have + more == width:
                glue = " "
            elif name == "tab" and have + more + 1 == width:
                glue = "\t"  # the line was cut at a tab: the separator went with the break
            elif have + more < width and k + used + 1 < len(rows):
                glue = " "  # a row cut over three lines: its middle line holds no separator
            else:
                break
            raw = f"{raw}{glue}{nxt.raw.strip()}"
            have, used = have + more + (glue == "\t"), used + 1
        if used > 1 and have == width:
            u = unit(ln.no, raw)
            out.append(Line(ln.no, raw, u.text, u.m))
            k += used
        else:
            out.append(ln)
            k += 1
    return out


# "RESOLVED: ...", "AGREED -": a decision in capitals opens its own line, no cell's rest
_CAPITALS_RE = re.compile(r"\b[A-Z]{4,}\b")


def _cell_rest(ln: Line) -> bool:
    """Can the line be the rest of a row's last cell ("Farrowby", "March 2027", "progress"):
    three words at most, no word in capitals?"""
    return len(ln.text.split()) <= 3 and _CAPITALS_RE.search(ln.text) is None


def _starts_row(ln: Line, name: str) -> bool:
    """Does the line open a row: on its number or reference and text, or on a framed table's
    frame (the rest of a framed row, cut at a space, never opens on it)?"""
    return bool(_ROW_START_RE.match(ln.raw)) or (
        name == "framed" and ln.raw.lstrip().startswith("|")
    )


def _width(run: list[Line], rx: re.Pattern[str], name: str, page_width: int | None) -> int:
    """The separators of a whole row: the commonest count (the larger of two as common) of the
    lines as they would be with every line the page's width cut joined to the next."""
    counts: Counter[int] = Counter()
    have = 0
    for k, ln in enumerate(run):
        have += _count(ln, rx)
        if (
            k + 1 < len(run)
            and _cut(run, k, name, page_width)
            and not _starts_row(run[k + 1], name)
        ):
            continue
        if have >= 2:
            counts[have] += 1
        have = 0
    return max(counts, key=lambda c: (counts[c], c)) if counts else 0


def _table(run: list[Line], page_width: int | None) -> list[Line]:
    for name, rx in _SEPARATORS:
        if name == "tab" and _numbers_headed(run):
            rx = _TAB_COLUMN_RE
        counts = [_count(ln, rx) for ln in run]
        if max(counts) < 1 or sum(c >= 1 for c in counts) < 2:
            continue
        if name == "|" and sum(ln.raw.strip().startswith("|") for ln in run) >= 2:
            name = "framed"  # "|a|b|": its rows open and end on the frame
        width = _width(run, rx, name, page_width)
        if name == "tab":
            width = _header_width(run) or width  # a cut at a tab loses it: the header's count
        if width < 2:
            continue
        joined = _joined(run, name, width, page_width, rx)
        rows = [c for ln in joined if (c := _count(ln, rx))]
        if joined != run and len(rows) >= 2 and all(c == width for c in rows):
            return joined  # every line with cells a whole row once joined: a table
    return run


def rows_unwrapped(lines: list[Line], page_width: int | None) -> list[Line]:
    """The page's lines with each hard-wrapped table row on one line again (`page_width`: the
    width the page was hard-wrapped at, if it was)."""
    if page_width is not None and any("\t" in ln.raw for ln in lines):
        # a tab's width is the wrapping tool's guess: the page's width read from its lines
        # without tabs, when there are enough of them
        page_width = wrap_width([ln for ln in lines if "\t" not in ln.raw]) or page_width
    out: list[Line] = []
    k = 0
    while k < len(lines):
        if not lines[k].text:
            out.append(lines[k])
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].text:
            end += 1
        run = lines[k:end]  # a paragraph: the lines between two blank lines
        out.extend(_table(run, page_width) if len(run) >= 3 else run)
        k = end
    return out


# ---- a table laid out in columns of spaces, its cells wrapped within their columns ------------
# "3.01   Circulate the       14/03/2027   DVK" / "       revised hedge": the rest of a cell on
# the lines under its row, at the cell's column, the other columns blank (a PDF's table as text)
_CELL_START_RE = re.compile(r"(?:^\s*|\s{2,})(?=\S)")
_SLACK = 1  # a cell's rest may start a column off its cell's start


def _starts(raw: str) -> list[tuple[int, str]]:
    """Where each cell of the line starts, and its text (cells apart by two spaces or more)."""
    out = []
    for m in _CELL_START_RE.finditer(raw):
        at = m.end()
        end = re.search(r"\s{2,}|$", raw[at:])
        out.append((at, raw[at : at + (end.start() if end else len(raw))].strip()))
    return out


def _column_of(at: int, columns: list[int]) -> int | None:
    return next((j for j, c in enumerate(columns) if abs(c - at) <= _SLACK), None)


def _aligned_run(run: list[Line]) -> list[Line]:
    """The run's rows whole: its first line's cells give the columns; a line with a cell in
    the first column and another is a row, any other line (indented under a later column, or
    the first column's rest alone) is the rest of the row above's cells, each at its column."""
    if any("\t" in ln.raw for ln in run):
        return run
    columns = [a for a, _ in _starts(run[0].raw.rstrip())]
    if len(columns) < 2:
        return run
    rows: list[tuple[Line, list[str]]] = []
    merged = 0
    for ln in run:
        cells = _starts(ln.raw.rstrip())
        at = [_column_of(a, columns) for a, _ in cells]
        if not cells or any(j is None for j in at):
            return run  # a line off the table's columns: no such table
        texts = [t for _, t in cells]
        if at[0] == 0 and len(cells) >= 2:
            row = [""] * len(columns)
            for j, t in zip(at, texts, strict=True):
                row[j or 0] = t
            rows.append((ln, row))
            continue
        if not rows:
            return run
        cut = rows[-1][1]
        for j, t in zip(at, texts, strict=True):
            k = j or 0
            # "re-" / "felting": a word its hyphen broke over the cell's lines stays one word
            glue = "" if re.search(r"[a-z]-$", cut[k]) else " "
            cut[k] = f"{cut[k]}{glue}{t}".strip()
        merged += 1
    if merged == 0 or len(rows) < 2:
        return run
    out = []
    for ln, texts in rows:
        raw = "    ".join(t for t in texts if t)
        u = unit(ln.no, raw)
        out.append(Line(ln.no, raw, u.text, u.m))
    return out


def aligned_rows_unwrapped(lines: list[Line]) -> list[Line]:
    """The page's lines with each row of a table in columns of spaces whose cells wrapped within
    their columns on one line again, its cells whole (apart by four spaces)."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        if not lines[k].text or "   " not in lines[k].raw:
            out.append(lines[k])
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].text:
            end += 1
        out.extend(_aligned_run(lines[k:end]))
        k = end
    return out


# ---- a table pasted one cell a line, as an HTML or Word table copies ---------------------------
# "No" / "Action" / "Owner" / "Due" / "1" / "Book the hall" / "Clerk" / "March": the header's
# cells one a line name the table's width; each row is the next as many lines
_MAX_HEADER_CELL = 30


def _header_cells(lines: list[Line], i: int) -> list[str | None]:
    roles: list[str | None] = []
    while i + len(roles) < len(lines):
        t = lines[i + len(roles)].text
        role = header_role(t) if t and len(t) <= _MAX_HEADER_CELL else None
        if role is None:
            break
        roles.append(role)
    return roles


def _row_of_cells(cells: list[str], roles: list[str | None]) -> bool:
    """Do the lines read as one row under the header: no blank line, a task of two words or
    more in the action column, and short cells elsewhere (no header cell among them)?"""
    for cell, role in zip(cells, roles, strict=True):
        words = len(cell.split())
        if not words or header_role(cell) is not None or (role == "action" and words < 2):
            return False
        if role != "action" and words > 8:
            return False
    return True


def cell_lines_rejoined(lines: list[Line]) -> list[Line]:
    """The page's lines with a table pasted one cell a line under its header (the header's
    cells one a line too) read as rows of " | " cells, one line a row."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        roles = _header_cells(lines, i) if lines[i].text else []
        width = len(roles)
        if width < 2 or "action" not in roles or not {"owner", "due"} & set(roles):
            out.append(lines[i])
            i += 1
            continue
        rows = [lines[i : i + width]]
        k = i + width
        while k + width <= len(lines):
            chunk = lines[k : k + width]
            if not _row_of_cells([ln.text for ln in chunk], roles):
                break
            rows.append(chunk)
            k += width
        if len(rows) < 2:
            out.append(lines[i])
            i += 1
            continue
        out.extend(one_row(chunk) for chunk in rows)
        i = k
    return out


def one_row(cells: Sequence[Line]) -> Line:
    """A table's row pasted one cell a line, as one " | " row on its first cell's line."""
    raw = " | ".join(ln.text for ln in cells)
    u = unit(cells[0].no, raw)
    return Line(cells[0].no, raw, u.text, u.m)
