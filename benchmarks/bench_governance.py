"""The governance roll-up on the benchmark plan (20 boards, 10,000 actions, 100,000 updates), on
SQLite and PostgreSQL. Target: `board_position` for the top board under 0.5 s.

    .venv/bin/python benchmarks/bench_governance.py                 # generates the plan
    BENCH_PLAN=benchmarks/out/plan.yaml .venv/bin/python benchmarks/bench_governance.py

Set-up per database (not timed): import the plan, then give it a governance history: at each
board's held meetings, every update of its actions recorded since the previous meeting is noted,
and every update its child boards noted (or had reported) by then is reported (bulk inserts, the
shape the services leave, recorded on the meeting's evening); PostgreSQL is then ANALYZEd, as
autovacuum would after a bulk load. Then timed, median of BENCH_REPEATS (default 5) after a warm-up:
the roll-up in-process (now; and as of a date, from the history), a middle board's, the waiting
list of a locality board, the trail of one action's updates; and `tracker board position` as a
whole process (start-up included). PostgreSQL: TRACKER_BENCH_PG_URL or 127.0.0.1:5432.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import backends  # noqa: E402
import timing  # noqa: E402
from sqlalchemy import insert, select, text, update  # noqa: E402

from tracker.config import Settings  # noqa: E402
from tracker.db import Database, migrate  # noqa: E402
from tracker.models import Action, Board, Meeting, StatusUpdate, UpdateReview  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402

TODAY = dt.date(2026, 3, 1)  # the generated data's "now"
TOP = "children-first-board"
TARGET = 0.5
REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))


def governance_history(db: Database) -> int:
    """Noted and reported reviews at every held meeting, as holding them would have left."""
    with db.writing() as s:
        boards = {b.id: b.parent_id for b in s.scalars(select(Board))}
        held: dict[int, list[tuple[dt.date, int]]] = defaultdict(list)
        for board_id, day, meeting_id in s.execute(
            select(Meeting.board_id, Meeting.date, Meeting.id)
            .where(Meeting.status == "held", Meeting.date.is_not(None))
            .order_by(Meeting.date)
        ):
            held[board_id].append((day, meeting_id))
        reviews: list[dict[str, Any]] = []
        at: dict[int, dict[int, dt.date]] = defaultdict(dict)  # board -> update -> meeting date

        def evening(day: dt.date) -> dt.datetime:  # held, and its verdicts recorded, that day
            return dt.datetime.combine(day, dt.time(18), tzinfo=dt.UTC)

        for meetings in held.values():
            for day, mid in meetings:
                s.execute(update(Meeting).where(Meeting.id == mid).values(held_at=evening(day)))
        for uid, recorded, board_id in s.execute(
            select(StatusUpdate.id, StatusUpdate.recorded_at, Action.board_id)
            .join(Action, Action.id == StatusUpdate.action_id)
            .where(Action.board_id.is_not(None))
        ):
            dates = [d for d, _ in held.get(board_id, [])]
            i = bisect.bisect_left(dates, recorded.date())
            if i < len(dates):
                day, mid = held[board_id][i]
                at[board_id][uid] = day
                reviews.append({"update_id": uid, "board_id": board_id, "meeting_id": mid,
                                "outcome": "noted", "recorded_by": "bench",
                                "recorded_at": evening(day)})  # fmt: skip

        def depth(b: int) -> int:
            n, p = 0, boards[b]
            while p is not None:
                n, p = n + 1, boards[p]
            return n

        for child in sorted(boards, key=depth, reverse=True):  # children before parents
            parent = boards[child]
            if parent is None or parent not in held:
                continue
            dates = [d for d, _ in held[parent]]
            for uid, noted_on in at[child].items():
                if uid in at[parent]:
                    continue
                i = bisect.bisect_left(dates, noted_on)
                if i < len(dates):
                    day, mid = held[parent][i]
                    at[parent][uid] = day
                    reviews.append({"update_id": uid, "board_id": parent, "meeting_id": mid,
                                    "outcome": "reported", "recorded_by": "bench",
                                    "recorded_at": evening(day)})  # fmt: skip
        for start in range(0, len(reviews), 20_000):
            s.execute(insert(UpdateReview), reviews[start : start + 20_000])
    return len(reviews)


def timed(fn: Callable[[], Any], repeats: int = REPEATS) -> tuple[float, Any]:
    """Median wall time of `repeats` calls after a warm-up call, and the warm-up's result."""
    result = fn()  # warm-up
    return timing.median_of(fn, repeats).median, result


