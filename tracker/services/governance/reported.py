"""What child boards report to their parent: the updates reported at the parent's last
meeting, and those noted since that wait for its next one (part of a board's roll-up). Plain
SQL, no SQLAlchemy: `tracker board position` reads it through sqlite3 or psycopg alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from tracker.services.governance.tree import Tree, children_of, day_end, subtree
from tracker.services.plain_sql import Params, Reader, as_date, as_utc

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
    reader: Reader,
    board_id: int,
    tree: Tree,
    counts_of: Callable[[list[int]], Counts],
    when: dt.date,
    last_meeting: dt.date | None,
    last_held: dict[int, dt.date],
) -> tuple[ChildReport, ...]:
    """Each child board of the board: its subtree's counts (from `counts_of(board ids)`), its
    last held meeting, and what it reported to the board (see _reported)."""
    kids = children_of(tree, board_id)
    if not kids:
        return ()
    kid_ids = [k.id for k in kids]
    reported = _reported(reader, board_id, tree, kid_ids, when, last_meeting, pending=False)
    pending = _reported(reader, board_id, tree, kid_ids, when, last_meeting, pending=True)
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
            )
        )
    return tuple(out)


def _reported(
    reader: Reader,
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
    p = Params(reader.dialect)
    last = (
        reader.rows(
            f"SELECT id, date, held_at FROM meeting WHERE board_id = {p(board_id)} AND status = "
            f"'held' AND date = {p(last_meeting)}",
            p.values,
        )
        if last_meeting is not None
        else []
    )
    # rows carry a board (reported: the action's) or a child (pending): which child is it
    kid_of = (
        {kid: kid for kid in kid_ids} if pending
        else {board: kid for kid in kid_ids for board in subtree(tree, kid)}
    )  # fmt: skip
    # per action: its latest update among them, and how many there were
    p = Params(reader.dialect)
    if not pending:
        if not last:
            return {}
        # the reviews at the last meeting (index on meeting_id); the child is the one whose
        # subtree holds the action's board, so no need to find the child's own review
        cand = (
            "SELECT su.action_id AS action_id, a.board_id AS kid, max(su.recorded_at) AS at, "
            "count(*) AS n, max(hm.date) AS met FROM update_review here JOIN meeting hm ON "
            "hm.id = here.meeting_id JOIN status_update su ON su.id = here.update_id JOIN action "
            f"a ON a.id = su.action_id WHERE here.meeting_id IN ({p.each(m[0] for m in last)}) "
            "AND here.outcome = 'reported' GROUP BY su.action_id, a.board_id"
        )
    else:
        window = ""
        if last:
            on = as_date(last[0][1])
            assert on is not None  # the query matched meeting.date = last_meeting
            held = max((t for m in last if (t := as_utc(m[2])) is not None), default=None)
            # a day's margin: timestamps come from the clocks of several machines, and this is
            # only a pre-filter (the NOT EXISTS below decides)
            after = (held or day_end(on)) - dt.timedelta(days=1)
            q = Params(reader.dialect)
            later = [r[0] for r in reader.rows(
                f"SELECT id FROM meeting WHERE board_id IN ({q.each(kid_ids)}) AND date > "
                f"{q(on)} AND date <= {q(when)}", q.values)]  # fmt: skip
            met_later = f"k.meeting_id IN ({p.each(later)}) OR " if later else ""
            window = f" AND ({met_later}k.recorded_at > {p(after)})"
        cand = (
            "SELECT su.action_id AS action_id, k.board_id AS kid, max(su.recorded_at) AS at, "
            "count(*) AS n, max(km.date) AS met FROM update_review k JOIN meeting km ON km.id = "
            "k.meeting_id JOIN status_update su ON su.id = k.update_id WHERE k.board_id IN "
            f"({p.each(kid_ids)}) AND k.outcome IN ('noted', 'reported') AND km.date <= "
            f"{p(when)} AND NOT (EXISTS (SELECT 1 FROM update_review here JOIN meeting hm ON "
            f"hm.id = here.meeting_id WHERE here.update_id = k.update_id AND here.board_id = "
            f"{p(board_id)} AND hm.date <= {p(when)})){window} GROUP BY su.action_id, k.board_id"
        )
    rows = reader.rows(
        "SELECT cand.kid, cand.n, cand.met, su.id, su.recorded_at, su.status, su.rag, "
        "su.progress, su.commentary, a.ref, a.title, nb.code, nm.date "
        f"FROM ({cand}) AS cand {_with_latest(reader.dialect)} "
        "JOIN action a ON a.id = su.action_id "
        "LEFT OUTER JOIN update_review noted ON noted.update_id = su.id AND noted.outcome = "
        "'noted' LEFT OUTER JOIN meeting nm ON nm.id = noted.meeting_id "
        "LEFT OUTER JOIN board nb ON nb.id = noted.board_id ORDER BY a.ref, su.id DESC",
        p.values,
    )
    out: dict[int, tuple[int, list[ReportedUpdate]]] = {}
    counted: dict[int, int] = {}  # child -> its number of updates (each action's, added up)
    seen: set[tuple[int, str]] = set()
    for (key, n, on, uid, at, status, rag, progress, commentary, ref, title, noted_code,
         noted_on) in rows:  # fmt: skip
        kid_id = kid_of.get(key)
        if kid_id is None or (kid_id, ref) in seen:  # moved away; or two updates in one instant
            continue
        seen.add((kid_id, ref))
        counted[kid_id] = counted.get(kid_id, 0) + int(n)
        recorded = as_utc(at)
        assert recorded is not None  # the join matched an update recorded then
        out.setdefault(kid_id, (0, []))[1].append(
            ReportedUpdate(
                update_id=uid,
                ref=ref,
                title=title,
                recorded_on=recorded.date(),
                status=status,
                rag=rag,
                progress=progress,
                commentary=commentary,
                noted_at=noted_code,
                noted_on=as_date(noted_on),
                reported_on=None if pending else as_date(on),
            )
        )
    return {kid: (counted[kid], rows) for kid, (_, rows) in out.items()}


def _with_latest(dialect: str) -> str:
    """Each (action, latest time) row joined to that update (as `su`): a key lookup on the index
    (action_id, recorded_at) per row. PostgreSQL, misjudging how few the rows are, would rather
    hash every status update; a LATERAL lookup (which SQLite lacks) keeps it to the index."""
    if dialect != "postgresql":
        return "JOIN status_update su ON su.action_id = cand.action_id AND su.recorded_at = cand.at"
    return (
        "JOIN LATERAL (SELECT x.id AS id FROM status_update x WHERE x.action_id = cand.action_id "
        "AND x.recorded_at = cand.at ORDER BY x.id DESC LIMIT 1) AS latest ON true "
        "JOIN status_update su ON su.id = latest.id"
    )
