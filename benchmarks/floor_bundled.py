"""`floor_papers.py`'s other bundled papers: the exception report, matters arising, the outcomes
report and the committee cover, each read with the floor's SQL and the roll-up's pieces
(floor_rollup.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from floor_rollup import OPEN, Con, _end, _in, _subtree, position

OPEN_FOLLOWUPS = "('open', 'in progress')"


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
