"""Everything the app's dashboard shows, in one read: the strategy and where today falls in its
period; each phase with its dates, action counts by status and RAG, and % complete; what is
overdue and due soon; the latest status updates; the next meetings; the open follow-ups.

Read in plain SQL (tracker.services.plain_sql), like the register: the app's first screen
shows its figures without loading SQLAlchemy, whose import and set-up cost more than all of
the dashboard's queries together."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
from tracker.services.governance.challenge_views import WORDS as CHALLENGE_WORDS
from tracker.services.governance.challenge_views import ChallengeView, challenges_read
from tracker.services.meeting_titles import own_title
from tracker.services.plain_sql import Params, Reader, as_date, as_utc
from tracker.services.reading import withhold, withhold_actions
from tracker.services.returns.ledger import BoardReturns, next_returns_read
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
    passed: bool = False  # its date passed and it is not recorded as held (nor cancelled)

    @property
    def own_title(self) -> str | None:
        """The title, when it says more than the board's name."""
        return own_title(self.title, self.board)


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


def _strategy_view(
    title: str, start_year: int, end_year: int, vision: str | None, today: dt.date
) -> StrategyView:
    first = dt.date(start_year, 1, 1)
    last = dt.date(end_year, 12, 31)
    years = end_year - start_year + 1
    elapsed = min(1.0, max(0.0, ((today - first).days + 1) / ((last - first).days + 1)))
    year = today.year - start_year + 1
    year = 0 if year < 1 else min(year, years + 1)
    return StrategyView(
        title=title, start_year=start_year, end_year=end_year, vision=vision,
        year=year, years=years, elapsed=elapsed,
    )  # fmt: skip


def get_dashboard(t: Tracker, *, limit: int = 8, horizon_days: int = 30) -> Dashboard:
    """The dashboard in one transaction: aggregates in the database, lists capped at `limit`."""
    today = t.today()
    with t.reading_sql() as reader:
        strategy = reader.rows(
            "SELECT id, title, start_year, end_year, vision FROM strategy ORDER BY id LIMIT 1", {}
        )
        status_counts: dict[tuple[int | None, str], int] = {}
        rag_counts: dict[tuple[int | None, str], int] = {}
        for phase_id, status, rag, n in reader.rows(
            "SELECT phase_id, status, rag, count(*) FROM action GROUP BY phase_id, status, rag",
            {},
        ):
            key = (phase_id, status)
            status_counts[key] = status_counts.get(key, 0) + n
            rkey = (phase_id, rag or "none")
            rag_counts[rkey] = rag_counts.get(rkey, 0) + n
        progress = {
            phase_id: mean
            for phase_id, mean in reader.rows(
                "SELECT phase_id, avg(progress) FROM action WHERE status != 'cancelled' "
                "GROUP BY phase_id",
                {},
            )
        }
        phases: list[PhaseView] = []
        if strategy:
            p = Params(reader.dialect)
            for pid, number, name, start, end in reader.rows(
                "SELECT id, number, name, start_year, end_year FROM phase "
                f"WHERE strategy_id = {p(strategy[0][0])} ORDER BY number",
                p.values,
            ):
                by_status = tuple((st, status_counts.get((pid, st), 0)) for st in STATUSES)
                by_rag = tuple((r, rag_counts.get((pid, r), 0)) for r in RAG_KEYS)
                current = start is not None and start <= today.year <= (end or start)
                phases.append(
                    PhaseView(
                        number=number,
                        name=name,
                        start_year=start,
                        end_year=end,
                        actions=sum(n for _, n in by_status),
                        by_status=by_status,
                        by_rag=by_rag,
                        progress=float(progress.get(pid) or 0.0),
                        current=current,
                    )
                )
        total = int(reader.rows("SELECT count(*) FROM action", {})[0][0])

        def page(f: ActionFilter) -> tuple[int, tuple[ActionRow, ...]]:
            rows = register_rows(reader, f, today, sort="due", limit=limit)
            return register_count(reader, f, today), withheld(t, reader, rows)

        overdue_count, overdue = page(ActionFilter(overdue=True))
        soon_count, soon = page(due_soon_filter(today, horizon_days))
        challenges = withhold_actions(t, reader, challenges_read(reader), CHALLENGE_WORDS)
        return Dashboard(
            today=today,
            strategy=_strategy_view(*_strategy_row(strategy[0]), today) if strategy else None,
            phases=tuple(phases),
            actions=total,
            overdue_count=overdue_count,
            overdue=overdue,
            due_soon_count=soon_count,
            due_soon=soon,
            horizon_days=horizon_days,
            latest_updates=_latest_updates(t, reader, limit),
            next_meetings=_next_meetings(reader, today, limit),
            open_followups_count=_count(reader, f"status IN ({FOLLOWUPS_OPEN})"),
            overdue_followups_count=_count(
                reader, f"status IN ({FOLLOWUPS_OPEN}) AND due < :today", today
            ),
            open_followups=_open_followups(t, reader, today, limit),
            returns=next_returns_read(reader, today, t.settings.returns_days_before),
            challenges_count=len(challenges),
            challenges=challenges[:limit],
        )


