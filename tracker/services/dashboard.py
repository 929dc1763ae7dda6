"""Everything the app's dashboard shows, in one read: the strategy and where today falls in its
period; each phase with its dates, action counts by status and RAG, and % complete; what is
overdue and due soon; the latest status updates; the next meetings; the open follow-ups."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from tracker.models import (
    Action,
    Board,
    FollowUp,
    Meeting,
    Person,
    Phase,
    StatusUpdate,
    Strategy,
)
from tracker.services.actions.register import (
    ActionFilter,
    ActionRow,
    owner_label,
    register_count,
    register_rows,
    withheld,
)
from tracker.services.actions.views import UpdateView
from tracker.services.context import Tracker
from tracker.services.governance.challenges import WORDS as CHALLENGE_WORDS
from tracker.services.governance.challenges import ChallengeView, challenges_in
from tracker.services.plain_sql import SessionReader
from tracker.services.reading import withhold, withhold_actions
from tracker.services.returns.ledger import BoardReturns, next_returns_in
from tracker.vocabulary import RAGS, STATUSES

FOLLOWUP_OPEN = ("open", "in progress")
RAG_KEYS = (*RAGS, "none")  # "none": not yet assessed


@dataclass(frozen=True)
class StrategyView:
    title: str
    start_year: int
    end_year: int
    vision: str | None
    year: int  # which year of the period today is in (1-based); 0 before, years+1 after
    years: int
    elapsed: float  # 0..1 of the period gone by today

    @property
    def position(self) -> str:
        if self.year <= 0:
            return f"starts {self.start_year}"
        if self.year > self.years:
            return f"ended {self.end_year}"
        return f"year {self.year} of {self.years}, {self.elapsed:.0%} through"


@dataclass(frozen=True)
class PhaseView:
    number: int
    name: str | None  # None: to be confirmed
    start_year: int | None
    end_year: int | None
    actions: int
    by_status: tuple[tuple[str, int], ...]  # STATUSES order, zeros included
    by_rag: tuple[tuple[str, int], ...]  # green, amber, red, none
    progress: float  # mean % complete of its actions that are not cancelled
    current: bool  # today's year falls in the phase's years

    def count(self, key: str) -> int:
        return dict(self.by_status + self.by_rag).get(key, 0)


@dataclass(frozen=True)
class MeetingView:
    date: dt.date
    board_code: str
    board: str
    title: str | None


@dataclass(frozen=True)
class FollowUpView:
    id: int
    text: str
    owner: str | None  # None: unassigned
    due: dt.date | None
    status: str
    overdue: bool
    board: str
    meeting_date: dt.date | None
    committee: str = ""  # code of its board or committee


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    strategy: StrategyView | None
    phases: tuple[PhaseView, ...]
    actions: int
    overdue_count: int
    overdue: tuple[ActionRow, ...]  # most overdue first
    due_soon_count: int
    due_soon: tuple[ActionRow, ...]  # soonest first
    horizon_days: int
    latest_updates: tuple[UpdateView, ...]  # newest first
    next_meetings: tuple[MeetingView, ...]  # soonest first
    open_followups_count: int
    overdue_followups_count: int
    open_followups: tuple[FollowUpView, ...]  # overdue and soonest first
    returns: BoardReturns | None = None  # the next returns deadline of any board
    challenges_count: int = 0  # challenged updates still to answer
    challenges: tuple[ChallengeView, ...] = ()  # the oldest meeting first


def due_soon_filter(today: dt.date, horizon_days: int = 30) -> ActionFilter:
    """Open actions due from today to `horizon_days` ahead (what the dashboard counts)."""
    return ActionFilter(
        due_from=today, due_before=today + dt.timedelta(days=horizon_days + 1), open_only=True
    )


def _strategy_view(st: Strategy, today: dt.date) -> StrategyView:
    first = dt.date(st.start_year, 1, 1)
    last = dt.date(st.end_year, 12, 31)
    years = st.end_year - st.start_year + 1
    elapsed = min(1.0, max(0.0, ((today - first).days + 1) / ((last - first).days + 1)))
    year = today.year - st.start_year + 1
    year = 0 if year < 1 else min(year, years + 1)
    return StrategyView(
        title=st.title, start_year=st.start_year, end_year=st.end_year, vision=st.vision,
        year=year, years=years, elapsed=elapsed,
    )  # fmt: skip


def get_dashboard(t: Tracker, *, limit: int = 8, horizon_days: int = 30) -> Dashboard:
    """The dashboard in one transaction: aggregates in the database, lists capped at `limit`."""
    today = t.today()
    with t.db.reading() as s:
        strategy = s.scalars(select(Strategy).order_by(Strategy.id).limit(1)).first()
        status_counts: dict[tuple[int, str], int] = {}
        rag_counts: dict[tuple[int, str], int] = {}
        for phase_id, status, rag, n in s.execute(
            select(Action.phase_id, Action.status, Action.rag, func.count()).group_by(
                Action.phase_id, Action.status, Action.rag
            )
        ):
            key = (phase_id, status)
            status_counts[key] = status_counts.get(key, 0) + n
            rkey = (phase_id, rag or "none")
            rag_counts[rkey] = rag_counts.get(rkey, 0) + n
        progress = {
            phase_id: mean
            for phase_id, mean in s.execute(
                select(Action.phase_id, func.avg(Action.progress))
                .where(Action.status != "cancelled")
                .group_by(Action.phase_id)
            )
        }
        phases: list[PhaseView] = []
        if strategy is not None:
            for p in s.scalars(
                select(Phase).where(Phase.strategy_id == strategy.id).order_by(Phase.number)
            ):
                by_status = tuple((st, status_counts.get((p.id, st), 0)) for st in STATUSES)
                by_rag = tuple((r, rag_counts.get((p.id, r), 0)) for r in RAG_KEYS)
                current = p.start_year is not None and p.start_year <= today.year <= (
                    p.end_year or p.start_year
                )
                phases.append(
                    PhaseView(
                        number=p.number,
                        name=p.name,
                        start_year=p.start_year,
                        end_year=p.end_year,
                        actions=sum(n for _, n in by_status),
                        by_status=by_status,
                        by_rag=by_rag,
                        progress=float(progress.get(p.id) or 0.0),
                        current=current,
                    )  # fmt: skip
                )
        total = int(s.execute(select(func.count()).select_from(Action)).scalar_one())

        reader = SessionReader(s)

        def page(f: ActionFilter) -> tuple[int, tuple[ActionRow, ...]]:
            rows = register_rows(reader, f, today, sort="due", limit=limit)
            return register_count(reader, f, today), withheld(t, reader, rows)

        overdue_count, overdue = page(ActionFilter(overdue=True))
        soon_count, soon = page(due_soon_filter(today, horizon_days))

        latest = withhold_actions(
            t,
            reader,
            [
                UpdateView(
                    id=uid,
                    ref=ref,
                    title=title,
                    recorded_at=at,
                    recorded_by=by,
                    status=status,
                    rag=rag,
                    progress=pct,
                    commentary=note,
                )  # fmt: skip
                for uid, ref, title, at, by, status, rag, pct, note in s.execute(
                    select(
                        StatusUpdate.id,
                        Action.ref,
                        Action.title,
                        StatusUpdate.recorded_at,
                        StatusUpdate.recorded_by,
                        StatusUpdate.status,
                        StatusUpdate.rag,
                        StatusUpdate.progress,
                        StatusUpdate.commentary,
                    )  # fmt: skip
                    .join(Action, StatusUpdate.action_id == Action.id)
                    .order_by(StatusUpdate.recorded_at.desc(), StatusUpdate.id.desc())
                    .limit(limit)
                )
            ],
            {"title": True, "commentary": False},
        )
        meetings = tuple(  # `>= today` leaves out the undated
            MeetingView(date=day, board_code=code, board=name, title=title)
            for day, code, name, title in s.execute(
                select(Meeting.date, Board.code, Board.name, Meeting.title)
                .join(Board, Meeting.board_id == Board.id)
                .where(Meeting.status == "scheduled", Meeting.date >= today)
                .order_by(Meeting.date, Board.name)
                .limit(limit)
            )
            if day is not None
        )
        fu_open = FollowUp.status.in_(FOLLOWUP_OPEN)
        fu_total = s.execute(select(func.count()).where(fu_open)).scalar_one()
        fu_late = s.execute(select(func.count()).where(fu_open, FollowUp.due < today)).scalar_one()
        followups = withhold(
            t,
            reader,
            "followup",
            [
                FollowUpView(
                    id=fid,
                    text=text,
                    owner=owner_label(pname, prole) or otext,
                    due=due,
                    status=status,
                    overdue=due is not None and due < today,
                    board=bname,
                    meeting_date=mdate,
                    committee=bcode,
                )  # fmt: skip
                for fid, text, pname, prole, otext, due, status, bname, mdate, bcode in s.execute(
                    select(
                        FollowUp.id,
                        FollowUp.text,
                        Person.name,
                        Person.role,
                        FollowUp.owner_text,
                        FollowUp.due,
                        FollowUp.status,
                        Board.name,
                        Meeting.date,
                        Board.code,
                    )  # fmt: skip
                    .join(Meeting, FollowUp.meeting_id == Meeting.id)
                    .join(Board, Meeting.board_id == Board.id)
                    .outerjoin(Person, FollowUp.owner_id == Person.id)
                    .where(fu_open)
                    .order_by(FollowUp.due.is_(None), FollowUp.due, FollowUp.id)
                    .limit(limit)
                )
            ],
        )
        challenges = withhold_actions(t, reader, challenges_in(s), CHALLENGE_WORDS)
        return Dashboard(
            today=today,
            strategy=_strategy_view(strategy, today) if strategy else None,
            phases=tuple(phases),
            actions=total,
            overdue_count=overdue_count,
            overdue=overdue,
            due_soon_count=soon_count,
            due_soon=soon,
            horizon_days=horizon_days,
            latest_updates=latest,
            next_meetings=meetings,
            open_followups_count=int(fu_total),
            overdue_followups_count=int(fu_late),
            open_followups=followups,
            returns=next_returns_in(s, today, t.settings.returns_days_before),
            challenges_count=len(challenges),
            challenges=challenges[:limit],
        )
