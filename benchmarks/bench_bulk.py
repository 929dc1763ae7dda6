"""Time a bulk edit (issue 15): 1,000 actions given a new owner, board and due date in one batch,
in a plan of 10,000 actions (100,000 updates), and the batch undone. Target: under 2 s each.

    .venv/bin/python benchmarks/bench_bulk.py                 # SQLite, 10,000 actions
    BENCH_QUICK=1 .venv/bin/python benchmarks/bench_bulk.py   # 1,000 actions: a smoke run

The database is bench_ui's (built once from the generated plan, kept in benchmarks/out/) copied
afresh for each repeat; each figure is the median of --repeats calls in-process: the check a
confirmation shows (plan_set), the batch itself (set_fields), and its undo (undo_batch).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from ui_setup import database, plan_file  # noqa: E402

TARGET = 2.0  # seconds, for 1,000 actions


def once(db: Path, count: int) -> tuple[float, float, float]:
    import dataclasses

    from tracker.config import load_settings
    from tracker.services.actions.bulk import plan_set, set_fields, undo_batch
    from tracker.services.actions.register import list_actions
    from tracker.services.context import open_tracker

    copy = db.with_name("bulk-" + db.name)
    shutil.copy(db, copy)
    settings = load_settings(db.with_suffix(".toml"))
    settings = dataclasses.replace(settings, database_url=f"sqlite:///{copy}")
    t = open_tracker(settings)
    try:
        refs = [r.ref for r in list_actions(t).rows][::5][:count]
        with t.db.reading() as s:
            from sqlalchemy import select

            from tracker.models import Board, Person

            owner = s.scalars(select(Person.code).limit(1)).one()
            board = s.scalars(select(Board.code).limit(1)).one()
        values = {"owner": owner, "board": board, "due": "31 Dec 2029"}
        began = time.perf_counter()
        plan = plan_set(t, values, refs)
        checked = time.perf_counter() - began
        began = time.perf_counter()
        result = set_fields(t, values, plan.refs, expected=plan.versions)
        stored = time.perf_counter() - began
        assert result.batch is not None and len(result.changed) > count // 2, result.summary
        began = time.perf_counter()
        undo_batch(t, result.batch)
        undone = time.perf_counter() - began
    finally:
        t.close()
        copy.unlink(missing_ok=True)
    return checked, stored, undone


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--plan")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--count", type=int, default=1_000)
    a = p.parse_args()
    db = database(plan_file(a))
    runs = [once(db, a.count) for _ in range(a.repeats)]
    names = ("check (plan_set)", "bulk edit (set_fields)", "undo (undo_batch)")
    print(f"{db.name}: {a.count} actions, median of {a.repeats}")
    for i, name in enumerate(names):
        med = statistics.median(r[i] for r in runs)
        verdict = "meets" if med < TARGET else "MISSES"
        print(f"  {name:<24} {med:6.3f} s   target < {TARGET:.0f} s: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
