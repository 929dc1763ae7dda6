"""An action table run onto one line with no separator left between its cells, as a table
copied out of a PDF or a web page can come out: "No Action Owner Due 1. Book the hall Clerk
March 2. Ask the school about parking QW 14/03/2027". Its cells cannot be cut at a separator,
but each kind of cell has a shape of its own: a row's reference counts on ("1.", "2."; "AP11",
"AP12"), a task opens on an imperative in capitals ("Book", "Ask"), a due date, a status
("Open", "In progress") and an owner (initials, "All members", a role, a person: the words in
capitals before or after the task). A header row's words give the order of the cells; with no
header the order is the one that reads every row whole. The table is read back as one " | " row
a line before the page is cut into units, for the readers of such tables. Only on a line (or a
hard-wrapped line's pieces) holding no separator, full stop or dash of its own, under an
actions heading, a header row or references in turn."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from .cells import TRAILING_INITIALS_RE
from .owners import TASK_VERBS as _VERBS
from .row_refs import REF_RE, follows
from .text import Line, unit

# a header row's column names and the kind of cell each names (R reference, T task, O owner,
# D due date, S status)
_HEADER_NAMES: tuple[tuple[str, str], ...] = (
    ("action by", "O"), ("by whom", "O"), ("by when", "D"), ("target date", "D"),
    ("due date", "D"), ("date due", "D"), ("completed by", "D"), ("status/update", "S"),
    ("no", "R"), ("no.", "R"), ("ref", "R"), ("ref.", "R"), ("item", "R"), ("action", "T"),
    ("actions", "T"), ("what", "T"), ("task", "T"), ("owner", "O"), ("who", "O"), ("lead", "O"),
    ("responsible", "O"), ("person", "O"), ("due", "D"), ("when", "D"), ("deadline", "D"),
    ("date", "D"), ("timescale", "D"), ("status", "S"), ("update", "S"), ("progress", "S"),
)  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DUE_RE = re.compile(
    rf"^(?:(?:by|end|w/c)\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}(?:\s+\d{{2,4}})?$"
    r"|^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$|^(?:19|20)\d{2}-\d{2}-\d{2}$|^q[1-4](?:\s+\d{2,4})?$"
    r"|^(?:ongoing|asap|tbc|tba|immediately|next\s+meeting)$",
    re.I,
)
_STATUS_RE = re.compile(
    r"^(?:open|closed|complete[d]?|done|in\s+progress|not\s+started|on\s+track|overdue"
    r"|pending|green|amber|red)$",
    re.I,
)
_INITIALS_RE = re.compile(r"^[A-Z]{2,4}(?:/[A-Z]{2,4})*$")
_TITLE_RE = re.compile(r"^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?$")
_EVERYONE_RE = re.compile(r"^All$")
_GROUP_WORDS = frozenset(["members", "councillors", "trustees", "officers", "staff"])
_JOINERS = _GROUP_WORDS | {"&", "and"}  # "All members", "QW & ZM" before a task
# a role in one word ("Clerk"), and the words a place's name ends on: "... near Mill Lane Clerk"
# is the clerk's; two words in capitals otherwise are a role of two ("Fixtures Secretary")
_ROLES = frozenset(["clerk", "chair", "chairman", "treasurer", "secretary", "mayor"])
_PLACE_WORDS = frozenset(
    [
        "row", "lane", "road", "street", "close", "green", "park", "hill", "way", "avenue",
        "drive", "court", "place", "square", "bridge", "farm", "wood", "field", "fields", "end",
        "gardens", "terrace", "crescent", "common", "church", "school", "hall",
    ]
)  # fmt: skip
_CAPITAL_RE = re.compile(r"^[A-Z][\w'\u2019&/\-]*$")
# a line with separators, sentences or dashes of its own is read by other readers (or is prose)
_OWN_MARKS_RE = re.compile(r"\s[/|\-\u2013\u2014]\s|\t|[()\[\]\"\u201c\u201d]|[.;:!?,](?:\s|$)")
# a row's reference closed by a full stop or bracket ("1.", "2)"): no sentence's end
_REF_MARK_RE = re.compile(r"(?<!\S)\(?[A-Z]{0,4}\d{1,4}(?:[./\-]\d{1,4}){0,2}[.)](?=\s)")
_GAP_RE = re.compile(r"\t|\s{2,}")
_ACTIONS_HEADING_RE = re.compile(r"\bactions?\b|\baction\s+points\b", re.I)
_MIN_ROWS = 2
# a table's run: longer than a heading, shorter than a flattened page (a paragraph of rows, a
# row a line, is a few dozen lines at most)
_MIN_CHARS, _MAX_CHARS, _MAX_LINES = 40, 4000, 40

Cells = list[str]


def _due(tokens: Sequence[str]) -> bool:
    return _DUE_RE.match(" ".join(tokens)) is not None


def _status(tokens: Sequence[str]) -> bool:
    return _STATUS_RE.match(" ".join(tokens)) is not None


def _ref(tokens: Sequence[str]) -> bool:
    return len(tokens) == 1 and REF_RE.match(tokens[0]) is not None


def _owner_suffix(tokens: Sequence[str]) -> int:
    """How many of the last tokens are an owner's cell after a task (0: none): initials,
    "All members", a role, a titled name, else the last two words in capitals (a person, a
    team), one when only one is in capitals."""
    n = len(tokens)
    if n == 0:
        return 0
    last = tokens[-1]
    if _INITIALS_RE.match(last):
        return 3 if n >= 3 and tokens[-2] in ("&", "and") and _INITIALS_RE.match(tokens[-3]) else 1
    if last.lower() in _GROUP_WORDS and n >= 2 and _EVERYONE_RE.match(tokens[-2]):
        return 2
    if _EVERYONE_RE.match(last):
        return 1
    run = 0
    # "... gutter Ongoing Treasurer": a due date's or a status's word is a cell of its own
    while (
        run < n and _CAPITAL_RE.match(tokens[n - 1 - run]) and not _cell_word(tokens[n - 1 - run])
    ):
        run += 1
    if run == 0:
        return 0
    for k in range(2, min(run, 3) + 1):
        if _TITLE_RE.match(tokens[n - k]):
            return k  # "Cllr Ines Farrowby", "Mr Hale"
    if last.lower() in _ROLES and run >= 2 and tokens[-2].lower() in _PLACE_WORDS:
        return 1  # "... behind Tansy Row Clerk": the task ends on a place
    return min(run, 2)


def _cell_word(token: str) -> bool:
    return _due([token]) or _status([token])


def _owner_prefix(tokens: Sequence[str]) -> int:
    """How many of the first tokens are an owner's cell before a task: the words in capitals
    before the first imperative, else all but the last of the words in capitals that open the
    row (the last opens the task: "Ewan Hale Repaint the ..."), four at most."""
    run = 0
    while run < min(len(tokens), 5) and (
        (_CAPITAL_RE.match(tokens[run]) and not _cell_word(tokens[run])) or tokens[run] in _JOINERS
    ):
        if _task_start(tokens[run]):
            return run
        run += 1
    return run - 1 if run >= 2 and run < len(tokens) else 0


def _task_start(token: str) -> bool:
    return token[:1].isupper() and token.lower() in _VERBS and not _status([token])


def _fixed(
    test: Callable[[Sequence[str]], bool], longest: int
) -> Callable[[Sequence[str], bool], int]:
    def take(tokens: Sequence[str], from_end: bool) -> int:
        for k in range(min(longest, len(tokens)), 0, -1):
            if test(tokens[-k:] if from_end else tokens[:k]):
                return k
        return 0

    return take


_TAKE = {"D": _fixed(_due, 3), "S": _fixed(_status, 2), "R": _fixed(_ref, 1)}


def _take(kind: str, tokens: Sequence[str], from_end: bool) -> int:
    if kind == "O":
        return _owner_suffix(tokens) if from_end else _owner_prefix(tokens)
    return _TAKE[kind](tokens, from_end)


def _row(tokens: Sequence[str], kinds: Sequence[str], named: bool) -> Cells | None:
    """One row's cells in `kinds`' order, the task what is left between the cells before it
    (read from the front) and after it (read from the back), or None."""
    t = kinds.index("T")
    cells: dict[int, str] = {}
    lo, hi = 0, len(tokens)
    for j in range(t):
        k = _take(kinds[j], tokens[lo:hi], False)
        if not k:
            return None
        cells[j] = " ".join(tokens[lo : lo + k])
        lo += k
    for j in range(len(kinds) - 1, t, -1):
        k = _take(kinds[j], tokens[lo:hi], True)
        if not k:
            return None
        cells[j] = " ".join(tokens[hi - k : hi])
        hi -= k
    task = tokens[lo:hi]
    if len(task) < 2 or not task[0][:1].isupper() or not any(w.islower() for w in task):
        return None
    if not named and not _task_start(task[0]):
        return None  # with no header to say where the task is, it opens on an imperative
    cells[t] = " ".join(task)
    return [cells[j] for j in range(len(kinds))]


def _headers(tokens: Sequence[str], k: int = 0) -> list[tuple[list[str], list[str]]]:
    """Every reading of `tokens[k:]`'s first words as a header row's names (no kind twice), with
    the kinds they name: "Action By whom" is "Action" and "By whom", or "Action by" and "whom"."""
    out: list[tuple[list[str], list[str]]] = [([], [])]
    for name, kind in _HEADER_NAMES:
        size = len(name.split())
        if " ".join(tokens[k : k + size]).lower() != name:
            continue
        for names, kinds in _headers(tokens, k + size):
            if kind not in kinds:
                out.append(([" ".join(tokens[k : k + size]), *names], [kind, *kinds]))
    return out


def _header(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """The header row at the start of `tokens`: the longest reading naming a task and an owner."""
    named = [(n, k) for n, k in _headers(tokens[:12]) if "T" in k and "O" in k]
    return max(named, key=lambda h: sum(len(x.split()) for x in h[0]), default=([], []))


def _by_refs(tokens: Sequence[str]) -> list[Sequence[str]] | None:
    """The rows, cut where references count on from the first token ("AP11" ... "AP12"; "1."
    ... "2.", closed as the first is)."""
    if not _ref(tokens[:1]):
        return None
    close = tokens[0][-1] if tokens[0][-1] in ".)" else ""
    cuts = [0]
    for k in range(1, len(tokens)):
        last, here = tokens[cuts[-1]], tokens[k]
        shut = here[-1] if here[-1] in ".)" else ""
        if shut == close and follows(last.rstrip(".)"), here.rstrip(".)")):
            cuts.append(k)
    if len(cuts) < _MIN_ROWS:
        return None
    return [tokens[a:b] for a, b in zip(cuts, [*cuts[1:], len(tokens)], strict=True)]


def _by_tasks(tokens: Sequence[str], kinds: Sequence[str], named: bool) -> list[Cells] | None:
    """The rows, cut before each task's imperative: the cells before a task are read from the
    back of the words before it, those after the one before from the back of the rest."""
    starts = [k for k, t in enumerate(tokens) if _task_start(t)]
    t = kinds.index("T")
    pre = kinds[:t]
    if len(starts) < _MIN_ROWS:
        return None
    pieces: list[Sequence[str]] = []
    lo = 0
    for n, s in enumerate(starts):
        if n == 0:
            continue
        before = tokens[lo:s]
        # the next row's cells before its task, read from the back
        hi = len(before)
        for kind in reversed(pre):
            k = _take(kind, before[:hi], True)
            if not k:
                return None
            hi -= k
        pieces.append(before[:hi])
        lo = lo + hi
    pieces.append(tokens[lo:])
    rows = [_row(p, kinds, named) for p in pieces]
    if any(r is None for r in rows):
        return None
    return [r for r in rows if r is not None]


def _orders() -> list[tuple[str, ...]]:
    """The orders a header-less table's cells may come in: an owner and a task, and a due date
    and a status or not, the reference first; the fullest first (a due date is not a task's)."""
    out: list[tuple[str, ...]] = []
    for extra in (("D", "S"), ("D",), ("S",), ()):
        for perm in itertools.permutations(("T", "O", *extra)):
            out.append(perm)
    return out


_ORDERS = _orders()


def read_run(text: str, headed_by_title: bool) -> list[str] | None:
    """The table's lines as " | " rows (its header row first when it has one), or None when
    `text` is no action table run onto one line."""
    if _OWN_MARKS_RE.search(_REF_MARK_RE.sub("", text)):
        return None
    tokens = text.split()
    names, kinds = _header(tokens)
    body = tokens[sum(len(x.split()) for x in names) :]
    rows_by_ref = _by_refs(body)
    if not kinds and not rows_by_ref and not headed_by_title:
        return None
    orders = [tuple(kinds)] if kinds else [("R", *o) for o in _ORDERS] + _ORDERS
    for order in orders:
        if order[:1] == ("R",):
            if rows_by_ref is None:
                continue
            rows = [_row(r[1:], order[1:], bool(kinds)) for r in rows_by_ref]
            if any(r is None for r in rows):
                continue
            got = [[r[0], *c] for r, c in zip(rows_by_ref, rows, strict=True) if c is not None]
        else:
            by_tasks = _by_tasks(body, order, bool(kinds))
            if by_tasks is None:
                continue
            got = by_tasks
        head = [" | ".join(names)] if names else []
        return head + [" | ".join(c) for c in got]
    return None


def _cut(ln: Line, nxt: Line, width: int | None) -> bool:
    """Was `ln` cut by the page's width (`nxt`'s first word would not have fitted on it)?"""
    if width is None:
        return False
    here = len(ln.raw.rstrip())
    return 0.6 * width <= here <= width + 2 and here + 1 + len(nxt.text.split()[0]) > width - 1


def run_tables(lines: list[Line], width: int | None) -> list[Line]:
    """The page's lines with each action table run onto one line read back as " | " rows; a
    paragraph of such rows, one a line with their cells run together, too."""
    out: list[Line] = []
    k = 0
    title = ""
    while k < len(lines):
        ln = lines[k]
        if not ln.text:
            out.append(ln)
            k += 1
            continue
        # a line and the pieces of it a hard-wrapped page put on the next lines, else the
        # paragraph it opens (a row a line)
        j = k + 1
        while j < len(lines) and lines[j].text and _cut(lines[j - 1], lines[j], width):
            j += 1
        end = j
        while end < len(lines) and lines[end].text and end - k < _MAX_LINES:
            end += 1
        headed = _ACTIONS_HEADING_RE.search(title) is not None
        got, upto = None, j
        for stop in dict.fromkeys((j, end)):
            text = " ".join(x.text for x in lines[k:stop])
            # cells set apart by tabs or runs of spaces have separators: other readers' tables
            spaced = any(_GAP_RE.search(x.raw.strip()) for x in lines[k:stop])
            # rows a line each ending on their owner's initials: the trailing-owner reader's
            spaced = spaced or (
                stop - k > 1 and all(TRAILING_INITIALS_RE.match(x.text) for x in lines[k:stop])
            )
            sized = _MIN_CHARS < len(text) <= _MAX_CHARS
            got = read_run(text, headed) if sized and not spaced else None
            if got is not None:
                upto = stop
                break
        if got is None:
            out.append(ln)
            title = ln.text
            k += 1
            continue
        out.extend(unit(ln.no, row) for row in got)
        k = upto
    return out
