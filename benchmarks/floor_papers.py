"""The floor for a board's roll-up (`tracker board position`) and its papers (highlight,
exception, matters-arising, outcomes, cover): the same figures read with the standard library's
sqlite3 alone and printed as plain text, in one process.
What any implementation of these two commands must at least pay: the queries the commands need
(each set-based, on the tracker's schema and indexes) and printing their result. The pace
rule (tracker.domain.pace, tracker.domain.tolerance: pure Python, no SQLAlchemy) is applied per
open action, as the exception rule needs. No ORM, no templates, no checks.

    .venv/bin/python benchmarks/floor_papers.py position DB.sqlite BOARD [TODAY]
    .venv/bin/python benchmarks/floor_papers.py highlight DB.sqlite BOARD [TODAY]
    .venv/bin/python benchmarks/floor_papers.py position postgresql://HOST/DB BOARD [TODAY]
    .venv/bin/python benchmarks/floor_papers.py exception|matters-arising|outcomes|cover DB BOARD

On PostgreSQL the same SQL runs through psycopg alone (`Pg` below: `?` and `:name` written as
psycopg's placeholders, the day number in PostgreSQL's words, dates read back as the ISO text
SQLite gives, so the rest of the floor is shared), in one read-only REPEATABLE READ
transaction, as the tracker's own plain-SQL reader does.

Both print what they found; `bench_scale.py` times them beside the tracker's commands.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracker.domain.pace import Thresholds, TrendSums, pace_of  # noqa: E402
from tracker.domain.tolerance import Facts, Tolerances, breaches  # noqa: E402

OPEN = ("not started", "in progress")
RANK = {"green": 1, "amber": 2, "red": 3}
DAY = "CAST(julianday(substr(recorded_at, 1, 10)) - 1721424.5 AS INTEGER)"
Con = Any  # a sqlite3.Connection, or Pg
PG_DAY = "(CAST(recorded_at AS DATE) - DATE '0001-01-01' + 1)::bigint"  # the tracker's day_sql


class Pg:
    """A psycopg connection that takes the floor's SQLite-flavoured SQL: `?` and `:name`
    placeholders, julianday's day number; dates come back as ISO text and sums as ints, as
    sqlite3 gives them."""

    def __init__(self, url: str) -> None:
        import psycopg

        scheme, _, rest = url.partition("://")
        self.con = psycopg.connect(f"postgresql://{rest}")
        self.con.read_only = True
        self.con.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ

    def execute(self, sql: str, params: object = ()) -> _Rows:
        sql = sql.replace(DAY, PG_DAY).replace("%", "%%")
        sql = re.sub(r":([a-z]+)\b", r"%(\1)s", sql) if isinstance(params, dict) else sql
        rows = self.con.execute(sql.replace("?", "%s"), params or None).fetchall()
        return _Rows(tuple(_plain(v) for v in r) for r in rows)

    def close(self) -> None:
        self.con.rollback()
        self.con.close()


class _Rows(list[tuple[Any, ...]]):
    def fetchone(self) -> tuple[Any, ...] | None:
        return self[0] if self else None

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self


def _plain(v: object) -> object:
    t = type(v)
    if t is dt.date:
        return v.isoformat()  # type: ignore[attr-defined]
    if t is dict:
        return json.dumps(v)
    if t.__name__ == "Decimal":
        return int(v)  # type: ignore[call-overload]
    return v


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


# ---- the other bundled papers ----------------------------------------------------------------


def _board(con: Con, code: str) -> tuple[int, str, list[int]]:
    bid, name = con.execute("SELECT id, name FROM board WHERE code = ?", (code,)).fetchone()
    return bid, name, _subtree(con, bid)


def _open_escalations(
    con: Con, bid: int, today: dt.date, *, to_only: bool
) -> list[tuple[Any, ...]]:
    """Escalations to (or from) the board open on the day, oldest first, with their action."""
    who = "e.to_board_id = ?" if to_only else "(e.to_board_id = ? OR e.from_board_id = ?)"
    return con.execute(
        "SELECT e.id, a.ref, a.title, src.name, dst.name, e.raised_on, e.raised_by, e.reason, "
        "e.decision_sought, e.status FROM escalation e JOIN action a ON a.id = e.action_id "
        "JOIN board src ON src.id = e.from_board_id JOIN board dst ON dst.id = e.to_board_id "
        f"WHERE {who} AND e.raised_on <= ? AND (e.status = 'open' OR e.decided_on > ?) "
        "ORDER BY e.raised_on, e.id",
        (bid, today.isoformat(), today.isoformat()) if to_only
        else (bid, bid, today.isoformat(), today.isoformat()),
    ).fetchall()  # fmt: skip


def exception(con: Con, code: str, today: dt.date) -> list[str]:
    """Each open red action of the board's subtree, or escalated to or by it: the action, its
    escalation, its updates (the run of red, the last six), dependents and outcomes."""
    bid, name, ids = _board(con, code)
    escalations = _open_escalations(con, bid, today, to_only=False)
    latest = {e[1]: e for e in escalations}
    refs = ",".join("'" + r.replace("'", "''") + "'" for r in latest) or "NULL"
    rows = con.execute(
        "SELECT a.id, a.ref, a.title, b.code, p.name, a.due, a.status, a.rag, a.progress, "
        "a.latest_commentary FROM action a LEFT JOIN board b ON b.id = a.board_id LEFT JOIN "
        f"person p ON p.id = a.owner_id WHERE a.board_id IN ({_in(ids)}) AND ((a.status IN "
        f"{OPEN} AND a.rag = 'red') OR a.ref IN ({refs})) ORDER BY a.due IS NULL, a.due, a.ref"
    ).fetchall()
    aids = _in([r[0] for r in rows]) or "NULL"
    history: dict[int, list[tuple[Any, ...]]] = {}
    for u in con.execute(
        "SELECT action_id, recorded_at, recorded_by, status, rag, progress, commentary FROM "
        f"status_update WHERE action_id IN ({aids}) AND recorded_at < ? ORDER BY action_id, "
        "recorded_at DESC, id DESC", (_end(today),)
    ):  # fmt: skip
        history.setdefault(u[0], []).append(u)
    deps: dict[int, list[str]] = {}
    for on, ref in con.execute(
        "SELECT d.depends_on_id, a.ref FROM action_dependency d JOIN action a ON a.id = "
        f"d.action_id WHERE d.depends_on_id IN ({aids}) ORDER BY a.ref"
    ):
        deps.setdefault(on, []).append(ref)
    outs: dict[int, list[str]] = {}
    for aid, oname in con.execute(
        "SELECT ao.action_id, o.name FROM action_outcome ao JOIN outcome o ON o.id = "
        f"ao.outcome_id WHERE ao.action_id IN ({aids}) ORDER BY ao.action_id, o.position, o.code"
    ):
        outs.setdefault(aid, []).append(oname)
    out = [f"# Exception report: {name} as of {today}"]
    for r in rows:
        ups = history.get(r[0], [])
        red = ups[: next((i for i, u in enumerate(ups) if u[4] != "red"), len(ups))]
        since = str(red[-1][1])[:10] if r[7] == "red" and red else None
        esc = latest.get(r[1])
        out.append(f"\n## {r[1]}: {r[2]}\n| {r[3]} | {r[4] or '-'} | {r[5]} | {r[6]} | {r[7]} | "
                   f"{r[8]} | red since {since} | escalation {esc[0] if esc else '-'}: "
                   f"{esc[7] if esc else r[9]} | depends: {', '.join(deps.get(r[0], []))} | "
                   f"outcomes: {', '.join(outs.get(r[0], []))} |")  # fmt: skip
        out += [
            f"| {str(u[1])[:10]} | {u[2]} | {u[3]} | {u[4]} | {u[5]} | {u[6]} |" for u in ups[:6]
        ]
    return out


_FOLLOWUPS = (
    "SELECT f.id, m.date, m.title, r.number, r.item_title, p.name, p.role, f.owner_text, "
    "f.text, f.due, f.status, f.closed_on, a.ref, (SELECT x.text FROM followup_response x "
    "WHERE x.followup_id = f.id AND x.text IS NOT NULL ORDER BY x.id DESC LIMIT 1) FROM "
    "followup f JOIN meeting m ON m.id = f.meeting_id LEFT JOIN resolution r ON r.id = "
    "f.resolution_id LEFT JOIN person p ON p.id = f.owner_id LEFT JOIN action a ON a.id = "
    "f.action_id WHERE m.board_id = ? AND (m.date < ? OR m.date IS NULL) AND f.status IN {} "
    "{}ORDER BY m.date IS NULL DESC, m.date, m.id, f.position, f.id"
)


def _arising(con: Con, bid: int, today: dt.date) -> tuple[str, str | None, list[tuple[Any, ...]],
                                                          list[tuple[Any, ...]]]:  # fmt: skip
    """The paper's day, the meeting before it, the follow-ups of earlier meetings still open
    and those closed since."""
    day = today.isoformat()
    prev = con.execute("SELECT max(date) FROM meeting WHERE board_id = ? AND date < ?",
                       (bid, day)).fetchone()[0]  # fmt: skip
    still = con.execute(_FOLLOWUPS.format("('open', 'in progress')", ""), (bid, day)).fetchall()
    closed = con.execute(_FOLLOWUPS.format("('done', 'dropped')", "AND f.closed_on >= ? "),
                         (bid, day, prev)).fetchall() if prev else []  # fmt: skip
    return day, prev, still, closed


def _followup_line(f: tuple[Any, ...], today: dt.date) -> str:
    late = f[10] in OPEN and f[9] is not None and f[9] < today.isoformat()
    owner = f"{f[5]} ({f[6]})" if f[5] and f[6] else f[5] or f[6] or f[7]
    return (f"| {f[0]} | {f[1]}: {f[2]} | {f[3]} | {f[8]} | {owner} | {f[9]}"
            f"{' overdue' if late else ''} | {f[10]} | {f[13] or ''} |")  # fmt: skip


def matters(con: Con, code: str, today: dt.date) -> list[str]:
    """The follow-ups from the committee's earlier meetings still open, those closed since."""
    bid, name, _ = _board(con, code)
    day, prev, still, closed = _arising(con, bid, today)
    out = [f"# Matters arising: {name}, {day} (previous meeting {prev})", f"{len(still)} open"]
    out += [_followup_line(f, today) for f in still]
    out += [f"{len(closed)} closed since"] + [_followup_line(f, today) for f in closed]
    return out


