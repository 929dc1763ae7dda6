"""Finding actions: the register (filter, search, sort, page in the database). One action's
detail lives in `tracker.services.action_detail`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, and_, case, func, or_, select

from tracker.models import (
    RAGS,
    STATUSES,
    Action,
    Board,
    Person,
    Phase,
    Stage,
)
from tracker.services.context import Tracker
from tracker.services.errors import invalid

OPEN_STATUSES = ("not started", "in progress")
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

    def as_dict(self) -> dict[str, object]:
        return {
            "ref": self.ref,
            "title": self.title,
            "phase": self.phase,
            "stage": self.stage,
            "board": self.board,
            "owner": self.owner,
            "due": self.due.isoformat() if self.due else None,
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


def owner_label(name: str | None, role: str | None) -> str | None:
    if name and role:
        return f"{name} ({role})"
    return name or role


# The register is built on the tables' columns, not the mapped classes: a Core query skips
# the ORM's mapper set-up and row handling, which every `tracker actions list` would pay for.
_action = Action.__table__.c
_phase = Phase.__table__.c
_stage = Stage.__table__.c
_board = Board.__table__.c
_person = Person.__table__.c


def _row_query(today: dt.date) -> Select[tuple[object, ...]]:
    overdue = and_(_action.due < today, _action.status.in_(OPEN_STATUSES))
    return (
        select(
            _action.ref,
            _action.title,
            _phase.number,
            _phase.name,
            _stage.number,
            _stage.name,
            _board.code,
            _board.name,
            _person.name,
            _person.role,
            _action.due,
            _action.status,
            _action.rag,
            _action.progress,
            _action.latest_update_at,
            _action.version,
            overdue.label("overdue"),
        )  # fmt: skip
        .join(Phase.__table__, _action.phase_id == _phase.id)
        .outerjoin(Stage.__table__, _action.stage_id == _stage.id)
        .outerjoin(Board.__table__, _action.board_id == _board.id)
        .outerjoin(Person.__table__, _action.owner_id == _person.id)
    )


def _to_row(r: tuple[object, ...]) -> ActionRow:
    return ActionRow(
        ref=r[0], title=r[1], phase=r[2], phase_name=r[3], stage=r[4], stage_name=r[5],
        board=r[6], board_name=r[7], owner=owner_label(r[8], r[9]), due=r[10], status=r[11],
        rag=r[12], progress=r[13], last_update=r[14], version=r[15], overdue=bool(r[16]),
    )  # type: ignore[arg-type]  # fmt: skip


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_filter(f: ActionFilter) -> None:
    if f.status is not None and f.status not in STATUSES:
        raise invalid("--status", f"unknown status {f.status!r}", ", ".join(STATUSES))
    if f.rag is not None and f.rag not in (*RAGS, "none"):
        raise invalid("--rag", f"unknown RAG {f.rag!r}", ", ".join((*RAGS, "none")))


def _apply_filter(query: Select, f: ActionFilter, today: dt.date) -> Select:  # type: ignore[type-arg]
    if f.phase is not None:
        query = query.where(_phase.number == f.phase)
    if f.stage is not None:
        query = query.where(_stage.number == f.stage)
    if f.board:
        # by board_id, so the action index is used (a test on the outer-joined board scans all)
        board_ids = select(_board.id).where(or_(_board.code == f.board, _board.name == f.board))
        query = query.where(_action.board_id.in_(board_ids.correlate(None)))
    if f.owner:
        pattern = _like(f.owner.lower())
        query = query.where(
            or_(
                _person.code == f.owner,
                func.lower(_person.name).like(pattern, escape="\\"),
                func.lower(_person.role).like(pattern, escape="\\"),
            )
        )
    if f.status:
        query = query.where(_action.status == f.status)
    if f.rag == "none":
        query = query.where(_action.rag.is_(None))
    elif f.rag:
        query = query.where(_action.rag == f.rag)
    if f.overdue:
        query = query.where(_action.due < today, _action.status.in_(OPEN_STATUSES))
    if f.due_before:
        query = query.where(_action.due < f.due_before)
    if f.due_from:
        query = query.where(_action.due >= f.due_from)
    if f.open_only:
        query = query.where(_action.status.in_(OPEN_STATUSES))
    if f.refs:
        query = query.where(_action.ref.in_(f.refs))
    for word in (f.search or "").lower().split():
        pattern = _like(word)
        query = query.where(
            or_(
                func.lower(_action.ref).like(pattern, escape="\\"),
                func.lower(_action.title).like(pattern, escape="\\"),
                func.lower(_person.name).like(pattern, escape="\\"),
                func.lower(_person.role).like(pattern, escape="\\"),
                func.lower(_action.latest_commentary).like(pattern, escape="\\"),
            )
        )
    return query


_SORT_KEYS = {
    "ref": _action.ref,
    "title": _action.title,
    "phase": _phase.number,
    "stage": _stage.number,
    "board": _board.code,  # the register shows the code
    "owner": func.coalesce(_person.name, _person.role),
    "due": _action.due,
    # in the order work moves / worsens, not alphabetical
    "status": case({s: i for i, s in enumerate(STATUSES)}, value=_action.status),
    "rag": case({r: i for i, r in enumerate(RAGS)}, value=_action.rag),
    "progress": _action.progress,
    "last_update": _action.latest_update_at,
}


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
    if sort not in _SORT_KEYS:
        raise invalid("--sort", f"unknown column {sort!r}", ", ".join(SORT_COLUMNS))
    today = t.today()
    key = _SORT_KEYS[sort]
    # empty values sort last either way, then ref keeps the order stable
    order = [key.is_(None), key.desc() if descending else key.asc(), _action.ref]
    query = _apply_filter(_row_query(today), f, today).order_by(*order)
    if limit is not None:
        query = query.limit(limit)
    if offset:
        query = query.offset(offset)
    with t.db.reading() as s:
        rows = tuple(_to_row(r) for r in s.execute(query))
        total = len(rows)
        if with_total and (limit is not None or offset):
            counted = _apply_filter(
                select(func.count())
                .select_from(Action.__table__)
                .join(Phase.__table__, _action.phase_id == _phase.id)
                .outerjoin(Stage.__table__, _action.stage_id == _stage.id)
                .outerjoin(Board.__table__, _action.board_id == _board.id)
                .outerjoin(Person.__table__, _action.owner_id == _person.id),
                f,
                today,
            )
            total = int(s.execute(counted).scalar_one())
    return ActionPage(rows=rows, total=total)