def _strategy_row(row: Sequence[Any]) -> tuple[str, int, int, str | None]:
    return row[1], row[2], row[3], row[4]


FOLLOWUPS_OPEN = ", ".join(f"'{s}'" for s in FOLLOWUP_OPEN)


def _count(reader: Reader, where: str, today: dt.date | None = None) -> int:
    p = Params(reader.dialect)
    if today is not None:
        where = where.replace(":today", p(today))
    return int(reader.rows(f"SELECT count(*) FROM followup WHERE {where}", p.values)[0][0])


def _latest_updates(t: Tracker, reader: Reader, limit: int) -> tuple[UpdateView, ...]:
    p = Params(reader.dialect)
    rows = reader.rows(
        "SELECT status_update.id, action.ref, action.title, status_update.recorded_at, "
        "status_update.recorded_by, status_update.status, status_update.rag, "
        "status_update.progress, status_update.commentary FROM status_update "
        "JOIN action ON status_update.action_id = action.id "
        f"ORDER BY status_update.recorded_at DESC, status_update.id DESC LIMIT {p(limit)}",
        p.values,
    )
    views = [
        UpdateView(
            id=uid,
            ref=ref,
            title=title,
            recorded_at=as_utc(at),  # type: ignore[arg-type]
            recorded_by=by,
            status=status,
            rag=rag,
            progress=pct,
            commentary=note,
        )
        for uid, ref, title, at, by, status, rag, pct, note in rows
    ]
    return withhold_actions(t, reader, views, {"title": True, "commentary": False})


def _next_meetings(reader: Reader, today: dt.date, limit: int) -> tuple[MeetingView, ...]:
    p = Params(reader.dialect)
    # A scheduled meeting whose date passed is still the board's next (what waits, waits for
    # it; holding the board holds it), so it leads the list, said to have passed unrecorded.
    rows = reader.rows(
        "SELECT meeting.date, board.code, board.name, meeting.title FROM meeting "
        "JOIN board ON meeting.board_id = board.id "
        "WHERE meeting.status = 'scheduled' AND meeting.date IS NOT NULL "
        f"ORDER BY meeting.date, board.name LIMIT {p(limit)}",
        p.values,
    )
    return tuple(
        MeetingView(date=day, board_code=code, board=name, title=title, passed=day < today)
        for day, code, name, title in ((as_date(r[0]), *r[1:]) for r in rows)
        if day is not None
    )


def _open_followups(
    t: Tracker, reader: Reader, today: dt.date, limit: int
) -> tuple[FollowUpView, ...]:
    p = Params(reader.dialect)
    rows = reader.rows(
        "SELECT followup.id, followup.text, person.name, person.role, followup.owner_text, "
        "followup.due, followup.status, board.name, meeting.date, board.code FROM followup "
        "JOIN meeting ON followup.meeting_id = meeting.id "
        "JOIN board ON meeting.board_id = board.id "
        "LEFT JOIN person ON followup.owner_id = person.id "
        f"WHERE followup.status IN ({FOLLOWUPS_OPEN}) "
        f"ORDER BY followup.due IS NULL, followup.due, followup.id LIMIT {p(limit)}",
        p.values,
    )
    views = []
    for fid, text, pname, prole, otext, due, status, bname, mdate, bcode in rows:
        due = as_date(due)
        views.append(
            FollowUpView(
                id=fid,
                text=text,
                owner=owner_label(pname, prole) or otext,
                due=due,
                status=status,
                overdue=due is not None and due < today,
                board=bname,
                meeting_date=as_date(mdate),
                committee=bcode,
            )
        )
    return withhold(t, reader, "followup", views)