def _indicators(con: Con) -> list[Any]:
    """Every indicator with its readings, by outcome in plan order (the status rule is
    tracker.services.indicators.views, plain Python)."""
    from tracker.services.indicators.views import IndicatorRow, ReadingView, order_readings

    readings: dict[int, list[ReadingView]] = {}
    for rid, iid, day, period, value, note in con.execute(
        "SELECT id, indicator_id, date, period, value, note FROM indicator_reading"
    ):
        readings.setdefault(iid, []).append(ReadingView(
            rid, dt.date.fromisoformat(day) if day else None, period, float(value), note))  # fmt: skip
    return [
        IndicatorRow(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
                     tuple(order_readings(readings.get(r[0], []))), r[13])
        for r in con.execute(
            "SELECT i.id, i.code, i.name, o.code, o.name, b.code, b.name, i.unit, i.target, "
            "i.direction, i.frequency, i.source, i.version, i.target_max FROM indicator i "
            "LEFT JOIN outcome o ON o.id = i.outcome_id LEFT JOIN board b ON b.id = i.board_id "
            "ORDER BY o.id IS NULL, o.position, o.id, i.code")
    ]  # fmt: skip


def _indicator_line(i: Any, today: dt.date) -> str:
    latest = i.latest
    return (f"| {i.code} | {i.name} | {i.target} | {latest.value if latest else '-'} | "
            f"{latest.when if latest else '-'} | {i.travel} | {i.status} | "
            f"{'overdue' if i.reading_overdue(today) else ''} |")  # fmt: skip


