"""Finding actions: the register (filter, search, sort, page in the database). One action's
detail lives in `tracker.services.actions.detail`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from tracker.errors import NotFound, invalid
from tracker.services.actions.implied_due import PHASE_END, phase_end, phase_end_sql
from tracker.services.plain_sql import Params, Reader, as_date, as_utc, fits_integer
from tracker.services.reading import hidden_actions
from tracker.vocabulary import OPEN_STATUSES, RAGS, STATUSES, exempt_label
from tracker.vocabulary import owner_label as owner_label  # (where the other services take it)

if TYPE_CHECKING:
    from tracker.services.context import Tracker


SORT_COLUMNS = (
    "ref", "title", "phase", "stage", "board", "owner", "due", "status", "rag", "progress",
    "last_update",
)  # fmt: skip


@dataclass(frozen=True)
class ActionFilter:
    phase: int | None = None
    stage: int | None = None
    board: str | None = None  # board code (or exact name)
    owner: str | None = None  # person code, or part of a name or role
    status: str | None = None
    rag: str | None = None  # green | amber | red | none
    overdue: bool = False
    due_before: dt.date | None = None
    search: str | None = None  # ref, title, owner, latest commentary
    refs: tuple[str, ...] = ()
    due_from: dt.date | None = None  # due on or after (the app's "due in the next 30 days")
    open_only: bool = False  # not started or in progress
    unassigned: tuple[str, ...] = ()  # of "owner", "board", "due": only actions without it


@dataclass(frozen=True)
class ActionRow:
    ref: str
    title: str
    phase: int
    phase_name: str | None
    stage: int | None
    stage_name: str | None
    board: str | None
    board_name: str | None
    owner: str | None
    due: dt.date | None
    status: str
    rag: str | None
    progress: int
    last_update: dt.datetime | None
    version: int
    overdue: bool
    implied_due: dt.date | None = None  # no due date: the end of its phase (phase_end)

    @property
    def due_or_implied(self) -> dt.date | None:
        return self.due or self.implied_due

    def due_words(self) -> str:
        """'31 Mar 2025', or 'by the end of phase 1: 31 Mar 2025' when the date is implied."""
        if self.due is not None:
            return f"{self.due.day} {self.due:%b %Y}"
        if self.implied_due is not None:
            day = self.implied_due
            return f"by the end of phase {self.phase}: {day.day} {day:%b %Y}"
        return "-"

    def as_dict(self) -> dict[str, object]:
        return {
            "ref": self.ref,
            "title": self.title,
            "phase": self.phase,
            "stage": self.stage,
            "board": self.board,
            "owner": self.owner,
            "due": self.due.isoformat() if self.due else None,
            "implied_due": self.implied_due.isoformat() if self.implied_due else None,
            "status": self.status,
            "rag": self.rag,
            "progress": self.progress,
            "last_update": self.last_update.date().isoformat() if self.last_update else None,
            "overdue": self.overdue,
        }


@dataclass(frozen=True)
class ActionPage:
    rows: tuple[ActionRow, ...]
    total: int  # rows matching the filter, before paging


def _implied_after(today: dt.date) -> int:
    """Phases ending before this year have ended by `today` (their 31 March is past)."""
    return today.year + (1 if today > dt.date(today.year, *PHASE_END) else 0)


# The register is plain SQL (see `tracker.services.plain_sql` for why): one query, here, run
# through sqlite3 by `tracker actions list` and through a session by the app and the other
# services. Its tests run on both databases and both readers, and check that these constants are
# what SQLAlchemy Core compiles from the models (tests/test_register_sql.py).
REGISTER_FROM = """
FROM action
JOIN phase ON action.phase_id = phase.id
LEFT OUTER JOIN stage ON action.stage_id = stage.id
LEFT OUTER JOIN board ON action.board_id = board.id
LEFT OUTER JOIN person ON action.owner_id = person.id"""

REGISTER_COLUMNS = """SELECT action.ref, action.title, phase.number, phase.name, stage.number, stage.name,
board.code, board.name, person.name, person.role, action.due, action.status, action.rag,
action.progress, action.latest_update_at, action.version, phase.end_year"""


def action_row(r: Sequence[Any]) -> ActionRow:
    """The one builder of an ActionRow: from REGISTER_COLUMNS' values in order, then whether the
    action is overdue (a query reading other sources selects the same columns in this order)."""
    return ActionRow(
        ref=r[0], title=r[1], phase=r[2], phase_name=r[3], stage=r[4], stage_name=r[5],
        board=r[6], board_name=r[7], owner=owner_label(r[8], r[9]), due=as_date(r[10]),
        status=r[11], rag=r[12], progress=r[13], last_update=as_utc(r[14]), version=r[15],
        overdue=bool(r[17]), implied_due=None if r[10] is not None else phase_end(r[16]),
    )  # fmt: skip


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_filter(f: ActionFilter) -> None:
    for name in f.unassigned:
        if name not in ("owner", "board", "due"):
            raise invalid("unassigned", f"{name!r} cannot be unassigned", "owner, board, due")
    if f.status is not None and f.status not in STATUSES:
        raise invalid("status", f"unknown status {f.status!r}", ", ".join(STATUSES))
    if f.rag is not None and f.rag not in (*RAGS, "none"):
        raise invalid("rag", f"unknown RAG {f.rag!r}", ", ".join((*RAGS, "none")))
    for name, number in (("phase", f.phase), ("stage", f.stage)):
        if number is not None and not fits_integer(number):
            raise NotFound(f"no {name} {number}")


def check_filter_names(reader: Reader, f: ActionFilter) -> None:
    """An unknown phase, stage, board or owner is not found (with the close matches), not
    "0 actions". Asked only when a filter matched nothing, so a listing pays nothing for it."""
    for name, number in (("phase", f.phase), ("stage", f.stage)):
        if number is not None:
            known = sorted({int(r[0]) for r in reader.rows(f"SELECT number FROM {name}", {})})
            if number not in known:
                raise NotFound(f"no {name} {number} (the {name}s are {_listed(known)})")
    if f.board:
        boards = reader.rows("SELECT code, name FROM board", {})
        if not any(f.board in (code, board_name) for code, board_name in boards):
            names = [str(x) for row in boards for x in row if x]
            raise NotFound(f"no board {f.board!r}{_close(f.board, names)}")
    if f.owner:
        people = reader.rows("SELECT code, name, role FROM person", {})
        wanted = f.owner.lower()
        if not any(
            code == f.owner or wanted in (name or "").lower() or wanted in (role or "").lower()
            for code, name, role in people
        ):
            names = [str(x) for row in people for x in row if x]
            raise NotFound(f"no owner matches {f.owner!r}{_close(f.owner, names)}")


def no_action(reader: Reader, ref: str) -> NotFound:
    """ "No action with ref ...", with the close refs: a mistyped P1-2 suggests P1-02."""
    refs = [str(row[0]) for row in reader.rows("SELECT ref FROM action", {})]
    return NotFound(f"no action with ref {ref!r}{_close(ref, refs)}")


def _listed(numbers: Sequence[int]) -> str:
    return ", ".join(map(str, numbers)) or "none yet"


def _close(value: str, names: Sequence[str]) -> str:
    import difflib

    by_lower = {n.lower(): n for n in names}
    close = difflib.get_close_matches(value.lower(), list(by_lower), n=5, cutoff=0.6)
    return f"; did you mean: {', '.join(by_lower[c] for c in close)}?" if close else ""


def _conditions(f: ActionFilter, today: dt.date, p: Params) -> list[str]:
    where = []
    if f.phase is not None:
        where.append(f"phase.number = {p(f.phase)}")
    if f.stage is not None:
        where.append(f"stage.number = {p(f.stage)}")
    if f.board:
        # by board_id, so the action index is used (a test on the outer-joined board scans all)
        board = p(f.board)
        where.append(
            f"action.board_id IN (SELECT id FROM board WHERE code = {board} OR name = {board})"
        )
    if f.owner:
        pattern = p(_like(f.owner.lower()))
        where.append(
            f"(person.code = {p(f.owner)} OR lower(person.name) LIKE {pattern} ESCAPE '\\'"
            f" OR lower(person.role) LIKE {pattern} ESCAPE '\\')"
        )
    if f.status:
        where.append(f"action.status = {p(f.status)}")
    if f.rag == "none":
        where.append("action.rag IS NULL")
    elif f.rag:
        where.append(f"action.rag = {p(f.rag)}")
    if f.overdue:
        where.append(_overdue(today, p))
    if f.due_before:
        where.append(f"action.due < {p(f.due_before)}")
    if f.due_from:
        where.append(f"action.due >= {p(f.due_from)}")
    if f.open_only:
        where.append(f"action.status IN ({p.each(OPEN_STATUSES)})")
    if f.refs:
        where.append(f"action.ref IN ({p.each(f.refs)})")
    for name in f.unassigned:
        column = {"owner": "action.owner_id", "board": "action.board_id", "due": "action.due"}
        where.append(f"{column[name]} IS NULL")
    for word in (f.search or "").lower().split():
        pattern = p(_like(word))
        fields = ("action.ref", "action.title", "person.name", "person.role",
                  "action.latest_commentary")  # fmt: skip
        where.append(
            "(" + " OR ".join(f"lower({c}) LIKE {pattern} ESCAPE '\\'" for c in fields) + ")"
        )
    return where


def _overdue(today: dt.date, p: Params) -> str:
    """Open and past its due date, or with none, past the end of its phase (implied)."""
    return (
        f"(action.due < {p(today)} OR (action.due IS NULL AND phase.end_year < "
        f"{p(_implied_after(today))})) AND action.status IN ({p.each(OPEN_STATUSES)})"
    )


def _case(column: str, values: Sequence[str], p: Params) -> str:
    """The values' order, not alphabetical: the order work moves in, or worsens."""
    whens = " ".join(f"WHEN {p(v)} THEN {i}" for i, v in enumerate(values))
    return f"CASE {column} {whens} END"


