"""Time the reporting cycle on a big plan: the return ledger of the busiest board, and writing
every owner's return sheet.

    .venv/bin/python benchmarks/bench_returns.py                     # 10,000 actions, SQLite + PG
    .venv/bin/python benchmarks/bench_returns.py --db sqlite --actions 2000 --updates 20000
    .venv/bin/python benchmarks/bench_returns.py --plan benchmarks/out/plan.yaml

The plan comes from benchmarks/generate.py (10,000 actions, 100,000 updates, 20 boards, 200
people by default); each database is loaded with it once (not timed). Timed, in-process, as the
service calls a command makes (`tracker returns status`, `tracker returns send`):

- `return_ledger` for the board with the most actions: median of `--repeats` after a warm-up.
  Target: under 0.3 s.
- `write_return_sheets` for that board: one .xlsx per owner owing it a return (about 200 of
  the plan's 200 people), the whole call, once. Target: under 20 s.

Wall time, and this process's CPU time beside it (on a busy machine the closer guide).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import backends  # noqa: E402
import timing  # noqa: E402
from generate import generate  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from tracker.config import load_settings  # noqa: E402
from tracker.db import Database, migrate  # noqa: E402
from tracker.models import Action, Board  # noqa: E402
from tracker.services.context import Tracker, open_tracker  # noqa: E402
from tracker.services.plans import import_plan  # noqa: E402
from tracker.services.returns.ledger import return_ledger  # noqa: E402
from tracker.services.returns.sheets import write_return_sheets  # noqa: E402

LEDGER_TARGET, SHEETS_TARGET = 0.3, 20.0


def timed(label: str, fn: Callable[[], Any]) -> tuple[float, float, Any]:
    began, cpu = time.perf_counter(), time.process_time()
    value = fn()
    took, used = time.perf_counter() - began, time.process_time() - cpu
    print(f"  {label:<58} {took:7.2f} s wall {used:7.2f} s cpu", flush=True)
    return took, used, value


def busiest(t: Tracker) -> tuple[str, int]:
    with t.db.reading() as s:
        code, n = s.execute(
            select(Board.code, func.count(Action.id))
            .join(Action, Action.board_id == Board.id)
            .group_by(Board.code)
            .order_by(func.count(Action.id).desc())
            .limit(1)
        ).one()
    return str(code), int(n)


def bench(kind: str, plan: Path, folder: Path, repeats: int) -> dict[str, str] | None:
    with backends.database(kind, folder, tag="returns") as url:
        if url is None:
            return None
        print(f"\n{kind}:")
        db = Database(url)
        migrate(db)
        db.dispose()
        config = backends.write_config(folder / f"{kind}.toml", url, papers=folder / kind)
        t = open_tracker(load_settings(config))
        try:
            timed("load the plan (not part of the figures)", lambda: import_plan(t, plan))
            board, actions = busiest(t)
            ledger = return_ledger(t, board)  # the warm-up
            took = timing.median_of(lambda: return_ledger(t, board), repeats)
            print(
                f"  return_ledger {board} ({actions} actions, {ledger.expected} expected, "
                f"{ledger.outstanding} outstanding from {len(ledger.owing())} owners): "
                f"median {took.median:.3f} s wall {took.cpu_median:.3f} s cpu",
                flush=True,
            )
            wall, cpu, sent = timed(
                f"write_return_sheets {board} (one per owner owing)",
                lambda: write_return_sheets(t, board, folder / kind / board),
            )
            files = len(sent.sheets)
            print(f"    {files} sheets written")
            return {
                "ledger": f"{took.median:.3f} s ({took.cpu_median:.3f} s cpu), "
                f"{ledger.expected} expected",
                "sheets": f"{wall:.1f} s ({cpu:.1f} s cpu), {files} files",
                "ledger_ok": "met" if took.median < LEDGER_TARGET else "MISSED",
                "sheets_ok": "met" if wall < SHEETS_TARGET else "MISSED",
            }
        finally:
            t.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--actions", type=int, default=10_000)
    p.add_argument("--updates", type=int, default=100_000)
    p.add_argument("--plan", type=Path, default=os.environ.get("BENCH_PLAN") or None,
                   help="use this plan file instead of generating one")  # fmt: skip
    p.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    p.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", "5")))
    a = p.parse_args(argv)
    if os.environ.get("BENCH_QUICK") == "1" and a.plan is None:
        a.actions, a.updates = 1_000, 10_000
    with tempfile.TemporaryDirectory(prefix="bench-returns-") as tmp:
        folder = Path(tmp)
        plan = a.plan
        if plan is None:
            plan = folder / "plan.yaml"
            plan.write_text(generate(a.actions, a.updates, 20, 0), encoding="utf-8")
            print(f"generated {a.actions} actions, {a.updates} updates: {plan}")
        kinds = ("sqlite", "postgresql") if a.db == "both" else (a.db,)
        results = {k: bench(k, plan, folder, a.repeats) for k in kinds}
    done = {k: r for k, r in results.items() if r}
    print("\n| measure | " + " | ".join(done) + " | target |")
    print("|---|" + "---|" * len(done) + "---|")
    print("| return ledger, busiest board | "
          + " | ".join(f"{r['ledger']}: {r['ledger_ok']}" for r in done.values())
          + f" | < {LEDGER_TARGET} s |")  # fmt: skip
    print("| every owner's return sheet | "
          + " | ".join(f"{r['sheets']}: {r['sheets_ok']}" for r in done.values())
          + f" | < {SHEETS_TARGET:g} s for ~200 |")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