def outcomes(con: Con, code: str, today: dt.date) -> list[str]:
    """Every indicator by outcome against its target; outcomes with none."""
    name = con.execute("SELECT name FROM board WHERE code = ?", (code,)).fetchone()[0]
    rows = _indicators(con)
    out = [f"# Outcomes: {name}, {today}"]
    for i in rows:
        out.append(f"{i.outcome_name or 'Not linked'} " + _indicator_line(i, today))
    measured = {i.outcome for i in rows}
    out += [f"no indicator: {n}" for c, n in con.execute(
        "SELECT code, name FROM outcome ORDER BY position, code") if c not in measured]  # fmt: skip
    return out


def cover(con: Con, code: str, today: dt.date) -> list[str]:
    """The committee report: the position (the board's, else the whole plan's), decisions
    asked of it, its earlier resolutions with their follow-ups' counts, matters arising, the
    outcomes off target."""
    bid, name, ids = _board(con, code)
    out = position(con, code, today)
    if not con.execute(f"SELECT 1 FROM action WHERE board_id IN ({_in(ids)}) LIMIT 1").fetchone():
        for row in con.execute(  # the whole plan (the covering index ix_action_rollup)
            "SELECT phase_id, stage_id, status, rag, COUNT(*), SUM(progress), SUM(CASE WHEN "
            f"status IN {OPEN} AND due < ? THEN 1 ELSE 0 END) FROM action GROUP BY phase_id, "
            "stage_id, status, rag", (today.isoformat(),)
        ):  # fmt: skip
            out.append("  plan " + " | ".join(str(v) for v in row))
    out += ["  decision " + " | ".join(str(v) for v in e)
            for e in _open_escalations(con, bid, today, to_only=True)]  # fmt: skip
    day, _, still, _ = _arising(con, bid, today)
    for r in con.execute(
        "SELECT m.date, r.item_title, r.number, r.kind, r.text, c.total, c.open FROM resolution "
        "r JOIN meeting m ON m.id = r.meeting_id LEFT JOIN (SELECT resolution_id AS rid, "
        f"COUNT(*) AS total, SUM(CASE WHEN status IN {OPEN_FOLLOWUPS} THEN 1 ELSE 0 END) AS open "
        "FROM followup WHERE resolution_id IS NOT NULL GROUP BY resolution_id) c ON c.rid = r.id "
        "WHERE m.board_id = ? AND (m.date IS NULL OR m.date < ?) ORDER BY m.date IS NULL DESC, "
        "m.date, m.id, r.position, r.id", (bid, day)
    ):  # fmt: skip
        out.append("  resolution " + " | ".join(str(v) for v in r))
    out += ["  arising " + _followup_line(f, today) for f in still]
    out += ["  off target " + _indicator_line(i, today) for i in _indicators(con)
            if i.status == "off target"]  # fmt: skip
    return out


OPEN_FOLLOWUPS = "('open', 'in progress')"
PAPERS = {"position": position, "highlight": highlight, "exception": exception,
          "matters-arising": matters, "outcomes": outcomes, "cover": cover}  # fmt: skip


def main() -> None:
    kind, db, code = sys.argv[1:4]
    today = dt.date.fromisoformat(sys.argv[4]) if len(sys.argv) > 4 else dt.date(2026, 3, 1)
    began = time.process_time()
    con: Any
    if db.startswith("postgres"):
        con = Pg(db)
    else:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        con.execute("BEGIN")
    lines = PAPERS[kind](con, code, today)
    con.close()
    print("\n".join(lines))
    print(f"cpu {time.process_time() - began:.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()
