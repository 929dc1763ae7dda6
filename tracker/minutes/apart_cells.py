"""An action log's owner cell printed apart from its task when the page wrapped the task's cell
(issue 17): the cell on the task's first line where the page wrapped it ("Obtain two quotes for
the   QW" / "pavilion gutter."), on a line of its own between the task's lines ("Obtain two
quotes for the" / "QW" / "pavilion gutter."), at the end of the row's last line after a task
wrapped over two ("It was agreed to renew" / "the lease for a year.   QW"), or every owner of the
log after all its tasks, one a line. Each row is put back as one line, the task whole and its
owner cell after a run of spaces ("Obtain two quotes for the pavilion gutter.   QW"), before the
page is cut into units, so the log reads as one printed with its columns side by side.

Only a run of two rows or more is put back (one cell alone between two lines of a sentence is as
likely a name the page wrapped), and a cell is initials, a role or a person (`cells.owner_cell`),
never in brackets (a proposer and seconder) nor a date."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .cells import owner_cell
from .text import Line, unit

# bodies' acronyms a sentence names ("write to the NHS"), never an owner's cell
_COMMON_ACRONYMS = frozenset(
    [
        "NHS",
        "CCG",
        "ICB",
        "GP",
        "UK",
        "PCC",
        "LA",
        "MP",
        "MS",
        "MSP",
        "AM",
        "PM",
        "CC",
        "HC",
        "EU",
        "TBC",
        "TBA",
        "NB",
        "AOB",
        "AGM",
        "EGM",
        "VAT",
        "PC",
        "DC",
    ]
)
# a due date printed after the owner's cell ("QW   30/01/2028", "QW January 2028")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DUE = (
    rf"(?:\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|ASAP|TBC|[Oo]ngoing|[Nn]ext\s+meeting)\b"
)
_DUE_RE = re.compile(rf"^(?P<cell>.*?)(?:\s+(?P<due>{_DUE}))?$")
# initials, shared or not, ending a line after one space ("... for the QW", "... to QW/ZM")
_END_INITIALS_RE = re.compile(
    rf"^(?P<task>.*[A-Za-z0-9,.])\s(?P<cell>[A-Z]{{2,4}}(?:/[A-Z]{{2,4}})*)(?:\s+(?P<due>{_DUE}))?$"
)
# a role's or a person's cell after one space where the page wrapped the task ("Book the school
# Clerk", "... the cricket Fenwick Laird January 2028"): with a due date after it, or a role
# alone after a word that does not take it as its object ("to the Clerk", "by the Treasurer")
_END_NAMED_RE = re.compile(
    r"^(?P<task>.*\s(?P<prev>[a-z][\w'\u2019\-]*))\s"
    rf"(?P<cell>[A-Z][\w'\u2019\-]*(?:\s[A-Z][\w'\u2019\-]*){{0,2}})(?:\s+(?P<due>{_DUE}))?$"
)
_OBJECT_BEFORE = frozenset(
    [
        "the",
        "a",
        "an",
        "to",
        "by",
        "with",
        "from",
        "of",
        "for",
        "and",
        "or",
        "our",
        "their",
        "his",
        "her",
        "its",
        "asked",
        "told",
        "informed",
        "thanked",
        "contact",
        "contacted",
        "inform",
        "invite",
        "invited",
    ]
)
_INITIALS_CELL_RE = re.compile(r"^[A-Z]{2,4}(?:\s?[/&]\s?[A-Z]{2,4})*$")
# the cells of a line set apart by runs of three spaces or tabs
_GAP_RE = re.compile(r"\s{3,}|\t+")
# a role or a person's cell after the task's sentence end and one space ("... gutter. Clerk")
_AFTER_STOP_RE = re.compile(r"^(?P<task>.*[a-z0-9)][.;])\s(?P<cell>[A-Z][^.;]{0,40})$")
# a task's line cut before its end: no sentence end, a letter, digit or comma last
_OPEN_RE = re.compile(r"[A-Za-z0-9,\-]$")
_CONTINUES_RE = re.compile(r"^[a-z]")
# a line the page cut inside a phrase: the next line goes on with it whatever its case
_CUT_PHRASE_RE = re.compile(r"\b(?:the|a|an|of|to|on|in|at|by|for|with|from|and|about)$")
_SENTENCE_END_RE = re.compile(r"[.;!?]$")


@lru_cache(maxsize=4096)  # each line is looked at from several rows' starts
def _cell(text: str) -> tuple[str, str] | None:
    """(owner, due) of a line that is only an owner's cell and perhaps a due date after it."""
    m = _DUE_RE.match(text.strip())
    if m is None:
        return None
    cell = m.group("cell").strip()
    if not cell or "(" in cell or cell.upper() in _COMMON_ACRONYMS or not owner_cell(cell):
        return None
    return cell, m.group("due") or ""


