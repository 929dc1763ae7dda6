"""Building a paper's context: what every paper shares (board, meeting, strategy, period) and the
position. The actions as of a date are read in papers/actions.py. The board papers (highlight,
exception) are built in papers/board.py, the committee papers in papers/committee.py. Every piece
takes the paper's one open session (render.py opens it), so a paper is read from one snapshot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import NotFound
from tracker.models import (
    Phase,
    Strategy,
)
from tracker.services.governance.board_read import BoardInfo
from tracker.services.governance.boards import board_info
from tracker.services.governance.common import find_board
from tracker.services.governance.escalation_read import EscalationView
from tracker.services.governance.meetings import MeetingView, meetings_in
from tracker.services.governance.position_types import BoardPosition, GroupCounts
from tracker.services.papers.data import (
    BoardView,
    EscalationItem,
    MeetingInfo,
    Paper,
    Period,
    Position,
    StrategyInfo,
    Tally,
)

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


def _meeting_info(m: MeetingView) -> MeetingInfo:
    return MeetingInfo(
        date=m.date, title=m.title, status=m.status, attendees=m.attendees,
        agenda=tuple(a.title for a in m.agenda),
    )  # fmt: skip


def frame(
    s: Session, *, today: dt.date, kind: str, template: str, title: str, fmt: str, board: str,
    meeting: dt.date | None, as_of: dt.date | None,
) -> Frame:  # fmt: skip
    """The board, the meeting (which must exist), the strategy and the period covered, read in
    the paper's session."""
    from tracker.errors import invalid

    info = board_info(s, find_board(s, board))
    meetings = meetings_in(s, info.code)
    held: MeetingView | None = None
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
    strategy, years = _strategy(s)
    return Frame(
        paper=Paper(
            kind=kind,
            template=template,
            title=title,
            format=fmt,
            date=date,
            as_of=as_of,
            today=today,
        ),  # fmt: skip
        board=board_view(info),
        meeting=_meeting_info(held) if held else None,
        strategy=strategy,
        period=Period(
            start=max(before) if before else None,
            end=as_of,
            next_meeting=next_meeting,
            next_end=next_meeting or date + dt.timedelta(days=NEXT_PERIOD_DAYS),
        ),  # fmt: skip
        position_as_of=as_of if as_of < today else None,
        years=years,
    )


def _strategy(s: Session) -> tuple[StrategyInfo | None, dict[int, tuple[int | None, int | None]]]:
    """The plan's strategy (the first by title, as the overview lists them) and its phases'
    years."""
    st = s.scalars(select(Strategy).order_by(Strategy.title).limit(1)).first()
    if st is None:
        return None, {}
    years = {
        p.number: (p.start_year, p.end_year)
        for p in s.scalars(select(Phase).where(Phase.strategy_id == st.id))
    }
    return StrategyInfo(
        title=st.title, start_year=st.start_year, end_year=st.end_year, vision=st.vision,
        principles=tuple(st.principles or ()),
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
    label = f"{what} {g.number}: {g.name or 'to be confirmed'}" if g.number else "No stage"
    start, end = years.get(g.number or 0, (None, None))
    return Tally(
        **counts_of(g.by_status, g.by_rag, g.total, g.progress),
        number=g.number, label=label, name=g.name, start_year=start, end_year=end,
    )  # fmt: skip


def position_of(p: BoardPosition, years: dict[int, tuple[int | None, int | None]]) -> Position:
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
