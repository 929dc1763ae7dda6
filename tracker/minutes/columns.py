"""Tables whose header row was lost or never printed: the columns are inferred from the rows.

A run of two or more units that split on the same cell separator (" | ", a tab, " / ", a run of
spaces) into the same number of cells is a table. Each column's role is read from what all its
cells look like: row numbers, dates ("30 June", "Q3", "ongoing"), owners (names, roles or
initials: "AB", "Clerk", "Head of Audit", "JS/CD"), and the action (the column of longest text).
A table is an action log only when it has both an owner and an action column; each row then
gives one action (the row's own "<person> to <verb>" wins over the owner column, as in a sheet
with a header). A line with no separator between two rows is the wrapped rest of the row above.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .cells import TRAILING_INITIALS_RE
from .logrows import log_header, opens_decision, row_actions
from .owners import IMPERATIVES
from .row_refs import REF_RE, follows, reference_column
from .scoring import Candidate
from .segment import Segmented
from .tables import header_role, match_table_header, with_due
from .text import Line

_SEPARATORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("|", re.compile(r"\s*\|\s*")),
    ("tab", re.compile(r"\s*\t+\s*")),
    ("/", re.compile(r"\s+/\s+")),
    ("spaces", re.compile(r"\s{3,}")),
)
_GAP_RE = re.compile(r"\t|\s{3}")
_LEADING_NO_RE = re.compile(r"^(?P<no>\(?\d{1,3}(?:\.\d{1,2})?[.)]?)\s+(?P<rest>\S.*)$")
# "1 / X" or "12/27 / X" read as "12/27 X": the row's number or reference cell before its text
_LEADING_REF_RE = re.compile(
    r"^(?P<no>\(?\d{1,3}(?:\.\d{1,2})?[.)]?|[A-Z]{1,4}\d{1,4}(?:[./]\d{1,4}){0,2}"
    r"|\d{1,3}/\d{1,4})\s+(?P<rest>\S.*)$"
)
_NUMBER_RE = re.compile(r"^\(?\d{1,3}(?:\.\d{1,2})?[.)]?$")
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DUE_RE = re.compile(
    rf"^(?:(?:by|end(?:\s+of)?|before|w/?c)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_MONTH})"
    r"(?:\s+\d{2,4})?$|^\d{1,2}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?$|^q[1-4](?:\s+\d{2,4})?$"
    r"|^(?:ongoing|asap|tbc|tba|n/?a|complete[d]?|done|immediate(?:ly)?|next\s+meeting"
    r"|\d{4}(?:/\d{2,4})?)$",
    re.I,
)
_OWNER_TOKEN_RE = re.compile(
    # "Cllr J. Brown", "Mrs A Smith": a person's initial, with or without its full stop
    r"^(?:[A-Z][\w'\u2019\-]+\.?|[A-Z]\.?|[A-Z]{2,5}(?:/[A-Z]{2,5})*|and|&|of|for|/)$"
)
# a status column's cells: "Open", "In progress", "Complete", "On track", "RAG" colours
_STATUS_RE = re.compile(
    r"^(?:open|closed|complete[d]?|done|ongoing|in\s+progress|not\s+started|on\s+track"
    r"|overdue|pending|green|amber|red|new|cleared)$",
    re.I,
)
# "All", "All members", "All trustees": everyone at the meeting as the owner
_EVERYONE_RE = re.compile(
    r"^all(?:\s+(?:members|councillors|officers|trustees|partners|staff))?$", re.I
)
_PLAIN_WORD_RE = re.compile(r"(?<![\w'])(?!(?:and|of|for|the|in|on)\b)[a-z]{2,}\b")
_MAX_WRAP = 3


def row_cells(ln: Line) -> list[str] | None:
    """The cells of a unit split as a table's row is (" / ", "|", a tab, a run of spaces, a
    task and its owner's initials), or None."""
    got = _split(ln)
    return got[1] if got else None