_SORT_KEYS = {
    "ref": "action.ref",
    "title": "action.title",
    "phase": "phase.number",
    "stage": "stage.number",
    "board": "board.code",  # the register shows the code
    "owner": "COALESCE(person.name, person.role)",
    "due": "action.due",
    "progress": "action.progress",
    "last_update": "action.latest_update_at",
}


def _sort_key(sort: str, p: Params) -> str:
    if sort == "status":
        return _case("action.status", STATUSES, p)
    if sort == "rag":
        return _case("action.rag", RAGS, p)
    if sort == "due":  # the date shown: its own, else its phase's end (the implied one)
        return f"COALESCE(action.due, {phase_end_sql(p)})"
    return _SORT_KEYS[sort]


def register_rows(
    reader: Reader,
    f: ActionFilter,
    today: dt.date,
    *,
    sort: str = "ref",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[ActionRow, ...]:
    """The register's rows for a filter, sorted and paged by the database."""
    if sort not in SORT_COLUMNS:
        raise invalid("sort", f"unknown column {sort!r}", ", ".join(SORT_COLUMNS))
    p = Params(reader.dialect)
    overdue = _overdue(today, p)
    where = _conditions(f, today, p)
    key = _sort_key(sort, p)
    direction = "DESC" if descending else "ASC"
    if sort == "ref":  # unique and never empty: the index gives the order, no sort step
        order = f"action.ref {direction}"
    else:  # empty values last either way, then ref keeps the order stable
        order = f"{key} IS NULL, {key} {direction}, action.ref"
    sql = f"{REGISTER_COLUMNS}, {overdue}{REGISTER_FROM}{_where(where)}\nORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {p(limit)}"
    if offset:
        if limit is None and reader.dialect == "sqlite":
            sql += " LIMIT -1"  # SQLite has no OFFSET without a LIMIT
        sql += f" OFFSET {p(offset)}"
    return tuple(action_row(r) for r in reader.rows(sql, p.values))


def register_count(reader: Reader, f: ActionFilter, today: dt.date) -> int:
    """How many actions match the filter."""
    p = Params(reader.dialect)
    where = _conditions(f, today, p)
    return int(reader.rows(f"SELECT count(*){REGISTER_FROM}{_where(where)}", p.values)[0][0])


def _where(conditions: list[str]) -> str:
    return "\nWHERE " + " AND ".join(conditions) if conditions else ""


def list_actions(
    t: Tracker,
    f: ActionFilter = ActionFilter(),
    *,
    sort: str = "ref",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    with_total: bool = False,
) -> ActionPage:
    """Actions matching the filter, sorted and paged by the database."""
    check_filter(f)
    today = t.today()
    with t.reading_sql() as reader:
        rows = register_rows(
            reader, f, today, sort=sort, descending=descending, limit=limit, offset=offset
        )
        if not rows and not offset and limit != 0:
            check_filter_names(reader, f)
        total = len(rows)
        if with_total and (limit is not None or offset):
            total = register_count(reader, f, today)
        rows = withheld(t, reader, rows, f.search)
    return ActionPage(rows=rows, total=total)


def withheld(
    t: Tracker, reader: Reader, rows: tuple[ActionRow, ...], search: str | None = None
) -> tuple[ActionRow, ...]:
    """The rows with the titles of exempt actions the acting account may not read in full
    replaced by "exempt item (paragraph N)" (tracker.services.reading). A search finds such
    an action only by what it may read (its ref and owner), so its words cannot be guessed."""
    if not rows or t.unrestricted:
        return rows
    refs = tuple(r.ref for r in rows) if len(rows) <= 200 else None
    hidden = hidden_actions(t, reader, refs)
    if not hidden:
        return rows
    words = (search or "").lower().split()

    def found_by_what_it_shows(r: ActionRow) -> bool:
        shown = f"{r.ref} {r.owner or ''}".lower()
        return all(w in shown for w in words)

    return tuple(
        replace(r, title=exempt_label(hidden[r.ref])) if r.ref in hidden else r
        for r in rows
        if r.ref not in hidden or found_by_what_it_shows(r)
    )
