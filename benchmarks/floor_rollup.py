"""`floor_papers.py`'s roll-up: a board's position (`tracker board position`) and its highlight
report, read with the floor's SQL (sqlite3, or psycopg through floor_papers.Pg), and the query
pieces the other papers' floors (floor_bundled.py) share: a board's subtree, each action's state
as of a day, the pace and tolerance rules applied per open action.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracker.domain.pace import Thresholds, TrendSums, pace_of  # noqa: E402
from tracker.domain.tolerance import Facts, Tolerances, breaches  # noqa: E402

OPEN = ("not started", "in progress")
RANK = {"green": 1, "amber": 2, "red": 3}
DAY = "CAST(julianday(substr(recorded_at, 1, 10)) - 1721424.5 AS INTEGER)"
Con = Any  # a sqlite3.Connection, or Pg


def _end(day: dt.date) -> str:  # the first instant after the day, as SQLite stores it
    return f"{day + dt.timedelta(days=1):%Y-%m-%d} 00:00:00.000000"


def _subtree(con: Con, board_id: int) -> list[int]:
    return [r[0] for r in con.execute(
        "WITH RECURSIVE t(id) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT b.id FROM board b JOIN t "
        "ON b.parent_id = t.id) SELECT id FROM t", (board_id,))]  # fmt: skip


def _in(ids: list[int]) -> str:
    # an empty list reads as NULL: nothing matches, and PostgreSQL refuses "IN ()"
    return ",".join(str(int(i)) for i in ids) or "NULL"


def _state(con: Con, ids: list[int], day: dt.date | None) -> str:
    """SQL: each action of the boards with status, rag, progress, due as of the day."""
    if day is None:
        return (f"SELECT id, status, rag, progress, due, start, board_id, owner_id, ref, title "
                f"FROM action WHERE board_id IN ({_in(ids)})")  # fmt: skip
    latest = (f"(SELECT x.id FROM status_update x WHERE x.action_id = a.id AND x.recorded_at < "
              f"'{_end(day)}' ORDER BY x.recorded_at DESC, x.id DESC LIMIT 1)")  # fmt: skip
    return (
        "SELECT a.id, coalesce(u.status, a.status) AS status, CASE WHEN u.id IS NULL THEN a.rag "
        "ELSE u.rag END AS rag, coalesce(u.progress, a.progress) AS progress, a.due, a.start, "
        f"a.board_id, a.owner_id, a.ref, a.title FROM action a LEFT JOIN status_update u ON u.id = {latest} "
        f"WHERE a.board_id IN ({_in(ids)})"
    )


def _assess(con: Con, ids: list[int], day: dt.date, today: dt.date,
            th: Thresholds) -> list[tuple[str, tuple[str, ...], int | None]]:  # fmt: skip
    """(ref, causes, slip) of every open action of the boards as of the day."""
    tol = {i: Tolerances.stored(json.loads(t) if t else None)
           for i, t in con.execute(f"SELECT id, tolerances FROM board WHERE id IN ({_in(ids)})")}  # fmt: skip
    sums = {r[0]: TrendSums(*r[1:]) for r in con.execute(
        f"SELECT action_id, COUNT(*), SUM(x), SUM(progress), SUM(x * progress), SUM(x * x), "
        f"MIN(x) FROM (SELECT action_id, {DAY} AS x, progress FROM status_update WHERE "
        f"action_id IN (SELECT id FROM action WHERE board_id IN ({_in(ids)})) AND recorded_at < "
        f"'{_end(day)}') AS points GROUP BY action_id")}  # fmt: skip
    challenged = dict(con.execute(
        "SELECT su.action_id, COUNT(*) FROM update_review r JOIN status_update su ON su.id = "
        "r.update_id JOIN action a ON a.id = su.action_id JOIN meeting m ON m.id = r.meeting_id "
        f"WHERE a.board_id IN ({_in(ids)}) AND r.outcome = 'challenged' AND r.board_id = "
        "a.board_id AND m.date <= ? GROUP BY su.action_id", (day.isoformat(),)))  # fmt: skip
    out = []
    for aid, status, rag, progress, due, start, board_id, _, ref, _ in con.execute(
        f"SELECT * FROM ({_state(con, ids, None if day >= today else day)}) AS s "
        f"WHERE status IN {OPEN}"
    ):
        s = dt.date.fromisoformat(start) if start else None
        d = dt.date.fromisoformat(due) if due else None
        p = pace_of(start=s, due=d, status=status, progress=progress, today=day,
                    per_day=sums.get(aid, TrendSums()).with_start(s).per_day(), th=th)  # fmt: skip
        late = (day - d).days if d is not None and d < day else None
        causes = breaches(tol[board_id], Facts(rag, p.suggested, p.slip_days, late,
                                               challenged.get(aid, 0)))  # fmt: skip
        out.append((ref, causes, p.slip_days))
    return out


def position(con: Con, code: str, today: dt.date) -> list[str]:
    bid, name = con.execute("SELECT id, name FROM board WHERE code = ?", (code,)).fetchone()
    ids = _subtree(con, bid)
    out = [f"{name}: position as of {today}"]
    phase = dict(con.execute("SELECT id, number FROM phase"))
    stage = dict(con.execute("SELECT id, number FROM stage"))
    by: dict[tuple[str, object], list[int]] = {}
    for b, ph, st, status, rag, n, prog in con.execute(
        "SELECT board_id, phase_id, stage_id, status, rag, COUNT(*), SUM(progress) FROM action "
        f"WHERE board_id IN ({_in(ids)}) GROUP BY board_id, phase_id, stage_id, status, rag"
    ):  # the covering index ix_action_rollup
        for key in (("total", 0), ("board", b), ("phase", phase[ph]), ("stage", stage.get(st)),
                    ("status", status), ("rag", rag)):  # fmt: skip
            acc = by.setdefault(key, [0, 0])
            acc[0] += n
            acc[1] += prog if status != "cancelled" else 0
    out += [f"  {k}: {v[0]} actions, {v[1]} points" for k, v in sorted(by.items(), key=str)]
    held = con.execute("SELECT max(date) FROM meeting WHERE board_id = ? AND status = 'held' "
                       "AND date <= ?", (bid, today.isoformat())).fetchone()[0]  # fmt: skip
    for row in con.execute(
        "SELECT a.ref, a.title, b.code, a.due, a.status, a.rag, a.progress, p.name FROM action a "
        "JOIN board b ON b.id = a.board_id LEFT JOIN person p ON p.id = a.owner_id "
        f"WHERE a.board_id IN ({_in(ids)}) AND a.due < ? AND a.status IN {OPEN} "
        "ORDER BY a.due, a.ref", (today.isoformat(),)
    ):  # fmt: skip
        out.append("  overdue " + " | ".join(str(v) for v in row))
    if held:
        since = _end(dt.date.fromisoformat(held))
        for row in con.execute(
            "SELECT ref, title, before, after, (SELECT min(recorded_at) FROM status_update y "
            "WHERE y.action_id = f.id AND y.rag = f.after AND y.recorded_at >= ?) FROM (SELECT "
            "a.id, a.ref, a.title, a.rag AS after, coalesce((SELECT coalesce(x.rag, 'none') FROM "
            "status_update x WHERE x.action_id = a.id AND x.recorded_at < ? ORDER BY "
            "x.recorded_at DESC, x.id DESC LIMIT 1), a.rag) AS before FROM action a WHERE "
            f"a.board_id IN ({_in(ids)}) AND a.latest_update_at >= ?) f WHERE (CASE after WHEN "
            "'green' THEN 1 WHEN 'amber' THEN 2 WHEN 'red' THEN 3 END) > (CASE before WHEN "
            "'green' THEN 1 WHEN 'amber' THEN 2 WHEN 'red' THEN 3 END) ORDER BY ref",
            (since, since, since),
        ):
            out.append("  worsened " + " | ".join(str(v) for v in row))
        for row in con.execute(  # what each child board reported since the meeting
            "SELECT a.board_id, COUNT(*), COUNT(DISTINCT a.id) FROM status_update su JOIN action "
            f"a ON a.id = su.action_id WHERE a.board_id IN ({_in(ids)}) AND su.recorded_at >= ? "
            "GROUP BY a.board_id", (since,)
        ):  # fmt: skip
            out.append("  reported " + " | ".join(str(v) for v in row))
    out += travel(con, bid, ids, today, dt.date.fromisoformat(held) if held else None)
    return out


def travel(con: Con, bid: int, ids: list[int], today: dt.date,
           start: dt.date | None) -> list[str]:  # fmt: skip
    """This period against the last: each action's state at both ends, exceptions at both."""
    if start is None:
        return ["  no earlier meeting"]
    th = Thresholds()
    moves = [0, 0, 0]
    then = {r[0]: r for r in con.execute(_state(con, ids, start))}
    for r in con.execute(_state(con, ids, None)):
        w = then.get(r[0])
        if w is None:
            continue
        moves[0] += r[1] != w[1]
        a, b = RANK.get(r[2] or ""), RANK.get(w[2] or "")
        if a is not None and b is not None:
            moves[1] += a < b
            moves[2] += a > b
    rising = [r[0] for r in con.execute("SELECT id FROM board WHERE parent_id = ?", (bid,))]
    now_x = {ref for ref, c, _ in _assess(con, rising, today, today, th) if c}
    then_x = {ref for ref, c, _ in _assess(con, rising, start, today, th) if c}
    updated = con.execute(
        "SELECT COUNT(DISTINCT action_id) FROM status_update WHERE action_id IN (SELECT id FROM "
        f"action WHERE board_id IN ({_in(ids)})) AND recorded_at >= ? AND recorded_at < ?",
        (_end(start), _end(today)),
    ).fetchone()[0]
    return [f"  travel since {start}: {moves}; exceptions {len(now_x)} now, {len(then_x)} then, "
            f"{len(now_x - then_x)} new; {updated} updated"]  # fmt: skip


