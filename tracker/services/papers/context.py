"""Building a paper's context: what every paper shares (board, meeting, strategy, period) and the
position. The actions as of a date are read in papers/actions.py. The board papers (highlight,
exception) are built in papers/board.py, the committee papers in papers/committee.py. Every piece
takes the paper's one read transaction (render.py opens it), so a paper is read from one
snapshot. What every paper shares is read in plain SQL, on a session's `SessionReader` or (the
highlight report) on sqlite3 or psycopg alone, without SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from tracker.errors import NotFound
from tracker.services.governance.board_read import (
    BoardInfo,
    board_info_read,
    find_board_id,
    tree_read,
)
from tracker.services.governance.escalation_read import EscalationView
from tracker.services.papers.data import BoardView, MeetingInfo, Paper, Period, StrategyInfo
from tracker.services.plain_sql import Params, Reader, as_date

if TYPE_CHECKING:  # only annotations: the papers without a board position do not load it
    from tracker.services.governance.position_types import BoardPosition, GroupCounts
    from tracker.services.papers.data.actions import EscalationItem
    from tracker.services.papers.data.counts import Position, Tally

NEXT_PERIOD_DAYS = 91  # "the next period" when no next meeting is scheduled: about 3 months


class Common(TypedDict):
    """The fields every paper's context starts with (Frame.common)."""

    paper: Paper
    board: BoardView
    meeting: MeetingInfo | None
    strategy: StrategyInfo | None
    period: Period


class CountFields(TypedDict):
    """The fields of data.Counts, for a Position or Tally built from counts_of."""

    total: int
    not_started: int
    in_progress: int
    complete: int
    cancelled: int
    green: int
    amber: int
    red: int
    not_assessed: int
    progress: float


@dataclass(frozen=True)
class Frame:
    """What every paper shares, and the dates its figures use."""

    paper: Paper
    board: BoardView
    meeting: MeetingInfo | None
    strategy: StrategyInfo | None
    period: Period
    position_as_of: dt.date | None  # None: current values (the as-of date is today)
    years: dict[int, tuple[int | None, int | None]]  # phase number -> (start, end) years

    def common(self) -> Common:
        return {
            "paper": self.paper, "board": self.board, "meeting": self.meeting,
            "strategy": self.strategy, "period": self.period,
        }  # fmt: skip


def board_view(b: BoardInfo) -> BoardView:
    return BoardView(
        code=b.code, name=b.name, kind=b.kind, parent_code=b.parent_code,
        parent_name=b.parent_name, chair=b.chair_label, meets=b.meets, area=b.area,
        description=b.description,
    )  # fmt: skip


@dataclass(frozen=True)
class _Meeting:
    id: int
    date: dt.date | None
    title: str | None
    status: str


def _meetings(reader: Reader, board_id: int) -> list[_Meeting]:
    """The board's meetings, dated ones in date order, undated last."""
    p = Params(reader.dialect)
    return [_Meeting(r[0], as_date(r[1]), r[2], r[3]) for r in reader.rows(
        f"SELECT id, date, title, status FROM meeting WHERE board_id = {p(board_id)} "
        "ORDER BY date IS NULL, date, id", p.values)]  # fmt: skip


def _meeting_info(reader: Reader, m: _Meeting) -> MeetingInfo:
    """A meeting with who attended and its stored agenda."""
    p = Params(reader.dialect)
    attendees = reader.rows(
        f"SELECT name FROM meeting_attendee WHERE meeting_id = {p(m.id)} AND present "
        "ORDER BY id", p.values)  # fmt: skip
    agenda = reader.rows(
        f"SELECT title FROM agenda_item WHERE meeting_id = {p(m.id)} ORDER BY position", p.values
    )
    return MeetingInfo(
        date=m.date, title=m.title, status=m.status, attendees=tuple(r[0] for r in attendees),
        agenda=tuple(r[0] for r in agenda),
    )  # fmt: skip


