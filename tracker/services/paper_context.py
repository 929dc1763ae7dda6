"""Building a paper's context: what every paper shares (board, meeting, strategy, period), the
position, and the actions as of a date. The board papers (highlight, exception) are built in
paper_board.py, the committee papers in paper_committee.py.

"As of" follows the board position's rule (governance/position.py): at the default date (today)
the actions' current values; at an earlier date each action's latest update recorded on or
before it, else its stored values. Actions are read in one query over the board's subtree,
filtered in the database to the ones a paper lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from tracker.models import (
    Action,
    Board,
    Person,
    Phase,
    Stage,
    StatusUpdate,
    Strategy,
)
from tracker.services.actions import OPEN_STATUSES, owner_label
from tracker.services.context import Tracker
from tracker.services.errors import NotFound
from tracker.services.governance.boards import BoardInfo, get_board
from tracker.services.governance.common import day_end, find_board, load_tree, subtree
from tracker.services.governance.escalations import EscalationView
from tracker.services.governance.meetings import MeetingView, list_meetings
from tracker.services.governance.position import (
    BoardPosition,
    GroupCounts,
)
from tracker.services.paper_data import (
    ActionItem,
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

    def common(self) -> dict[str, object]:
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
    t: Tracker, *, kind: str, template: str, title: str, fmt: str, board: str,
    meeting: dt.date | None, as_of: dt.date | None,
) -> Frame:  # fmt: skip
    """The board, the meeting (which must exist), the strategy and the period covered."""
    from tracker.services.errors import invalid

    today = t.today()
    info = get_board(t, board)
    meetings = list_meetings(t, info.code)
    held: MeetingView | None = None
    if meeting is not None:
        on_day = [m for m in meetings if m.date == meeting]
        on_day.sort(key=lambda m: m.status == "cancelled")
        if not on_day:
            dates = ", ".join(m.date.isoformat() for m in meetings if m.date) or "none"
            raise NotFound(
                f"{info.name} has no meeting on {meeting.isoformat()} (its meetings: {dates}); "
                "schedule it first with `tracker meetings add`"
            )
        held = on_day[0]
    if as_of is None:
        as_of = today if meeting is None else min(today, meeting - dt.timedelta(days=1))
    elif as_of > today:
        raise invalid("--as-of", f"{as_of.isoformat()} is after today ({today.isoformat()}): "
                                 "a paper reports what is known")  # fmt: skip
    if meeting is not None and as_of > meeting:
        raise invalid("--as-of", f"{as_of.isoformat()} is after the meeting of "
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
    strategy, years = _strategy(t)
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


def _strategy(t: Tracker) -> tuple[StrategyInfo | None, dict[int, tuple[int | None, int | None]]]:
    """The plan's strategy (the first by title, as the overview lists them) and its phases'
    years."""
    with t.db.reading() as s:
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
            total: int, progress: float) -> dict[str, object]:  # fmt: skip
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
        **counts_of(g.by_status, g.by_rag, g.total, g.progress),  # type: ignore[arg-type]
        number=g.number, label=label, name=g.name, start_year=start, end_year=end,
    )  # fmt: skip


def position_of(p: BoardPosition, years: dict[int, tuple[int | None, int | None]]) -> Position:
    scope = p.board.name
    if len(p.boards_included) > 1:
        scope += " and the boards under it"
    return Position(
        **counts_of(p.by_status, p.by_rag, p.total, p.progress),  # type: ignore[arg-type]
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


# ---- actions as of a date ---------------------------------------------------------------------


def _effective(board_ids: list[int] | None, as_of: dt.date | None) -> Select:  # type: ignore[type-arg]
    """One row per action (of the boards; None: all) with its values as of the date."""
    cols = (
        Action.id.label("action_id"), Action.ref, Action.title, Action.board_id,
        Action.owner_id, Action.phase_id, Action.stage_id, Action.start, Action.due,
    )  # fmt: skip
    where = [Action.board_id.in_(board_ids)] if board_ids is not None else []
    if as_of is None:
        return select(
            *cols, Action.status.label("status"), Action.rag.label("rag"),
            Action.progress.label("progress"), Action.latest_commentary.label("commentary"),
            Action.latest_update_at.label("last_update"),
        ).where(*where)  # fmt: skip
    x = aliased(StatusUpdate)
    latest = (
        select(x.id)
        .where(x.action_id == Action.id, x.recorded_at < day_end(as_of))
        .order_by(x.recorded_at.desc(), x.id.desc())
        .limit(1)
        .correlate(Action)
        .scalar_subquery()
    )
    f = select(*cols, Action.status, Action.rag, Action.progress,
               latest.label("latest_id")).where(*where).subquery("frame")  # fmt: skip
    su = aliased(StatusUpdate)
    found = su.id.is_not(None)
    return select(
        f.c.action_id, f.c.ref, f.c.title, f.c.board_id, f.c.owner_id, f.c.phase_id,
        f.c.stage_id, f.c.start, f.c.due,
        case((found, su.status), else_=f.c.status).label("status"),
        case((found, su.rag), else_=f.c.rag).label("rag"),
        case((found, su.progress), else_=f.c.progress).label("progress"),
        su.commentary.label("commentary"), su.recorded_at.label("last_update"),
    ).outerjoin(su, su.id == f.c.latest_id)  # fmt: skip


@dataclass(frozen=True)
class ActionRowAt:
    action_id: int
    item: ActionItem


def read_actions(s: Session, board_ids: list[int], fr: Frame, wanted) -> list[ActionRowAt]:  # type: ignore[no-untyped-def]
    """Actions of the boards as of the paper, those `wanted(eff, is_open, completed_on)`
    selects, by ref; completed_on is the first 'complete' update in the period covered."""
    when, start = fr.paper.as_of, fr.period.start
    eff = _effective(board_ids, fr.position_as_of).subquery("eff")
    window = [StatusUpdate.action_id == eff.c.action_id, StatusUpdate.status == "complete",
              StatusUpdate.recorded_at < day_end(when)]  # fmt: skip
    if start is not None:
        window.append(StatusUpdate.recorded_at >= day_end(start))
    completed_on = select(func.min(StatusUpdate.recorded_at)).where(*window).scalar_subquery()
    rows = s.execute(
        select(eff.c.action_id, eff.c.ref, eff.c.title, Board.code, Board.name, Person.name,
               Person.role, eff.c.start, eff.c.due, eff.c.status, eff.c.rag, eff.c.progress,
               eff.c.commentary, eff.c.last_update, completed_on)
        .outerjoin(Board, Board.id == eff.c.board_id)
        .outerjoin(Person, Person.id == eff.c.owner_id)
        .where(wanted(eff, eff.c.status.in_(OPEN_STATUSES), completed_on))
        .order_by(eff.c.ref)
    )  # fmt: skip
    out = []
    for r in rows:
        status, rag, due = r[9], r[10], r[8]
        is_open = status in OPEN_STATUSES
        overdue = bool(is_open and due is not None and due < when)
        red = is_open and rag == "red"
        why = (
            "red and overdue"
            if red and overdue
            else "red"
            if red
            else "overdue"
            if overdue
            else None
        )
        out.append(ActionRowAt(r[0], ActionItem(
            ref=r[1], title=r[2], board=r[3], board_name=r[4], owner=owner_label(r[5], r[6]),
            start=r[7], due=due, status=status, rag=rag, progress=r[11], commentary=r[12],
            last_update=r[13].date() if r[13] else None, overdue=overdue,
            days_overdue=(when - due).days if overdue and due else None,
            completed_on=r[14].date() if r[14] is not None and status == "complete" else None,
            why=why,
        )))  # fmt: skip
    return out


def listed_actions(s: Session, board_ids: list[int], fr: Frame) -> list[ActionRowAt]:
    """What a highlight report lists: open actions that are red, amber, overdue or due (or
    starting) in the next period, and those completed in the period covered."""
    when, next_end = fr.paper.as_of, fr.period.next_end

    def wanted(eff, is_open, completed_on):  # type: ignore[no-untyped-def]
        soon = or_(and_(eff.c.due > when, eff.c.due <= next_end),
                   and_(eff.c.start > when, eff.c.start <= next_end))  # fmt: skip
        done = eff.c.status == "complete"
        if fr.period.start is not None:
            done = and_(done, completed_on.is_not(None))
        return or_(and_(is_open, or_(eff.c.rag.in_(("red", "amber")), eff.c.due < when, soon)),
                   done)  # fmt: skip

    return read_actions(s, board_ids, fr, wanted)


def subtree_ids(s: Session, board: str) -> list[int]:
    b = find_board(s, board)
    return subtree(load_tree(s), b.id)


def by_due(a: ActionItem) -> tuple[bool, dt.date, str]:
    return (a.due is None, a.due or dt.date.max, a.ref)


def whole_plan(t: Tracker, fr: Frame, years: dict[int, tuple[int | None, int | None]]) -> Position:
    """Every action of the plan as of the paper's date (for a committee with no actions of its
    own): counts grouped in the database."""
    with t.db.reading() as s:
        eff = _effective(None, fr.position_as_of).subquery("eff")
        is_open = eff.c.status.in_(OPEN_STATUSES)
        rows = s.execute(
            select(eff.c.phase_id, eff.c.stage_id, eff.c.status, eff.c.rag, func.count(),
                   func.coalesce(func.sum(eff.c.progress), 0),
                   func.count().filter(and_(is_open, eff.c.due < fr.paper.as_of)))
            .group_by(eff.c.phase_id, eff.c.stage_id, eff.c.status, eff.c.rag)
        ).all()  # fmt: skip
        phases = {p.id: (p.number, p.name) for p in s.scalars(select(Phase).order_by(Phase.number))}
        stages = {x.id: (x.number, x.name) for x in s.scalars(select(Stage).order_by(Stage.number))}
        boards = tuple(
            s.scalars(select(Board.code).where(Board.kind == "board").order_by(Board.code))
        )
    total = _Sum()
    by_phase = {num: _Sum() for num, _ in phases.values()}
    by_stage: dict[int | None, _Sum] = {num: _Sum() for num, _ in stages.values()}
    by_stage[None] = _Sum()
    overdue = 0
    for phase_id, stage_id, status, rag, n, prog, late in rows:
        overdue += int(late)
        for sm in (total, by_phase[phases[phase_id][0]],
                   by_stage[stages[stage_id][0] if stage_id in stages else None]):  # fmt: skip
            sm.add(status, rag, int(n), int(prog))
    pnames = dict(phases.values())
    snames = dict(stages.values())
    return Position(
        **total.counts(), scope="the whole plan", boards=boards, overdue=overdue,  # type: ignore[arg-type]
        phases=tuple(
            Tally(**sm.counts(), number=num, label=f"Phase {num}: {pnames[num] or 'to be confirmed'}",  # type: ignore[arg-type]
                  name=pnames[num], start_year=years.get(num, (None, None))[0],
                  end_year=years.get(num, (None, None))[1])
            for num, sm in by_phase.items()
        ),
        stages=tuple(
            Tally(**sm.counts(), number=num,  # type: ignore[arg-type]
                  label=f"Stage {num}: {snames[num]}" if num is not None else "No stage",
                  name=snames.get(num) if num is not None else None, start_year=None,
                  end_year=None)
            for num, sm in by_stage.items() if num is not None or sm.total
        ),
    )  # fmt: skip


class _Sum:
    def __init__(self) -> None:
        self.total = 0
        self.status: dict[str, int] = {}
        self.rag: dict[str, int] = {}
        self.progress_sum = 0
        self.progress_n = 0

    def add(self, status: str, rag: str | None, n: int, progress: int) -> None:
        self.total += n
        self.status[status] = self.status.get(status, 0) + n
        key = rag if rag in ("green", "amber", "red") else "none"
        self.rag[key] = self.rag.get(key, 0) + n
        if status != "cancelled":
            self.progress_sum += progress
            self.progress_n += n

    def counts(self) -> dict[str, object]:
        progress = round(self.progress_sum / self.progress_n, 1) if self.progress_n else 0.0
        return counts_of(tuple(self.status.items()), tuple(self.rag.items()), self.total, progress)
