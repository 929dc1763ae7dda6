"""The return ledger: for a board's next meeting, which of its actions owe a return (open, and
no update since the last meeting), grouped by owner and their organisation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tracker.services.actions.implied_due import phase_end
from tracker.services.plain_sql import Params, Reader, SessionReader, as_date, as_utc
from tracker.services.reading import withhold_actions
from tracker.services.returns.period import ReportingPeriod, period_in, period_read
from tracker.vocabulary import OPEN_STATUSES

if TYPE_CHECKING:  # the dashboard reads the returns without SQLAlchemy (next_returns_read)
    from sqlalchemy.orm import Session

    from tracker.models import Board
    from tracker.services.context import Tracker

UNASSIGNED = "unassigned"
NO_ORGANISATION = "no organisation"


@dataclass(frozen=True)
class OwedAction:
    ref: str
    title: str
    due: dt.date | None
    status: str
    rag: str | None
    progress: int
    last_update: dt.datetime | None  # None: never updated
    commentary: str | None
    implied_due: dt.date | None = None  # no due date: the end of its phase, as the register

    @property
    def due_or_implied(self) -> dt.date | None:
        return self.due or self.implied_due

    def overdue(self, today: dt.date) -> bool:
        due = self.due_or_implied
        return due is not None and due < today


@dataclass(frozen=True)
class OwnerReturns:
    owner: str  # as the register names them; "unassigned" for actions without an owner
    owner_code: str | None  # None: unassigned
    name: str  # who returns it: the owner's name, else their role
    email: str | None
    organisation: str  # the owner's organisation, else the action's lead organisation
    owed: tuple[OwedAction, ...]  # by ref
    received: int  # this owner's returns already in for the period

    @property
    def expected(self) -> int:
        return len(self.owed) + self.received


@dataclass(frozen=True)
class OrganisationReturns:
    organisation: str
    owners: int  # owners with a return outstanding
    owed: int
    received: int


@dataclass(frozen=True)
class ReturnLedger:
    period: ReportingPeriod
    owners: tuple[OwnerReturns, ...]  # by organisation, then owner; only those expected
    expected: int  # actions of the board that report for this meeting
    received: int
    outstanding: int

    @property
    def organisations(self) -> tuple[OrganisationReturns, ...]:
        found: dict[str, list[OwnerReturns]] = {}
        for o in self.owners:
            found.setdefault(o.organisation, []).append(o)
        return tuple(
            OrganisationReturns(
                organisation=name,
                owners=sum(1 for o in group if o.owed),
                owed=sum(len(o.owed) for o in group),
                received=sum(o.received for o in group),
            )
            for name, group in found.items()
        )

    def owing(self) -> tuple[OwnerReturns, ...]:
        return tuple(o for o in self.owners if o.owed)


def return_ledger(t: Tracker, board: str) -> ReturnLedger:
    """Who owes a return to BOARD's next meeting, and what. An exempt action the acting
    account may not read in full (tracker.services.reading) keeps its place, its title
    withheld and its commentary left out."""
    from tracker.services.governance.common import find_board

    with t.db.reading() as s:
        b = find_board(s, board)
        ledger = ledger_in(s, b, period_in(s, b, t.today(), t.settings.returns_days_before))
        if t.unrestricted:
            return ledger
        reader = SessionReader(s)
        return replace(ledger, owners=tuple(
            replace(o, owed=withhold_actions(t, reader, o.owed, OWED_WORDS)) for o in ledger.owners
        ))  # fmt: skip


OWED_WORDS = {"title": True, "commentary": False}


def ledger_in(s: Session, board: Board, period: ReportingPeriod) -> ReturnLedger:
    """The ledger for `period`: every open action of the board, and those closed by a return
    in the period (which count as received)."""
    return ledger_read(SessionReader(s), board.id, period)


def ledger_read(reader: Reader, board_id: int, period: ReportingPeriod) -> ReturnLedger:
    """`ledger_in` in plain SQL (tracker.services.plain_sql), on any reader."""
    since = period.since()
    p = Params(reader.dialect)
    reporting = f"action.status IN ({p.each(OPEN_STATUSES)})"
    if since is not None:
        reporting = f"({reporting} OR action.latest_update_at >= {p(since)})"
    query = (
        "SELECT action.ref, action.title, action.due, action.status, action.rag, "
        "action.progress, action.latest_update_at, action.latest_commentary, person.code, "
        "person.name, person.role, person.email, owner_org.name, lead_org.name, phase.end_year "
        "FROM action JOIN phase ON action.phase_id = phase.id "
        "LEFT JOIN person ON action.owner_id = person.id "
        "LEFT JOIN organisation AS owner_org ON person.organisation_id = owner_org.id "
        "LEFT JOIN organisation AS lead_org ON action.lead_organisation_id = lead_org.id "
        f"WHERE action.board_id = {p(board_id)} AND {reporting} ORDER BY action.ref"
    )
    groups: dict[tuple[str, str], _Group] = {}
    for row in reader.rows(query, p.values):
        ref, title, due, status, rag, pct, last, note, code, name, role, email, org, lead, end = row
        last = as_utc(last)
        owner = _label(name, role, code)
        organisation = org or lead or NO_ORGANISATION
        group = groups.get((organisation, owner))
        if group is None:
            who = name or role or code or UNASSIGNED
            group = groups[(organisation, owner)] = _Group(code, who, email)
        if last is not None and (since is None or last >= since):
            group.received += 1
        else:
            implied = None if due is not None else phase_end(end)
            group.owed.append(
                OwedAction(ref, title, as_date(due), status, rag, pct, last, note, implied)
            )
    owners = tuple(
        OwnerReturns(
            owner=owner,
            owner_code=g.code,
            name=g.name,
            email=g.email,
            organisation=organisation,
            owed=tuple(g.owed),
            received=g.received,
        )
        for (organisation, owner), g in sorted(groups.items(), key=lambda kv: _order(*kv[0]))
    )
    owed_total = sum(len(o.owed) for o in owners)
    received_total = sum(o.received for o in owners)
    return ReturnLedger(
        period=period, owners=owners, expected=owed_total + received_total,
        received=received_total, outstanding=owed_total,
    )  # fmt: skip


@dataclass
class _Group:
    code: str | None
    name: str
    email: str | None
    owed: list[OwedAction] = field(default_factory=list)
    received: int = 0


def _order(organisation: str, owner: str) -> tuple[bool, str, bool, str]:
    """By organisation, then owner; "no organisation" and "unassigned" last."""
    return (organisation == NO_ORGANISATION, organisation.lower(), owner == UNASSIGNED,
            owner.lower())  # fmt: skip


def _label(name: str | None, role: str | None, code: str | None) -> str:
    if name and role:
        return f"{name} ({role})"
    return name or role or code or UNASSIGNED


@dataclass(frozen=True)
class BoardReturns:
    """One board's returns for its next meeting, in brief."""

    period: ReportingPeriod
    expected: int
    received: int
    outstanding: int
    owners_owing: int