def frame(
    reader: Reader, *, today: dt.date, kind: str, template: str, title: str, fmt: str, board: str,
    meeting: dt.date | None, as_of: dt.date | None,
) -> Frame:  # fmt: skip
    """The board, the meeting (which must exist), the strategy and the period covered, read in
    the paper's transaction."""
    from tracker.errors import invalid

    board_id = find_board_id(reader, board)
    info = board_info_read(reader, board_id, tree_read(reader))
    meetings = _meetings(reader, board_id)
    held: _Meeting | None = None
    if meeting is not None:
        on_day = [m for m in meetings if m.date == meeting]
        on_day.sort(key=lambda m: m.status == "cancelled")
        if not on_day:
            dates = ", ".join(m.date.isoformat() for m in meetings if m.date) or "none"
            raise NotFound(
                f"{info.name} has no meeting on {meeting.isoformat()} (its meetings: {dates})",
                remedy="schedule the meeting",
            )
        held = on_day[0]
    if as_of is None:
        as_of = today if meeting is None else min(today, meeting - dt.timedelta(days=1))
    elif as_of > today:
        raise invalid("as of", f"{as_of.isoformat()} is after today ({today.isoformat()}): "
                               "a paper reports what is known")  # fmt: skip
    if meeting is not None and as_of > meeting:
        raise invalid("as of", f"{as_of.isoformat()} is after the meeting of "
                               f"{meeting.isoformat()}: a paper is prepared before it")  # fmt: skip
    date = meeting or as_of
    before = [
        m.date for m in meetings
        if m.status == "held" and m.date is not None and m.date <= as_of
        and (meeting is None or m.date < meeting)
    ]  # fmt: skip
    after = [
        m.date for m in meetings
        if m.status == "scheduled" and m.date is not None and m.date > date
    ]  # fmt: skip
    next_meeting = min(after) if after else None
    strategy, years = _strategy(reader)
    return Frame(
        paper=Paper(
            kind=kind,
            template=template,
            title=title,
            format=fmt,
            date=date,
            as_of=as_of,
            today=today,
        ),
        board=board_view(info),
        meeting=_meeting_info(reader, held) if held else None,
        strategy=strategy,
        period=Period(
            start=max(before) if before else None,
            end=as_of,
            next_meeting=next_meeting,
            next_end=next_meeting or date + dt.timedelta(days=NEXT_PERIOD_DAYS),
        ),
        position_as_of=as_of if as_of < today else None,
        years=years,
    )


def _strategy(
    reader: Reader,
) -> tuple[StrategyInfo | None, dict[int, tuple[int | None, int | None]]]:
    """The plan's strategy (the first by title, as the overview lists them) and its phases'
    years."""
    found = reader.rows(
        "SELECT id, title, start_year, end_year, vision, principles FROM strategy "
        "ORDER BY title LIMIT 1", {})  # fmt: skip
    if not found:
        return None, {}
    sid, title, start_year, end_year, vision, principles = found[0]
    p = Params(reader.dialect)
    years = {
        r[0]: (r[1], r[2]) for r in reader.rows(
            f"SELECT number, start_year, end_year FROM phase WHERE strategy_id = {p(sid)}",
            p.values)
    }  # fmt: skip
    listed = json.loads(principles) if isinstance(principles, str) else principles
    return StrategyInfo(
        title=title, start_year=start_year, end_year=end_year, vision=vision,
        principles=tuple(listed or ()),
    ), years  # fmt: skip


# ---- counts ----------------------------------------------------------------------------------


def counts_of(by_status: Sequence[tuple[str, int]], by_rag: Sequence[tuple[str, int]],
            total: int, progress: float) -> CountFields:  # fmt: skip
    st, rg = dict(by_status), dict(by_rag)
    return {
        "total": total, "not_started": st.get("not started", 0),
        "in_progress": st.get("in progress", 0), "complete": st.get("complete", 0),
        "cancelled": st.get("cancelled", 0), "green": rg.get("green", 0),
        "amber": rg.get("amber", 0), "red": rg.get("red", 0), "not_assessed": rg.get("none", 0),
        "progress": progress,
    }  # fmt: skip


def _tally(g: GroupCounts, what: str, years: dict[int, tuple[int | None, int | None]]) -> Tally:
    from tracker.services.papers.data.counts import Tally  # (only the papers with counts)

    label = f"{what} {g.number}: {g.name or 'to be confirmed'}" if g.number else "No stage"
    start, end = years.get(g.number or 0, (None, None))
    return Tally(
        **counts_of(g.by_status, g.by_rag, g.total, g.progress),
        number=g.number, label=label, name=g.name, start_year=start, end_year=end,
    )  # fmt: skip


def position_of(p: BoardPosition, years: dict[int, tuple[int | None, int | None]]) -> Position:
    from tracker.services.papers.data.counts import Position  # (only the papers with counts)

    scope = p.board.name
    if len(p.boards_included) > 1:
        scope += " and the boards under it"
    return Position(
        **counts_of(p.by_status, p.by_rag, p.total, p.progress),
        scope=scope, boards=p.boards_included, overdue=len(p.overdue),
        phases=tuple(_tally(g, "Phase", years) for g in p.phases),
        stages=tuple(_tally(g, "Stage", {}) for g in p.stages),
    )  # fmt: skip


def escalation_item(e: EscalationView) -> EscalationItem:
    from tracker.services.papers.data.actions import EscalationItem  # (only papers with them)

    return EscalationItem(
        id=e.id, ref=e.ref, title=e.title, from_board=e.from_board,
        from_board_name=e.from_board_name, to_board=e.to_board, to_board_name=e.to_board_name,
        raised_on=e.raised_on, raised_by=e.raised_by, reason=e.reason,
        decision_sought=e.decision_sought, status=e.status, decided_on=e.decided_on,
        decision_note=e.decision_note,
    )  # fmt: skip


def open_on(e: EscalationView, when: dt.date) -> bool:
    """Open on the date: raised by then and not decided by then."""
    return e.raised_on <= when and (e.status == "open" or (e.decided_on or when) > when)