def highlight(con: Con, code: str, today: dt.date) -> list[str]:
    """The position, then the lists the paper shows (ten each), with their pace."""
    out = position(con, code, today)
    bid = con.execute("SELECT id FROM board WHERE code = ?", (code,)).fetchone()[0]
    ids = _subtree(con, bid)
    nxt = today + dt.timedelta(days=91)
    rows = con.execute(
        "SELECT a.id, a.ref, a.title, b.code, p.name, a.start, a.due, a.status, a.rag, "
        "a.progress, a.latest_commentary FROM action a LEFT JOIN board b ON b.id = a.board_id "
        f"LEFT JOIN person p ON p.id = a.owner_id WHERE a.board_id IN ({_in(ids)}) AND "
        f"((a.status IN {OPEN} AND (a.rag IN ('red', 'amber') OR a.due < :t OR "
        "(a.due > :t AND a.due <= :n) OR (a.start > :t AND a.start <= :n))) OR "
        "a.status = 'complete') ORDER BY a.ref",
        {"t": today.isoformat(), "n": nxt.isoformat()},
    ).fetchall()
    lists: dict[str, list[tuple[object, ...]]] = {"off": [], "risk": [], "next": [], "done": []}
    for r in rows:
        if r[7] == "complete":
            lists["done"].append(r)
        elif r[8] == "red" or (r[6] and r[6] < today.isoformat()):
            lists["off"].append(r)
        elif r[8] == "amber":
            lists["risk"].append(r)
        else:
            lists["next"].append(r)
    shown = [r for part in lists.values() for r in sorted(part, key=lambda r: str(r[6]))[:10]]
    sums = {r[0]: TrendSums(*r[1:]) for r in con.execute(
        f"SELECT action_id, COUNT(*), SUM(x), SUM(progress), SUM(x * progress), SUM(x * x), "
        f"MIN(x) FROM (SELECT action_id, {DAY} AS x, progress FROM status_update WHERE "
        f"action_id IN ({_in([r[0] for r in shown])})) AS points GROUP BY action_id")}  # fmt: skip
    th = Thresholds()
    for name, part in lists.items():
        out.append(f"\n## {name} ({len(part)})\n\n| ref | title | board | owner | due | RAG | "
                   "% | forecast |\n|---|---|---|---|---|---|---|---|")  # fmt: skip
        for r in sorted(part, key=lambda r: str(r[6]))[:10]:
            s = dt.date.fromisoformat(r[5]) if r[5] else None
            d = dt.date.fromisoformat(r[6]) if r[6] else None
            p = pace_of(start=s, due=d, status=r[7], progress=r[9], today=today,
                        per_day=sums.get(r[0], TrendSums()).with_start(s).per_day(), th=th)  # fmt: skip
            out.append(f"| {r[1]} | {r[2]} | {r[3]} | {r[4] or '-'} | {r[6]} | {r[8]} | {r[9]} "
                       f"| {p.forecast_text} |")  # fmt: skip
    return out