def _split(ln: Line) -> tuple[str, list[str]] | None:
    if "|" not in ln.text and "/" not in ln.text and not _GAP_RE.search(ln.raw):
        return _initials_split(ln.text)  # most units of a page: no separator of any kind
    for name, rx in _SEPARATORS:
        text = ln.raw if name in ("tab", "spaces") else ln.text  # the text has runs collapsed
        body = text.strip().strip("|").strip() if name == "|" else text.strip()
        cells = [c.strip() for c in rx.split(body)]
        if len(cells) >= 2 and all(cells):
            lm = _LEADING_REF_RE.match(cells[0]) if name == "/" else None
            # "1 / X" read as "1 X"; "7.01 / Hall Manager / Book ..." read as "7.01 Hall
            # Manager / Book ...": the reference cell before an owner's is a cell of its own
            if lm and (len(lm.group("rest").split()) >= 3 or _is_owner(lm.group("rest"))):
                cells = [lm.group("no"), lm.group("rest"), *cells[1:]]
            return name, cells
    return _initials_split(ln.text)


# "... at some length. Send the survey to the trust ZM": the first row of a flattened owner
# column glued onto the end of the paragraph before it, its task a sentence of its own opening
# on an imperative (the paragraph before it no decision: "RESOLVED ..." stays whole)
_GLUED_ROW_RE = re.compile(r"^(?P<said>.*[a-z0-9)][.!?])\s+(?P<task>[A-Z][a-z]+\s+\S.*)$")
_DECIDED_RE = re.compile(r"\b(?:resolved|agreed|approved|decided|carried)\b", re.I)


def _initials_split(text: str) -> tuple[str, list[str]] | None:
    """The task and the owner's initials after it, as two cells, or None."""
    tm = TRAILING_INITIALS_RE.match(text)
    if tm is None:
        return None
    gm = _GLUED_ROW_RE.match(tm.group("task"))
    if gm and gm.group("task").split()[0].lower() in IMPERATIVES:
        if _DECIDED_RE.search(gm.group("said")):
            return None
        return "initials", [gm.group("task"), tm.group("owner")]
    lm = _LEADING_NO_RE.match(tm.group("task"))  # "1. Write to ... AB": the row's number cell
    lead = [lm.group("no"), lm.group("rest")] if lm else [tm.group("task")]
    return "initials", [*lead, tm.group("owner")]


def _is_owner(cell: str) -> bool:
    if _EVERYONE_RE.match(cell):
        return True
    tokens = cell.replace(",", " ").split()
    return (
        not _STATUS_RE.match(cell)
        and 0 < len(tokens) <= 6
        and all(_OWNER_TOKEN_RE.match(t) for t in tokens)
        and not _DUE_RE.match(cell)
        and not _NUMBER_RE.match(cell)
    )


def _roles(rows: list[list[str]]) -> dict[str, int] | None:
    """Which column holds the number, due date, owner and action, read from every row."""
    width = len(rows[0])
    roles: dict[str, int] = {}
    for j in range(width):
        col = [r[j] for r in rows]
        if "number" not in roles and (
            all(_NUMBER_RE.match(c) for c in col) or (j == 0 and reference_column(col))
        ):
            roles["number"] = j
        elif "due" not in roles and all(_DUE_RE.match(c) for c in col):
            roles["due"] = j
        elif "owner" not in roles and all(_is_owner(c) for c in col):
            roles["owner"] = j
    rest = [j for j in range(width) if j not in roles.values()]
    if not rest or "owner" not in roles:
        return None
    action = max(rest, key=lambda j: sum(len(r[j].split()) for r in rows))
    if sum(len(r[action].split()) for r in rows) < 3 * len(rows):
        return None  # too short to be a task: a list of names and places, not an action log
    tasks = sum(bool(_PLAIN_WORD_RE.search(r[action])) for r in rows)
    if tasks * 2 <= len(rows):
        return None  # names beside organisations (an attendance list): no task is written
    roles["action"] = action
    return roles


