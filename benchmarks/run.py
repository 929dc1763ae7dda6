"""Time tracker on a large plan, on SQLite and PostgreSQL, against taskwarrior as the yardstick.

    .venv/bin/python benchmarks/run.py              # the full run (about half an hour)
    .venv/bin/python benchmarks/run.py --quick      # small plans, fewer repeats: a smoke run
    .venv/bin/python benchmarks/run.py --only startup,list --db sqlite

Every figure is a whole process (`tracker ...` as a user types it, start-up included), the median
of --repeats runs after one untimed warm-up, except the YAML parse, which is in-process. Plans
are generated into benchmarks/out/ (reused while generate.py and generate_words.py are
unchanged). The figures are printed and written to benchmarks/out/latest.md for pasting into
benchmarks/README.md. Then every other benchmarks/bench_*.py script is run, and its output is
added to the same file.

The timed commands are in run_commands.py, the figures, targets and report in run_results.py.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import backends  # noqa: E402
import generate  # noqa: E402
import taskwarrior  # noqa: E402
import timing  # noqa: E402
from run_commands import (  # noqa: E402
    Yardstick,
    bench_backend,
    in_progress,
    load_taskwarrior,
    time_taskwarrior_alone,
)
from run_results import Cell, Results, check_targets, write_report  # noqa: E402

OUT = HERE / "out"
PARTS = ("startup", "import", "list", "update", "big", "taskwarrior", "others")


def plan_file(actions: int, updates: int, boards: int, resolutions: int, seed: int,
              regenerate: bool = False) -> Path:  # fmt: skip
    """The generated plan in benchmarks/out/, made again only when generate.py (or the words it
    draws on, generate_words.py) changed."""
    made_by = Path(generate.__file__)
    sources = (made_by, made_by.with_name("generate_words.py"))
    digest = hashlib.sha1(b"".join(f.read_bytes() for f in sources)).hexdigest()[:8]
    path = OUT / f"plan-{actions}a-{updates}u-{boards}b-{resolutions}r-s{seed}-{digest}.yaml"
    for old in OUT.glob("plan-*.yaml"):
        if not old.name.endswith(f"-{digest}.yaml"):
            old.unlink()  # from an older generate.py
    if regenerate or not path.exists():
        began = time.perf_counter()
        text = generate.generate(actions, updates, boards, resolutions, seed)
        OUT.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        print(f"generated {path.name} in {time.perf_counter() - began:.1f}s", flush=True)
    return path


def parse(path: Path, repeats: int) -> tuple[dict[str, Any], timing.Timing]:
    import yaml

    t = timing.Timing()
    data: dict[str, Any] = {}
    for _ in range(repeats):
        began, cpu = time.perf_counter(), time.process_time()
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=yaml.CSafeLoader)
        t.add(time.perf_counter() - began, time.process_time() - cpu)
    return data, t


def run_others(res: Results, a: argparse.Namespace, plan: Path | None) -> None:
    """Every other benchmarks/bench_*.py: a standalone script that prints its own figures."""
    env = {**os.environ, "BENCH_REPEATS": str(a.repeats)}
    if a.quick:
        env["BENCH_QUICK"] = "1"
    if plan is not None:
        env["BENCH_PLAN"] = str(plan)
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n== {script.name} ==", flush=True)
        captured: list[str] = []
        with subprocess.Popen(
            [sys.executable, str(script)], env=env, cwd=HERE.parent, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        ) as proc:  # fmt: skip
            # SIGTERM (not SIGKILL) so that the script can drop what it created
            watchdog = threading.Timer(a.others_timeout, proc.terminate)
            watchdog.start()
            assert proc.stdout is not None
            for line in proc.stdout:
                print(line, end="", flush=True)
                captured.append(line)
            code = proc.wait()
            watchdog.cancel()
        if code == -signal.SIGTERM:
            captured.append(f"(stopped after --others-timeout {a.others_timeout:.0f}s)\n")
        res.others.append((script.name, code, "".join(captured)))


def options(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true",
                   help="1,000 + 10,000 actions, 3 repeats (a smoke run)")  # fmt: skip
    p.add_argument("--actions", type=int, help="actions in the main plan (default 10,000)")
    p.add_argument("--updates", type=int, help="status updates in it (default 100,000)")
    p.add_argument("--resolutions", type=int, help="resolutions in it (default 2,000)")
    p.add_argument("--boards", type=int, default=20)
    p.add_argument("--big", type=int, help="actions in the big plan (default 100,000)")
    p.add_argument("--big-updates", type=int, help="status updates in it (default 100,000)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--repeats", type=int, help="runs per figure (default 5)")
    p.add_argument("--import-repeats", type=int, help="imports per database (default 3)")
    p.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    p.add_argument(
        "--pg-url",
        help=f"PostgreSQL admin URL (default {backends.PG_ADMIN_DEFAULT}"
        " or TRACKER_BENCH_PG_URL); a database is created for the run and dropped",
    )
    p.add_argument("--only", help=f"comma-separated parts: {','.join(PARTS)}")
    p.add_argument("--skip", help="comma-separated parts to leave out")
    p.add_argument("--regenerate", action="store_true", help="generate the plans again")
    p.add_argument("--others-timeout", type=float, default=1800,
                   help="seconds each bench_*.py may run (default 1800)")  # fmt: skip
    a = p.parse_args(argv)
    a.argv = list(sys.argv[1:] if argv is None else argv)
    quick = a.quick
    a.actions = a.actions or (1_000 if quick else 10_000)
    a.updates = a.updates if a.updates is not None else (10_000 if quick else 100_000)
    a.resolutions = a.resolutions if a.resolutions is not None else (200 if quick else 2_000)
    a.big = a.big or (10_000 if quick else 100_000)
    a.big_updates = a.big_updates if a.big_updates is not None else (10_000 if quick else 100_000)
    a.repeats = a.repeats or (3 if quick else 5)
    a.import_repeats = a.import_repeats or (1 if quick else 3)
    parts = set(a.only.split(",")) if a.only else set(PARTS)
    parts -= set(a.skip.split(",")) if a.skip else set()
    unknown = parts - set(PARTS)
    if unknown:
        p.error(f"unknown part(s) {', '.join(sorted(unknown))}; parts: {', '.join(PARTS)}")
    a.parts = parts
    return a


def main(argv: list[str] | None = None) -> int:
    a = options(argv)
    # a plain `kill` still drops the PostgreSQL databases and temp folders (finally: below)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    res = Results()
    dbs: list[backends.Backend] = []
    tw: dict[str, Yardstick] = {}
    pg_version = None
    if a.db in ("sqlite", "both"):
        dbs.append(backends.sqlite())
    if a.db in ("postgresql", "both"):
        pg = backends.postgresql(a.pg_url)
        if isinstance(pg, str):
            print(f"PostgreSQL skipped: {pg}", flush=True)
            res.notes.append(f"PostgreSQL skipped: {pg}")
        else:
            dbs.append(pg)
            pg_version = pg.version
    info = timing.machine(pg_version)
    for k, v in info.items():
        print(f"{k}: {v}")

    tw_reason = taskwarrior.ensure_installed() if "taskwarrior" in a.parts else None
    if tw_reason:
        print(f"taskwarrior skipped: {tw_reason}", flush=True)
        res.notes.append(f"taskwarrior skipped: {tw_reason}")

    try:
        if "startup" in a.parts:
            sec = "Start-up (no database work)"
            for label, argv in (
                ("`python -c pass` (the floor)", [sys.executable, "-c", "pass"]),
                ("`tracker --help`", [timing.TRACKER, "--help"]),
            ):
                t = timing.repeat(argv, repeats=a.repeats)
                res.put(sec, label, "SQLite", Cell.of(t))
                res.put(sec, label, "PostgreSQL", Cell.of(t, "no database: as SQLite"))
            if not tw_reason and "taskwarrior" in a.parts:
                t = timing.repeat(["task", "--version"], repeats=a.repeats)
                res.put(sec, "`task --version`", "taskwarrior", Cell.of(t))

        sec = f"{a.actions:,} actions, {a.updates:,} status updates"
        small = plan_file(a.actions, a.updates, a.boards, a.resolutions, a.seed, a.regenerate)
        data, parsed = parse(small, 1 if a.quick else min(3, a.repeats))
        size = small.stat().st_size / 1e6
        label = "YAML parse only (`CSafeLoader`, in-process)"
        res.put(sec, label, "SQLite", Cell.of(parsed, f"{size:.1f} MB file"))
        res.put(sec, label, "PostgreSQL", Cell.of(parsed, "the same file"))
        board = taskwarrior.busiest_board(data.get("actions") or [])

        big: Path | None = None
        big_data: dict[str, Any] = {}
        big_board = board
        big_ref: str | None = None
        if "big" in a.parts:
            big = plan_file(a.big, a.big_updates, a.boards, a.resolutions, a.seed, a.regenerate)
            big_data, _ = parse(big, 1)
            big_board = taskwarrior.busiest_board(big_data.get("actions") or [])
            big_ref = in_progress(big_data)

        if not tw_reason and "taskwarrior" in a.parts:
            print("taskwarrior", info["taskwarrior"], flush=True)
            tw[sec] = load_taskwarrior(res, sec, data, board)
            if big is not None:
                bsec = f"{a.big:,} actions, {a.big_updates:,} status updates"
                tw[bsec] = load_taskwarrior(res, bsec, big_data, big_board)
        del big_data

        for be in dbs:
            bench_backend(res, be, a, small, data, big, big_board, big_ref, tw)
            be.drop()
        for section, yard in tw.items():
            time_taskwarrior_alone(res, section, yard, a.repeats)
        check_targets(res, a, big_board)
    finally:
        for be in dbs:
            be.close()
        for yard in tw.values():
            yard.db.cleanup()

    if "others" in a.parts:
        run_others(res, a, small if "small" in locals() else None)
    info["load average at the end"] = timing.load()
    path = write_report(res, a, info)
    print()
    if res.targets:
        for d, t, m, v in res.targets:
            print(f"{v}  {d}: {t}: {m}")
    for note in res.notes:
        print(f"note: {note}")
    print(f"\nwritten: {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