def process(config: Path, *args: str, repeats: int = REPEATS) -> float:
    env = {**os.environ, "TRACKER_CONFIG": str(config)}
    env.pop("TRACKER_DB_URL", None)
    return timing.repeat([timing.TRACKER, *args], repeats=repeats, warmup=1, env=env).median


def bench(name: str, url: str, plan: Path, folder: Path) -> list[tuple[str, float]]:
    from tracker.services.governance.position import board_position
    from tracker.services.governance.trail import trail_for_updates, waiting_updates
    from tracker.services.plans import import_plan

    db = Database(url)
    migrate(db)
    settings = Settings(database_url=url, user="Benchmark", today=str(TODAY))
    t = Tracker(db=db, settings=settings)
    start = time.perf_counter()
    import_plan(t, plan)
    reviews = governance_history(db)
    if db.dialect == "postgresql":
        # what autovacuum does after a bulk load; without it the planner guesses from empty
        # tables (a running server has statistics)
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
    with db.reading() as s:
        actions = s.scalar(text("SELECT count(*) FROM action"))
        updates = s.scalar(text("SELECT count(*) FROM status_update"))
        boards = s.scalar(text("SELECT count(*) FROM board WHERE kind = 'board'"))
        middle = s.scalar(
            select(Board.code).where(Board.parent.has(code=TOP)).order_by(Board.code).limit(1)
        )
        locality = s.scalar(
            select(Board.code).where(Board.parent.has(code=middle)).order_by(Board.code).limit(1)
        )
        one = s.scalars(
            select(StatusUpdate.id).join(Action).where(Action.ref == s.scalar(
                select(Action.ref).order_by(Action.ref).limit(1)))
        ).all()  # fmt: skip
    print(f"{name}: {actions:,} actions, {updates:,} updates, {boards} boards, {reviews:,} "
          f"reviews (set-up {time.perf_counter() - start:.1f} s)", flush=True)  # fmt: skip
    figures: list[tuple[str, float]] = []
    now, p = timed(lambda: board_position(t, TOP))
    figures.append((f"board_position({TOP}) now", now))
    print(f"  top board now: {p.total:,} actions in {len(p.boards_included)} boards, "
          f"{len(p.overdue):,} overdue, {len(p.worsened):,} worsened since "
          f"{p.last_meeting}, {sum(len(c.reported) for c in p.children):,} reported, "
          f"{sum(len(c.to_report) for c in p.children):,} to report", flush=True)  # fmt: skip
    dated, _ = timed(lambda: board_position(t, TOP, as_of=dt.date(2025, 12, 31)))
    figures.append((f"board_position({TOP}) as of 2025-12-31", dated))
    mid, _ = timed(lambda: board_position(t, middle))
    figures.append((f"board_position({middle}) now", mid))
    wait, w = timed(lambda: waiting_updates(t, locality))
    figures.append((f"waiting_updates({locality}) ({len(w)} updates)", wait))
    trail, _ = timed(lambda: trail_for_updates(t, one))
    figures.append((f"trail_for_updates({len(one)} updates of one action)", trail))
    db.dispose()
    config = backends.write_config(folder / f"{name}.toml", url, user="Benchmark", today=str(TODAY))
    figures.append((f"`tracker board position {TOP}` (whole process)",
                    process(config, "board", "position", TOP)))  # fmt: skip
    return figures


def report(name: str, figures: list[tuple[str, float]]) -> bool:
    ok = True
    for label, seconds in figures:
        mark = ""
        if label.startswith(f"board_position({TOP})"):
            passed = seconds < TARGET
            ok &= passed
            mark = f"  target < {TARGET} s: {'PASS' if passed else 'MISS'}"
        print(f"  {name:<10} {label:<64} {seconds * 1000:8.1f} ms{mark}", flush=True)
    return ok


def main() -> int:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan = backends.plan_file(folder)
        print(f"plan: {plan}; median of {REPEATS} runs after a warm-up", flush=True)
        for kind, name in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL")):
            with backends.database(kind, folder, tag="gov") as url:
                if url is not None:
                    ok &= report(name, bench(name, url, plan, folder))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
