"""What child boards report to their parent: the updates reported at the parent's last
meeting, and those noted since that wait for its next one (part of a board's roll-up)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import FromClause, Subquery, and_, exists, func, join, or_, select, true
from sqlalchemy.orm import Session, aliased

from tracker.models import Action, Board, Meeting, StatusUpdate, UpdateReview
from tracker.services.governance.common import Tree, children_of, day_end, subtree

# total, by status, by RAG, mean % complete
Counts = tuple[int, tuple[tuple[str, int], ...], tuple[tuple[str, int], ...], float]


@dataclass(frozen=True)
class ReportedUpdate:
    update_id: int
    ref: str
    title: str
    recorded_on: dt.date
    status: str
    rag: str | None
    progress: int
    commentary: str | None
    noted_at: str | None  # code of the board that noted it
    noted_on: dt.date | None
    reported_on: dt.date | None  # the meeting of this board where reported (None: not yet)


@dataclass(frozen=True)
class ChildReport:
    code: str
    name: str
    boards_included: tuple[str, ...]
    total: int
    by_status: tuple[tuple[str, int], ...]
    by_rag: tuple[tuple[str, int], ...]
    progress: float
    last_meeting: dt.date | None  # the child's last held meeting on or before the date
    # what it reported at this board's last meeting (BoardPosition.last_meeting): the number of
    # updates, and per action the latest of them (the position it reported), by ref
    reported_updates: int
    reported: tuple[ReportedUpdate, ...]
    # what it has noted since, for this board's next meeting (same shape)
    to_report_updates: int
    to_report: tuple[ReportedUpdate, ...]


def child_reports(
    s: Session,
    b: Board,
    tree: Tree,
    counts_of: Callable[[list[int]], Counts],
    when: dt.date,
    last_meeting: dt.date | None,
    last_held: dict[int, dt.date],
) -> tuple[ChildReport, ...]:
    """Each child board of `b`: its subtree's counts (from `counts_of(board ids)`), its last
    held meeting, and what it reported to `b` (see _reported)."""
    kids = children_of(tree, b.id)
    if not kids:
        return ()
    kid_ids = [k.id for k in kids]
    reported = _reported(s, b.id, tree, kid_ids, when, last_meeting, pending=False)
    pending = _reported(s, b.id, tree, kid_ids, when, last_meeting, pending=True)
    out = []
    for kid in kids:
        sub = subtree(tree, kid.id)
        total, by_status, by_rag, progress = counts_of(sub)
        out.append(
            ChildReport(
                code=kid.code,
                name=kid.name,
                boards_included=tuple(tree[i].code for i in sub),
                total=total,
                by_status=by_status,
                by_rag=by_rag,
                progress=progress,
                last_meeting=last_held.get(kid.id),
                reported_updates=reported.get(kid.id, (0, []))[0],
                reported=tuple(reported.get(kid.id, (0, []))[1]),
                to_report_updates=pending.get(kid.id, (0, []))[0],
                to_report=tuple(pending.get(kid.id, (0, []))[1]),
            )  # fmt: skip
        )
    return tuple(out)


def _reported(
    s: Session,
    board_id: int,
    tree: Tree,
    kid_ids: list[int],
    when: dt.date,
    last_meeting: dt.date | None,
    *,
    pending: bool,
) -> dict[int, tuple[int, list[ReportedUpdate]]]:
    """Per child: how many updates it reported at this board's last meeting and, per action,
    the latest of them; or (pending) the same for what it noted (or had reported to it) by the
    date and had not reported here by then.

    Both start from a selective set of reviews, not every review of the children: the reviews
    at this board's last meeting (by meeting id); or the children's reviews that meeting could
    not have reported (at child meetings dated after it, or recorded after it was held), since
    holding a meeting reports everything the children noted by its date."""
    at_kid = aliased(UpdateReview)
    here = aliased(UpdateReview)
    here_meeting = aliased(Meeting)
    kid_meeting = aliased(Meeting)
    last = (
        s.execute(
            select(Meeting.id, Meeting.date, Meeting.held_at).where(
                Meeting.board_id == board_id,
                Meeting.status == "held",
                Meeting.date == last_meeting,
            )  # fmt: skip
        ).all()
        if last_meeting is not None
        else []
    )
    # rows carry a board (reported: the action's) or a child (pending): which child is it
    kid_of = (
        {kid: kid for kid in kid_ids} if pending
        else {board: kid for kid in kid_ids for board in subtree(tree, kid)}
    )  # fmt: skip
    # per action: its latest update among them, and how many there were
    if not pending:
        if not last:
            return {}
        # the reviews at the last meeting (index on meeting_id); the child is the one whose
        # subtree holds the action's board, so no need to find the child's own review
        cand = (
            select(StatusUpdate.action_id.label("action_id"), Action.board_id.label("kid"),
                   func.max(StatusUpdate.recorded_at).label("at"), func.count().label("n"),
                   func.max(here_meeting.date).label("on"))
            .select_from(here)
            .join(here_meeting, here_meeting.id == here.meeting_id)
            .join(StatusUpdate, StatusUpdate.id == here.update_id)
            .join(Action, Action.id == StatusUpdate.action_id)
            .where(here.meeting_id.in_([m[0] for m in last]), here.outcome == "reported")
            .group_by(StatusUpdate.action_id, Action.board_id)
            .subquery("cand")
        )  # fmt: skip
    else:
        reported_by_then = (
            exists()
            .where(here.update_id == at_kid.update_id, here.board_id == board_id)
            .where(here_meeting.id == here.meeting_id, here_meeting.date <= when)
        )
        base = (
            select(StatusUpdate.action_id.label("action_id"), at_kid.board_id.label("kid"),
                   func.max(StatusUpdate.recorded_at).label("at"), func.count().label("n"),
                   func.max(kid_meeting.date).label("on"))
            .select_from(at_kid)
            .join(kid_meeting, kid_meeting.id == at_kid.meeting_id)
            .join(StatusUpdate, StatusUpdate.id == at_kid.update_id)
            .where(at_kid.board_id.in_(kid_ids), at_kid.outcome.in_(("noted", "reported")),
                   kid_meeting.date <= when, ~reported_by_then)
            .group_by(StatusUpdate.action_id, at_kid.board_id)
        )  # fmt: skip
        if last:
            on = last[0][1]
            assert on is not None  # the query matched Meeting.date == last_meeting
            held = max((m[2] for m in last if m[2] is not None), default=None)
            # a day's margin: timestamps come from the clocks of several machines, and this is
            # only a pre-filter (the NOT EXISTS above decides)
            after = (held or day_end(on)) - dt.timedelta(days=1)
            later = s.scalars(
                select(Meeting.id).where(
                    Meeting.board_id.in_(kid_ids), Meeting.date > last[0][1], Meeting.date <= when
                )
            ).all()
            base = base.where(or_(at_kid.meeting_id.in_(later), at_kid.recorded_at > after))
        cand = base.subquery("cand")
    noted = aliased(UpdateReview)
    noted_meeting = aliased(Meeting)
    noted_board = aliased(Board)
    query = (
        select(cand.c.kid, cand.c.n, cand.c.on, StatusUpdate.id, StatusUpdate.recorded_at,
               StatusUpdate.status, StatusUpdate.rag, StatusUpdate.progress,
               StatusUpdate.commentary, Action.ref, Action.title, noted_board.code,
               noted_meeting.date)
        .select_from(_with_latest(s, cand))
        .join(Action, Action.id == StatusUpdate.action_id)
        .outerjoin(noted, and_(noted.update_id == StatusUpdate.id, noted.outcome == "noted"))
        .outerjoin(noted_meeting, noted_meeting.id == noted.meeting_id)
        .outerjoin(noted_board, noted_board.id == noted.board_id)
        .order_by(Action.ref, StatusUpdate.id.desc())
    )  # fmt: skip
    out: dict[int, tuple[int, list[ReportedUpdate]]] = {}
    counted: dict[int, int] = {}  # child -> its number of updates (each action's, added up)
    seen: set[tuple[int, str]] = set()
    for (key, n, on, uid, at, status, rag, progress, commentary, ref, title, noted_code,
         noted_on) in s.execute(query):  # fmt: skip
        kid_id = kid_of.get(key)
        if kid_id is None or (kid_id, ref) in seen:  # moved away; or two updates in one instant
            continue
        seen.add((kid_id, ref))
        counted[kid_id] = counted.get(kid_id, 0) + int(n)
        out.setdefault(kid_id, (0, []))[1].append(
            ReportedUpdate(
                update_id=uid,
                ref=ref,
                title=title,
                recorded_on=at.date(),
                status=status,
                rag=rag,
                progress=progress,
                commentary=commentary,
                noted_at=noted_code,
                noted_on=noted_on,
                reported_on=None if pending else on,
            )  # fmt: skip
        )
    return {kid: (counted[kid], rows) for kid, (_, rows) in out.items()}


def _with_latest(s: Session, cand: Subquery) -> FromClause:
    """Each (action, latest time) row joined to that update: a key lookup on the index
    (action_id, recorded_at) per row. PostgreSQL, misjudging how few the rows are, would rather
    hash every status update; a LATERAL lookup (which SQLite lacks) keeps it to the index."""
    match = and_(StatusUpdate.action_id == cand.c.action_id, StatusUpdate.recorded_at == cand.c.at)
    if s.get_bind().dialect.name != "postgresql":
        return join(cand, StatusUpdate, match)
    x = aliased(StatusUpdate)
    one = (
        select(x.id.label("id"))
        .where(x.action_id == cand.c.action_id, x.recorded_at == cand.c.at)
        .order_by(x.id.desc())
        .limit(1)
        .lateral("latest")
    )
    return join(cand, one, true()).join(StatusUpdate, StatusUpdate.id == one.c.id)
