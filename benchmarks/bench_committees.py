"""Committee resolutions and follow-ups on the benchmark plan (2,000 resolutions with their
follow-ups, 10,000 actions, 100,000 updates), on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_committees.py                 # generates the plan
    BENCH_PLAN=benchmarks/out/plan.yaml .venv/bin/python benchmarks/bench_committees.py

Set-up per database (not timed): `tracker plan import`, then BENCH_FOLLOWUPS (default 20,000)
extra follow-ups spread over the committees' meetings (bulk insert, a third of them closed), so
the lists have something to chew on. Timed, median of BENCH_REPEATS (default 5) after a warm-up,
each a whole `tracker` process (start-up included; wall and the process's own CPU time,
steadier on a shared machine): the lists, matters arising, a minutes
import (dry run; then a re-import that finds nothing new) and the calendar export; and the
app's reads in-process (no start-up). PostgreSQL: TRACKER_BENCH_PG_URL or 127.0.0.1:5432.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import backends  # noqa: E402
import timing  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from tracker.config import load_settings  # noqa: E402
from tracker.models import Board, FollowUp, Meeting  # noqa: E402
from tracker.services.context import open_tracker  # noqa: E402

COMMISSION = "improving-lives-select-commission"
SEED = ROOT.parent / "shared" / "seeds" / "003_4bcb952e8a5ea98c.txt"
QUICK = os.environ.get("BENCH_QUICK") == "1"
REPEATS = int(os.environ.get("BENCH_REPEATS", "3" if QUICK else "5"))
EXTRA = int(os.environ.get("BENCH_FOLLOWUPS", "2000" if QUICK else "20000"))


def plan_file(folder: Path) -> Path:
    quick = ("--actions", "1000", "--updates", "10000", "--resolutions", "200") if QUICK else ()
    return backends.plan_file(folder, *quick)


def add_followups(config: Path, n: int) -> int:
    """n more follow-ups over the committees' held meetings; every third one closed."""
    t = open_tracker(load_settings(config))
    try:
        with t.db.writing() as s:
            meetings = s.execute(
                select(Meeting.id, Meeting.date)
                .join(Board, Meeting.board_id == Board.id)
                .where(Board.kind == "committee", Meeting.date < dt.date(2026, 3, 1))
            ).all()
            rows: list[dict[str, Any]] = []
            for i in range(n):
                mid, day = meetings[i % len(meetings)]
                done = i % 3 == 0
                rows.append({
                    "meeting_id": mid, "position": 1000 + i, "owner_text": f"Officer {i % 97}",
                    "text": f"Bench follow-up {i}", "due": day + dt.timedelta(days=30 + i % 90),
                    "status": "done" if done else ("open" if i % 3 == 1 else "in progress"),
                    "closed_on": day + dt.timedelta(days=20) if done else None,
                    "fingerprint": hashlib.sha256(f"bench{i}".encode()).hexdigest(),
                    "version": 1,
                })  # fmt: skip
            s.execute(insert(FollowUp), rows)
        return len(rows)
    finally:
        t.close()


def in_process(config: Path, fn: Callable[[Any], object]) -> float:
    t = open_tracker(load_settings(config))
    try:
        return timing.median_of(lambda: fn(t), REPEATS, warmup=1).median
    finally:
        t.close()


def bench(b: backends.Backend, plan: Path, out: Path) -> list[tuple[str, str]]:
    from tracker.services.committees.arising import matters_arising
    from tracker.services.committees.resolutions import (
        list_committees,
        list_meetings,
        meeting_detail,
    )

    b.fresh()
    timing.run(b.tracker("plan", "import", str(plan)), env=b.env)
    extra = add_followups(b.config, EXTRA) if EXTRA else 0
    env = b.env
    figures: list[tuple[str, str]] = [("extra follow-ups inserted", f"{extra:,}")]

    def proc(label: str, *args: str) -> None:
        took = timing.repeat(b.tracker(*args), repeats=REPEATS, env=env)
        shown = " ".join(a if len(a) < 30 else Path(a).name for a in args)
        figures.append((f"`tracker {shown}`", f"{took} ({timing.seconds(took.cpu_median)} CPU)"))

    proc("", "followups", "list", "--open")
    proc("", "followups", "list", "--overdue", "--committee", COMMISSION)
    proc("", "resolutions", "list", "--open")
    proc("", "followups", "arising", "--committee", COMMISSION)
    proc("", "minutes", "import", str(SEED), "--committee", "cabinet", "--date", "2026-02-20",
         "--dry-run")  # fmt: skip
    timing.run(b.tracker("minutes", "import", str(SEED), "--committee", "cabinet", "--date",
                         "2026-02-20"), env=env)  # fmt: skip
    proc("", "minutes", "import", str(SEED), "--committee", "cabinet", "--date", "2026-02-20")
    proc("", "calendar", "export", str(out / f"bench-{b.name}.ics"))

    latest = [m for m in list_meetings_safe(b.config, list_meetings) if m.date][-1]
    for label, fn in (
        ("in-process: committees with open/overdue counts", lambda t: list_committees(t)),
        ("in-process: one meeting's resolutions and follow-ups",
         lambda t: meeting_detail(t, latest.id)),
        ("in-process: matters arising at the latest meeting",
         lambda t: matters_arising(t, COMMISSION, latest.date)),
    ):  # fmt: skip
        figures.append((label, timing.seconds(in_process(b.config, fn))))
    return figures


def list_meetings_safe(config: Path, fn: Callable[..., Any]) -> Any:
    t = open_tracker(load_settings(config))
    try:
        return fn(t, COMMISSION)
    finally:
        t.close()


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="bench-committees-"))
    plan = plan_file(folder)
    print(f"# Committees: resolutions and follow-ups ({timing.machine()})\n")
    print(f"plan: {plan.name}; repeats {REPEATS}; medians\n")
    backs: list[backends.Backend] = [backends.sqlite()]
    pg = backends.postgresql()
    if isinstance(pg, str):
        print(f"PostgreSQL skipped: {pg}\n")
    else:
        backs.append(pg)
    results = {}
    for b in backs:
        try:
            results[b.name] = bench(b, plan, folder)
        finally:
            b.close()
    names = list(results)
    print("| figure | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for i, (label, _) in enumerate(results[names[0]]):
        print(f"| {label} | " + " | ".join(results[n][i][1] for n in names) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
