"""An action log's owner cells on a page flattened onto one line (issue 17): the page's sentences
are its units, so each owner cell lands where the flattening put it, and a run of two rows or
more reads as the log it was:

- a unit that is only the cell ("QW", "QW/ZM   30/01/2028", "Treasurer"), after its task's unit;
- a cell at the start of the next row's unit ("Treasurer Renew the insurance ..."): the owner of
  the task before it;
- every owner after every task, in one unit ("QW ZM/HRT Treasurer"): in the tasks' order;
- a person's initials inside the task where the page wrapped its cell ("Obtain two quotes for
  QW repainting the pavilion shutters."): the task without them. Only initials the page uses for
  somebody elsewhere (after a name in brackets, as a sentence's subject, as a cell), never in
  brackets (a proposer and seconder) nor a sentence's own subject.

Rows the page set out with its columns side by side are put back before the page is cut into
units (`apart_cells.py`); these are what is left of them once the line breaks are gone."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .apart_cells import _CUT_PHRASE_RE, _DUE, _cell
from .flat_items import flattened
from .scoring import Candidate
from .segment import Segmented

_INITIALS = r"[A-Z]{2,4}(?:/[A-Z]{2,4})*"
# initials the page uses for somebody: after the person's name in brackets ("Quentin Wray (QW)",
# "Hana Rowe-Tull (HRT)"), or as a sentence's subject ("QW reported", "and QW have")
_NAMED_RE = re.compile(r"((?:[A-Z][a-z'\u2019]+(?:-[A-Z][a-z'\u2019]+)*\s+){2,3})\(([A-Z]{2,4})\)")
_SUBJECT_RE = re.compile(
    r"(?:^|[.;:,]\s|\band\s)([A-Z]{2,4})\s+(?:[a-z]+ed|to|will|would|has|have|had|is|was|"
    r"said|asked|agreed|thanked|explained)\b"
)
# a body's name before its acronym ("Strategic Review Group (SRG)") names no one
_BODY_WORDS = frozenset(
    [
        "Group",
        "Council",
        "Board",
        "Committee",
        "Partnership",
        "Trust",
        "Association",
        "Forum",
        "Service",
        "Services",
        "Agency",
        "Authority",
        "Society",
        "Network",
        "Team",
        "Panel",
        "Office",
        "Department",
        "Club",
    ]
)
# the cell inside the task: words before it (the last with a small letter or digit), words after
_INSIDE_RE = re.compile(
    rf"^(?P<a>\S+(?:\s+\S+)*?\s+\S*[a-z0-9,])\s(?P<cell>{_INITIALS})(?:\s+{_DUE})?"
    r"\s(?P<b>[A-Za-z].*)$"
)
# a cell opening the next row's unit, before its number or capitalised first word ("Clerk Renew
# ...", "ZM 30/01/2028 4.2 The volunteers ...", "ZM 5.")
_OPENING_RE = re.compile(
    rf"^(?P<cell>\S+(?:\s\S+)?)(?:\s+(?P<due>{_DUE}))?(?:\s+(?P<num>\(?\d{{1,3}}(?:\.\d{{1,2}})?[.)]?))?"
    r"(?:\s(?P<rest>[A-Z][a-z].*))?$"
)
# a role's or a person's cell and a due date inside the task ("Ask the bus Treasurer 30/01/2028
# operator to ..."): a cell with a date after it is no name the sentence speaks of
_INSIDE_DUE_RE = re.compile(
    rf"^(?P<a>\S+(?:\s+\S+)*?\s+\S*[a-z0-9,])\s(?P<cell>[A-Z][\w'\u2019\-]*(?:\s[A-Z][\w'\u2019\-]*){{0,2}})"
    rf"\s+{_DUE}\s(?P<b>[A-Za-z].*)$"
)
# initials as a sentence's subject ("Matters reported QW reported that ..."): no cell
_SUBJECT_VERB_RE = re.compile(
    r"^(?:[a-z][a-z\-]*ed|to|will|would|has|have|had|is|was|said|asked|agreed|thanked|explained)\b"
)
_AGENT_RE = re.compile(r"\b(?:by|from|with|and)$")
_NUMBER_UNIT_RE = re.compile(r"^\(?\d{1,3}(?:\.\d{1,2})?[.)]?$")
_TASK_END_RE = re.compile(r"[a-z0-9)][.;]$")


def _somebody(lines: Sequence[str]) -> frozenset[str]:
    found: set[str] = set()
    for text in lines:
        for m in _NAMED_RE.finditer(text):
            words = m.group(1).split()
            letters = "".join(p[0] for w in words for p in w.split("-"))
            if letters == m.group(2) and not set(words) & _BODY_WORDS:
                found.add(m.group(2))
        found.update(m.group(1) for m in _SUBJECT_RE.finditer(text))
    return frozenset(found)


def _task_before(seg: Segmented, i: int, free: set[int]) -> int | None:
    """The unit before `i` (a row number's unit skipped) when it reads as a task."""
    j = i - 1
    while j >= 0 and _NUMBER_UNIT_RE.match(seg.lines[j].text):
        j -= 1
    if j < 0 or j not in free or j in seg.headings:
        return None
    text = seg.lines[j].text
    if len(text.split()) < 3 or _cell(text) is not None or not _TASK_END_RE.search(text):
        return None
    return j


# one cell of a run of cells printed after all the tasks: initials or a one-word role, and a due
# date perhaps ("QW ZM/HRT Treasurer", "QW 30/01/2028 ZM 30/01/2028")
_RUN_CELL_RE = re.compile(rf"(?P<cell>{_INITIALS}|[A-Z][a-z]+)(?:\s+{_DUE})?(?:\s+|$)")


def _cell_run(text: str) -> list[str] | None:
    """The owners of a unit that is only two cells or more, in order."""
    owners: list[str] = []
    text = re.sub(r"\s+\(?\d{1,3}(?:\.\d{1,2})?[.)]?$", "", text)  # the next item's number
    at = 0
    while at < len(text):
        m = _RUN_CELL_RE.match(text, at)
        if m is None or _cell(m.group("cell")) is None:
            return None
        owners.append(m.group("cell"))
        at = m.end()
    return owners if len(owners) >= 2 else None


def _tasks_before(seg: Segmented, i: int, n: int, free: set[int]) -> list[int] | None:
    """The `n` task units before `i`, each a sentence of its own (row numbers skipped)."""
    found: list[int] = []
    while len(found) < n:
        j = _task_before(seg, i, free)
        if j is None:
            return None
        found.append(j)
        i = j
    return found[::-1]


def flattened_cells(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """Actions from an owner column's cells on a flattened page (see the module's text)."""
    lines = seg.lines
    flat = flattened(lines)
    if not flat:
        return []
    free_set = set(free)
    known: frozenset[str] | None = None
    found: list[tuple[int, str, str]] = []  # (the task's unit, owner, task)
    for i in free:
        ln = lines[i]
        if ln.no not in flat or not ln.text:
            continue
        text = ln.text
        owners = _cell_run(text)
        tasks = _tasks_before(seg, i, len(owners), free_set) if owners else None
        if owners and tasks:
            # every owner printed after every task: the cells in the tasks' order
            found += [(j, o, lines[j].text) for j, o in zip(tasks, owners, strict=True)]
            continue
        alone = _cell(text)
        if alone is not None:
            j = _task_before(seg, i, free_set)
            if j is not None:
                found.append((j, alone[0], lines[j].text))
            continue
        om = _OPENING_RE.match(text)
        # only with a due date or the next row's number after it: a name or a body opening a
        # sentence ("PCSO Pilcher recommended ...", "Victoria Park Drive ...") is no cell
        dated = om is not None and (om.group("num") or om.group("due"))
        opening = _cell(om.group("cell")) if om and dated else None
        rest = om.group("rest") or "" if om else ""
        # "HMS HMS will ...": the owner printed again before its own sentence, not a cell
        if opening and not rest.startswith(opening[0] + " "):
            j = _task_before(seg, i, free_set)
            if j is not None:
                found.append((j, opening[0], lines[j].text))
                text = rest
        dm = _INSIDE_DUE_RE.match(text)
        if dm is not None and _cell(dm.group("cell")) is not None:
            found.append((i, dm.group("cell"), f"{dm.group('a')} {dm.group('b')}"))
            continue
        im = _INSIDE_RE.match(text)
        if im is None:
            continue
        if known is None:
            known = _somebody([x.text for x in lines])
        cell = im.group("cell")
        goes_on = im.group("b")[0].islower() or _CUT_PHRASE_RE.search(im.group("a"))
        # "suggested by KD covers ...": the sentence names its agent; "... nice for HMS
        # activities." over "HMS to purchase chairs.": the cell of the next row's own directive
        agent = _AGENT_RE.search(im.group("a"))
        after = lines[i + 1].text if i + 1 < len(lines) else ""
        if agent or after.startswith(cell + " "):
            continue
        if (
            goes_on
            and not _SUBJECT_VERB_RE.match(im.group("b"))
            and all(p in known for p in cell.split("/"))
        ):
            found.append((i, cell, f"{im.group('a')} {im.group('b')}"))
    out: list[Candidate] = []
    for n, (j, owner, task) in enumerate(found):
        near = [g for g in found[max(0, n - 1) : n + 2] if g[0] != j]
        if not any(abs(g[0] - j) <= 6 for g in near):
            continue  # one cell alone is as likely a name the page printed there
        c = Candidate("action", "owner cell on a flattened page", task, j, lines[j].no)
        c.owner, c.base = owner, 0.6
        c.feature("a run of rows each with its owner's cell", 0.1)
        out.append(c)
    return out


# an action log's header words before its first row ("Summary of Actions Item No Item Actions")
_LOG_HEAD_RE = re.compile(r"\b(?:Actions?|ACTIONS?|Owner|Who|Responsible|Lead)\b")
# a row's number inside the unit, before its capitalised first word ("3. Officer Support ...")
_ROW_NO_RE = re.compile(r"(?:^|\s)\(?\d{1,2}(?:\.\d{1,2})?[.)]?\s+(?=[A-Z])")
_ROW_INITIALS_RE = re.compile(
    r"(?<=\s)(?P<cell>[A-Z]{2,4}(?:\s?[/&]\s?[A-Z]{2,4})*)" rf"(?:\s+{_DUE})?(?=\s|$)"
)
# a log of earlier meetings' actions, restated: the meeting decides none of them here
_EARLIER_RE = re.compile(r"\b(?:last|previous|earlier)\s+meeting\b|\bmatters\s+arising\b", re.I)
_ROW_DATED_RE = re.compile(
    rf"(?<=\s)(?P<cell>[A-Z][\w'\u2019\-]*(?:\s[A-Z][\w'\u2019\-]*){{0,2}})\s+{_DUE}(?=\s|$)"
)


def _row_cell(row: str, known: frozenset[str]) -> tuple[str, str] | None:
    """(owner, task) of a row holding one owner cell: a person's initials the page uses, or a
    cell with a due date after it; the task is the row without it."""
    hits = [
        m
        for m in _ROW_INITIALS_RE.finditer(row)
        if all(p.strip() in known for p in re.split(r"[/&]", m.group("cell")))
        and not _SUBJECT_VERB_RE.match(row[m.end() :].lstrip())
        and not _AGENT_RE.search(row[: m.start()].rstrip())
    ]
    if not hits:
        hits = [m for m in _ROW_DATED_RE.finditer(row) if _cell(m.group("cell")) is not None]
    if len(hits) != 1:
        return None
    m = hits[0]
    task = f"{row[: m.start()].strip()} {row[m.end() :].strip()}".strip()
    return (m.group("cell"), task) if len(task.split()) >= 3 else None


def numbered_rows_in_a_unit(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """An action log whose numbered rows ran into one unit, each with its owner's cell inside
    where the page wrapped the row ("Summary of Actions Item No Item Actions 3. Officer Support
    Send out the guidelines to QW councils with a cover letter 8. Date of next ..."): the header's
    words before the first row, two rows or more, each with one cell (see `_row_cell`)."""
    lines = seg.lines
    known: frozenset[str] | None = None
    out: list[Candidate] = []
    for i in free:
        text = lines[i].text
        cuts = [m for m in _ROW_NO_RE.finditer(text)] if len(text) > 80 else []
        if len(cuts) < 2 or not _LOG_HEAD_RE.search(text[: cuts[0].start()]):
            continue
        above = next((lines[k].text for k in range(i - 1, max(-1, i - 4), -1) if lines[k].text), "")
        head = text[: cuts[0].start()]
        if i in seg.earlier or i in seg.reviewing or _EARLIER_RE.search(f"{above} {head}"):
            continue
        if known is None:
            known = _somebody([x.text for x in lines])
        ends = [m.start() for m in cuts[1:]] + [len(text)]
        rows = [_row_cell(text[m.end() : e], known) for m, e in zip(cuts, ends, strict=True)]
        if any(r is None for r in rows):
            continue
        for owner, task in (r for r in rows if r is not None):
            c = Candidate("action", "owner cell inside a numbered row", task, i, lines[i].no)
            c.owner, c.base = owner, 0.6
            c.feature("every row of the log holds its owner's cell", 0.1)
            out.append(c)
    return out