def inferred_tables(seg: Segmented, free: Sequence[int]) -> tuple[list[Candidate], set[int]]:
    """Actions of every header-less action table in the free units, and the units it spans."""
    lines = seg.lines
    free_set = set(free)
    out: list[Candidate] = []
    spanned: set[int] = set()
    i = 0
    while i < len(lines):
        first = _split(lines[i]) if i in free_set and lines[i].text else None
        if first is None:
            i += 1
            continue
        sep, cells = first
        rows: list[tuple[int, list[str]]] = [(i, list(cells))]
        k, wrap = i + 1, 0
        decided: set[int] = set()  # decisions minuted between two rows: not the table's
        while k < len(lines):
            u = lines[k]
            if not u.text:
                k += 1
                continue
            if opens_decision(u) and _row_next(lines, k + 1, free_set, sep, len(cells)):
                decided.add(k)  # "RESOLVED that ..." alone between two rows: the rows go on
                k += 1
                continue
            if k not in free_set:
                break
            got = _split(u)
            if got is not None and got[0] == sep and len(got[1]) == len(cells):
                rows.append((k, got[1]))
                wrap = 0
            elif (
                got is None
                and wrap < _MAX_WRAP
                and not opens_decision(u)
                and _resumes(lines, k + 1, free_set, sep)
            ):
                wrap += 1  # a cell wrapped onto its own line: kept with the row above
                rows[-1][1].append(u.text)
            else:
                break
            k += 1
        table = [(idx, c[: len(cells)], c[len(cells) :]) for idx, c in rows]
        named = [header_role(c) for c in cells]
        if sum(r is not None for r in named) >= 2:
            # a header row names the columns; the keyword reader reads the tables whose header
            # it knows, this one reads the rest (" / " cells outside an action log ...)
            if _read_elsewhere(seg, i) or "action" not in named or len(table) < 2:
                i = k
                continue
            named_roles: dict[str, int] = {
                r: named.index(r) for r in ("action", "owner") if r in named
            }
            roles: dict[str, int] | None = named_roles
            table, why = table[1:], "row of an action table under its header"
            act = named_roles["action"]
            if "owner" not in named_roles and not read_as_tasks(c[act] for _, c, _ in table):
                # "Item / Notes / Action" over minuted notes ("Apologies were received ..."):
                # with no owner column, a table is an action log only when its rows read as
                # tasks; its notes are left to the other readers (an "ACTION: EM to ..." in them)
                i = k
                continue
        else:
            roles = _roles([c for _, c, _ in table]) if len(table) >= 2 else None
            if roles is not None and not (
                (under_actions_title(seg, i) and sep != "initials")
                or read_as_tasks(c[roles["action"]] for _, c, _ in table)
            ):
                roles = None  # names beside notes (attendance, papers): neither headed nor tasks
            why = f"row of an action table with no header (columns read from its {len(table)} rows)"
        if roles is None:
            # a later row may start a table (a header of its own, or rows that read as one
            # without the rows above): found in one pass over the run, not by rescanning it
            later = _first_table_from(seg, table, len(cells))
            i = k if later is None else later
            continue
        for idx, c, wrapped in table:
            action = " ".join([c[roles["action"]], *wrapped])
            owner = c[roles["owner"]] if "owner" in roles else ""
            found = row_actions(seg, idx, action, owner, why)
            if not found:  # a row that names nobody and no passive task: listed for review
                cand = Candidate("action", why, action, idx, lines[idx].no)
                cand.base = 0.3
                cand.feature("the row names no owner", 0.0)
                found = [cand]
            for cand in found:
                if sep == "initials":  # as the trailing-owner reader writes it (a sentence)
                    cand.text = cand.text.rstrip(" .") + "."
                if "due" in roles:  # "March", "31/03/2027", "ASAP": the row's due cell
                    cand.text, cand.due = with_due(cand.text, c[roles["due"]])
                if "owner" in roles:
                    cand.feature(f"owner column {roles['owner'] + 1} of {len(cells)}", 0.0)
                out.append(cand)
        spanned.update(set(range(i, k)) - decided)
        i = k
    return out, spanned


