"""What the register shows: its columns, one row's cells, and the view (filters, search, sort,
page) turned into the services' ActionFilter. No widgets and no database here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from rich.text import Text

from tracker.ui.widgets import text as tx
from tracker.vocabulary import NO_RAG, RAGS, STATUSES

HISTORY = 20  # status updates the detail's timeline shows (the latest)
PAGE = 100  # rows in the table at once: laying out a row costs; the database pages the rest
COLUMNS = (  # key (the services' sort column), heading, width; 119 columns with the padding
    ("ref", "Ref", 8), ("title", "Title", 25), ("phase", "Ph", 3), ("stage", "St", 3),
    ("board", "Board", 5), ("owner", "Owner", 14), ("due", "Due", 9),
    ("status", "Status", 11), ("rag", "RAG", 5), ("progress", "%", 4),
    ("last_update", "Updated", 9),
)  # fmt: skip
SORT_LABELS = {
    "ref": "ref", "title": "title", "phase": "phase", "stage": "stage", "board": "board",
    "owner": "owner", "due": "due date", "status": "status", "rag": "RAG",
    "progress": "% complete", "last_update": "last update",
}  # fmt: skip
STATUS_OPTIONS = [(s, s) for s in STATUSES]
OPEN = "open"  # the status filter's "not started or in progress" (My actions shows it)
STATUS_FILTER_OPTIONS = [("open (not started, in progress)", OPEN), *STATUS_OPTIONS]
RAG_OPTIONS = [*((r, r) for r in RAGS), ("not assessed", NO_RAG)]
DUE_OPTIONS = [("overdue", "overdue"), ("in the next 30 days", "soon")]
SOON_DAYS = 30


@dataclass
class View:
    search: str = ""
    phase: int | None = None
    stage: int | None = None
    board: str | None = None
    owner: str | None = None
    status: str | None = None
    rag: str | None = None
    due: str | None = None  # "overdue" | "soon"
    sort: str = "ref"
    descending: bool = False
    offset: int = 0

    @property
    def is_filtered(self) -> bool:
        return bool(self.search.strip()) or any(
            getattr(self, name) is not None
            for name in ("phase", "stage", "board", "owner", "status", "rag", "due")
        )


def view_key(view: View) -> tuple[Any, ...]:
    """What makes two views show the same rows in the same order (not the page shown)."""
    return (view.search.strip(), view.phase, view.stage, view.board, view.owner, view.status,
            view.rag, view.due, view.sort, view.descending)  # fmt: skip


def to_filter(view: View, today: dt.date) -> Any:
    from tracker.services.actions.register import ActionFilter

    soon: dict[str, Any] = {}
    if view.due == "soon":
        soon = {
            "due_from": today,
            "due_before": today + dt.timedelta(days=SOON_DAYS + 1),
            "open_only": True,
        }
    if view.status == OPEN:
        soon["open_only"] = True
    return ActionFilter(
        phase=view.phase, stage=view.stage, board=view.board, owner=view.owner,
        status=None if view.status == OPEN else view.status, rag=view.rag,
        overdue=view.due == "overdue", search=view.search.strip() or None, **soon,
    )  # fmt: skip


def implied_day(day: dt.date) -> str:
    """A due date implied by the end of the action's phase, in the Due column's 9 characters:
    'by Mar 25' (phases end on 31 March; "(31 Mar 25)" was cut to "(31 Mar …", losing the year)."""
    month_end = (day + dt.timedelta(days=1)).month != day.month
    return f"by {day:%b %y}" if month_end else f"~{day:%d%b%y}"


def row_cells(r: Any) -> list[Any]:
    shown = (
        tx.short_day(r.due)
        if r.due is not None or r.implied_due is None
        else implied_day(r.implied_due)
    )
    due = Text(shown, style="bold #f85149" if r.overdue else "")
    return [
        Text(r.ref, style="bold"),
        tx.clip(r.title, 120),  # the table cuts it to the width it has
        str(r.phase),
        str(r.stage) if r.stage is not None else "-",
        Text(tx.initials(r.board_name, 5)) if r.board_name else Text("-", style="dim"),
        Text(tx.clip(tx.person_name(r.owner), 14)) if r.owner else Text(tx.UNASSIGNED, style="dim"),
        due,
        tx.status_text(r.status),
        tx.rag_text(r.rag),
        Text(f"{r.progress:>3}%"),
        tx.short_day(r.last_update),
    ]


def choice_options(choices: Any) -> dict[str, list[tuple[str, Any]]]:
    """The filter lists from the database's choices (short labels: the selects are narrow)."""
    return {
        "phase": [(tx.clip(label, 40), number) for number, label in choices.phases],
        "stage": [(tx.clip(label, 40), number) for number, label in choices.stages],
        "board": [(tx.clip(name, 40), code) for code, name in choices.boards],
        "owner": [(tx.clip(label, 40), code) for code, label in choices.people],
    }


def page_line(view: View, shown: int, total: int | None) -> tuple[Text, Text]:
    """'1-100 of 10,000 actions   sorted by due ▲   page 1 of 100' and '10,000 found'."""
    first = view.offset + 1 if shown else 0
    order = f"sorted by {SORT_LABELS[view.sort]} {'▼' if view.descending else '▲'}"
    if total is None:
        of, pages, found = "… (counting)", "…", "counting…"
    else:
        of = f"{total:,} action{'s' if total != 1 else ''}"
        pages, found = f"{max(1, -(-total // PAGE)):,}", f"{total:,} found"
    line = Text.assemble(
        (f"{first:,}-{view.offset + shown:,} of {of}", "bold"),
        f"   {order}   page {view.offset // PAGE + 1} of {pages}",
        ("   [ ] turn pages" if pages != "1" else "", "dim"),
    )
    return line, Text(found, style="bold")