@lru_cache(maxsize=4096)
def _line_end_cell(text: str) -> tuple[str, str, str] | None:
    """(the task's words, owner, due) of a line ending on an owner cell after its task."""
    parts = _GAP_RE.split(text.strip())
    for n in (1, 2):  # the cell alone, or the cell and a due date's cell after it
        if len(parts) > n and (found := _cell(" ".join(parts[-n:]))) is not None:
            task = " ".join(parts[:-n])
            if re.search(r"[A-Za-z0-9,.;]$", task):
                return task, *found
    nm = _END_NAMED_RE.match(text.strip())
    if nm is not None and (nm.group("due") or nm.group("prev") not in _OBJECT_BEFORE):
        found = _cell(nm.group("cell"))
        one_role = len(nm.group("cell").split()) == 1 and not _INITIALS_CELL_RE.match(
            nm.group("cell")
        )
        if found is not None and (nm.group("due") or one_role):
            return nm.group("task").strip(), found[0], nm.group("due") or ""
    for rx in (_END_INITIALS_RE, _AFTER_STOP_RE):
        m = rx.match(text.strip())
        if m is None:
            continue
        found = _cell(m.group("cell") + (" " + (m.groupdict().get("due") or "")))
        # the task's words before the cell, not a list's letter ("c. Secretary")
        if found is not None and len(m.group("task").split()) >= 2:
            return m.group("task").strip(), *found
    return None


def _row(no: int, task: str, owner: str, due: str) -> Line:
    task = " ".join(task.split())  # the task's own runs of spaces are no cell's
    return unit(no, f"{task}   {owner}" + (f"   {due}" if due else ""))


def _text(lines: list[Line], k: int) -> str:
    # the raw line: its run of spaces before a cell is what sets the cell apart
    return lines[k].raw.strip() if 0 <= k < len(lines) and lines[k].text else ""


def _aligned(lines: list[Line], k: int) -> bool:
    """Is line `k` part of a table set out in columns of spaces (`aligned_rows_unwrapped` puts
    those rows back): cells before the last one, or the next line indented to a column?"""
    raw = lines[k].raw.strip()
    parts = _GAP_RE.split(raw)
    nxt = lines[k + 1].raw if k + 1 < len(lines) else ""
    return len(parts) > 3 or (len(parts) > 1 and _cell(parts[1]) is None) or nxt[:3] == "   "


def _rest(lines: list[Line], k: int, text: str) -> tuple[int, str]:
    """The task's lines from `k` on while the one before is cut open and each goes on with it
    (a small letter first, or the line before ends inside a phrase), none holding a cell: how
    many, and the task with them."""
    n = 0
    while _OPEN_RE.search(text):
        nxt = _text(lines, k + n)
        goes_on = _CONTINUES_RE.match(nxt) or (nxt and _CUT_PHRASE_RE.search(text))
        if not goes_on or _cell(nxt) is not None or _line_end_cell(nxt) is not None:
            break
        # "re-" / "felting": a word the page broke at its hyphen is one word again
        text, n = (text + nxt if text.endswith("-") else f"{text} {nxt}"), n + 1
    return n, text


