"""One return sheet per owner (or per organisation): the sheet of `tracker actions
export-sheet` holding only their outstanding actions, with a `Return` sheet saying which board,
meeting and period it is for and who returns it (read back by tracker.services.returns.receive)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from tracker.errors import invalid
from tracker.services.actions.register import ActionFilter
from tracker.services.context import Tracker
from tracker.services.governance.common import find_board
from tracker.services.returns.ledger import UNASSIGNED, OwnerReturns, ReturnLedger, ledger_in
from tracker.services.returns.period import ReportingPeriod, period_in
from tracker.services.sheets.export import sheet_rows_in
from tracker.services.sheets.files import write_xlsx

GROUPINGS = ("owner", "organisation")
REPORTER_LENGTH = 200  # what a status update's `recorded_by` holds

# the labels of the Return sheet's rows: what receive.py reads back
RETURN_TO, BOARD, MEETING, PERIOD_FROM, DUE, RETURNED_BY, ACTIONS, SHEET = (
    "Return to", "Board", "Meeting", "Period from", "Returns due", "Returned by", "Actions",
    "Sheet",
)  # fmt: skip


@dataclass(frozen=True)
class SheetPlan:
    """What one return sheet holds, before it is written."""

    key: str  # the owner as the ledger names them, or the organisation
    reporter: str  # who returns it: the owner's name, or the organisation's
    organisation: str
    email: str | None  # the owner's address (None for an organisation's sheet)
    slug: str  # for the file name
    refs: tuple[str, ...]
    rows: tuple[dict[str, object], ...]
    token: str  # written into the sheet: the same sheet is never recorded twice

    def about(self, period: ReportingPeriod) -> tuple[tuple[str, str], ...]:
        return (
            (RETURN_TO, period.board_name),
            (BOARD, period.board),
            (MEETING, period.meeting.isoformat()),
            (PERIOD_FROM, period.start.isoformat() if period.start else "the board's start"),
            (DUE, period.deadline.isoformat()),
            (RETURNED_BY, self.reporter),
            (ACTIONS, " ".join(self.refs)),
            (SHEET, self.token),
        )

    def file_name(self, period: ReportingPeriod) -> str:
        return f"{period.meeting.isoformat()}-{period.board}-{self.slug}.xlsx"


@dataclass(frozen=True)
class ReturnSheet:
    reporter: str
    organisation: str
    email: str | None
    file: str
    actions: int


@dataclass(frozen=True)
class ReturnSheets:
    period: ReportingPeriod
    by: str  # owner | organisation
    folder: str
    sheets: tuple[ReturnSheet, ...]
    unassigned: tuple[str, ...]  # refs owing a return with no owner: no sheet for them


def write_return_sheets(
    t: Tracker, board: str, folder: str | Path | None = None, *, by: str = "owner"
) -> ReturnSheets:
    """One .xlsx per owner (or organisation) with returns outstanding for BOARD's next
    meeting, in `folder` (default: the papers output folder's `returns`)."""
    if by not in GROUPINGS:
        raise invalid("grouping", f"unknown grouping {by!r}", ", ".join(GROUPINGS))
    out = output_folder(folder if folder is not None else t.settings.output / "returns")
    with t.db.reading() as s:
        b = find_board(s, board)
        ledger = ledger_in(s, b, period_in(s, b, t.today(), t.settings.returns_days_before))
        plans = sheet_plans_in(s, ledger, by, t)
    written = tuple(write_sheet(p, ledger.period, out) for p in plans)
    unassigned = tuple(a.ref for o in ledger.owing() if o.owner == UNASSIGNED for a in o.owed)
    return ReturnSheets(ledger.period, by, str(out), written, unassigned)


def output_folder(folder: str | Path) -> Path:
    """The folder, created if need be; refused (field "folder") when it cannot be."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise invalid("folder", f"{out} is a file, not a folder", "a folder for the sheets")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise invalid(
            "folder", f"cannot create {out}: {exc.strerror}", "a folder you can write"
        ) from None
    return out


def sheet_plans_in(
    s: Session, ledger: ReturnLedger, by: str, t: Tracker, only: Sequence[str] = ()
) -> list[SheetPlan]:
    """The sheets for the owners (or organisations) owing returns; `only`: these owners."""
    period = ledger.period
    owing = [o for o in ledger.owing() if o.owner != UNASSIGNED]
    if only:
        owing = [o for o in owing if o.owner in only]
    if not owing:
        return []
    rows = {
        str(r["ref"]): r
        for r in sheet_rows_in(s, ActionFilter(board=period.board, open_only=True), t.today(), t)
    }
    groups: dict[str, list[OwnerReturns]] = {}
    for o in owing:
        groups.setdefault(o.owner if by == "owner" else o.organisation, []).append(o)
    plans: list[SheetPlan] = []
    slugs: set[str] = set()
    for key, members in groups.items():
        refs = tuple(sorted(a.ref for o in members for a in o.owed))
        first = members[0]
        reporter = first.name if by == "owner" else first.organisation
        slug = _unique(_slug(first.owner_code or reporter if by == "owner" else key), slugs)
        plans.append(
            SheetPlan(
                key=key,
                reporter=reporter[:REPORTER_LENGTH],
                organisation=first.organisation,
                email=first.email if by == "owner" else None,
                slug=slug,
                refs=refs,
                rows=tuple(rows[r] for r in refs if r in rows),
                token=uuid.uuid4().hex,
            )
        )
    return plans


def write_sheet(plan: SheetPlan, period: ReportingPeriod, folder: Path) -> ReturnSheet:
    path = folder / plan.file_name(period)
    noun = "action" if len(plan.rows) == 1 else "actions"
    title = (
        f"Status return to the {period.board_name} for its meeting of {_day(period)}: "
        f"{len(plan.rows)} {noun}, returned by {plan.reporter}; due by "
        f"{period.deadline.isoformat()}"
    )
    write_xlsx(path, plan.rows, title=title, about=plan.about(period))
    return ReturnSheet(plan.reporter, plan.organisation, plan.email, str(path), len(plan.rows))


def _day(period: ReportingPeriod) -> str:
    return period.meeting.isoformat()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "owner"


def _unique(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    taken.add(candidate)
    return candidate