def returns_overview(t: Tracker) -> tuple[BoardReturns, ...]:
    """Every board with a meeting scheduled (one passed unrecorded too: it is still the next)
    and actions reporting to it, soonest meeting first."""
    with t.reading_sql() as reader:  # plain SQL: no SQLAlchemy session for a read of figures
        return overview_read(reader, t.today(), t.settings.returns_days_before)


def overview_in(
    s: Session, today: dt.date, days_before: int, first_only: bool = False
) -> tuple[BoardReturns, ...]:
    return overview_read(SessionReader(s), today, days_before, first_only)


def overview_read(
    reader: Reader, today: dt.date, days_before: int, first_only: bool = False
) -> tuple[BoardReturns, ...]:
    """`overview_in` in plain SQL, on any reader."""
    p = Params(reader.dialect)
    boards = reader.rows(
        "SELECT meeting.board_id, board.code, board.name FROM meeting "
        "JOIN board ON board.id = meeting.board_id "
        "WHERE meeting.status = 'scheduled' AND meeting.date IS NOT NULL AND "
        "meeting.board_id IN (SELECT board_id FROM action WHERE board_id IS NOT NULL) "
        "GROUP BY meeting.board_id, board.code, board.name "
        "ORDER BY min(meeting.date), meeting.board_id",
        p.values,
    )
    out = []
    for board_id, code, name in boards:
        ledger = ledger_read(
            reader, board_id, period_read(reader, board_id, code, name, today, days_before)
        )
        if ledger.expected:
            out.append(
                BoardReturns(
                    ledger.period,
                    ledger.expected,
                    ledger.received,
                    ledger.outstanding,
                    len(ledger.owing()),
                )
            )
            if first_only:
                break
    return tuple(out)


def next_returns_in(s: Session, today: dt.date, days_before: int) -> BoardReturns | None:
    return next_returns_read(SessionReader(s), today, days_before)


def next_returns_read(reader: Reader, today: dt.date, days_before: int) -> BoardReturns | None:
    """The soonest meeting of a board that has actions reporting to it, and its returns:
    what the dashboard shows."""
    found = overview_read(reader, today, days_before, first_only=True)
    return found[0] if found else None