def _rows_at(lines: list[Line], k: int) -> tuple[int, Line] | None:
    """The row put back from the lines at `k`, and how many lines it took."""
    here, below = _text(lines, k), _text(lines, k + 1)
    if not here or len(here.split()) < 2 or _aligned(lines, k):
        return None
    after = _text(lines, k + 2)
    # "Obtain two quotes for the" / "QW" / "pavilion gutter."
    own = _cell(below) if below else None
    if own is not None and _OPEN_RE.search(here) and _CONTINUES_RE.match(after):
        n, task = _rest(lines, k + 3, f"{here} {after}")
        return 3 + n, _row(lines[k].no, task, *own)
    end = _line_end_cell(here)
    if end is None:
        # "It was agreed to renew" / "the lease for a year.   QW"
        goes_on = _CONTINUES_RE.match(below) or _CUT_PHRASE_RE.search(here)
        end = _line_end_cell(below) if goes_on and _OPEN_RE.search(here) else None
        if end is not None and _SENTENCE_END_RE.search(end[0]):
            return 2, _row(lines[k].no, f"{here} {end[0]}", end[1], end[2])
        return None
    # "Obtain two quotes for the   QW" / "pavilion gutter.", or over more lines
    if _OPEN_RE.search(end[0]) and _CONTINUES_RE.match(below) and _line_end_cell(below) is None:
        n, task = _rest(lines, k + 1, end[0])
        return 1 + n, _row(lines[k].no, task, end[1], end[2])
    return None


# a line that is no task of a log: a titled person (a list of members), a row of cells
_NOT_TASK_RE = re.compile(r"^(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s|\s[/|]\s")


def _owners_after(lines: list[Line], k: int) -> tuple[int, list[Line]] | None:
    """A run of task lines at `k` followed by as many owner cells, one a line: the rows. The
    tasks are sentences of their own (a full stop ends each), or the cells are all initials (a
    list of names or titles over a list of names is no log)."""
    tasks: list[int] = []
    j = k
    while j < len(lines) and lines[j].text and _cell(lines[j].text) is None:
        t = lines[j].text
        if len(t.split()) < 4 or _NOT_TASK_RE.search(t) or _line_end_cell(_text(lines, j)):
            return None
        tasks.append(j)
        j += 1
    cells: list[tuple[str, str]] = []
    while j < len(lines) and lines[j].text and (c := _cell(lines[j].text)) is not None:
        cells.append(c)
        j += 1
    if len(tasks) < 2 or len(cells) != len(tasks):
        return None
    stopped = all(_SENTENCE_END_RE.search(lines[t].text) for t in tasks)
    if not stopped and not all(_INITIALS_CELL_RE.match(o) for o, _ in cells):
        return None
    rows = [_row(lines[t].no, lines[t].text, *c) for t, c in zip(tasks, cells, strict=True)]
    return j - k, rows


def owner_cells_moved(lines: list[Line]) -> list[Line]:
    """The page's lines with each action log row whose owner cell was printed apart from its
    task put back as one line (a run of two such rows or more)."""
    found: list[tuple[int, int, list[Line]]] = []  # (start, lines taken, rows)
    # the lines that are a cell alone: an owners-after run ends on one (most pages have none)
    alone = [j for j, ln in enumerate(lines) if ln.text and len(ln.text) <= 60 and _cell(ln.text)]
    k = 0
    while k < len(lines):
        at_cell = bisect.bisect_right(alone, k)
        cell_near = at_cell < len(alone) and alone[at_cell] - k <= 40
        after = _owners_after(lines, k) if cell_near else None
        if after is not None:
            found.append((k, after[0], after[1]))
            k += after[0]
            continue
        at = _rows_at(lines, k)
        if at is not None:
            found.append((k, at[0], [at[1]]))
            k += at[0]
            continue
        k += 1
    if not found:
        return lines
    keep: list[tuple[int, int, list[Line]]] = []
    for n, f in enumerate(found):
        near = [g for g in found[max(0, n - 1) : n + 2] if g is not f]
        close = any(abs(g[0] - f[0]) <= max(g[1], f[1]) + 3 for g in near)
        if len(f[2]) >= 2 or close:
            keep.append(f)
    if not keep:
        return lines
    out: list[Line] = []
    k = 0
    for start, taken, rows in keep:
        out += lines[k:start] + rows
        k = start + taken
    return out + lines[k:]
