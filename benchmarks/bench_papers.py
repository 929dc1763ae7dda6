"""Time board papers on the benchmark plan: the Supporting Families Board's highlight report
(its subtree holds about a quarter of the 10,000 actions and their 100,000 updates), and the
other bundled papers once each.

    .venv/bin/python benchmarks/bench_papers.py                      # SQLite and PostgreSQL
    .venv/bin/python benchmarks/bench_papers.py --db sqlite --repeats 7
    .venv/bin/python benchmarks/bench_papers.py --config /tmp/loaded/tracker.toml   # a loaded db

The plan is $BENCH_PLAN (run.py passes it), else --plan, else generated (benchmarks/generate.py,
its defaults). Each database is loaded once (not timed). Timed: the service call that renders
the paper in memory (preview_paper: context + template + Markdown, and HTML), the first call in
a process apart from the median of the rest, and the whole `tracker paper render` command,
start-up and file write included. The goal: the highlight report renders in under 1 s (as a
Word document, .docx: under 3 s).
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

from tracker.config import load_settings  # noqa: E402
from tracker.db import Database, migrate  # noqa: E402
from tracker.services.context import open_tracker  # noqa: E402

BOARD = "supporting-families-board"
GOAL = 1.0  # seconds, for the highlight report


def once(fn: Callable[[], Any]) -> tuple[float, Any]:
    began = time.perf_counter()
    value = fn()
    return time.perf_counter() - began, value


def median_of(fn: Callable[[], Any], repeats: int) -> str:
    """'0.39 s (cpu 0.35 s)': median wall time and median CPU time of `repeats` runs."""
    return wall_cpu(timing.median_of(fn, repeats))


def wall_cpu(t: timing.Timing) -> str:
    return f"{t.median:.2f} s (cpu {t.cpu_median:.2f} s)"


def config_for(url: str, folder: Path, kind: str) -> Path:
    return backends.write_config(folder / f"{kind}.toml", url, papers=folder / "papers")


def bench(config: Path, repeats: int, plan: Path | None) -> dict[str, str]:
    from tracker.services.papers.render import preview_paper

    t = open_tracker(load_settings(config), check_schema=plan is None)
    out: dict[str, str] = {}
    try:
        if plan is not None:
            from tracker.services.plans import import_plan

            took, _ = once(lambda: import_plan(t, plan))
            print(f"  loaded the plan in {took:.1f} s (not part of the figures)")
        cpu = timing.cpu_now()
        first, paper = once(lambda: preview_paper(t, "highlight", BOARD))
        first_cpu = timing.cpu_now() - cpu
        md = median_of(lambda: preview_paper(t, "highlight", BOARD), repeats)
        html = median_of(lambda: preview_paper(t, "highlight", BOARD, fmt="html"), repeats)
        rows = paper.text.count("\n| ")
        print(f"  highlight: {len(paper.text) // 1000} kB of Markdown, {rows} table rows")
        out["highlight .md, first call in the process"] = f"{first:.2f} s (cpu {first_cpu:.2f} s)"
        out["highlight .md (median)"] = md
        out["highlight .html (median)"] = html
        docx = timing.median_of(lambda: preview_paper(t, "highlight", BOARD, fmt="docx"), repeats)
        out["highlight .docx (median; goal < 3 s)"] = wall_cpu(docx)
        for name, board in (("exception", BOARD), ("matters-arising", "cabinet"),
                            ("cover", "cabinet"), ("outcomes", BOARD)):  # fmt: skip
            took = median_of(lambda n=name, b=board: preview_paper(t, n, b), max(1, repeats // 2))
            out[f"{name} .md (median)"] = took
        env = {k: v for k, v in os.environ.items() if k not in ("TRACKER_DB_URL", "TRACKER_TODAY")}
        env["TRACKER_CONFIG"] = str(config)
        argv = [timing.TRACKER, "paper", "render", "highlight", "--board", BOARD]
        # one warm-up run (the OS file cache, not our code); CPU: the process's own
        out["`tracker paper render highlight` (whole process)"] = wall_cpu(
            timing.repeat(argv, repeats=repeats, warmup=1, env=env)
        )
    finally:
        t.close()
    for label, value in out.items():
        print(f"  {label:<52} {value}")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--plan", type=Path, default=os.environ.get("BENCH_PLAN") or None,
                   help="the plan file (default: $BENCH_PLAN, else generated)")  # fmt: skip
    p.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    p.add_argument("--repeats", type=int, default=int(os.environ.get("BENCH_REPEATS", "5")))
    p.add_argument("--config", type=Path, help="a tracker.toml of a database already loaded")
    a = p.parse_args(argv)
    results: dict[str, dict[str, str]] = {}
    if a.config:
        print(f"the database of {a.config}:")
        results["given"] = bench(a.config, a.repeats, None)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-papers-") as tmp:
            folder = Path(tmp)
            plan = a.plan
            if plan is None:
                plan = backends.plan_file(folder)
                print(f"generated the plan (10,000 actions, 100,000 updates): {plan}")
            for kind in ("sqlite", "postgresql") if a.db == "both" else (a.db,):
                with backends.database(kind, folder, tag="papers") as url:
                    if url is None:
                        continue
                    print(f"\n{kind}:")
                    db = Database(url)
                    migrate(db)
                    db.dispose()
                    results[kind] = bench(config_for(url, folder, kind), a.repeats, plan)
    columns = list(results)
    print("\n| paper | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for label in next(iter(results.values()), {}):
        print(f"| {label} | " + " | ".join(results[c].get(label, "") for c in columns) + " |")
    worst = max(
        (float(r["highlight .md (median)"].split()[0]) for r in results.values()), default=0.0
    )
    print(f"\ngoal: the highlight report in under {GOAL:.0f} s: "
          f"{'met' if worst < GOAL else 'NOT met'} (worst median {worst:.2f} s wall)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
