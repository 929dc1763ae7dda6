"""Action candidates read from an owner written apart from its task: a trailing owner column
flattened onto the task's line ("... agree the timetable  AB/CD"), lists of tasks under an
owner ("Clerk:" over its bullets), and owner-and-due cells under a task. The directive rules
they share (who is somebody, the directive's shape) are in `directive_places.py` and
`directive_shapes.py`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cells import action_column_header, action_header_at, may_name_columns, owner_cell
from .columns import read_as_tasks, under_actions_title
from .directive_places import _DIRECTIVE_RE, _OWNER_WORD
from .directive_shapes import _NOT_VERBS
from .people import first_names, unlabelled_names
from .persons import _somebody
from .scoring import Candidate, context_features
from .segment import Segmented
from .text import Line

_TRAILING_OWNER_RE = re.compile(
    r"^(?P<task>\S.{7,}?)(?:[\s.]+|\s+[\u2013\u2014\-]\s+)(?P<owner>[A-Z]{2,3}(?:\s*/\s*[A-Z]{2,3})*)\s*$"
)
_NAME_START_RE = re.compile(
    r"^(?:(?:Rt\.?\s+Hon\.?|Dr|Mr|Mrs|Ms|Cllr|Prof)\b|[A-Z][a-z]+\s+[A-Z][a-z]+\b)"
)
_COMMON_ACRONYMS = frozenset(
    [
        "NHS",
        "CCG",
        "ICB",
        "GP",
        "UK",
        "PCC",
        "SEND",
        "LSCB",
        "HWB",
        "IJB",
        "PHW",
        "LA",
        "MP",
        "MS",
        "MSP",
        "AM",
        "PM",
        "CC",
        "HC",
        "EU",
        "CSC",
        "RBC",
        "OPCC",
        "TBC",
        "TBA",
        "QC",
        "JP",
        "OBE",
        "CBE",
        "MBE",
    ]
)


_ROW_MARKER_RE = re.compile(r"^(?:\(?\w{1,3}[.)]|[\u2022\u00b7*\-])\s+")


def trailing_owners(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """An owner column flattened into the text: each item of a run ends with the owner's
    initials ("Circulate the revised plan to members AB/CD")."""
    out: list[Candidate] = []
    run: list[tuple[int, str, str]] = []

    def flush() -> None:
        if not run:
            return
        slashed = any("/" in o for _, _, o in run)
        in_log = any(idx in seg.log for idx, _, _ in run)
        # under a title "Actions", or each item says what is to be done ("Circulate ...")
        declared = bool(run) and (
            under_actions_title(seg, run[0][0]) or read_as_tasks(t for _, t, _ in run)
        )
        names = sum(bool(_NAME_START_RE.match(t)) for _, t, _ in run)
        if len(run) >= 2 and (slashed or in_log or declared) and names * 2 < len(run):
            for idx, task, owner in run:
                c = Candidate("action", "trailing owner column", task, idx, seg.lines[idx].no)
                c.owner, c.base = owner.replace(" ", ""), 0.5
                c.feature("initials end each item of the run", 0.1)
                if slashed:
                    c.feature("owners written 'AB/CD'", 0.1)
                context_features(seg, c, False)
                out.append(c)
        run.clear()

    for i in free:
        ln = seg.lines[i]
        text = _ROW_MARKER_RE.sub("", ln.text)
        tm = _TRAILING_OWNER_RE.match(text)
        owner = tm.group("owner") if tm else ""
        parts = {p.strip() for p in owner.split("/")}
        if tm and not parts & _COMMON_ACRONYMS and not _DIRECTIVE_RE.match(text):
            if run and i - run[-1][0] > 2:
                flush()
            run.append((i, tm.group("task").rstrip(" .") + ".", owner))
        else:
            flush()
    flush()
    return out


_OWNER_LIST_RE = re.compile(
    rf"^(?:the\s+)?(?P<owner>[A-Z][\w&'\u2019\-./]*(?:\s+{_OWNER_WORD}){{0,5}}?)\s+(?:is\s+)?to\s*:$"
)
_LIST_ITEM_RE = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25cf*\u2013\-]|\(?[a-z0-9]{1,3}[.)])\s+")


def owner_lists(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """ "Clerk to:" over a list of what the Clerk is to do ("- write to the county ...", "- order
    a new grit bin."): one action for each item. Items that do not start with a verb in the
    lower case ("Councillor Cuddy to move:" over the motion's text) are not tasks."""
    out: list[Candidate] = []
    free_set = set(free)
    lines = seg.lines
    for i in free:
        om = _OWNER_LIST_RE.match(lines[i].text)
        if om is None or not _somebody(om.group("owner")):
            continue
        for k in range(i + 1, len(lines)):
            u = lines[k]
            if not u.text:
                continue
            lm = _LIST_ITEM_RE.match(u.text)
            task = u.text[lm.end() :] if lm else ""
            verb = task.split()[0] if task.split() else ""
            if k not in free_set or not verb.isalpha() or not verb.islower() or verb in _NOT_VERBS:
                break
            task = re.sub(r"\s*;\s*(?:and|or)?\s*$", "", task)
            c = Candidate("action", "a list of tasks under '<owner> to:'", task, k, u.no)
            c.owner, c.base = om.group("owner"), 0.55
            c.feature("each item starts with what is to be done", 0.1)
            context_features(seg, c, False)
            out.append(c)
    return out


# "JL/TPT/JW by 23rd November 2019" on its own: the owner and due cells of an action column
# flattened onto the line after its task
_OWNER_DUE_CELL_RE = re.compile(
    r"^(?P<owners>[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4}){0,5})\s*[\-\u2013,]?\s*"
    r"(?P<due>(?:by|before|due(?:\s+by)?)\s+\S.{2,40})$"
)
_NAMED_TASK_RE = re.compile(
    r"^(?P<owner>[A-Z]{2,4}(?:\s*(?:/|and|&)\s*[A-Z]{2,4})*)\s+(?:will|is\s+to|are\s+to|to)\s+"
    r"(?P<task>(?!be\b)[a-z].{4,})$"
)


def owner_due_rows(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """A task whose owner and due date were flattened onto the next line ("JL will recirculate
    ... to check the wording." then "JL/TPT/JW by 23rd November 2019"): the sentence's own
    owner when it names one among the owners, else the owners cell; the due date kept."""
    out: list[Candidate] = []
    free_set = set(free)
    lines = seg.lines
    for i in free:
        j = next((k for k in range(i + 1, min(len(lines), i + 9)) if lines[k].text), None)
        if j is None or j not in free_set:
            continue
        cm = _OWNER_DUE_CELL_RE.match(lines[j].text)
        if cm is None or _OWNER_DUE_CELL_RE.match(lines[i].text):
            continue
        owners = [o for o in re.split(r"\s*[/,&]\s*", cm.group("owners")) if o]
        text = lines[i].text.strip()
        nm = _NAMED_TASK_RE.match(text)
        if nm and nm.group("owner").split("/")[0].split()[0] in owners:
            owner, task = nm.group("owner"), nm.group("task")
        else:
            owner, task = cm.group("owners"), text
        c = Candidate("action", "a task with its owner and due cells below", "", i, lines[i].no)
        c.text = f"{task} ({cm.group('due')})"
        c.owner, c.base = owner, 0.6
        c.feature("the next line holds only owners' initials and a due date", 0.1)
        context_features(seg, c, False)
        out.append(c)
    return out


def owner_cell_units(seg: Segmented) -> set[int]:
    """The units that are an owner column's cell alone on its line, under a header row naming
    the column ("ITEM ACTION" ... "Michael Barry"); none where no such header is printed."""
    lines = seg.lines
    header = action_header_at([ln.text for ln in lines])
    if header is None:
        return set()
    return {
        i
        for i in range(header + 1, len(lines))
        if i not in seg.headings and owner_cell(lines[i].text)
    }


_DECISION_ROW_RE = re.compile(
    r"^(?:RESOLVED|Resolved|AGREED|Agreed|DECISION|Decision)\s*[:\-\u2013]*\s*"
    r"(?:\(?(?:[ivx]{1,4}|[a-z]|\d{1,2})[.)]\s+)?"
)


# "– AB will arrange an electrician to look at it.                    AB": the row's own words,
# a run of spaces, then the owner column's cell at the end of the same line
_TRAILING_CELL_RE = re.compile(r"^(?P<row>.*?[.;:)])[ \t]{3,}(?P<cell>\S.{0,40}?)\s*$")
# "... recent minutes. / Chairman/", "... to the roads team. / Secretary": a row flattened with
# " / " between its cells, the owner column's cell last (its closing slash kept or not)
_SLASH_CELL_RE = re.compile(r"^(?P<row>.*?[.;:)])\s+/\s+(?P<cell>[^/]{1,40}?)\s*/?\s*$")
# "1. / Welcome / Action": the header's last cell printed on the first row's line
_FIRST_ROW_HEADER_RE = re.compile(
    r"^\(?\d{1,3}[.)]?\s+(?:/\s+)?[^/]{1,60}?\s+/\s+actions?\s*$", re.I
)
_SLASH_OPEN_CELL_RE = re.compile(
    r"^(?P<row>[A-Z][^/]*?\b(?:to|will|should|be|is|are)\b[^/]*?\w)\s+/\s+(?P<cell>[A-Z][\w'\u2019]*"
    r"(?:\s+[A-Z][\w'\u2019]*)?)\s*$"
)


def _slash_owner(m: re.Match[str] | None, names: frozenset[str]) -> bool:
    """The last cell is everyone ("All") or the first name of a person the page lists."""
    if m is None:
        return False
    cell = m.group("cell").strip().rstrip(".")
    return cell in ("All", "ALL") or cell in names


_ROW_BULLET_RE = re.compile(r"^(?:[\u2013\u2014\-\u2022*]|\(?\w{1,3}[.)])\s+")
_ROW_SENTENCES_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _cell_end(raw: str) -> bool:
    if len(raw) > 1000 or ("   " not in raw and "\t" not in raw):
        return False  # a flattened page's line, or one with no column gap
    m = _TRAILING_CELL_RE.match(raw.strip())
    return m is not None and owner_cell(m.group("cell"))


def _in_cell_run(lines: Sequence[Line], i: int) -> bool:
    """Does the row next to `i` end on an owner's cell after a run of spaces too (a log with no
    header row: "... in the autumn.      Secretary" / "... the date it is due.      Treasurer")?"""
    return any(0 <= j < len(lines) and _cell_end(lines[j].raw) for j in (i - 1, i + 1))


def trailing_cells(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """Under a header row naming an action column ("Item Action"), a row whose owner cell was
    printed at the end of its line after a run of spaces: the cell is the owner; a row naming
    that owner ("AB will arrange ...") gives the words after "will"/"to", any other row its
    last sentence (batch 9's reading)."""
    lines = seg.lines
    header = may_name_columns(ln.text for ln in lines) and any(
        action_column_header(ln.text) or _FIRST_ROW_HEADER_RE.match(ln.text.strip()) for ln in lines
    )
    if not header and not any(" / " in ln.text or _cell_end(ln.raw) for ln in lines):
        return []
    out: list[Candidate] = []
    listed: list[frozenset[str]] = []

    def names() -> frozenset[str]:
        if not listed:
            listed.append(first_names(texts := [ln.text for ln in lines]) | unlabelled_names(texts))
        return listed[0]

    for i in free:
        tm = next(
            (
                m
                for raw in lines[i].raw.split("\n")
                if (m := _TRAILING_CELL_RE.match(raw.strip())) and owner_cell(m.group("cell"))
            ),
            None,
        )
        if tm is not None and not header and not _in_cell_run(lines, i):
            continue
        if tm is None:
            # "2. / Police report / No report ... . / Chairman/": the cells joined with " / "
            flat = " ".join(lines[i].text.split())
            sm = _SLASH_CELL_RE.match(flat)
            if sm is not None and header and owner_cell(sm.group("cell").strip()):
                pass
            elif _slash_owner(sm or _SLASH_OPEN_CELL_RE.match(flat), names()):
                # "... will now be required. / All", "These are to be published on the website
                # / Lesley": a row of the minute column, then who of those present acts
                sm = sm or _SLASH_OPEN_CELL_RE.match(flat)
            else:
                continue
            assert sm is not None
            tm = sm
        cell = tm.group("cell").strip().rstrip(".")
        row = tm.group("row").rsplit(" / ", 1)[-1]  # the row's last cell: its minute
        row = _ROW_BULLET_RE.sub("", " ".join(row.split()))
        sents = _ROW_SENTENCES_RE.split(row)
        task = sents[-1]
        named = [
            m
            for s in sents
            # "The Chairman will contact ..." under the cell "Chairman"
            if (
                m := re.match(
                    rf"^(?:[Tt]he\s+)?{re.escape(cell)}\s+(?:will|is\s+to|to)\s+(?P<t>[a-z].*)$", s
                )
            )
        ]
        if named:
            task = named[-1].group("t")
        c = Candidate("action", "owner cell at the end of its row", task, i, lines[i].no)
        c.owner, c.base = cell, 0.6
        if header:
            c.feature("under a header row naming an action column", 0.1)
        else:
            c.feature("the last ' / ' cell is everyone or a person the page lists", 0.1)
        context_features(seg, c, False)
        out.append(c)
    return out


def owner_cells(seg: Segmented, free: Sequence[int]) -> list[Candidate]:
    """An owner column whose cells were flattened onto lines of their own, under a header row
    naming it ("Item Action" ... "Alan Braun to be asked to inspect the bridge." / "BR"): the
    cell is the owner of the task on the line before it. A row that names who does it ("SR to
    look into ..." / "SR") is read as that directive instead."""
    lines = seg.lines
    free_set = set(free)
    out: list[Candidate] = []
    for i in sorted(owner_cell_units(seg) & free_set):
        cell = lines[i].text.strip()
        k = next((j for j in range(i - 1, -1, -1) if lines[j].text), None)
        if k is None or k in seg.headings:
            continue
        task = lines[k].text.strip()
        if k not in free_set:
            # "RESOLVED:- (i) To agree the Terms of Reference ... ; and" / "Michael Barry": the
            # decision's row, read by the keyword reader, with its owner cell below it
            dr = _DECISION_ROW_RE.match(task)
            if dr is None:
                continue
            task = task[dr.end() :]
        if len(task.split()) < 4 or owner_cell(task) or not re.search(r"[.;](?:\s*and)?$", task):
            continue  # a heading or another cell, not a task's row
        dm = _DIRECTIVE_RE.match(task)
        passive = dm and task[dm.end("owner") :].lstrip().startswith(("to be ", "is to be "))
        if dm and not passive and _somebody(dm.group("owner")):
            continue  # the row names who does it: its directive is read
        c = Candidate("action", "owner cell on a line of its own", task, k, lines[k].no)
        c.owner, c.base = cell.rstrip("."), 0.6
        c.feature("under a header row naming an action column", 0.1)
        context_features(seg, c, False)
        out.append(c)
    return out
