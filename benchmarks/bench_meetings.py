"""Meetings as records on the benchmark plan (10,000 actions, 100,000 updates, 20 boards), on
SQLite and PostgreSQL. Targets: recording a meeting with 500 verdicts, and rendering its draft
minutes, each under 1 s in process; opening a meeting's record in the app under 0.2 s.

    .venv/bin/python benchmarks/bench_meetings.py                 # generates the plan
    BENCH_PLAN=benchmarks/out/plan.yaml .venv/bin/python benchmarks/bench_meetings.py

Set-up per database (not timed): import the plan (its updates wait for their boards: no meeting
has been held). Then, for each of BENCH_REPEATS boards with the most waiting updates, one timed
`record_meeting` of a past meeting (2026-02-27) with 500 verdicts (450 noted, 50 challenged
with a comment), 10 decisions and 10 actions arising; a recording is a write, so each board is
recorded once and the median is over the boards. Then `preview_paper("minutes", ...)` of that
meeting (median after a warm-up), and in the app: the meeting record window pushed until the
first frame drawn with the record in it (median of BENCH_REPEATS, after a warm-up; wall time
and the process's CPU time). PostgreSQL:
TRACKER_BENCH_PG_URL or 127.0.0.1:5432.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import backends  # noqa: E402
import timing  # noqa: E402
from sqlalchemy import func, select, text  # noqa: E402

from tracker.config import Settings  # noqa: E402
from tracker.db import Database, migrate  # noqa: E402
from tracker.models import Action, Board, StatusUpdate  # noqa: E402
from tracker.services.context import Tracker  # noqa: E402

TODAY = dt.date(2026, 3, 1)
HELD = dt.date(2026, 2, 27)
VERDICTS = 500
TARGET_WRITE = 1.0
TARGET_APP = 0.2
REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))


def _boards(t: Tracker, n: int) -> list[tuple[str, list[int]]]:
    """The n boards with the most updates by HELD, and 500 of each one's update ids."""
    end = dt.datetime.combine(HELD + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    with t.db.reading() as s:
        ranked = s.execute(
            select(Board.code, Board.id, func.count(StatusUpdate.id))
            .join(Action, Action.board_id == Board.id)
            .join(StatusUpdate, StatusUpdate.action_id == Action.id)
            .where(StatusUpdate.recorded_at < end)
            .group_by(Board.code, Board.id)
            .order_by(func.count(StatusUpdate.id).desc())
        ).all()[:n]
        out = []
        for code, board_id, _count in ranked:
            ids = s.scalars(
                select(StatusUpdate.id).join(Action)
                .where(Action.board_id == board_id, StatusUpdate.recorded_at < end)
                .order_by(StatusUpdate.id).limit(VERDICTS)
            ).all()  # fmt: skip
            out.append((code, list(ids)))
    return out


def record_one(t: Tracker, board: str, ids: list[int]) -> float:
    from tracker.services.governance.holding import Minuted, record_meeting
    from tracker.services.governance.minuted import ActionArising, MeetingDetails
    from tracker.services.governance.reviews import Verdict

    verdicts = [
        Verdict(uid, "challenged", f"Give the recovery plan ({i})") if i % 10 == 0
        else Verdict(uid, "noted")
        for i, uid in enumerate(ids)
    ]  # fmt: skip
    minuted = Minuted(
        details=MeetingDetails(starts=dt.time(10), ends=dt.time(12), location="Civic Centre",
                               chair="The Chair"),
        apologies=("A. Member",),
        decisions=tuple(f"the item {i} report be approved" for i in range(1, 11)),
        actions=tuple(ActionArising("Head of Early Help", f"report back on item {i}",
                                    HELD + dt.timedelta(days=30), str(i)) for i in range(1, 11)),
    )  # fmt: skip
    start = time.perf_counter()
    result = record_meeting(t, board, HELD, attendees=["The Chair", "A. Officer"],
                            verdicts=verdicts, minuted=minuted)  # fmt: skip
    elapsed = time.perf_counter() - start
    assert len(result.reviewed) == len(ids), (len(result.reviewed), len(ids))
    return elapsed


async def open_records(
    settings: Settings, board: str, repeats: int
) -> tuple[list[float], list[float]]:
    """Wall seconds from pushing the record window to the first frame drawn with the record in
    it (the window's own refresh after it filled itself), and the process's CPU seconds over
    the same span (the worker's read and the painting, on every thread)."""
    from tracker.ui.app import create_app
    from tracker.ui.boards.meetings import MeetingRecordScreen

    app = create_app(settings)
    samples: list[float] = []
    cpu: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        # the dashboard read and filled, the register prepared: the app at rest, as a user
        # finds it when opening a record
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
            await asyncio.sleep(0.5)
        for _ in range(repeats + 1):
            screen = MeetingRecordScreen(app.services, board, HELD)
            start, start_cpu = time.perf_counter(), time.process_time()
            app.push_screen(screen)
            while screen.record is None:
                await asyncio.sleep(0.001)
            painted = asyncio.Event()
            screen.call_after_refresh(painted.set)  # runs once the filled window is drawn
            await painted.wait()
            samples.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
    return samples[1:], cpu[1:]  # the first is the warm-up


def bench(name: str, url: str, plan: Path) -> list[tuple[str, float, float | None]]:
    from tracker.services.papers.render import preview_paper
    from tracker.services.plans import import_plan

    db = Database(url)
    migrate(db)
    settings = Settings(database_url=url, user="Benchmark", today=TODAY)
    t = Tracker(db=db, settings=settings)
    start = time.perf_counter()
    import_plan(t, plan)
    if db.dialect == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
    boards = _boards(t, REPEATS)
    print(f"{name}: set-up {time.perf_counter() - start:.1f} s; boards "
          f"{', '.join(f'{b} ({len(ids)})' for b, ids in boards)}", flush=True)  # fmt: skip
    writes = [record_one(t, board, ids) for board, ids in boards]
    board = boards[0][0]
    paper = preview_paper(t, "minutes", board, HELD)  # warm-up
    minutes = timing.median_of(lambda: preview_paper(t, "minutes", board, HELD), REPEATS).median
    print(f"  minutes of {board} {HELD}: {len(paper.text):,} characters", flush=True)
    app, app_cpu = asyncio.run(open_records(settings, board, REPEATS))
    db.dispose()
    return [
        (f"record_meeting, {VERDICTS} verdicts (median of {len(writes)} boards)",
         statistics.median(writes), TARGET_WRITE),
        (f"record_meeting, slowest of {len(writes)}", max(writes), None),
        ("preview_paper minutes of that meeting", minutes, TARGET_WRITE),
        ("app: meeting record window, push to record drawn", statistics.median(app), TARGET_APP),
        ("app: the same, CPU of the process", statistics.median(app_cpu), None),
    ]  # fmt: skip


def report(name: str, figures: list[tuple[str, float, float | None]]) -> bool:
    ok = True
    for label, seconds, target in figures:
        mark = ""
        if target is not None:
            passed = seconds < target
            ok &= passed
            mark = f"  target < {target} s: {'PASS' if passed else 'MISS'}"
        print(f"  {name:<10} {label:<56} {seconds * 1000:8.1f} ms{mark}", flush=True)
    return ok


def main() -> int:
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan = backends.plan_file(folder)
        print(f"plan: {plan}; {REPEATS} runs per figure", flush=True)
        for kind, name in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL")):
            with backends.database(kind, folder, tag="meet") as url:
                if url is not None:
                    ok &= report(name, bench(name, url, plan))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