def _first_table_from(
    seg: Segmented, table: list[tuple[int, list[str], list[str]]], width: int
) -> int | None:
    """The first later row of a run that is no header-less table from its first row, from
    which the rest reads as a header row or a table: what `_roles` and the task check would say
    of each rest of the run, read from the last row back with running counts, so a long run
    that is no table (an attendance list) costs one pass, not one pass per row."""
    n = len(table)
    ok = [False] * n
    number, due, owner = [True] * width, [True] * width, [True] * width
    ref = True  # the first column a run of references, row after row
    words, plain, imper = [0] * width, [0] * width, [0] * width
    for s in range(n - 1, 0, -1):
        c = table[s][1]
        ref = (
            ref
            and REF_RE.match(c[0]) is not None
            and (s == n - 1 or follows(c[0], table[s + 1][1][0]))
        )
        for j in range(width):
            number[j] = number[j] and _NUMBER_RE.match(c[j]) is not None
            due[j] = due[j] and _DUE_RE.match(c[j]) is not None
            owner[j] = owner[j] and _is_owner(c[j])
            words[j] += len(c[j].split())
            plain[j] += _PLAIN_WORD_RE.search(c[j]) is not None
            imper[j] += (c[j].split() or [""])[0].lower().strip("-\u2022") in IMPERATIVES
        rows = n - s
        if rows < 2:
            continue
        roles: dict[str, int] = {}
        for j in range(width):
            if "number" not in roles and (number[j] or (j == 0 and ref)):
                roles["number"] = j
            elif "due" not in roles and due[j]:
                roles["due"] = j
            elif "owner" not in roles and owner[j]:
                roles["owner"] = j
        rest = [j for j in range(width) if j not in roles.values()]
        if not rest or "owner" not in roles:
            continue
        action = max(rest, key=lambda j: words[j])
        ok[s] = (
            words[action] >= 3 * rows
            and plain[action] * 2 > rows
            and (imper[action] * 2 > rows or under_actions_title(seg, table[s][0]))
        )
    for s in range(1, n):
        if ok[s] or sum(header_role(c) is not None for c in table[s][1]) >= 2:
            return table[s][0]
    return None


def _read_elsewhere(seg: Segmented, i: int) -> bool:
    """Is the header at unit i one the keyword reader or the action-log reader takes?"""
    return match_table_header(seg.lines[i]) is not None or (
        i in seg.log and log_header(seg.lines[i].text) is not None
    )


def _resumes(lines: Sequence[Line], k: int, free: set[int], sep: str) -> bool:
    """Does a row of the same table follow the wrapped line (within three units)?"""
    for j in range(k, min(len(lines), k + _MAX_WRAP)):
        ln = lines[j]
        if not ln.text:
            continue
        got = _split(ln)
        if got is not None and got[0] == sep:
            return j in free
    return False


def _row_next(lines: Sequence[Line], k: int, free: set[int], sep: str, width: int) -> bool:
    """Is the next unit with text a free row of `width` cells split on `sep`?"""
    while k < len(lines) and not lines[k].text:
        k += 1
    got = _split(lines[k]) if k < len(lines) and k in free else None
    return got is not None and got[0] == sep and len(got[1]) == width


_ACTIONS_TITLE_RE = re.compile(r"\bactions?\b", re.I)


def under_actions_title(seg: Segmented, i: int) -> bool:
    """Is the table under an action log's heading ("Actions", "Action log", "5. Actions")?"""
    if i in seg.log:
        return True
    k, seen = i - 1, 0
    while k >= 0 and seen < 2:
        t = seg.lines[k].text
        if t:
            seen += 1
            if _header_row(seg.lines[k]):
                return False  # "Item / Notes / Action": the header of a table, not a title
            if len(t.split()) <= 8 and _ACTIONS_TITLE_RE.search(t):
                return True
        k -= 1
    return False


def _header_row(ln: Line) -> bool:
    got = _split(ln)
    return got is not None and sum(header_role(c) is not None for c in got[1]) >= 2


def read_as_tasks(cells: Iterable[str]) -> bool:
    """Do most cells read as tasks, starting with what is to be done ("Circulate ...")?"""
    firsts = [(c.split() or [""])[0].lower().strip("-\u2022") for c in cells]
    return sum(f in IMPERATIVES for f in firsts) * 2 > len(firsts)
